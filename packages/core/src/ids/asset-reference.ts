import { formatArmId, formatWorkspaceId, parseArmId } from './arm-id.js';
import type { ArmId, WorkspaceScope } from './arm-id.js';
import { AssetReferenceError, AssetReferenceErrorCode } from './id-error.js';
import { quote } from './internal/quote.js';
import { formatRegistryId, parseRegistryId } from './registry-id.js';
import type { RegistryId } from './registry-id.js';

/** The prefix of every workspace asset reference. */
export const AZUREML_PREFIX = 'azureml:';

/** The name prefix of curated (Microsoft-published) environments, sent unresolved. */
export const CURATED_ENVIRONMENT_PREFIX = 'AzureML-';

/** `azureml:/subscriptions/…` (or a bare `/subscriptions/…`): a full ARM id. */
export interface ArmAssetReference {
  /** Discriminator. */
  readonly kind: 'arm';
  /** The parsed ARM id. */
  readonly id: ArmId;
}

/** `azureml://registries/<registry>/<kind>/<name>[…]`: an asset in a registry. */
export interface RegistryAssetReference {
  /** Discriminator. */
  readonly kind: 'registry';
  /** The parsed registry id. */
  readonly id: RegistryId;
}

/** `azureml:<name>:<version>`: a workspace asset version. */
export interface NamedAssetReference {
  /** Discriminator. */
  readonly kind: 'named';
  /** The asset name. */
  readonly name: string;
  /** The version (everything after the last `:`). */
  readonly version: string;
}

/** `azureml:<name>@<label>`: a workspace asset by label, usually `latest`. */
export interface LabelAssetReference {
  /** Discriminator. */
  readonly kind: 'label';
  /** The asset name. */
  readonly name: string;
  /** The label (everything after the last `@`). */
  readonly label: string;
}

/**
 * `azureml:<name>`: a name without a version, allowed only where a default version is
 * (environment, component, compute); the caller decides.
 */
export interface UnversionedAssetReference {
  /** Discriminator. */
  readonly kind: 'unversioned';
  /** The asset (or compute) name. */
  readonly name: string;
}

/**
 * `azureml:AzureML-…` (optionally with `:<version>` or `@<label>`): a curated environment,
 * sent to the service as written, without resolution.
 */
export interface CuratedAssetReference {
  /** Discriminator. */
  readonly kind: 'curated';
  /** The curated name, starting with `AzureML-`. */
  readonly name: string;
  /** The version, when written as `name:version`. */
  readonly version?: string;
  /** The label, when written as `name@label`. */
  readonly label?: string;
}

/**
 * `azureml://datastores/<datastore>/paths/<path>`, or the long form
 * `azureml://subscriptions/<s>/resourcegroups/<rg>/workspaces/<ws>/datastores/<datastore>/paths/<path>`.
 */
export interface DatastorePathReference {
  /** Discriminator. */
  readonly kind: 'datastorePath';
  /** The datastore name. */
  readonly datastore: string;
  /** The path inside the datastore (may contain `/`, keeps a trailing `/`). */
  readonly path: string;
  /** The workspace, for the long form only. */
  readonly workspace?: WorkspaceScope;
}

/** `azureml://jobs/<job>/outputs/<output>/paths/<path>`: a file in a job's output. */
export interface JobOutputReference {
  /** Discriminator. */
  readonly kind: 'jobOutput';
  /** The job name. */
  readonly jobName: string;
  /** The output name. */
  readonly outputName: string;
  /** The path inside the output. */
  readonly path: string;
}

/** Any reference {@link parseAssetReference} reads, discriminated by `kind`. */
export type AssetReference =
  | ArmAssetReference
  | RegistryAssetReference
  | NamedAssetReference
  | LabelAssetReference
  | UnversionedAssetReference
  | CuratedAssetReference
  | DatastorePathReference
  | JobOutputReference;

const SHORT_DATASTORE = /^azureml:\/\/datastores\/([^/]+)\/paths\/(.+)$/s;
const LONG_DATASTORE =
  /^azureml:\/\/subscriptions\/([^/]+)\/resource[gG]roups\/([^/]+)\/workspaces\/([^/]+)\/datastores\/([^/]+)\/paths\/(.+)$/s;
const JOB_OUTPUT = /^azureml:\/\/jobs\/([^/]+)\/outputs\/([^/]+)\/paths\/(.+)$/s;

