import { someOnPrototypeChain } from '../prototype-chain.ts';
import { BUILTIN_CLASS } from './state.ts';

/**
 * Marks the prototype of every copy's `BaseProcess`, so that an object made by another copy of
 * core (a child's pre-bundled bootstrap, a second install) is known for a Process.
 */
export const PROCESS_BRAND: unique symbol = Symbol.for('proclife.process');

type Marked = Record<symbol, unknown> & { startMethod?: unknown };

/**
 * `value instanceof Cls` across copies of the package: true when `value` is a Process of another
 * copy's class that stands for the same thing. For the base class: any Process. For a class that
 * proclife exports (one with `BUILTIN_CLASS`): one with the same public name and start method. A
 * user's class is unique, so only the ordinary prototype check counts for it.
 */
export function isSameClassElsewhere(Cls: Marked, value: unknown, isBase: boolean): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isBase) return (value as Marked)[PROCESS_BRAND] === true;
  if (!Object.hasOwn(Cls, BUILTIN_CLASS)) return false;
  return someOnPrototypeChain(value, (proto) => {
    const Other = (proto as { constructor?: Marked }).constructor;
    return (
      Other !== undefined &&
      Object.hasOwn(Other, BUILTIN_CLASS) &&
      Other[BUILTIN_CLASS] === Cls[BUILTIN_CLASS] &&
      Other.startMethod === Cls.startMethod
    );
  });
}
