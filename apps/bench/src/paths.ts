import { fileURLToPath } from 'node:url';

/** The module that exports the task every contestant runs (`running`, `idle`). */
export const TASK_PATH = fileURLToPath(new URL('./child/task.js', import.meta.url));

/** What `child_process.fork` and execa start: runs the task, sends its value over IPC. */
export const RAW_FORK_CHILD = fileURLToPath(new URL('./child/raw-fork-child.js', import.meta.url));

/** What `new Worker` starts: runs the task, posts its value to the parent. */
export const RAW_WORKER_CHILD = fileURLToPath(new URL('./child/raw-worker-child.js', import.meta.url));

/** The forkserver floor: a fork booted ahead that runs the task on one IPC message. */
export const RAW_FORKSERVER_CHILD = fileURLToPath(
  new URL('./child/raw-forkserver-child.js', import.meta.url),
);

/** The large-argument figure's raw child process: gets the list in one message, sends it back. */
export const RAW_CARRY_CHILD = fileURLToPath(new URL('./child/raw-carry-child.js', import.meta.url));

/** The large-argument figure's raw thread: gets the list in its workerData, posts it back. */
export const RAW_CARRY_WORKER = fileURLToPath(new URL('./child/raw-carry-worker.js', import.meta.url));
