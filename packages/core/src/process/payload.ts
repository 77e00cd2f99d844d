import { CloneError, quote } from '../errors.ts';
import type { ChildPayload, Launcher, Serialization, TargetRef } from '../launcher.ts';
import { local } from '../local-state.ts';
import { lifecycleObserved } from '../observe/channels.ts';
import { callerFiles } from '../runtime/caller.ts';
import { type ClassResolver, crossesAsIs, instanceEncoder } from '../runtime/class-instances.ts';
import { classResolver } from '../runtime/class-resolver.ts';
import { CROSSINGS } from '../runtime/crossing.ts';
import { canReadFunctionSites } from '../runtime/function-site.ts';
import { resolveTarget } from '../runtime/resolve-target.ts';
import { stateLeftBehind } from '../runtime/state-left-behind.ts';
import { holdsMoreThan } from '../runtime/value-count.ts';
import { BUILTIN_CLASS, type Internals } from './state.ts';

/**
 * The files on the constructor's call stack, taken at construction because that is the only
 * moment the user's module is on the stack; empty when V8 can say where a target was defined
 * (resolve-target.ts) and nothing else will need them.
 */
export function callersFor(): string[] {
  // Without the inspector they are read at every construction, not only for a target not found
  // before: the class of an argument or of a field, unknown until start(), is looked up in them too.
  return canReadFunctionSites() ? [] : callerFiles();
}

// Arguments and fields that serialize to more than this cross as the bytes that start()'s check
// made (`ChildPayload.packed`) instead of being serialized a second time by the send. Smaller ones
// cross as values, which a spawn child can read from its environment (decision 0023).
const PACK_MIN = 64 * 1024;

// Arguments and fields holding more values than this are large: a launcher that can launch before
// they are ready (Launcher.valuesAfterLaunch) gets them made ready while its child boots.
const VALUES_AFTER_LAUNCH_MIN = 4096;

/**
 * Everything the child needs to become this Process, and whether its arguments and fields are
 * left for `request.readyValues()` ({@link Launcher.valuesAfterLaunch}). Throws a typed error
 * before anything is launched when the target cannot be found or an argument or field cannot
 * cross to the child the way the start method sends it (see {@link Launcher.serialization}); for a
 * launcher that copies the payload as it launches ({@link Launcher.clonesAtLaunch}), that copy is
 * the check, and {@link cloneFailure} names the argument when it fails. Values left for later are
 * checked later too: {@link readyValues} and the launcher's check throw the same errors once the
 * child exists, and the launcher ends that child first.
 */
export function buildPayload(
  self: object,
  s: Internals,
  ctor: abstract new (...args: never[]) => unknown,
  method: string,
  launcher: Pick<Launcher, 'serialization' | 'clonesAtLaunch' | 'checksPayload' | 'valuesAfterLaunch'>,
): { payload: ChildPayload; valuesLater: boolean } {
  let processClass: TargetRef | null = null;
  let builtinClass: string | undefined;
  if (Object.hasOwn(ctor, BUILTIN_CLASS)) {
    const mark = (ctor as unknown as Record<typeof BUILTIN_CLASS, unknown>)[BUILTIN_CLASS];
    builtinClass = typeof mark === 'string' ? mark : ctor.name;
  } else {
    processClass = resolveTarget(ctor, s.callers, s.module);
    refuseUnsentState(self, s);
  }
  const target = s.target ? resolveTarget(s.target, s.callers, s.module) : null;
  const serialization = launcher.serialization ?? 'structured-clone';
  const keys = Object.keys(self);
  // Each field is read once: a getter of the object runs here only.
  const fieldValues = keys.map((key) => (self as Record<string, unknown>)[key]);
  const fields: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    fields[key] = fieldValues[i];
  });
  const payload: ChildPayload = {
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
  const valuesLater =
    launcher.valuesAfterLaunch === true &&
    holdsMoreThan([...s.args, ...fieldValues], VALUES_AFTER_LAUNCH_MIN);
  if (valuesLater) return { payload, valuesLater };
  readyValues(s, payload, serialization);
  // A launcher that checks later (after its child exists) or whose launch copies the payload
  // (that copy is the check) is left to do it.
  if (!launcher.checksPayload && !launcher.clonesAtLaunch) checkPayload(self, s, payload, serialization);
  return { payload, valuesLater };
}

/**
 * Refuses an object of a Process subclass that holds state its child could not get: the child's
 * object is made without the constructor and gets this one's own enumerable fields by their names,
 * so #private members (which nothing outside the class can read), properties keyed by a symbol and
 * non-enumerable ones would be missing there (decision 0031).
 */
function refuseUnsentState(self: object, s: Internals): void {
  const left = stateLeftBehind(self);
  if (left === null) return;
  const name = (self.constructor as { name: string }).name;
  throw new CloneError(
    'ERR_ARG_NOT_CLONEABLE',
    `Can't start ${s.name}: its class ${quote(name)} ${left.holds}. ` +
      `A child's ${name} is made without its constructor and gets this object's own enumerable fields, by their names (as Python's child gets the pickled attributes)${left.unreadable}, so the child's object would lack them. ` +
      `To start it, ${left.fix}.${left.data ? ' Or create that state inside run().' : ''}`,
  );
}

