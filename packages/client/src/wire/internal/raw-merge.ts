import type { AssetResolver } from '../../resolver/asset-resolver.js';

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Read-only fields of the REST model (the spec's `readOnly` flags, 2025-12-01): never sent.
 * Envelope: `id`, `name`, `type`, `systemData` (ARM `ProxyResource`); properties: `status`
 * (`JobBase`), `parameters` (`CommandJob`); each service's `status` and `errorMessage`
 * (`JobService`).
 */
export const READ_ONLY_PROPERTIES: ReadonlySet<string> = new Set(['status', 'parameters']);
/** Read-only fields of a `JobService`. */
export const READ_ONLY_SERVICE_FIELDS: ReadonlySet<string> = new Set(['status', 'errorMessage']);

/**
 * User-owned maps: the entity's map replaces the raw one (a removed entry stays removed),
 * entries present in both are merged as structures (their unknown fields are kept).
 */
const MAP_KEYS: ReadonlySet<string> = new Set([
  'tags',
  'properties',
  'inputs',
  'outputs',
  'environmentVariables',
  'conf',
  'services',
  'jobs',
  'columnNameAndTypes',
  'transformerParams',
]);

function isEmpty(value: unknown): boolean {
  return (
    (isDict(value) && Object.keys(value).length === 0) ||
    (Array.isArray(value) && value.length === 0)
  );
}

function withoutServiceReadOnly(services: unknown): unknown {
  if (!isDict(services)) return services;
  return Object.fromEntries(
    Object.entries(services).map(([name, service]) => [
      name,
      isDict(service)
        ? Object.fromEntries(
            Object.entries(service).filter(([k]) => !READ_ONLY_SERVICE_FIELDS.has(k)),
          )
        : service,
    ]),
  );
}

function mergeStructure(body: Dict, raw: Dict, skip: ReadonlySet<string>, keepNew: boolean): Dict {
  const out: Dict = {};
  for (const [k, v] of Object.entries(raw)) {
    if (skip.has(k)) continue;
    out[k] = k === 'services' ? withoutServiceReadOnly(v) : structuredClone(v);
  }
  for (const [k, v] of Object.entries(body)) {
    if (skip.has(k)) continue;
    const r = raw[k];
    if (!(k in raw)) {
      if (keepNew && !isEmpty(v)) out[k] = v;
    } else if (
      typeof v === 'string' &&
      typeof r === 'string' &&
      v.toLowerCase() === r.toLowerCase()
    ) {
      out[k] = r;
    } else if (MAP_KEYS.has(k) && isDict(v) && isDict(r)) {
      out[k] = mergeMap(v, r, k === 'services' ? READ_ONLY_SERVICE_FIELDS : new Set(), keepNew);
    } else if (isDict(v) && isDict(r)) {
      out[k] = mergeStructure(v, r, new Set(), keepNew);
    } else out[k] = v;
  }
  return out;
}

function mergeMap(body: Dict, raw: Dict, entrySkip: ReadonlySet<string>, keepNew: boolean): Dict {
  const out: Dict = {};
  for (const [k, v] of Object.entries(body)) {
    const r = raw[k];
    out[k] = isDict(v) && isDict(r) ? mergeStructure(v, r, entrySkip, keepNew) : v;
  }
  return out;
}

/**
 * The body of a job read by `fromRestJob`: the entity's body laid over the REST JSON it was
 * read from, so fields this version does not model are sent back, and values the entity holds
 * in another spelling (`minimize` for `Minimize`) keep the service's. Read-only fields are
 * dropped. Keys only the body has come from the entity's defaults when the job is
 * `unchanged` since it was read (they are left out); otherwise non-empty ones are kept.
 * Submission defaults (`defaulted`: generated display name, experiment, `isArchived`) never
 * override what was read.
 */
export function mergeWithRaw(
  body: Dict,
  rawProperties: Dict,
  options: { defaulted: ReadonlySet<string>; unchanged: boolean },
): Dict {
  const trimmed: Dict = {};
  for (const [k, v] of Object.entries(body)) if (!options.defaulted.has(k)) trimmed[k] = v;
  return mergeStructure(trimmed, rawProperties, READ_ONLY_PROPERTIES, !options.unchanged);
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, into);
  else if (isDict(value)) for (const v of Object.values(value)) collectStrings(v, into);
}

/**
 * A resolver for a job read from REST: values that came from the service (ids, URIs) are
 * already resolved and go back unchanged; anything the caller changed goes to `inner`.
 */
export function restOriginResolver(inner: AssetResolver, rawProperties: Dict): AssetResolver {
  const known = new Set<string>();
  collectStrings(rawProperties, known);
  const computeId =
    typeof rawProperties['computeId'] === 'string' ? rawProperties['computeId'] : undefined;
  const wrapper: AssetResolver = {
    resolveCompute: (compute, context) => {
      if (
        computeId !== undefined &&
        (computeId === compute || computeId.endsWith(`/computes/${compute}`))
      ) {
        return Promise.resolve(computeId);
      }
      return inner.resolveCompute(compute, context);
    },
    resolveCode: (code, context) =>
      'path' in code && known.has(code.path)
        ? Promise.resolve(code.path)
        : inner.resolveCode(code, context),
    resolveEnvironment: (environment, context) =>
      typeof environment === 'string' && known.has(environment)
        ? Promise.resolve(environment)
        : inner.resolveEnvironment(environment, context),
    resolveInput: (input, context) =>
      known.has(input.path) ? Promise.resolve(input.path) : inner.resolveInput(input, context),
    resolveDatastore: (datastore, context) =>
      known.has(datastore)
        ? Promise.resolve(datastore)
        : inner.resolveDatastore(datastore, context),
  };
  // Optional methods are delegated (not spread: a class-based resolver keeps them on its prototype).
  if (inner.getCompute !== undefined) {
    wrapper.getCompute = (compute, context) =>
      inner.getCompute?.(compute, context) ?? inner.resolveCompute(compute, context);
  }
  if (inner.resolveComponent !== undefined) {
    wrapper.resolveComponent = (component, context) =>
      'reference' in component && known.has(component.reference)
        ? Promise.resolve(component.reference)
        : (inner.resolveComponent?.(component, context) ??
          Promise.reject(new TypeError('resolveComponent disappeared from the resolver')));
  }
  return wrapper;
}
