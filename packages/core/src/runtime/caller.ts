import { fileURLToPath, nodePath } from '../builtins.ts';
import { sharedSlot } from '../shared-state.ts';

// Modules whose folders hold proclife's own frames, not the user's: core registers itself, and
// each start-method package registers its own. Kept as the URLs given and turned into folder paths
// only when a stack is first read: node:url's conversion at registration cost every import of a
// start-method package about half a millisecond, and a child whose target's module imports
// proclife pays that import before its target runs.
const internalModules = sharedSlot('internal-modules', () => new Set<string>());
// This copy's conversions of those URLs: folder paths ending in a separator.
const internalDirs = new Map<string, string>();

/** Marks a package folder as proclife's own, so that its frames are not taken for the user's. */
export function registerInternalDirectory(moduleUrl: string): void {
  // The built files of a package all sit in its `dist/` folder (or `src/` when run from source);
  // the package's tests and fixtures beside it are the user's files.
  internalModules.add(moduleUrl);
}

function internalDirectories(): Iterable<string> {
  if (internalDirs.size < internalModules.size) {
    const { dirname, sep } = nodePath();
    for (const url of internalModules) {
      if (!internalDirs.has(url)) internalDirs.set(url, dirname(fileURLToPath(url)) + sep);
    }
  }
  return internalDirs.values();
}

// Core's own folder, registered on first use: at the top level, node:path and node:url would be
// loaded before the Node version check, which reports a Node without process.getBuiltinModule().
let coreRegistered = false;

/** The file path behind a script name or URL V8 reports (`file:` URL or absolute path), or null. */
export function filePathOf(fileName: string): string | null {
  if (fileName.startsWith('file:')) {
    try {
      return fileURLToPath(fileName.replace(/[?#].*$/, ''));
    } catch {
      return null;
    }
  }
  return fileName.startsWith('/') ? fileName.replace(/[?#].*$/, '') : null;
}

/** Whether the file at `path` is one of proclife's own (a registered package folder). */
export function isProclifeFile(path: string): boolean {
  if (!coreRegistered) {
    coreRegistered = true;
    registerInternalDirectory(import.meta.url);
  }
  for (const dir of internalDirectories()) if (path.startsWith(dir)) return true;
  return false;
}

function isUserFile(path: string): boolean {
  const { sep } = nodePath();
  return !path.includes(`${sep}node_modules${sep}`) && !isProclifeFile(path);
}

/**
 * The user's files on the current call stack, nearest first (at most `limit`): the module that
 * constructs a Process, and the one that defines a subclass constructor when it is another.
 */
export function callerFiles(limit = 3): string[] {
  const previous = Error.prepareStackTrace;
  const previousLimit = Error.stackTraceLimit;
  let sites: NodeJS.CallSite[] = [];
  try {
    Error.stackTraceLimit = 30;
    Error.prepareStackTrace = (_error, callSites) => callSites;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, callerFiles);
    sites = holder.stack as NodeJS.CallSite[];
  } finally {
    Error.prepareStackTrace = previous;
    Error.stackTraceLimit = previousLimit;
  }
  const files: string[] = [];
  for (const site of sites) {
    const name = site.getFileName();
    if (!name) continue;
    const path = filePathOf(name);
    if (!path || !isUserFile(path) || files.includes(path)) continue;
    files.push(path);
    if (files.length >= limit) break;
  }
  return files;
}
