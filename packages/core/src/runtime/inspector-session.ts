// One in-process inspector session (node:inspector) for what only V8 can tell about a value: where
// a function was defined and which bindings hold it (function-site.ts), and which #private members
// an object holds (private-members.ts). A session connected to its own thread answers at once,
// inside post(), so every question here is synchronous.
import type { Session } from 'node:inspector';

/** The part of a CDP `Runtime.RemoteObject` that proclife reads. */
export interface RemoteObject {
  type?: string;
  objectId?: string;
  description?: string;
  value?: unknown;
}

/** The part of a CDP property descriptor that proclife reads. */
export interface PropertyDescriptor {
  name: string;
  value?: RemoteObject;
}

/** What `Runtime.getProperties` answers, in the parts that proclife reads. */
export interface Properties {
  result: PropertyDescriptor[];
  internalProperties?: PropertyDescriptor[];
  privateProperties?: PropertyDescriptor[];
}

const PROBE = Symbol.for('proclife.inspector.probe');

/** The object group of every remote object made here; released after each question. */
export const PROBE_GROUP = 'proclife-inspector';

let session: Session | undefined;

/**
 * Whether this process may use the inspector: Node was built with it, and the permission model,
 * when on, allows it (`--allow-inspector`; Node 22 has no such flag, so there it never does).
 * Without it, a session's connect() throws, and every question here must be answered otherwise.
 * Asked each time, at every construction: a permission can be dropped while the process runs.
 */
export function inspectorAvailable(): boolean {
  return inspectorUnavailable() === null;
}

/**
 * Why this process cannot use the inspector, for a message that says what proclife did without
 * it, and the flag that would allow it when this Node has one; null when it can.
 */
export function inspectorUnavailable(): { why: string; allow: string | null } | null {
  if (process.features.inspector !== true) {
    return { why: 'this Node was built without the inspector', allow: null };
  }
  if (process.permission?.has('inspector') === false) {
    // Node 22 and early 24 releases have the permission model but no flag that allows the inspector.
    const allow = process.allowedNodeEnvironmentFlags.has('--allow-inspector') ? '--allow-inspector' : null;
    return { why: "Node's permission model does not allow the inspector", allow };
  }
  return null;
}

/** The session, connected on first use. */
export function inspectorSession(): Session {
  if (!session) {
    const { Session: SessionClass } = process.getBuiltinModule('node:inspector');
    const s = new SessionClass();
    s.connect();
    session = s;
  }
  return session;
}

/** Sends one CDP command and returns its answer, which arrives before post() returns. */
export function post<T>(method: string, params?: object): T {
  let result: T | undefined;
  let failure: Error | null = null;
  (
    inspectorSession().post as (m: string, p: object | undefined, cb: (e: Error | null, r: T) => void) => void
  )(method, params, (error, value) => {
    failure = error;
    result = value;
  });
  if (failure) throw failure;
  return result as T;
}

/** The own properties of a remote object, with its internal and private ones. */
export function properties(objectId: string): Properties {
  return post<Properties>('Runtime.getProperties', { objectId, ownProperties: true });
}

/** One of V8's internal properties (`[[Scopes]]`, `[[FunctionLocation]]`...) among `props`. */
export function internalProperty(props: Properties, name: string): RemoteObject | undefined {
  return props.internalProperties?.find((p) => p.name === name)?.value;
}

/** Where V8 says a function was defined, from its `[[FunctionLocation]]`. */
export interface FunctionLocation {
  scriptId: string;
  lineNumber: number;
  columnNumber: number;
}

/** The `[[FunctionLocation]]` of the function `objectId`, if it has one. */
export function functionLocation(objectId: string): FunctionLocation | undefined {
  return internalProperty(properties(objectId), '[[FunctionLocation]]')?.value as
    | FunctionLocation
    | undefined;
}

/**
 * Runs `read` on a remote object made of `value` (put where the session can reach it), then lets
 * go of every remote object made meanwhile. Null when there is no inspector or it refuses.
 */
export function withProbe<T>(value: object, read: (objectId: string) => T): T | null {
  if (!inspectorAvailable()) return null;
  const holder = globalThis as Record<symbol, unknown>;
  try {
    holder[PROBE] = value;
    const { result } = post<{ result: RemoteObject }>('Runtime.evaluate', {
      expression: `globalThis[Symbol.for(${JSON.stringify(PROBE.description)})]`,
      objectGroup: PROBE_GROUP,
      silent: true,
    });
    return read(result.objectId!);
  } catch {
    // An inspector that refuses (a permission model, a debugger in a strange state) leaves the
    // caller to do without it.
    return null;
  } finally {
    delete holder[PROBE];
    try {
      // The session must not keep the user's values alive.
      post('Runtime.releaseObjectGroup', { objectGroup: PROBE_GROUP });
    } catch {
      // nothing was wrapped
    }
  }
}
