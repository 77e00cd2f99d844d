// Where a target is looked for when V8 cannot say where it was defined: a Node built without the
// inspector, or Node's permission model without --allow-inspector (decision 0032). Its name is
// looked up among the exports of the user's modules: the files on the constructor's stack first,
// then the modules they import or required, level by level, so that a barrel's `export *` leads
// to the module behind it; the nearest level that exports the name wins. A module that `require`
// loaded proves identity by its exports object; an ES module's export of that name is checked in
// the child, against the source text of the function passed, before it runs (decision 0010).
import { nodeFs, nodeModule, pathToFileURL } from '../builtins.ts';
import type { TargetRef } from '../launcher.ts';
import { isProclifeFile } from './caller.ts';
import { commonjsExport, requiredBy } from './commonjs-export.ts';
import { fingerprint } from './fingerprint.ts';
import { moduleInfo } from './module-graph.ts';

type Fn = (...args: never[]) => unknown;

// A search that finds nothing walks the whole graph of the program's static imports; this bounds
// it in a program with many dependencies, where the nearest levels are the ones that count.
const MAX_FILES = 500;

/** What a search by name found: the target, or the modules that each export a function of that name. */
export type NameSearch = { ref: TargetRef } | { ambiguous: string[] } | null;

interface Candidate {
  path: string;
  exported: string;
}

/** Looks for `fn` by its name, from the files `callers` (nearest first). Null when no module exports it. */
export function targetByName(fn: Fn, callers: readonly string[]): NameSearch {
  const seen = new Set<string>();
  let level = [...callers];
  while (level.length > 0 && seen.size < MAX_FILES) {
    const candidates: Candidate[] = [];
    const next: string[] = [];
    for (const path of level) {
      if (seen.has(path) || isProclifeFile(path) || seen.size >= MAX_FILES) continue;
      seen.add(path);
      const proven = commonjsExport(path, fn);
      if (proven) return { ref: proven };
      const info = moduleInfo(path);
      const entry = info?.exports.find(
        // An anonymous default export has no local name: its function is named `default`.
        (e) =>
          e.local === fn.name || (e.local === undefined && e.exported === 'default' && fn.name === 'default'),
      );
      if (entry) candidates.push({ path, exported: entry.exported });
      next.push(...(info?.imports ?? []), ...requiredBy(path));
    }
    // Of several, those whose file holds the function's own text; all when none does.
    const text = candidates.length > 1 ? Function.prototype.toString.call(fn) : '';
    const holding = candidates.length > 1 ? candidates.filter((c) => holdsText(c.path, text)) : [];
    const chosen = holding.length > 0 ? holding : candidates;
    const [only] = chosen;
    if (chosen.length === 1 && only) {
      return {
        ref: {
          module: pathToFileURL(only.path).href,
          exportName: only.exported,
          from: 'esm',
          // The child compares the source text, even where this file does not hold it: a file
          // that a loader transformed (tsx) is transformed in the child too, while another function
          // of the same name, arity and kind must never pass for this one.
          check: fingerprint(fn, true),
        },
      };
    }
    if (chosen.length > 1) return { ambiguous: chosen.map((c) => c.path) };
    level = next;
  }
  return null;
}

/**
 * Whether the file at `path` holds `text`, a function's own source as `Function.prototype.toString`
 * gives it: a slice of the file that Node ran, after it stripped a TypeScript file's types.
 */
function holdsText(path: string, text: string): boolean {
  try {
    const source = nodeFs().readFileSync(path, 'utf8');
    return (/\.[cm]?ts$/.test(path) ? nodeModule().stripTypeScriptTypes(source) : source).includes(text);
  } catch {
    return false;
  }
}
