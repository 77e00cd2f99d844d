import type { BaseProcess } from './process.ts';

/**
 * The children this process started and has not reaped yet (Python's `_children`). A child
 * leaves it when `join()`, `isAlive()`, `close()` or `activeChildren()` sees that it ended.
 */
export const children = new Set<BaseProcess>();
