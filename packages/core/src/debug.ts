import { nodeUtil } from './builtins.ts';

const noop = (..._args: unknown[]): void => {};

/**
 * `NODE_DEBUG=proclife` logs each lifecycle transition to stderr (Node's `util.debuglog`, so
 * the usual NODE_DEBUG patterns apply). Without NODE_DEBUG nothing is loaded.
 */
export const debug: (message: string, ...args: unknown[]) => void = process.env.NODE_DEBUG
  ? nodeUtil().debuglog('proclife')
  : noop;
