import { fileURLToPath, nodeFs, nodeModule, nodePath, pathToFileURL } from '../builtins.ts';

/** One export of a module: the name it is exported under and the local binding behind it. */
export interface ExportEntry {
  exported: string;
  local: string | undefined;
}

interface ModuleInfo {
  mtimeMs: number;
  exports: ExportEntry[];
  /** Resolved paths of the modules it imports statically. */
  imports: string[];
  /** Resolved paths of the modules it re-exports whole (`export * from`). */
  starExports: string[];
  /**
   * The test runner it imports (`node:test`, `vitest`): a test file, whose top level runs tests, so
   * no child may import it.
   */
  testRunner?: string;
  /** Why its exports could not be read (the file or the lexer failed); they then read as none. */
  unreadable?: string;
}

type Lexer = typeof import('es-module-lexer');
let lexer: Lexer | undefined;

// Loaded on first use only: a child that never starts processes never pays for the parser.
function getLexer(): Lexer {
  if (!lexer) {
    const require = nodeModule().createRequire(import.meta.url);
    const loaded = require('es-module-lexer') as Lexer;
    loaded.initSync();
    lexer = loaded;
  }
  return lexer;
}

// The first line: a failed require() lists its whole require stack after it.
const reason = (error: unknown): string => ((error as Error)?.message ?? String(error)).split('\n')[0] ?? '';

const cache = new Map<string, ModuleInfo>();

const EXTENSIONLESS = ['.ts', '.mts', '.js', '.mjs', '.cts', '.cjs', '/index.ts', '/index.js'];

function isFile(path: string): boolean {
  return nodeFs().statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}

function resolveSpecifier(specifier: string, fromFile: string): string | null {
  if (specifier.startsWith('node:')) return null;
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:')) {
    const url = new URL(specifier, pathToFileURL(fromFile));
    if (url.protocol !== 'file:') return null;
    const path = fileURLToPath(url);
    if (isFile(path)) return path;
    // TypeScript sources often import `./x.js` for a file that is `./x.ts`.
    const ext = nodePath().extname(path);
    const ts = ext === '.js' ? `${path.slice(0, -3)}.ts` : ext === '.mjs' ? `${path.slice(0, -4)}.mts` : null;
    if (ts) return isFile(ts) ? ts : null;
    // Without an extension, as tsx and bundlers resolve it (`./task` for `./task.ts`).
    return EXTENSIONLESS.map((tail) => path + tail).find(isFile) ?? null;
  }
  try {
    return nodeModule().createRequire(fromFile).resolve(specifier);
  } catch {
    return null;
  }
}

function parse(path: string, source: string): Omit<ModuleInfo, 'mtimeMs'> {
  const { parse: lex } = getLexer();
  let result: ReturnType<Lexer['parse']>;
  try {
    result = lex(source, path);
  } catch {
    // Type annotations that the lexer cannot skip: strip them the way Node itself runs the file.
    result = lex(nodeModule().stripTypeScriptTypes(source), path);
  }
  const [imports, exports] = result;
  const resolved = (list: typeof imports) =>
    list.map((i) => resolveSpecifier(i.n!, path)).filter((p): p is string => p !== null);
  const statics = imports.filter((i) => i.n !== undefined && i.d === -1);
  const testRunner = TEST_RUNNER.exec(source)?.[1];
  return {
    exports: exports.map((e) => ({ exported: e.n, local: e.ln })),
    imports: resolved(statics),
    starExports: resolved(statics.filter((i) => /^export\s*\*\s*from/.test(source.slice(i.ss, i.se)))),
    ...(testRunner === undefined ? {} : { testRunner }),
  };
}

// An import or a require of a test runner whose test files run their tests when they are
// evaluated: `node:test` runs a test as soon as `test()` is called, in whatever process imports it.
const TEST_RUNNER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"](node:test|vitest)['"]/;

/** Exports and static imports of a module file, cached until the file changes. */
export function moduleInfo(path: string): ModuleInfo | null {
  let mtimeMs: number;
  try {
    mtimeMs = nodeFs().statSync(path).mtimeMs;
  } catch {
    return null;
  }
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached;
  let info: ModuleInfo;
  const none = { mtimeMs, exports: [], imports: [], starExports: [] };
  try {
    const source = nodeFs().readFileSync(path, 'utf8');
    try {
      info = { mtimeMs, ...parse(path, source) };
    } catch (error) {
      // The lexer is set once it has loaded: a failure before that is the install's, not the file's.
      const unreadable = lexer
        ? reason(error)
        : `es-module-lexer, a dependency of @proclife/core, could not be loaded (${reason(error)}): reinstall the project's dependencies`;
      info = { ...none, unreadable };
    }
  } catch (error) {
    info = { ...none, unreadable: reason(error) };
  }
  cache.set(path, info);
  return info;
}

/**
 * Why the exports of the module file at `path` cannot be read (it is gone, is no longer a file,
 * or the lexer failed on it), or null when they can.
 */
export function unreadableExports(path: string): string | null {
  try {
    nodeFs().statSync(path);
  } catch (error) {
    return reason(error);
  }
  return moduleInfo(path)?.unreadable ?? null;
}

/**
 * The name under which the module at `path` exports a function or class named `name`: its own
 * export (`export function name`, `export { name as other }`), a named re-export, or, when
 * `followStars`, one reached through `export * from` barrels. Null when there is none.
 */
export function exportNameOf(
  path: string,
  name: string,
  followStars = true,
  seen = new Set<string>(),
): string | null {
  if (seen.has(path)) return null;
  seen.add(path);
  const info = moduleInfo(path);
  if (!info) return null;
  for (const e of info.exports) if (e.local === name) return e.exported;
  for (const e of info.exports) if (e.local === undefined && e.exported === name) return e.exported;
  if (followStars) {
    for (const dep of info.starExports) {
      // `export *` never re-exports a default, and keeps every other name as it is.
      if (name !== 'default' && exportNameOf(dep, name, true, seen) !== null) return name;
    }
  }
  return null;
}
