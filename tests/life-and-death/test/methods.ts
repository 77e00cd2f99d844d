/**
 * The start methods the life-and-death suite runs against; every case runs once per method. A
 * new start method joins this list when its package implements it.
 */
export const METHODS = ['spawn', 'forkserver', 'thread'] as const;

export type Method = (typeof METHODS)[number];

/**
 * Whether a method's children are OS processes of their own. A thread shares its host's pid,
 * title and process group, has no signals (terminate() and kill() end it at once, so it cannot
 * trap SIGTERM), and what it starts with child_process is its host's child.
 */
export function ownProcess(method: Method): boolean {
  return method !== 'thread';
}

/** Methods whose children are OS processes of their own. */
export const PROCESS_METHODS: readonly Method[] = METHODS.filter(ownProcess);
