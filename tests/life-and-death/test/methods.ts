/**
 * The start methods the life-and-death suite runs against. A method joins this list when its
 * package implements it ('forkserver' in @proclife/child-process, 'thread' in
 * @proclife/worker-threads); every case then runs once per method.
 */
export const METHODS = ['spawn'] as const;

export type Method = (typeof METHODS)[number];

/** Methods whose children are OS processes of their own (a thread shares its host's pid). */
export const PROCESS_METHODS: readonly Method[] = METHODS.filter((m) => (m as string) !== 'thread');
