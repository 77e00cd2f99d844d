/** An error flattened so that it can cross to the parent by structured clone. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: unknown;
  /** The error's other own fields that can be cloned. */
  props?: Record<string, unknown>;
}

/** Flattens anything thrown into a {@link SerializedError}. */
export function serializeError(thrown: unknown): SerializedError {
  if (thrown instanceof Error) {
    const out: SerializedError = { name: thrown.name, message: thrown.message };
    if (thrown.stack !== undefined) out.stack = thrown.stack;
    const { code } = thrown as { code?: unknown };
    if (code !== undefined) out.code = code;
    const props: Record<string, unknown> = {};
    for (const key of Object.keys(thrown)) {
      if (key === 'code' || key === 'stack' || key === 'message' || key === 'name') continue;
      const value = (thrown as unknown as Record<string, unknown>)[key];
      try {
        props[key] = structuredClone(value);
      } catch {
        // fields that cannot cross are dropped; name, message and stack carry the meaning
      }
    }
    if (Object.keys(props).length > 0) out.props = props;
    return out;
  }
  return { name: 'Error', message: `non-error thrown: ${String(thrown)}` };
}

/** Rebuilds the child's error in the parent, with its name, message, stack and `code`. */
export function deserializeError(data: SerializedError): Error {
  const Ctor = (globalThis as unknown as Record<string, unknown>)[data.name];
  const error: Error =
    typeof Ctor === 'function' && (Ctor === Error || Ctor.prototype instanceof Error)
      ? new (Ctor as ErrorConstructor)(data.message)
      : new Error(data.message);
  if (error.name !== data.name) {
    Object.defineProperty(error, 'name', {
      value: data.name,
      configurable: true,
      writable: true,
      enumerable: false,
    });
  }
  if (data.stack !== undefined) error.stack = data.stack;
  if (data.code !== undefined) (error as Error & { code?: unknown }).code = data.code;
  if (data.props) Object.assign(error, data.props);
  return error;
}
