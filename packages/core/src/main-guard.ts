import { fileURLToPath, nodeFs, nodeThreads } from './builtins.ts';

/**
 * Whether Node's `import.meta.main` can be wrong for this module: Node 24.2.x reports `false`
 * for a TypeScript entry module (one that Node type-strips), fixed in 24.3.0.
 *
 * @param version - a Node.js version, e.g. `'24.2.0'`.
 * @param url - the module's `import.meta.url`.
 */
export function mainFlagUnreliable(version: string, url: string): boolean {
  return mainFlagUnreliableOn(version) && /\.[mc]?ts$/.test(new URL(url).pathname);
}

/** Whether Node `version` has the `import.meta.main` bug of {@link mainFlagUnreliable} at all. */
export function mainFlagUnreliableOn(version: string): boolean {
  return /^v?24\.2\./.test(version);
}

/**
 * The Node twin of Python's `if __name__ == '__main__':`, exact on every supported Node line:
 * true when the module whose `import.meta` is given is the program's entry. It is
 * `import.meta.main` where Node reports it correctly, and otherwise (Node 24.2.x, whose
 * `import.meta.main` is `false` in a `.ts` entry) compares the module with the program's entry
 * script. Inside a proclife child, process or thread, it is false for every module, since the
 * child's entry is proclife's.
 *
 * ```ts
 * if (isMain(import.meta)) { ... }
 * ```
 *
 * @param meta - the calling module's `import.meta`.
 */
export function isMain(meta: { url: string; main?: boolean }): boolean {
  if (meta.main === true) return true;
  if (meta.main === false && !mainFlagUnreliable(process.versions.node, meta.url)) return false;
  // A worker thread shares the process's argv: its modules are never the entry.
  if (!nodeThreads().isMainThread) return false;
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return nodeFs().realpathSync(fileURLToPath(meta.url)) === nodeFs().realpathSync(entry);
  } catch {
    return false;
  }
}
