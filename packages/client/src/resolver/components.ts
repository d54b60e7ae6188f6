/**
 * How an anonymous (inline or file) pipeline component is named: the dictionary whose Python
 * `json.dumps(…, sort_keys=True)` MD5 becomes its version (conformance README, "Components in
 * pipelines"). Pure functions: `toRestJob` builds the dictionary, the resolver hashes it.
 */

/** The `hash_kind` of a leaf (command, parallel, spark, sweep trial) component: its `_to_dict()`. */
export const COMPONENT_TO_DICT = 'component_to_dict';
/** The `hash_kind` of a pipeline component: its REST `component_spec`. */
export const PIPELINE_COMPONENT_REST_SPEC = 'pipeline_component_rest_spec';

const ARM_ID_RE = /^\/subscriptions\//i;

/**
 * An ARM id as a component field carries it once resolved (`azureml:/subscriptions/…`); other
 * ids (registry `azureml://…`, curated `azureml:AzureML-…`, an already prefixed id) unchanged.
 */
export function componentAssetReference(id: string): string {
  return ARM_ID_RE.test(id) ? `azureml:${id}` : id;
}

/** Options of {@link componentHashInput}. */
export interface ComponentHashInputOptions {
  /** The node name: the `display_name` of a component that has none. */
  readonly nodeName: string;
  /** The resolved code id (`code`, or `task.code` of a parallel component). */
  readonly codeId?: string | undefined;
  /** The resolved environment id (`environment`, or `task.environment` of a parallel component). */
  readonly environmentId?: string | undefined;
}

/**
 * The `hash_input` of a leaf component: its YAML-shaped dict (as `_to_dict()` writes it) without
 * `name`, `id` and `version`, `display_name` defaulted to the node name, and code and
 * environment replaced by their resolved `azureml:<ARM id>` references.
 */
export function componentHashInput(
  dumped: Readonly<Record<string, unknown>>,
  options: ComponentHashInputOptions,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...dumped };
  delete out['name'];
  delete out['id'];
  delete out['version'];
  out['display_name'] ??= options.nodeName;
  const task = out['task'];
  const isParallel = out['type'] === 'parallel' && typeof task === 'object' && task !== null;
  const target: Record<string, unknown> = isParallel
    ? { ...(task as Record<string, unknown>) }
    : out;
  if (options.codeId !== undefined) target['code'] = componentAssetReference(options.codeId);
  if (options.environmentId !== undefined) {
    target['environment'] = componentAssetReference(options.environmentId);
  }
  if (isParallel) out['task'] = target;
  return out;
}

/**
 * The `hash_input` of a pipeline component: its REST `component_spec`, i.e. the YAML-shaped dict
 * without `name`, `id`, `version` and `_source`, whose `jobs` are the REST node dicts (without
 * their `name`), plus `sourceJobId: null`.
 */
export function pipelineComponentHashInput(
  dumped: Readonly<Record<string, unknown>>,
  restJobs: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): Record<string, unknown> {
  const { name: _name, id: _id, version: _version, _source: _source, ...rest } = dumped;
  const out: Record<string, unknown> = { ...rest };
  out['jobs'] = Object.fromEntries(
    Object.entries(restJobs).map(([name, node]) => {
      const copy = { ...node };
      delete copy['name'];
      return [name, copy];
    }),
  );
  out['sourceJobId'] = null;
  return out;
}
