/** Dump-only fields that loading drops silently (§4.5). */

const READ_ONLY_TOP_LEVEL = [
  '$schema',
  'id',
  'status',
  'creation_context',
  'log_files',
  'parameters',
] as const;
const READ_ONLY_SERVICE = ['endpoint', 'status', 'error_message'] as const;

/** A shallow copy of a document root without the read-only fields (also inside `services` entries). */
export function stripReadOnlyFields(root: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...root };
  for (const key of READ_ONLY_TOP_LEVEL) Reflect.deleteProperty(out, key);
  const services = out['services'];
  if (typeof services === 'object' && services !== null && !Array.isArray(services)) {
    const copy: Record<string, unknown> = {};
    for (const [name, service] of Object.entries(services as Record<string, unknown>)) {
      if (typeof service === 'object' && service !== null && !Array.isArray(service)) {
        const s: Record<string, unknown> = { ...(service as Record<string, unknown>) };
        for (const key of READ_ONLY_SERVICE) Reflect.deleteProperty(s, key);
        copy[name] = s;
      } else copy[name] = service;
    }
    out['services'] = copy;
  }
  return out;
}