function fail(text: string, expected: string, cause?: unknown): AssetReferenceError {
  return new AssetReferenceError(
    `Invalid asset reference: expected ${expected}, received ${quote(text)}`,
    {
      code: AssetReferenceErrorCode.InvalidAssetReference,
      input: text,
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

function parseUri(text: string): AssetReference {
  if (/^azureml:\/\/(?:registries|feeds)\//.test(text)) {
    try {
      return { kind: 'registry', id: parseRegistryId(text) };
    } catch (error) {
      throw fail(
        text,
        "'azureml://registries/<registry>/<kind>/<name>[/versions/<version>|/labels/<label>]'",
        error,
      );
    }
  }
  let match = SHORT_DATASTORE.exec(text);
  if (match !== null) return { kind: 'datastorePath', datastore: match[1]!, path: match[2]! };
  match = LONG_DATASTORE.exec(text);
  if (match !== null) {
    return {
      kind: 'datastorePath',
      datastore: match[4]!,
      path: match[5]!,
      workspace: { subscriptionId: match[1]!, resourceGroup: match[2]!, workspaceName: match[3]! },
    };
  }
  match = JOB_OUTPUT.exec(text);
  if (match !== null) {
    return { kind: 'jobOutput', jobName: match[1]!, outputName: match[2]!, path: match[3]! };
  }
  throw fail(
    text,
    "an 'azureml://' URI of the form 'azureml://registries/…', 'azureml://datastores/<datastore>/paths/<path>', 'azureml://subscriptions/…/datastores/<datastore>/paths/<path>' or 'azureml://jobs/<job>/outputs/<output>/paths/<path>'",
  );
}

function parseShort(text: string, body: string): AssetReference {
  if (body === '') throw fail(text, "a name after 'azureml:'");
  if (body.includes('/')) {
    throw fail(
      text,
      "a name without '/' (Could not parse it. If providing an ARM id, it should start with a '/'.)",
    );
  }
  let reference: NamedAssetReference | LabelAssetReference | UnversionedAssetReference;
  const at = body.lastIndexOf('@');
  const colon = body.lastIndexOf(':');
  if (at !== -1) {
    reference = { kind: 'label', name: body.slice(0, at), label: body.slice(at + 1) };
    if (reference.name === '' || reference.label === '') {
      throw fail(text, "'azureml:<name>@<label>' with a non-empty name and label");
    }
  } else if (colon !== -1) {
    reference = { kind: 'named', name: body.slice(0, colon), version: body.slice(colon + 1) };
    if (reference.name === '' || reference.version === '') {
      throw fail(text, "'azureml:<name>:<version>' with a non-empty name and version");
    }
  } else {
    reference = { kind: 'unversioned', name: body };
  }
  if (!reference.name.startsWith(CURATED_ENVIRONMENT_PREFIX)) return reference;
  if (reference.kind === 'label')
    return { kind: 'curated', name: reference.name, label: reference.label };
  if (reference.kind === 'named') {
    return { kind: 'curated', name: reference.name, version: reference.version };
  }
  return { kind: 'curated', name: reference.name };
}

/**
 * Reads an `azureml:` reference as written in job YAML (reference grammar §4.12):
 *
 * | written | result |
 * |---|---|
 * | `azureml:/subscriptions/…/workspaces/<ws>/<kind>/<name>[/versions/<v>]` or `/subscriptions/…` | `{ kind: 'arm', id }` |
 * | `azureml://registries/<reg>/<kind>/<name>[/versions/<v>\|/labels/<l>]` (`azureml://feeds/` too) | `{ kind: 'registry', id }` |
 * | `azureml:<name>:<version>` (split at the last `:`) | `{ kind: 'named', name, version }` |
 * | `azureml:<name>@<label>` (split at the last `@`, checked before `:`) | `{ kind: 'label', name, label }` |
 * | `azureml:<name>` | `{ kind: 'unversioned', name }` |
 * | `azureml:AzureML-…` in any of the three forms above | `{ kind: 'curated', name, version?, label? }` |
 * | `azureml://datastores/<ds>/paths/<path>` (or the long `azureml://subscriptions/…` form) | `{ kind: 'datastorePath', datastore, path, workspace? }` |
 * | `azureml://jobs/<job>/outputs/<out>/paths/<path>` | `{ kind: 'jobOutput', jobName, outputName, path }` |
 *
 * The prefix is case-sensitive and nothing is trimmed. A short name containing `/` is
 * refused, as the SDK does ("If providing an ARM id, it should start with a '/'").
 *
 * @throws {AssetReferenceError} with code `INVALID_ASSET_REFERENCE` (local paths, URLs
 *   and plain names are not references and are refused too).
 * @example
 * ```ts
 * parseAssetReference('azureml:my-env:3');        // { kind: 'named', name: 'my-env', version: '3' }
 * parseAssetReference('azureml:my-data@latest');  // { kind: 'label', name: 'my-data', label: 'latest' }
 * ```
 */
export function parseAssetReference(text: string): AssetReference {
  if (typeof text !== 'string') {
    throw new TypeError(`parseAssetReference: expected a string, received ${typeof text}`);
  }
  const body = text.startsWith(AZUREML_PREFIX) ? text.slice(AZUREML_PREFIX.length) : undefined;
  if (body?.startsWith('//')) return parseUri(text);
  if ((body ?? text).startsWith('/')) {
    try {
      return { kind: 'arm', id: parseArmId(body ?? text) };
    } catch (error) {
      throw fail(
        text,
        "a full ARM id '/subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>/<kind>/<name>[/versions/<v>]'",
        error,
      );
    }
  }
  if (body === undefined) {
    throw fail(text, "a reference starting with 'azureml:' or '/subscriptions/'");
  }
  return parseShort(text, body);
}

/** Tells whether `text` can be read by {@link parseAssetReference}. */
export function isAssetReference(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  try {
    parseAssetReference(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a reference back as text; `parseAssetReference(formatAssetReference(r))` equals
 * `r`. ARM ids are written in canonical form with the `azureml:` prefix; registry ids use
 * `azureml://registries/`.
 *
 * @throws {TypeError} when a part is empty or would not read back (for example a name
 *   containing `/`, `@` or `:`).
 */
export function formatAssetReference(reference: AssetReference): string {
  switch (reference.kind) {
    case 'arm':
      return `${AZUREML_PREFIX}${formatArmId(reference.id)}`;
    case 'registry':
      return formatRegistryId(reference.id);
    case 'named':
    case 'label':
    case 'unversioned':
    case 'curated':
      return formatShort(reference);
    case 'datastorePath': {
      const datastore = part('datastore', reference.datastore, '/');
      const path = part('path', reference.path, '');
      if (reference.workspace === undefined)
        return `azureml://datastores/${datastore}/paths/${path}`;
      const ws = reference.workspace;
      formatWorkspaceId(ws);
      return `azureml://subscriptions/${ws.subscriptionId}/resourcegroups/${ws.resourceGroup}/workspaces/${ws.workspaceName}/datastores/${datastore}/paths/${path}`;
    }
    case 'jobOutput':
      return `azureml://jobs/${part('jobName', reference.jobName, '/')}/outputs/${part('outputName', reference.outputName, '/')}/paths/${part('path', reference.path, '')}`;
  }
}

function part(field: string, value: string, forbidden: string): string {
  const chars = forbidden.split('');
  if (typeof value !== 'string' || value === '' || chars.some((c) => value.includes(c))) {
    throw new TypeError(
      `formatAssetReference: expected ${field} to be a non-empty string${chars.length === 0 ? '' : ` without ${chars.map((c) => `'${c}'`).join(' or ')}`}, received ${typeof value === 'string' ? quote(value) : typeof value}`,
    );
  }
  return value;
}

/** Characters a part must not contain for `parseShort` to read the same parts back. */
function formatShort(
  reference:
    NamedAssetReference | LabelAssetReference | UnversionedAssetReference | CuratedAssetReference,
): string {
  const curated = reference.kind === 'curated';
  const version = 'version' in reference ? reference.version : undefined;
  const label = 'label' in reference ? reference.label : undefined;
  let suffix = '';
  let nameForbidden = '/@:';
  if (label !== undefined) {
    suffix = `@${part('label', label, '/@')}`;
    nameForbidden = '/';
  } else if (version !== undefined) {
    suffix = `:${part('version', version, '/@:')}`;
    nameForbidden = '/@';
  }
  const name = part('name', reference.name, nameForbidden);
  if (name.startsWith(CURATED_ENVIRONMENT_PREFIX) !== curated) {
    throw new TypeError(
      `formatAssetReference: expected ${curated ? 'a curated name to start' : 'a non-curated name not to start'} with '${CURATED_ENVIRONMENT_PREFIX}', received ${quote(name)}`,
    );
  }
  return `${AZUREML_PREFIX}${name}${suffix}`;
}
