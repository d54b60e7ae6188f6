import { AssetReferenceError, AssetReferenceErrorCode } from './id-error.js';
import { quote } from './internal/quote.js';

/**
 * An asset in an Azure ML registry:
 * `azureml://registries/<registry>/<kind>/<name>[/versions/<version> | /labels/<label>]`.
 */
export interface RegistryId {
  /** The registry name, e.g. `azureml`. */
  readonly registry: string;
  /** The asset collection: `environments`, `components`, `models`, `data`, … */
  readonly kind: string;
  /** The asset name. */
  readonly name: string;
  /** The asset version, for `…/versions/<version>` ids. */
  readonly version?: string;
  /** The asset label, for `…/labels/<label>` ids (e.g. `latest`). */
  readonly label?: string;
}

const FORMAT =
  "'azureml://registries/<registry>/<kind>/<name>[/versions/<version>|/labels/<label>]'";

/**
 * Reads a registry asset id. The legacy `azureml://feeds/` prefix is read as
 * `azureml://registries/`. Besides the SDK's `…/versions/<v>` form, the `…/labels/<label>`
 * and unversioned forms used by the azureml-examples are accepted.
 *
 * @throws {AssetReferenceError} with code `INVALID_REGISTRY_ID`.
 * @example
 * ```ts
 * parseRegistryId('azureml://registries/azureml/environments/sklearn-1.5/labels/latest');
 * // { registry: 'azureml', kind: 'environments', name: 'sklearn-1.5', label: 'latest' }
 * ```
 */
export function parseRegistryId(id: string): RegistryId {
  const parsed = tryParseRegistryId(id);
  if (parsed === undefined) {
    throw new AssetReferenceError(
      `Invalid registry asset id: expected ${FORMAT}, received ${typeof id === 'string' ? quote(id) : typeof id}`,
      {
        code: AssetReferenceErrorCode.InvalidRegistryId,
        input: typeof id === 'string' ? id : typeof id,
      },
    );
  }
  return parsed;
}

/** Tells whether `id` can be read by {@link parseRegistryId}. */
export function isRegistryId(id: unknown): id is string {
  return tryParseRegistryId(id) !== undefined;
}

function tryParseRegistryId(id: unknown): RegistryId | undefined {
  if (typeof id !== 'string') return undefined;
  const match = /^azureml:\/\/(?:registries|feeds)\/(.*)$/.exec(id);
  if (match === null) return undefined;
  const s = match[1]!.split('/');
  if (s.some((segment) => segment === '')) return undefined;
  if (s.length !== 3 && s.length !== 5) return undefined;
  const base = { registry: s[0]!, kind: s[1]!, name: s[2]! };
  if (s.length === 3) return base;
  if (s[3] === 'versions') return { ...base, version: s[4]! };
  if (s[3] === 'labels') return { ...base, label: s[4]! };
  return undefined;
}

/**
 * Writes a registry asset id (`azureml://registries/…`). The inverse of
 * {@link parseRegistryId}.
 *
 * @throws {TypeError} when a field is empty or contains `/`, or both `version` and `label`
 *   are given.
 */
export function formatRegistryId(id: RegistryId): string {
  const parts = [id.registry, id.kind, id.name];
  if (id.version !== undefined && id.label !== undefined) {
    throw new TypeError(
      `formatRegistryId: expected either version or label, received both (version ${quote(id.version)}, label ${quote(id.label)})`,
    );
  }
  if (id.version !== undefined) parts.push('versions', id.version);
  if (id.label !== undefined) parts.push('labels', id.label);
  for (const part of parts) {
    if (typeof part !== 'string' || part === '' || part.includes('/')) {
      throw new TypeError(
        `formatRegistryId: expected every field to be a non-empty string without '/', received ${typeof part === 'string' ? quote(part) : typeof part}`,
      );
    }
  }
  return `azureml://registries/${parts.join('/')}`;
}
