import { checkEnvObject, InvalidOptionError, quote } from '@proclife/core/adapter';
import type { ThreadProcessOptions, ThreadResourceLimits } from '../thread-options.ts';

/** The options a thread launcher takes on top of core's, checked. */
export interface ThreadLaunchOptions {
  resourceLimits: ThreadResourceLimits | undefined;
  env: NonNullable<ThreadProcessOptions['env']> | undefined;
}

const LIMIT_KEYS = new Set([
  'maxOldGenerationSizeMb',
  'maxYoungGenerationSizeMb',
  'codeRangeSizeMb',
  'stackSizeMb',
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function checkResourceLimits(value: unknown): ThreadResourceLimits | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The 'resourceLimits' option must be an object such as { maxOldGenerationSizeMb: 64 }, received ${quote(value)}.`,
    );
  }
  for (const [key, limit] of Object.entries(value)) {
    if (!LIMIT_KEYS.has(key)) {
      throw new InvalidOptionError(
        'ERR_INVALID_OPTION',
        `Unknown key ${quote(key)} in the 'resourceLimits' option: use ${[...LIMIT_KEYS].map(quote).join(', ')}.`,
      );
    }
    if (limit !== undefined && (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0)) {
      throw new InvalidOptionError(
        'ERR_INVALID_OPTION',
        `resourceLimits.${key} must be a positive number of megabytes, received ${quote(limit)}.`,
      );
    }
  }
  return value as ThreadResourceLimits;
}

function checkEnv(value: unknown): ThreadLaunchOptions['env'] {
  // node:worker_threads only for a symbol: importing it costs a process's main thread 2 to 3 ms
  // (a child whose target's module imports this package, too), and the Worker needs it only later.
  if (typeof value === 'symbol') {
    const threads = process.getBuiltinModule('node:worker_threads');
    if (value === threads.SHARE_ENV) return threads.SHARE_ENV;
  }
  return checkEnvObject(value, 'SHARE_ENV (from node:worker_threads)');
}

/**
 * Checks the options that `new Process()` did not know and passed through to the launcher.
 * An unknown key is an error (a typo would otherwise be ignored silently).
 */
export function validateThreadOptions(options: Record<string, unknown>): ThreadLaunchOptions {
  for (const key of Object.keys(options)) {
    if (key !== 'resourceLimits' && key !== 'env' && options[key] !== undefined) {
      throw new InvalidOptionError(
        'ERR_INVALID_OPTION',
        `Unknown option ${quote(key)} for a thread: the thread start method takes the Process options and 'resourceLimits' and 'env'.`,
      );
    }
  }
  return { resourceLimits: checkResourceLimits(options.resourceLimits), env: checkEnv(options.env) };
}
