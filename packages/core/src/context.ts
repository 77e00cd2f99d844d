import { nodeModule } from './builtins.ts';
import { closestName } from './did-you-mean.ts';
import { ProclifeError, quote, StartMethodError } from './errors.ts';
import type { Launcher } from './launcher.ts';
import { assertSupportedNode } from './node-support.ts';
import { registerInternalDirectory } from './runtime/caller.ts';
import { sharedSlot } from './shared-state.ts';

/** What a start-method package registers: its launcher and its Process class. */
export interface StartMethodEntry {
  launcher: Launcher;
  /** The Process class of this method's context (`SpawnProcess`, `ThreadProcess`, ...). */
  Process: abstract new (
    ...args: never[]
  ) => unknown;
  /**
   * The classes a child of this method can be an object of, by their public name; the first is
   * the one a child becomes when the parent's class is none of them.
   */
  classes: readonly (abstract new (
    ...args: never[]
  ) => unknown)[];
}

// Registered by every copy of a start-method package in this isolate (see shared-state.ts).
const methods = sharedSlot('methods', () => new Map<string, StartMethodEntry>());

// Where each known start method lives, so that asking for one that is not loaded says what to install.
const PROVIDERS: Record<string, string> = {
  spawn: '@proclife/child-process',
  forkserver: '@proclife/child-process',
  thread: '@proclife/worker-threads',
};

/** The order `getAllStartMethods()` reports, default first. */
const ORDER = ['spawn', 'forkserver', 'thread'];

/**
 * Called by a start-method package's entry when it loads, as a call rather than a module side
 * effect, so that no bundler drops it (idempotent). A child's bootstrap does not call it: the
 * child loads the entry when it needs the start method (decision 0021). `moduleUrl` is the registering module's `import.meta.url`: its folder is marked
 * as proclife's own, so that stack frames inside the package are never taken for the user's (a
 * launcher that is not a package leaves it out). `classes` are the classes a child of this method
 * can be (see {@link StartMethodEntry.classes}); by default, `Process`.
 */
export function registerStartMethod(
  name: string,
  launcher: Launcher,
  Process: StartMethodEntry['Process'],
  moduleUrl?: string,
  classes: StartMethodEntry['classes'] = [Process],
): void {
  // Importing a start-method package on an unsupported Node fails here, with a typed error.
  assertSupportedNode();
  if (moduleUrl) registerInternalDirectory(moduleUrl);
  methods.set(name, { launcher, Process, classes });
}

/** The registered entry for a start method, if its package has loaded. */
export function loadedStartMethod(name: string): StartMethodEntry | undefined {
  return methods.get(name);
}

/** The registered entry for a start method, or a typed error that says how to get it. */
export function startMethodEntry(name: string): StartMethodEntry {
  // Every start() asks for its method's entry: an unsupported Node fails before anything launches.
  assertSupportedNode();
  const entry = methods.get(name);
  if (entry) return entry;
  if (name === 'fork') {
    throw new ProclifeError(
      'ERR_NO_FORK',
      "The 'fork' start method is not available in Node.js: V8 cannot clone a running isolate, and " +
        "child_process.fork() starts a fresh process (spawn semantics). Use 'spawn' for a fresh process " +
        "or 'forkserver' for processes booted ahead of time.",
    );
  }
  const provider = PROVIDERS[name];
  if (provider) {
    throw new StartMethodError(
      'ERR_START_METHOD',
      isInstalled(provider)
        ? `The start method ${quote(name)} is provided by ${provider}, which is installed but not imported here: import it (import '${provider}', or import its Process) before asking for this context.`
        : `The start method ${quote(name)} is provided by ${provider}, which is not installed: install it (npm install ${provider}) and import its Process.`,
    );
  }
  const loaded = getAllStartMethods();
  const near = closestName(name, ORDER);
  const hint =
    near === null
      ? ''
      : methods.has(near)
        ? ` Did you mean ${quote(near)}?`
        : ` Did you mean ${quote(near)} (from ${PROVIDERS[near]}, not imported here)?`;
  throw new StartMethodError(
    'ERR_START_METHOD',
    `cannot find context for ${quote(name)}: the start methods loaded here are ${loaded.length ? loaded.map((m) => quote(m)).join(', ') : 'none'}.${hint}`,
  );
}

/** Whether `pkg` can be resolved from the program's entry or the working directory. */
function isInstalled(pkg: string): boolean {
  const { createRequire } = nodeModule();
  for (const from of [process.argv[1], `${process.cwd()}/`]) {
    if (!from) continue;
    try {
      createRequire(from).resolve(`${pkg}/package.json`);
      return true;
    } catch {
      // not from here
    }
  }
  return false;
}

/**
 * The start methods usable in this process, default first (`'spawn'` when loaded). Python:
 * `multiprocessing.get_all_start_methods()`.
 */
export function getAllStartMethods(): string[] {
  const names = [...methods.keys()];
  return names.sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
}

/**
 * A start method as an explicit value (Python's `get_context(method)`): its `Process` class
 * launches with that method. There is no global, set-once default to pin.
 */
export interface Context<P = unknown> {
  /** The method's name: `'spawn'`, `'forkserver'` or `'thread'`. */
  readonly name: string;
  /** The Process class that starts children with this method (`SpawnProcess`, ...). */
  readonly Process: P;
  /** Python's `ctx.get_start_method()`. */
  getStartMethod(): string;
}

/**
 * The context of a start method; without an argument, the default (`'spawn'` when
 * `@proclife/child-process` is loaded, otherwise the first method registered). `'fork'` throws
 * an error that explains why Node has none.
 */
export function getContext(method?: string): Context {
  if (method !== undefined && typeof method !== 'string') {
    throw new StartMethodError(
      'ERR_START_METHOD',
      `getContext(method) takes a method name, received ${quote(method)}.`,
    );
  }
  const name = method ?? getAllStartMethods()[0];
  if (name === undefined) {
    throw new StartMethodError(
      'ERR_START_METHOD',
      'No start method is loaded: import @proclife/child-process or @proclife/worker-threads.',
    );
  }
  const entry = startMethodEntry(name);
  return { name, Process: entry.Process, getStartMethod: () => name };
}
