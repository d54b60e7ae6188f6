import { AssetReferenceError, AssetReferenceErrorCode } from './id-error.js';
import { quote } from './internal/quote.js';

/** The resource provider namespace of Azure Machine Learning. */
export const ML_PROVIDER = 'Microsoft.MachineLearningServices';

/** The three coordinates of an Azure ML workspace. */
export interface WorkspaceScope {
  /** The Azure subscription id (usually a GUID). */
  readonly subscriptionId: string;
  /** The resource group name. */
  readonly resourceGroup: string;
  /** The workspace name. */
  readonly workspaceName: string;
}

/**
 * A resource inside a workspace, as named by its ARM id:
 * `/subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>/<kind>/<name>[/versions/<version> | /labels/<label>]`.
 */
export interface ArmId extends WorkspaceScope {
  /** The resource collection: `jobs`, `computes`, `datastores`, `codes`, `environments`, `data`, `models`, `components`, … */
  readonly kind: string;
  /** The resource name. */
  readonly name: string;
  /** The asset version, for `…/versions/<version>` ids. */
  readonly version?: string;
  /** The asset label, for `…/labels/<label>` ids (e.g. `default`). */
  readonly label?: string;
}

const FORMAT =
  "'/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<workspace>/<kind>/<name>[/versions/<version>|/labels/<label>]'";

/**
 * Reads a workspace resource ARM id. Accepts an optional `azureml:` prefix (as in REST
 * `environmentId`) and an optional leading `/`; the fixed segments (`subscriptions`,
 * `resourceGroups`, `providers`, the provider namespace, `workspaces`, `versions`,
 * `labels`) match case-insensitively, as ARM does. Nothing may follow the name, version or
 * label, and no segment may be empty.
 *
 * @throws {AssetReferenceError} with code `INVALID_ARM_ID`.
 * @example
 * ```ts
 * parseArmId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/environments/env/versions/1');
 * // { subscriptionId: 's', resourceGroup: 'rg', workspaceName: 'ws', kind: 'environments', name: 'env', version: '1' }
 * ```
 */
export function parseArmId(id: string): ArmId {
  const parsed = tryParseArmId(id);
  if (parsed === undefined) {
    throw new AssetReferenceError(
      `Invalid ARM id: expected ${FORMAT}, received ${typeof id === 'string' ? quote(id) : typeof id}`,
      {
        code: AssetReferenceErrorCode.InvalidArmId,
        input: typeof id === 'string' ? id : typeof id,
      },
    );
  }
  return parsed;
}

/** Tells whether `id` can be read by {@link parseArmId}. */
export function isArmId(id: unknown): id is string {
  return tryParseArmId(id) !== undefined;
}

function same(actual: string | undefined, expected: string): boolean {
  return actual !== undefined && actual.toLowerCase() === expected.toLowerCase();
}

function tryParseArmId(id: unknown): ArmId | undefined {
  if (typeof id !== 'string') return undefined;
  let text = id.startsWith('azureml:') ? id.slice('azureml:'.length) : id;
  if (text.startsWith('/')) text = text.slice(1);
  const s = text.split('/');
  if (s.some((segment) => segment === '')) return undefined;
  if (s.length !== 10 && s.length !== 12) return undefined;
  if (
    !same(s[0], 'subscriptions') ||
    !same(s[2], 'resourceGroups') ||
    !same(s[4], 'providers') ||
    !same(s[5], ML_PROVIDER) ||
    !same(s[6], 'workspaces')
  ) {
    return undefined;
  }
  const base = {
    subscriptionId: s[1]!,
    resourceGroup: s[3]!,
    workspaceName: s[7]!,
    kind: s[8]!,
    name: s[9]!,
  };
  if (s.length === 10) return base;
  if (same(s[10], 'versions')) return { ...base, version: s[11]! };
  if (same(s[10], 'labels')) return { ...base, label: s[11]! };
  return undefined;
}

function checkSegment(fn: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.includes('/')) {
    throw new TypeError(
      `${fn}: expected ${field} to be a non-empty string without '/', received ${typeof value === 'string' ? quote(value) : typeof value}`,
    );
  }
  return value;
}

/**
 * The ARM id of a workspace:
 * `/subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>`.
 *
 * @throws {TypeError} when a field is empty or contains `/`.
 */
export function formatWorkspaceId(scope: WorkspaceScope): string {
  const fn = 'formatWorkspaceId';
  return [
    '',
    'subscriptions',
    checkSegment(fn, 'subscriptionId', scope.subscriptionId),
    'resourceGroups',
    checkSegment(fn, 'resourceGroup', scope.resourceGroup),
    'providers',
    ML_PROVIDER,
    'workspaces',
    checkSegment(fn, 'workspaceName', scope.workspaceName),
  ].join('/');
}

/**
 * Writes the canonical ARM id of a workspace resource (no `azureml:` prefix, canonical
 * casing). The inverse of {@link parseArmId}.
 *
 * @throws {TypeError} when a field is empty or contains `/`, or both `version` and `label`
 *   are given.
 * @example
 * ```ts
 * formatArmId({ subscriptionId: 's', resourceGroup: 'rg', workspaceName: 'ws', kind: 'computes', name: 'cpu-cluster' });
 * // '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/computes/cpu-cluster'
 * ```
 */
export function formatArmId(id: ArmId): string {
  const fn = 'formatArmId';
  const head = `${formatWorkspaceId(id)}/${checkSegment(fn, 'kind', id.kind)}/${checkSegment(fn, 'name', id.name)}`;
  if (id.version !== undefined && id.label !== undefined) {
    throw new TypeError(
      `${fn}: expected either version or label, received both (version ${quote(id.version)}, label ${quote(id.label)})`,
    );
  }
  if (id.version !== undefined)
    return `${head}/versions/${checkSegment(fn, 'version', id.version)}`;
  if (id.label !== undefined) return `${head}/labels/${checkSegment(fn, 'label', id.label)}`;
  return head;
}
