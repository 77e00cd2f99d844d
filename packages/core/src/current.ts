import { fileURLToPath, nodeModule } from './builtins.ts';
import { loadedStartMethod } from './context.ts';
import { currentSlot, type ParentProcess, type PendingProcess } from './current-slot.ts';
import { debug } from './debug.ts';
import { createMainProcess } from './main-process.ts';
import { BaseProcess, BUILTIN_CLASS, becomeCurrent } from './process/index.ts';

export type { ParentProcess } from './current-slot.ts';

type ProcessClass = typeof BaseProcess;

// The classes made for a child whose start-method package no code of the child has imported.
const standIns = new Map<string, ProcessClass>();

/**
 * The classes the start method registered. When no code of the child has loaded its package, the
 * package's entry is loaded now (a synchronous `require()` of an ES module), as Python's child
 * imports the module of the class it unpickles: the class must be able to start processes of its
 * own (`new (currentProcess().constructor)()`).
 */
function registeredClasses({ startMethod, provider }: PendingProcess): readonly ProcessClass[] {
  let entry = loadedStartMethod(startMethod);
  if (entry === undefined && provider !== undefined) {
    try {
      nodeModule().createRequire(import.meta.url)(fileURLToPath(provider()));
    } catch (error) {
      debug('loading the entry of %s failed: %s', startMethod, (error as Error)?.message);
    }
    entry = loadedStartMethod(startMethod);
  }
  return (entry?.classes ?? []) as readonly ProcessClass[];
}

/**
 * The class of a child's own Process, as Python's child unpickles the class its parent used: the
 * proclife class of that public name among those the start method registered (the first one when
 * none has it), or, when the start method's package cannot be loaded, a class of that name made
 * on this copy's BaseProcess, which `instanceof` takes for the package's.
 */
function classFor(pending: PendingProcess): ProcessClass {
  const { startMethod, builtinClass } = pending;
  const classes = registeredClasses(pending);
  for (const Cls of classes) {
    if (Object.hasOwn(Cls, BUILTIN_CLASS) && Cls[BUILTIN_CLASS as never] === builtinClass) return Cls;
  }
  if (classes[0]) return classes[0];
  const name = builtinClass ?? 'Process';
  const key = `${startMethod}:${name}`;
  let Cls = standIns.get(key);
  if (!Cls) {
    Cls = { [name]: class extends BaseProcess {} }[name] as ProcessClass;
    Object.defineProperty(Cls, 'startMethod', { value: startMethod, writable: true, configurable: true });
    Object.defineProperty(Cls, BUILTIN_CLASS, { value: name });
    standIns.set(key, Cls);
  }
  return Cls;
}

/** Makes a child's own Process on first use (see {@link PendingProcess}). */
function materialize(pending: PendingProcess): BaseProcess {
  const self = Object.create(classFor(pending).prototype) as BaseProcess;
  becomeCurrent(self, pending.state, pending.fields);
  return self;
}

/**
 * The Process object of the code that calls it: a `MainProcess` in the main process, and in a
 * child the child's own Process, of the class that started it: the user's subclass when there is
 * one, otherwise the start method's class the parent used (`SpawnProcess` from
 * `getContext('spawn')`, the package's `Process`, ...), as Python's child unpickles it.
 */
export function currentProcess(): BaseProcess {
  if (currentSlot.current === undefined) {
    const pending = currentSlot.pending;
    currentSlot.current = pending ? materialize(pending) : createMainProcess();
    currentSlot.pending = undefined;
  }
  return currentSlot.current as BaseProcess;
}

/** The process that created this one, or `null` in the main process. */
export function parentProcess(): ParentProcess | null {
  return currentSlot.parent;
}
