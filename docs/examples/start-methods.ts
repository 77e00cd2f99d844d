// 3-2: the start methods proclife offers, a child started by each, and why there is no 'fork'.
import { type Context, getAllStartMethods, getContext, type Process } from '@proclife/child-process';
import '@proclife/worker-threads'; // registers the 'thread' start method too

export function hello(method: string): void {
  console.log(`hello from a child started with '${method}'`);
}

if (import.meta.main) {
  const methods = getAllStartMethods();
  console.log('available:', methods);
  for (const method of methods) {
    // An explicit context; no global state is changed. Every method's Process has the same API.
    const ctx = getContext(method) as Context<typeof Process>;
    const child = new ctx.Process({ target: hello, args: [method] });
    child.start();
    await child.join();
  }
  try {
    getContext('fork');
  } catch (error) {
    console.log(`getContext('fork') throws ${(error as { code: string }).code}`);
  }
}
