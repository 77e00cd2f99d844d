// `--load <cores>`: other work for the run to compete with, made by the run itself, so that the
// "busy machine" run that #15's criterion asks for can be repeated anywhere: one Node process per
// core, spinning until the run ends. The results say how many (machine.generatedLoad) and count
// the run as busy.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** The spinning processes of one run; `stop()` ends them and waits until they have exited. */
export interface GeneratedLoad {
  cores: number;
  /** The spinning processes' pids. */
  pids: number[];
  stop(): Promise<void>;
}

/** Starts `cores` processes that each keep one core busy until {@link GeneratedLoad.stop}. */
export function startLoad(cores: number): GeneratedLoad {
  const spinners: ChildProcess[] = [];
  // If the run dies before stop(), the spinners must not outlive it.
  const killAll = () => {
    for (const cp of spinners) if (cp.exitCode === null && cp.signalCode === null) cp.kill('SIGKILL');
  };
  process.once('exit', killAll);
  for (let i = 0; i < cores; i++) {
    // A loop that never allocates: the load is CPU alone, not memory or the disk.
    spinners.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  }
  return {
    cores,
    pids: spinners.flatMap((cp) => (cp.pid === undefined ? [] : [cp.pid])),
    async stop() {
      process.removeListener('exit', killAll);
      const exits = spinners
        .filter((cp) => cp.exitCode === null && cp.signalCode === null)
        .map((cp) => once(cp, 'exit'));
      killAll();
      await Promise.all(exits);
    },
  };
}
