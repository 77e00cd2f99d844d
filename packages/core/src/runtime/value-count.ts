// How start() tells a large argument from a small one without walking it to its end: a start
// method that can launch its child before the arguments are ready (Launcher.valuesAfterLaunch)
// gets the walk for class instances and the copy of a large argument done while the child boots,
// on the other core (decision 0029). A small argument is made ready before the launch as before.
import { nodeUtil } from '../builtins.ts';
import { lookupGetter } from './class-instances.ts';

// Bytes of a typed array or ArrayBuffer that count as one value: about what a small record takes
// to copy.
const BYTES_PER_VALUE = 64;

/**
 * Whether `values` hold more than `limit` values, counted through plain objects, arrays, Maps and
 * Sets (the bytes of a typed array or ArrayBuffer count one value per 64), stopping as soon as the
 * answer is known, so that it costs at most about `limit` steps. It reads no getter and opens no
 * Proxy: at either it answers false, and such a value is made ready before the launch, as every
 * value was before decision 0029. It counts, and does not judge: anything else is one value.
 */
export function holdsMoreThan(values: readonly unknown[], limit: number): boolean {
  let count = values.length;
  const pending: object[] = [];
  for (const value of values) if (typeof value === 'object' && value !== null) pending.push(value);
  // Most starts pass nothing but primitives, if anything: no built-in to look up for them.
  if (pending.length === 0) return count > limit;
  const { isProxy } = nodeUtil().types;
  while (pending.length > 0) {
    if (count > limit) return true;
    const v = pending.pop() as object;
    if (isProxy(v)) return false;
    const proto = Object.getPrototypeOf(v) as object | null;
    if (Array.isArray(v) && proto === Array.prototype) {
      // By index: a `for...in` would list every index of a long array before the first step.
      for (let i = 0; i < v.length && count <= limit; i++) {
        if (lookupGetter.call(v, i as unknown as string) !== undefined) return false;
        count++;
        const item: unknown = v[i];
        if (typeof item === 'object' && item !== null) pending.push(item);
      }
    } else if (proto === Object.prototype || proto === null) {
      for (const key in v) {
        if (!Object.hasOwn(v, key) || lookupGetter.call(v, key) !== undefined) return false;
        count++;
        const item = (v as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) pending.push(item);
        if (count > limit) return true;
      }
    } else if (proto === Map.prototype) {
      count += (v as Map<unknown, unknown>).size * 2;
    } else if (proto === Set.prototype) {
      count += (v as Set<unknown>).size;
    } else if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) {
      count += Math.floor(v.byteLength / BYTES_PER_VALUE);
    }
  }
  return count > limit;
}
