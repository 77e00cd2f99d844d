// Set by the build to core's package version; running from source leaves it undefined.
declare const __PROCLIFE_CORE_VERSION__: string | undefined;

// The version of this copy of `@proclife/core`, or 'source' when it runs from its `.ts` files.
const CORE_VERSION: string =
  typeof __PROCLIFE_CORE_VERSION__ === 'string' ? __PROCLIFE_CORE_VERSION__ : 'source';

// The version is in the key: the internals of a Process are only readable by code that knows
// their shape, so copies of other versions keep their own state (decision 0017).
const KEY = Symbol.for(`proclife.state@${CORE_VERSION}`);

function slots(): Record<string, unknown> {
  const holder = globalThis as unknown as Record<symbol, Record<string, unknown> | undefined>;
  const found = holder[KEY];
  if (found !== undefined) return found;
  const created: Record<string, unknown> = Object.create(null);
  // Not enumerable, not writable: a walk over globalThis does not see it, nor can it replace it.
  Object.defineProperty(globalThis, KEY, {
    value: created,
    enumerable: false,
    writable: false,
    configurable: false,
  });
  return created;
}

/**
 * One piece of the engine's state for this isolate (a process, or a thread: each has its own
 * `globalThis`), made by `create()` the first time any copy of core asks for `name`.
 *
 * The state lives on `globalThis` rather than in module variables because one isolate can hold
 * several copies of core's code: a child's bootstrap is one pre-bundled file with core (or its
 * child side) inside it (decisions 0017, 0021), while the target's module imports `@proclife/core` from `node_modules`, and a
 * dependency tree can install core twice. Every copy of the same version gets the same object,
 * so they agree on the current process, its identity and name counter, the children, the
 * registered start methods and each Process's internals. Hold on to the object, never replace it.
 */
export function sharedSlot<T extends object>(name: string, create: () => T): T {
  const all = slots();
  let slot = all[name] as T | undefined;
  if (slot === undefined) {
    slot = create();
    all[name] = slot;
  }
  return slot;
}
