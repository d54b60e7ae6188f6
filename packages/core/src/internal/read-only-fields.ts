/** Dump-only fields that loading drops silently (§4.5). */

const READ_ONLY_TOP_LEVEL: ReadonlySet<string> = new Set([
  '$schema',
  'id',
  'status',
  'creation_context',
  'log_files',
  'parameters',
]);
const READ_ONLY_SERVICE: ReadonlySet<string> = new Set(['endpoint', 'status', 'error_message']);

/**
 * A copy of `source`'s own enumerable properties without the `skip` keys, in order.
 * Copying without deleting keeps the copy a fast (non-dictionary) object.
 */
function copyWithout(
  source: Record<string, unknown>,
  skip: ReadonlySet<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(source);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (skip.has(key)) continue;
    if (key === '__proto__')
      Object.defineProperty(out, key, {
        value: source[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[key] = source[key];
  }
  return out;
}

/** A shallow copy of a document root without the read-only fields (also inside `services` entries). */
export function stripReadOnlyFields(root: Record<string, unknown>): Record<string, unknown> {
  const out = copyWithout(root, READ_ONLY_TOP_LEVEL);
  const services = out['services'];
  if (typeof services === 'object' && services !== null && !Array.isArray(services)) {
    const copy: Record<string, unknown> = {};
    for (const [name, service] of Object.entries(services as Record<string, unknown>)) {
      if (typeof service === 'object' && service !== null && !Array.isArray(service)) {
        copy[name] = copyWithout(service as Record<string, unknown>, READ_ONLY_SERVICE);
      } else copy[name] = service;
    }
    out['services'] = copy;
  }
  return out;
}
