/** The error `fn` throws, or undefined when it returns: for asserting on a typed error's fields. */
export function thrownBy<E = Error & { code?: string }>(fn: () => unknown): E | undefined {
  try {
    fn();
  } catch (error) {
    return error as E;
  }
  return undefined;
}
