// 3-3: subclassing Process. start() runs run() in the child; calling run() runs it here.
import { currentProcess, Process } from '@proclife/child-process';

export class Greeter extends Process {
  greeting: string;

  constructor(greeting = 'hello') {
    super();
    this.greeting = greeting; // own fields are cloned into the child
  }

  override run(): void {
    const me = currentProcess();
    console.log(`${this.greeting} from ${me.name}, pid ${me.pid}`);
  }
}

if (import.meta.main) {
  console.log(`main: pid ${currentProcess().pid}`);
  const greeter = new Greeter('hi');
  greeter.start(); // run() in a new process
  await greeter.join();
  greeter.run(); // run() called directly: an ordinary method call, in this process
}
