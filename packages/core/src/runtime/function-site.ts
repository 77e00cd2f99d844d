// Where V8 says a function was defined, and which top-level bindings hold it, read through an
// in-process inspector session (node:inspector). This is the identity that pickle gets from a
// module and a qualified name: the script the function comes from, and the module-level name
// whose value *is* that function. See docs/decisions/0010-target-identity.md.
import {
  type FunctionLocation,
  functionLocation,
  inspectorAvailable,
  inspectorSession,
  internalProperty,
  PROBE_GROUP,
  type PropertyDescriptor,
  post,
  properties,
  type RemoteObject,
  withProbe,
} from './inspector-session.ts';

/** What V8 knows about a function's definition. */
export interface FunctionSite {
  /** The URL of the script that defines it (`file:` URL or path); `''` for eval and native code. */
  url: string;
  /** 0-based line and column of the definition in the script V8 ran (after any transform). */
  line: number;
  column: number;
  /**
   * The outermost scope around the definition below the global one: `'Module'` for an ES
   * module that Node loaded, `'Block'`/`'Closure'`/`'Local'` when a runner or CommonJS wrapped
   * the code in a function.
   */
  scope: string | null;
  /** True for `fn.bind(...)`: the child could not rebuild the bound `this` and arguments. */
  bound: boolean;
}

const BINDING = Symbol.for('proclife.functionSite.binding');

const scriptUrls = new Map<string, string>();
let listening = false;

/** Whether this process can read function sites at all (see {@link inspectorAvailable}). */
export function canReadFunctionSites(): boolean {
  return inspectorAvailable();
}

function urlOf(scriptId: string): string {
  let url = scriptUrls.get(scriptId);
  if (url === undefined) {
    if (!listening) {
      inspectorSession().on('Debugger.scriptParsed', (message) => {
        scriptUrls.set(message.params.scriptId, message.params.url);
      });
      listening = true;
    }
    // Enabling the debugger reports every script parsed so far; it is switched off again at
    // once, so the process runs without a debugger attached between lookups.
    post('Debugger.enable');
    post('Debugger.disable');
    url = scriptUrls.get(scriptId) ?? '';
  }
  return url;
}

/** The scopes of a function's `[[Scopes]]` below the global ones, outermost first. */
function outerScopes(scopes: RemoteObject | undefined): RemoteObject[] {
  const found: RemoteObject[] = [];
  if (scopes?.objectId) {
    for (const entry of properties(scopes.objectId).result) {
      const d = entry.value?.description ?? '';
      if (!/^\d+$/.test(entry.name) || d === 'Global' || d === 'Script' || !entry.value) continue;
      found.unshift(entry.value);
    }
  }
  return found;
}

/**
 * The bindings of the module's top level: those of the outermost scope that holds any of
 * `names`. That is the module's own scope in an ES module; a test runner's wrapper function
 * (vitest's) can add a scope of its own parameters around it, which holds none of them.
 */
function topLevelBindings(scopes: RemoteObject[], names: ReadonlySet<string>): PropertyDescriptor[] {
  for (const scope of scopes) {
    if (!scope.objectId) continue;
    const bindings = properties(scope.objectId).result;
    if (bindings.some((p) => names.has(p.name))) return bindings;
  }
  return [];
}

/**
 * The value of `name`, a top-level binding of the module that defines `fn`, read from that
 * module's scope (no import: the module may still be evaluating, awaiting at its top level, where
 * an import() of it would wait for ever). `initialized` is false for a binding that the module's
 * evaluation has not reached yet (a class declared below the code that awaits). Null when there
 * is no such binding, or it is unreadable.
 */
