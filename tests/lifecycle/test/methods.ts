/**
 * The start methods the lifecycle suite runs against. A method joins this list when its package
 * implements it; every case then runs once per method, as CPython runs its suite per method.
 */
export const METHODS = ['spawn', 'forkserver', 'thread'] as const;

export type Method = (typeof METHODS)[number];
