/**
 * The message a thread posts from its process 'exit' event: it ended on its own (a normal end
 * or `process.exit()`), not through `worker.terminate()`, which runs no 'exit' listener.
 */
export const ENDED_ON_ITS_OWN = { t: 'proclife-thread:ended' } as const;
