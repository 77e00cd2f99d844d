import { exitCodeLabel } from '../exit-status.ts';
import { pythonRepr } from '../python-repr.ts';
import { peek } from './state.ts';
import { statusOf } from './state-machine.ts';

/**
 * Python's repr: `<Process name='Process-1' pid=123 parent=100 started daemon>`. Never throws,
 * not even for an object whose constructor did not run, because it is what error messages and
 * debuggers show.
 */
export function repr(p: object): string {
  const s = peek(p);
  const cls = p.constructor.name;
  if (!s) return `<${cls} uninitialised>`;
  const status = statusOf(s);
  const parts = [cls, `name=${pythonRepr(s.name)}`];
  // As in Python, the pid shows only on the parent's handle of a started child.
  if (!s.isCurrent && s.phase === 'started' && s.pid !== null && status !== 'unknown')
    parts.push(`pid=${s.pid}`);
  parts.push(`parent=${s.parentPid ?? 'None'}`, status);
  if (status === 'stopped' && s.exitCode !== null) parts.push(`exitcode=${exitCodeLabel(s.exitCode)}`);
  if (s.daemon) parts.push('daemon');
  return `<${parts.join(' ')}>`;
}
