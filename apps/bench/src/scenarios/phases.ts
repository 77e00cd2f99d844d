import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../diagnose/spawn-phases.ts', import.meta.url));
const MARKS = fileURLToPath(new URL('../diagnose/marks.cjs', import.meta.url));

/** The phase breakdown of a 'spawn' start next to a raw fork (see diagnose/spawn-phases.ts). */
export interface PhaseReport {
  rounds: number;
  /** Each phase, in order, and the mark it ends at. */
  phases: { id: string; mark: string; label: string }[];
  /** Per contestant (`spawn`, `raw-fork`): median ms of each phase and mark. */
  methods: {
    method: string;
    phases: Record<string, number | null>;
    marks: Record<string, number | null>;
  }[];
}

/**
 * Runs the phase breakdown in a process of its own: its children need the marks module preloaded
 * (`--require`), which they inherit from their parent's flags.
 */
export async function measurePhases(rounds: number): Promise<PhaseReport> {
  const { stdout } = await run(process.execPath, ['--require', MARKS, SCRIPT, String(rounds), '--json'], {
    timeout: 120_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as PhaseReport;
}
