// Which Node.js versions proclife runs on, and the typed error for every other one. The same
// range is the packages' `engines.node`; a test keeps the two equal.

import { nodeThreads, pathToFileURL } from './builtins.ts';
import { UnsupportedNodeError } from './errors.ts';
import { mainFlagUnreliable, mainFlagUnreliableOn } from './main-guard.ts';

/**
 * The Node.js versions proclife supports, as an npm semver range: the maintained LTS lines from
 * the release that brought `import.meta.main` (22.18, 24.2) and the current line (26 and newer).
 * Equal to the `engines.node` field of every proclife package.
 */
export const SUPPORTED_NODE_RANGE = '^22.18.0 || ^24.2.0 || >=26.0.0';

/**
 * Whether proclife supports the Node.js version given (default: the running one).
 *
 * @param version - a version such as `'24.2.0'` or `'v22.18.1'`.
 */
export function isSupportedNode(version: string = process.versions.node): boolean {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major === 22) return minor >= 18;
  if (major === 24) return minor >= 2;
  return major >= 26;
}

/** The message of {@link UnsupportedNodeError} for `version`, run by the binary `execPath`. */
function unsupportedMessage(version: string, execPath: string = process.execPath): string {
  return (
    `proclife does not support Node.js ${version} (${execPath}): it needs Node.js ${SUPPORTED_NODE_RANGE}. ` +
    'Install Node.js 22.18 or newer on the 22 line, 24.2 or newer on the 24 line, or 26, and run the program with it.'
  );
}

/**
 * Throws {@link UnsupportedNodeError} unless proclife supports the given (default: the running)
 * Node.js version. Cheap after the first call for the running version.
 *
 * @param version - the version to check; the running Node.js by default.
 */
export function assertSupportedNode(version?: string): void {
  if (version === undefined) {
    if (checked) return;
    if (!isSupportedNode(process.versions.node))
      throw new UnsupportedNodeError('ERR_UNSUPPORTED_NODE', unsupportedMessage(process.versions.node));
    checked = true;
    warnIfMainFlagUnreliable();
    return;
  }
  if (!isSupportedNode(version))
    throw new UnsupportedNodeError('ERR_UNSUPPORTED_NODE', unsupportedMessage(version));
}

let checked = false;

// Node 24.2.x says `import.meta.main === false` in a `.ts` entry, so `if (import.meta.main)` there
// skips the program without a word: say so once, with the fix.
function warnIfMainFlagUnreliable(): void {
  const entry = process.argv[1];
  // The version first: every child bootstrap runs this at load, and making the entry's URL is a
  // tenth of a millisecond there, for the one Node line that needs it.
  if (!entry || !mainFlagUnreliableOn(process.versions.node)) return;
  if (!mainFlagUnreliable(process.versions.node, pathToFileURL(entry).href)) return;
  // Asked last: loading node:worker_threads costs a child several ms, and only 24.2.x needs it.
  if (!nodeThreads().isMainThread) return;
  process.emitWarning(
    `Node.js ${process.versions.node} reports import.meta.main as false in a TypeScript entry (${entry}), so ` +
      '`if (import.meta.main)` skips its block. Guard it with `if (isMain(import.meta))` from proclife, or use Node.js 24.3 or newer.',
    { code: 'PROCLIFE_IMPORT_META_MAIN' },
  );
}
