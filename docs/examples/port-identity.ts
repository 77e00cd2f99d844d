// Porting: name, daemon, pid and ident, before and after start(). pid is null, not None, before start.
import { Process } from '@proclife/child-process';

export function nothing(): void {}

if (import.meta.main) {
  const p = new Process({ target: nothing });
  console.log(`before start: name ${p.name}, daemon ${p.daemon}, pid ${p.pid}, ident ${p.ident}`);
  p.start();
  console.log(`after start: pid ${p.pid}, ident equals pid: ${p.ident === p.pid}`);
  await p.join();
}
