/** Narrows `value` to an instance of `Class`, failing the test with a clear message otherwise. */
export function asInstance<E>(value: unknown, Class: abstract new (...args: never[]) => E): E {
  if (!(value instanceof Class)) {
    throw new Error(`expected an instance of ${Class.name}, received ${String(value)}`);
  }
  return value;
}
