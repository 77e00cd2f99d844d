import { debuglog } from 'node:util';

/** `NODE_DEBUG=proclife` logs each lifecycle transition to stderr. */
export const debug = debuglog('proclife');
