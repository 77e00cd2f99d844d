import { BaseProcess, BUILTIN_CLASS, becomeCurrent, currentState } from './process/index.ts';

/**
 * The object `currentProcess()` returns in the main process (Python's `_MainProcess`): named
 * `MainProcess`, never daemonic, always alive; it cannot be started, joined or closed.
 */
export class MainProcess extends BaseProcess {
  static readonly [BUILTIN_CLASS] = true;
}

/** Makes the main process's own object without running the Process constructor. */
export function createMainProcess(): MainProcess {
  const main = Object.create(MainProcess.prototype) as MainProcess;
  becomeCurrent(
    main,
    currentState({
      name: 'MainProcess',
      daemon: false,
      identity: [],
      parentName: '',
      parentPid: null,
      parentToken: null,
      args: [],
    }),
    {},
  );
  return main;
}
