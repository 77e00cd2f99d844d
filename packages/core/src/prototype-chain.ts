/** Whether `test` holds for one of the objects on `value`'s prototype chain (not `value` itself). */
export function someOnPrototypeChain(value: object, test: (proto: object) => boolean): boolean {
  for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (test(proto)) return true;
  }
  return false;
}
