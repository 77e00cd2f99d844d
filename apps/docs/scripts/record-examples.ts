// `pnpm --filter @proclife/docs run record-examples [--python] [id ...]`: runs each example (or the
// ones named) and writes its output next to it, for the pages to show and the tests to compare:
// - by default the TypeScript program, with this Node, into docs/examples/<id>.out;
// - with --python, the Python program, with python3, into docs/examples/<id>.py.out (shown on the
//   pages only; the tests do not rerun Python).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { examplePath, examplesDir, formatRecording, loadManifest } from '../server/examples.ts';
import { runExampleToEnd } from '../server/run-example.ts';

const args = process.argv.slice(2);
const python = args.includes('--python');
const wanted = new Set(args.filter((a) => !a.startsWith('--')));
const examples = loadManifest().examples.filter((e) => wanted.size === 0 || wanted.has(e.id));
if (wanted.size > 0 && examples.length !== wanted.size) {
  console.error(`unknown example id among: ${[...wanted].join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const example of examples) {
  if (python) {
    const r = spawnSync('python3', [examplePath(example, 'py')], {
      cwd: examplesDir,
      encoding: 'utf8',
      timeout: example.timeoutMs,
      // Unbuffered, so that lines from parent and children interleave as they do in a terminal.
      env: { ...process.env, PYTHONUNBUFFERED: '1' },
    });
    if (r.status !== 0) {
      failed++;
      console.error(
        `${example.id}.py: not recorded (${r.error?.message ?? `exit ${r.status}`})\n${r.stdout}${r.stderr}`,
      );
      continue;
    }
    writeFileSync(`${examplesDir}${example.id}.py.out`, formatRecording(r.stdout, r.stderr));
    console.log(`${example.id}.py: recorded`);
    continue;
  }
  const { result, stdout, stderr } = await runExampleToEnd(example);
  if (result.exitCode !== 0 || result.timedOut || result.truncated) {
    failed++;
    console.error(`${example.id}: not recorded (${JSON.stringify(result)})\n${stdout}${stderr}`);
    continue;
  }
  writeFileSync(examplePath(example, 'out'), formatRecording(stdout, stderr));
  console.log(`${example.id}: recorded`);
}
process.exit(failed ? 1 : 0);