export function readSiblingBinding(
  fn: object,
  name: string,
): { url: string; initialized: boolean; value: unknown } | null {
  return withProbe(fn, (fnId) => {
    const own = properties(fnId);
    const location = internalProperty(own, '[[FunctionLocation]]')?.value as FunctionLocation | undefined;
    const scopes = outerScopes(internalProperty(own, '[[Scopes]]'));
    const binding = topLevelBindings(scopes, new Set([name])).find((p) => p.name === name);
    if (!location || !binding) return null;
    // A binding in its temporal dead zone comes without a value.
    if (!binding.value) return { url: urlOf(location.scriptId), initialized: false, value: undefined };
    if (!binding.value.objectId) return null;
    const value = remoteValue(binding.value.objectId);
    return value === NO_VALUE ? null : { url: urlOf(location.scriptId), initialized: true, value };
  });
}

const NO_VALUE = Symbol('no value');

/** The value behind a remote object, brought back through a global slot. */
function remoteValue(objectId: string): unknown {
  const holder = globalThis as Record<symbol, unknown>;
  try {
    post('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: `function () { globalThis[Symbol.for(${JSON.stringify(BINDING.description)})] = this; }`,
      objectGroup: PROBE_GROUP,
    });
    return Object.hasOwn(holder, BINDING) ? holder[BINDING] : NO_VALUE;
  } finally {
    delete holder[BINDING];
  }
}

/**
 * A function or class that a binding of the scopes around `fn` holds (below the global ones: its
 * module's top level, where its imports are) and that was defined in a script whose URL `wanted`
 * accepts. Null when none is, or the inspector is not available. One look-up per function that
 * those scopes hold.
 */
export function readFunctionDefinedIn(fn: object, wanted: (url: string) => boolean): object | null {
  return withProbe(fn, (fnId) => {
    for (const scope of outerScopes(internalProperty(properties(fnId), '[[Scopes]]'))) {
      if (!scope.objectId) continue;
      for (const binding of properties(scope.objectId).result) {
        const id = binding.value?.objectId;
        if (id === undefined || binding.value?.type !== 'function') continue;
        const location = functionLocation(id);
        if (location === undefined || !wanted(urlOf(location.scriptId))) continue;
        const value = remoteValue(id);
        if (typeof value === 'function') return value;
      }
    }
    return null;
  });
}

/**
 * Reads where `fn` was defined and, through `matchBindings`, which of `names` are bindings of its
 * outermost non-global scope whose value is `fn` itself. Returns null when the inspector is not
 * available. Each call costs about a tenth of a millisecond, plus about 20 ms the first time a
 * script is seen (the debugger is enabled for an instant to learn the script's URL).
 */
export function readFunctionSite(
  fn: object,
  names: (url: string) => readonly string[],
): { site: FunctionSite; matches: string[] } | null {
  return withProbe(fn, (fnId) => {
    const own = properties(fnId);
    const get = (n: string) => internalProperty(own, n);
    const location = get('[[FunctionLocation]]')?.value as FunctionLocation | undefined;
    const site: FunctionSite = {
      url: location ? urlOf(location.scriptId) : '',
      line: location?.lineNumber ?? 0,
      column: location?.columnNumber ?? 0,
      scope: null,
      bound: get('[[TargetFunction]]') !== undefined,
    };
    const scopes = outerScopes(get('[[Scopes]]'));
    const matches: string[] = [];
    if (scopes.length > 0) {
      site.scope = (scopes[0]?.description ?? '').split(' ')[0] ?? null;
      const wanted = new Set(names(site.url));
      const candidates = topLevelBindings(scopes, wanted).filter(
        (p) => wanted.has(p.name) && p.value?.objectId !== undefined,
      );
      if (candidates.length > 0) {
        // Identity, not a look-alike: V8 compares the binding's value with the function itself.
        const { result: same } = post<{ result: RemoteObject }>('Runtime.callFunctionOn', {
          objectId: fnId,
          functionDeclaration: 'function (...values) { return values.map((v) => v === this); }',
          arguments: candidates.map((p) => ({ objectId: p.value!.objectId })),
          returnByValue: true,
          objectGroup: PROBE_GROUP,
        });
        const flags = same.value as boolean[];
        candidates.forEach((p, i) => {
          if (flags[i]) matches.push(p.name);
        });
      }
    }
    return { site, matches };
  });
}
