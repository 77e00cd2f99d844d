import { InvalidOptionError, quote } from '../errors.ts';

/**
 * Checks an `env` option that every start method takes: an object of strings (a key set to
 * `undefined` is left out), or nothing. `also` names what else the method accepts, for the
 * message (`'SHARE_ENV (from node:worker_threads)'` for a thread).
 */
export function checkEnvObject(value: unknown, also?: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const proto = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The 'env' option must be ${also ? `${also} or ` : ''}an object of strings, received ${quote(value)}.`,
    );
  }
  const env: Record<string, string> = {};
  for (const [key, v] of Object.entries(value as object)) {
    if (v === undefined) continue;
    if (typeof v !== 'string') {
      throw new InvalidOptionError(
        'ERR_INVALID_OPTION',
        `env.${key} must be a string, received ${quote(v)}.`,
      );
    }
    env[key] = v;
  }
  return env;
}
