// The target of the "Which start method?" examples (../method-*.ts): the same function for each
// method, telling where it runs.
import { threadId } from 'node:worker_threads';
import { currentProcess } from '@proclife/child-process';

/** Prints the name, process and thread the target runs in. */
export function whereAmI(method: string): void {
  console.log(`${method}: ${currentProcess().name} runs in pid ${process.pid}, thread ${threadId}`);
}
