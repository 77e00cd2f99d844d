import { fileURLToPath } from 'node:url';
import { nodeFs } from './builtins.ts';

/**
 * The Node twin of Python's `if __name__ == '__main__':` for Node lines without
 * `import.meta.main`: true when the module whose `import.meta` is given is the program's entry.
 * Inside a proclife child it is false for every module, since the child's entry is proclife's.
 *
 * ```ts
 * if (isMain(import.meta)) { ... }
 * ```
 */
export function isMain(meta: { url: string; main?: boolean }): boolean {
  if (typeof meta.main === 'boolean') return meta.main;
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return nodeFs().realpathSync(fileURLToPath(meta.url)) === nodeFs().realpathSync(entry);
  } catch {
    return false;
  }
}
