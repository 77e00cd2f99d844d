// Porting: cpu_count() becomes cpuCount(), the CPUs this process may use (os.availableParallelism()).
import { availableParallelism } from 'node:os';
import { cpuCount } from '@proclife/child-process';

if (import.meta.main) {
  console.log(`cpuCount(): ${cpuCount()}`);
  console.log(`same as os.availableParallelism(): ${cpuCount() === availableParallelism()}`);
}
