// Reading what a TargetRef names out of an imported module's namespace: the child does it for its
// target and the classes of its arguments, the parent for the classes in a result.
import type { TargetRef } from '../launcher.ts';
import { registeredTarget } from './registered-targets.ts';

/** The value that `ref` names in the namespace `ns` (undefined when there is none). */
export function exportIn(ns: Record<string, unknown>, ref: TargetRef): unknown {
  if (ref.from === 'registry') return registeredTarget(ref.module, ref.exportName);
  if (ref.from === 'commonjs') {
    const exports = ns.default as Record<string, unknown> | undefined;
    return ref.exportName === '' ? exports : exports?.[ref.exportName];
  }
  return ns[ref.exportName];
}

/** How `ref` names its export in a message: `'name'`, or `module.exports`. */
export function exportLabel(ref: TargetRef): string {
  return ref.exportName === '' ? 'module.exports' : `'${ref.exportName}'`;
}
