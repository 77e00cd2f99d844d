import { CloneError, quote } from '../errors.ts';
import type { ChildMessage, ChildPayload, TargetRef } from '../launcher.ts';
import { local } from '../local-state.ts';
import { lifecycleObserved } from '../observe/channels.ts';
import { callerFiles } from '../runtime/caller.ts';
import { canReadFunctionSites } from '../runtime/function-site.ts';
import { knownTarget, resolveTarget } from '../runtime/resolve-target.ts';
import { deserializeError } from '../serialize-error.ts';
import type { ProcessOptions } from './options.ts';
import { BUILTIN_CLASS, type Internals } from './state.ts';

/**
 * The files on the constructor's call stack, taken at construction because that is the only
 * moment the user's module is on the stack; empty when nothing will need them.
 */
export function callersFor(o: ProcessOptions, ctor: object): string[] {
  // The stack is only read where V8 cannot say where a target was defined (resolve-target.ts).
  return canReadFunctionSites() ||
    (o.module === undefined &&
      (!o.target || knownTarget(o.target)) &&
      (Object.hasOwn(ctor, BUILTIN_CLASS) || knownTarget(ctor)))
    ? []
    : callerFiles();
}

/**
 * Everything the child needs to become this Process. Throws a typed error before anything is
 * launched when the target cannot be found or an argument or field cannot be cloned.
 */
export function buildPayload(
  self: object,
  s: Internals,
  ctor: abstract new (...args: never[]) => unknown,
  method: string,
): ChildPayload {
  let processClass: TargetRef | null = null;
  let builtinClass: string | undefined;
  if (Object.hasOwn(ctor, BUILTIN_CLASS)) {
    const mark = (ctor as unknown as Record<typeof BUILTIN_CLASS, unknown>)[BUILTIN_CLASS];
    builtinClass = typeof mark === 'string' ? mark : ctor.name;
  } else processClass = resolveTarget(ctor, s.callers, s.module);
  const target = s.target ? resolveTarget(s.target, s.callers, s.module) : null;
  s.args.forEach((arg, i) => {
    try {
      structuredClone(arg);
    } catch (error) {
      throw new CloneError(
        'ERR_ARG_NOT_CLONEABLE',
        `Argument ${i} (${quote(arg)}) of ${s.name} cannot be passed to a child: arguments cross by structured clone, ` +
          'which cannot copy functions, class instances with private state, sockets or other handles. ' +
          'Pass plain data instead.',
        { cause: error },
      );
    }
  });
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(self)) {
    const value = (self as Record<string, unknown>)[key];
    try {
      fields[key] = structuredClone(value);
    } catch (error) {
      throw new CloneError(
        'ERR_ARG_NOT_CLONEABLE',
        `Field ${quote(key)} (${quote(value)}) of ${ctor.name} cannot be passed to the child: fields cross by ` +
          'structured clone. Keep plain data in fields, or create the value inside run().',
        { cause: error },
      );
    }
  }
  return {
    name: s.name,
    identity: s.identity,
    daemon: s.daemon,
    startMethod: method,
    parentName: local.name,
    parentPid: process.pid,
    parentToken: local.token,
    observe: lifecycleObserved(), // lifecycle event
    processClass,
    builtinClass,
    target,
    args: s.args,
    fields,
  };
}

/** What the child sends back: the target's value, or its uncaught error rebuilt here. */
export function readBack(s: Internals, message: ChildMessage): void {
  if (message.t === 'proclife:result') s.result = message.value;
  else if (message.t === 'proclife:error') s.error = deserializeError(message.error);
}
