import { fileURLToPath, nodeFs } from '../builtins.ts';
import { ProclifeError } from '../errors.ts';

const checked = new Set<string>();

/**
 * Throws unless a start method's child entry file is where its package put it. It is missing when
 * a bundler inlined proclife into the user's bundle: the child would then crash on a missing
 * file, so `start()` refuses at once with the fix instead.
 */
export function checkChildEntry(entry: URL, method: string): void {
  if (checked.has(entry.href)) return;
  let present: boolean;
  try {
    present = nodeFs().existsSync(fileURLToPath(entry));
  } catch (cause) {
    // Node's permission model throws for a path outside the reads it allows; the child would fail
    // to read its entry the same way.
    throw new ProclifeError(
      'ERR_LAUNCH_FAILED',
      `The '${method}' start method cannot read its child entry (${fileURLToPath(entry)}): ${(cause as Error).message} ` +
        "A child starts from the installed package's own files: allow reading them (--allow-fs-read=<your app>/node_modules, or wider).",
      { cause },
    );
  }
  if (!present) {
    throw new ProclifeError(
      'ERR_LAUNCH_FAILED',
      `The '${method}' start method cannot find its child entry (${fileURLToPath(entry)}): proclife was bundled into your code, and a child needs the installed package's own files. ` +
        'Keep @proclife/* external to the bundle (esbuild: --external:@proclife/*, tsup: external: [/^@proclife\\//]) and install them beside it.',
    );
  }
  checked.add(entry.href);
}
