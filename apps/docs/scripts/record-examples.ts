// `pnpm --filter @proclife/docs run record-examples [id ...]`: runs each example (or the ones
// named) with this Node and writes its output to docs/examples/<id>.out, which the pages show and
// the tests compare against.
import { writeFileSync } from 'node:fs';
import { examplePath, formatRecording, loadManifest } from '../server/examples.ts';
import { runExample } from '../server/run-example.ts';

const wanted = new Set(process.argv.slice(2));
const examples = loadManifest().examples.filter((e) => wanted.size === 0 || wanted.has(e.id));
if (wanted.size > 0 && examples.length !== wanted.size) {
  console.error(`unknown example id among: ${[...wanted].join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const example of examples) {
  let stdout = '';
  let stderr = '';
  const result = await runExample(example, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  }).done;
  if (result.exitCode !== 0 || result.timedOut || result.truncated) {
    failed++;
    console.error(`${example.id}: not recorded (${JSON.stringify(result)})\n${stdout}${stderr}`);
    continue;
  }
  writeFileSync(examplePath(example, 'out'), formatRecording(stdout, stderr));
  console.log(`${example.id}: recorded`);
}
process.exit(failed ? 1 : 0);