/**
 * Makes the arguments and fields of `payload` ready to cross: plain data crosses as it is, copied
 * once by the crossing; only a value that holds a class instance or a Buffer (or that the quick
 * walk cannot vouch for) is copied by the encoder first, its classes listed in `payload.classes`.
 */
export function readyValues(s: Internals, payload: ChildPayload, serialization: Serialization): void {
  const keys = Object.keys(payload.fields);
  const fieldValues = keys.map((key) => payload.fields[key]);
  if (payload.args.every(crossesAsIs) && fieldValues.every(crossesAsIs)) return;
  const classes: TargetRef[] = [];
  const encode = instanceEncoder(classes, argumentClasses(s, serialization));
  payload.args = payload.args.map((arg, i) => encode(arg, `args[${i}]`));
  const fields: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    fields[key] = encode(fieldValues[i], `this.${key}`);
  });
  payload.fields = fields;
  // A Buffer's marker names no class: the child decodes whenever anything was marked.
  if (encode.marked) payload.classes = classes;
}

/**
 * Checks the arguments and fields of `payload` the way they will cross, throwing the typed error
 * that names the one that cannot; a crossing that serializes keeps the bytes of a large payload,
 * which then cross instead of being serialized a second time (`ChildPayload.packed`).
 */
export function checkPayload(
  self: object,
  s: Internals,
  payload: ChildPayload,
  serialization: Serialization,
): void {
  const { args, fields } = payload;
  // Most Processes have neither: nothing to check, nothing for the child to read back.
  if (args.length === 0 && Object.keys(fields).length === 0) return;
  const crossing = CROSSINGS[serialization];
  if (crossing.pack) {
    // The check is the serialization itself: its bytes are what a large payload sends.
    let bytes: Uint8Array;
    try {
      bytes = crossing.pack([args, fields]);
    } catch (error) {
      throw cloneFailure(self, s, payload, serialization) ?? error;
    }
    if (bytes.byteLength >= PACK_MIN) {
      payload.packed = bytes;
      payload.args = [];
      payload.fields = {};
    }
    return;
  }
  try {
    crossing.check([args, fields]);
  } catch (error) {
    throw cloneFailure(self, s, payload, serialization) ?? error;
  }
}

/**
 * The typed error that names which argument or field of `payload` (as {@link buildPayload} made
 * it, not packed) cannot cross to the child, or null when each crosses on its own and the failure
 * came from elsewhere.
 */
export function cloneFailure(
  self: object,
  s: Internals,
  payload: ChildPayload,
  serialization: Serialization,
): CloneError | null {
  const crossing = CROSSINGS[serialization];
  const failure = (value: unknown): { error: unknown } | null => {
    try {
      crossing.check(value);
      return null;
    } catch (error) {
      return { error };
    }
  };
  for (const [i, encoded] of payload.args.entries()) {
    const failed = failure(encoded);
    if (!failed) continue;
    return new CloneError(
      'ERR_ARG_NOT_CLONEABLE',
      `Argument ${i} (${quote(s.args[i])}) of ${s.name} cannot be passed to a child: arguments cross ${crossing.how}. ` +
        'Pass plain data instead.',
      { cause: failed.error },
    );
  }
  for (const [key, encoded] of Object.entries(payload.fields)) {
    const failed = failure(encoded);
    if (!failed) continue;
    return new CloneError(
      'ERR_ARG_NOT_CLONEABLE',
      `Field ${quote(key)} (${quote((self as Record<string, unknown>)[key])}) of ${(self.constructor as { name: string }).name} cannot be passed to the child: fields cross ${crossing.how}. ` +
        'Keep plain data in fields, or create the value inside run().',
      { cause: failed.error },
    );
  }
  return null;
}

/**
 * How `start()` finds the class of an instance among the arguments or fields: the way it finds a
 * target. A class it cannot find is refused, naming where the instance sits, unless the crossing
 * keeps the class by itself.
 */
function argumentClasses(s: Internals, serialization: Serialization): ClassResolver {
  return classResolver((ctor) => findClass(ctor, s), serialization, {
    error: (message, options) => new CloneError('ERR_ARG_NOT_CLONEABLE', message, options),
    opening: (path, value) => `Can't pass ${path} (${quote(value)}) of ${s.name} to a child`,
    importer: 'the child',
    verb: 'pass',
    crossing: 'arguments',
  });
}

// The `module` option names the target's module; an argument's class is usually elsewhere.
function findClass(ctor: abstract new (...args: never[]) => unknown, s: Internals): TargetRef {
  try {
    return resolveTarget(ctor, s.callers);
  } catch (error) {
    if (s.module === undefined) throw error;
    return resolveTarget(ctor, s.callers, s.module);
  }
}
