import { ERROR_CLASSES, isErrorCode } from './errors.ts';

/** An error flattened so that it can cross to the parent by structured clone. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: unknown;
  /** The error's other own fields that can be cloned. */
  props?: Record<string, unknown>;
  /** Its `cause`, flattened the same way when it is an error. */
  cause?: SerializedValue;
  /** An `AggregateError`'s `errors`, each flattened the same way. */
  errors?: SerializedValue[];
  /** Set when it was a `DOMException` (`AbortError`, `TimeoutError`, `DataCloneError`, ...). */
  domException?: true;
}

/** Anything thrown or attached to an error: an error flattened, or a value that clones as it is. */
export type SerializedValue = { error: SerializedError } | { value: unknown };

// A cause chain is finite in practice; a cycle (`e.cause = e`) must not hang the child.
const MAX_DEPTH = 16;

function serializeValue(value: unknown, depth: number): SerializedValue | undefined {
  if (value instanceof Error) return depth < MAX_DEPTH ? { error: flatten(value, depth + 1) } : undefined;
  try {
    return { value: structuredClone(value) };
  } catch {
    return undefined;
  }
}

const HANDLED = new Set(['code', 'stack', 'message', 'name', 'cause']);

function flatten(thrown: Error, depth: number): SerializedError {
  const out: SerializedError = { name: thrown.name, message: thrown.message };
  if (thrown.stack !== undefined) out.stack = thrown.stack;
  const { code } = thrown as { code?: unknown };
  if (code !== undefined) out.code = code;
  const props: Record<string, unknown> = {};
  const aggregate = thrown instanceof AggregateError && Array.isArray(thrown.errors);
  if (thrown instanceof DOMException) out.domException = true;
  for (const key of Object.keys(thrown)) {
    if (HANDLED.has(key) || (aggregate && key === 'errors')) continue;
    const value = (thrown as unknown as Record<string, unknown>)[key];
    try {
      props[key] = structuredClone(value);
    } catch {
      // fields that cannot cross are dropped; name, message and stack carry the meaning
    }
  }
  if (Object.keys(props).length > 0) out.props = props;
  if ('cause' in thrown) {
    const cause = serializeValue(thrown.cause, depth);
    if (cause) out.cause = cause;
  }
  if (aggregate) {
    out.errors = thrown.errors.flatMap((e: unknown) => serializeValue(e, depth) ?? []);
  }
  return out;
}

/**
 * Flattens anything thrown into a {@link SerializedError}, with its `cause` chain and an
 * `AggregateError`'s `errors`. A thrown non-error (`throw signal.reason` with a string reason)
 * becomes an error whose `cause` is the value itself.
 */
export function serializeError(thrown: unknown): SerializedError {
  if (thrown instanceof Error) return flatten(thrown, 0);
  const out: SerializedError = { name: 'Error', message: `non-error thrown: ${String(thrown)}` };
  const cause = serializeValue(thrown, 0);
  if (cause) out.cause = cause;
  return out;
}

/**
 * Flattens a value that may be an error (an abort's `reason`) so that it crosses to another
 * process or thread; `undefined` when it cannot cross at all.
 */
export function serializeCause(value: unknown): SerializedValue | undefined {
  return serializeValue(value, 0);
}

/** Rebuilds what {@link serializeCause} flattened. */
export function deserializeCause(data: SerializedValue): unknown {
  return rebuildValue(data);
}

function rebuildValue(data: SerializedValue): unknown {
  return 'error' in data ? deserializeError(data.error) : data.value;
}

/** A new error of the class the child threw, where the parent has that class. */
function construct(data: SerializedError, options: ErrorOptions | undefined): Error {
  const Proclife = ERROR_CLASSES[data.name];
  if (Proclife && isErrorCode(data.code)) return new Proclife(data.code, data.message, options);
  if (data.name === 'AggregateError') {
    return new AggregateError((data.errors ?? []).map(rebuildValue), data.message, options);
  }
  if (data.domException) return new DOMException(data.message, data.name);
  const Ctor = (globalThis as unknown as Record<string, unknown>)[data.name];
  if (typeof Ctor === 'function' && (Ctor === Error || Ctor.prototype instanceof Error)) {
    return new (Ctor as ErrorConstructor)(data.message, options);
  }
  return new Error(data.message, options);
}

/**
 * Rebuilds the child's error in the parent: the same class where the parent has it (proclife's
 * own classes included, so `instanceof` holds), its name, message, stack, `code`, `cause` and
 * an `AggregateError`'s `errors`.
 */
export function deserializeError(data: SerializedError): Error {
  const options = data.cause ? { cause: rebuildValue(data.cause) } : undefined;
  const error = construct(data, options);
  if (error.name !== data.name) {
    Object.defineProperty(error, 'name', {
      value: data.name,
      configurable: true,
      writable: true,
      enumerable: false,
    });
  }
  if (data.stack !== undefined) {
    Object.defineProperty(error, 'stack', {
      value: data.stack,
      configurable: true,
      writable: true,
      enumerable: false,
    });
  }
  // A DOMException's `code` is its own read-only number; every other class takes the child's.
  if (data.code !== undefined && !(error instanceof DOMException)) {
    Object.defineProperty(error, 'code', {
      value: data.code,
      configurable: true,
      writable: true,
      enumerable: true,
    });
  }
  if (data.props) Object.assign(error, data.props);
  return error;
}
