// The task in the usual layout of a program: the module that defines the target also imports
// proclife to start it, so a child that imports this module to find the target loads the package
// too (Python's child imports the main module the same way). Otherwise the same as task.js, whose
// `running()` it returns: the clock is read on the target's first line.
import '@proclife/child-process';
import { running } from './task.js';

/**
 * The target, in a module that imports proclife.
 * @returns {{ at: number, pid: number }}
 */
export function runningWithImports() {
  return running();
}
