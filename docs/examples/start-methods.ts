// 3-2: the start methods proclife offers, a child started by each, and why there is no 'fork'.
import { getAllStartMethods, getContext } from '@proclife/child-process';

export function hello(method: string): void {
  console.log(`hello from a child started with '${method}'`);
}

if (import.meta.main) {
  const methods = getAllStartMethods();
  console.log('available:', methods);
  for (const method of methods) {
    const ctx = getContext(method); // an explicit context; no global state is changed
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
