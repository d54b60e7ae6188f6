import type { JobEnvironment } from '@amlkit/core';

/**
 * Where a reference was written. Every local path is resolved against `baseDir` (the folder
 * of the YAML file that contains it: the job YAML or a component YAML it uses); resolvers
 * that name things by path use the key relative to `jobDir` (the folder of the job YAML
 * being submitted).
 */
export interface ResolveContext {
  /** Absolute folder of the job YAML being submitted (the job's `basePath`). */
  readonly jobDir: string;
  /** Absolute folder of the file the reference was written in. @default jobDir */
  readonly baseDir?: string;
  /** Aborts the resolution (network resolvers). */
  readonly signal?: AbortSignal;
}

/** What {@link AssetResolver.resolveCode} is asked to resolve. */
export type CodeRequest =
  /** A `code:` value as written: a local path, an `azureml:`/ARM reference or a URL. */
  | { readonly path: string }
  /** The SDK's placeholder code for a component without `code:`. */
  | { readonly placeholder: true };

/** What {@link AssetResolver.resolveInput} is asked to resolve: a data or model input. */
export interface InputRequest {
  /** The input type (`uri_folder`, `uri_file`, `mltable`, `mlflow_model`, …). */
  readonly type: string;
  /** The path as written: `azureml:<n>:<v>`, `azureml:<n>@latest`, a URI, an ARM id or a local path. */
  readonly path: string;
  /** The datastore a local path is uploaded to. @default 'workspaceblobstore' */
  readonly datastore?: string | undefined;
}

/** What {@link AssetResolver.resolveComponent} is asked to resolve (pipelines). */
export type ComponentRequest =
  /** A registered component: `azureml:<n>:<v>`, `azureml:<n>@<label>`, an ARM or registry id. */
  | { readonly reference: string }
  /**
   * An anonymous (inline or file) component to register. `hashInput` is the dictionary whose
   * Python `json.dumps(…, sort_keys=True)` MD5 names it (README "Components in pipelines").
   */
  | {
      readonly anonymous: true;
      readonly hashKind: string;
      readonly hashInput: Record<string, unknown>;
    };

/**
 * Turns what a job YAML names (compute names, `code:` paths, environments, `azureml:`
 * references, local input paths, components) into the ARM ids and URIs the REST body carries.
 *
 * `toRestJob` calls the methods in the SDK's submission order and never calls them for values
 * that need no resolution (`compute: local`, `${{…}}` bindings, literal inputs, outputs).
 * Implementations: {@link createOfflineResolver} (deterministic, no network: `--dry-run` and
 * conformance tests); the local backend (uploads snapshots) and Azure (datastore uploads, asset
 * versions) implement the same interface.
 */
export interface AssetResolver {
  /** A compute name (without `azureml:`) or ARM id → the compute's ARM id. */
  resolveCompute(compute: string, context: ResolveContext): Promise<string>;
  /**
   * Validation-time check that a compute exists (pipelines look up the top-level and each
   * node's compute before resolution, as 1.4.0 does). Returns its ARM id.
   */
  getCompute?(compute: string, context: ResolveContext): Promise<string>;
  /** A datastore name → its ARM id (pipeline `settings.default_datastore`). */
  resolveDatastore(datastore: string, context: ResolveContext): Promise<string>;
  /** A `code:` value (or the placeholder) → a code version ARM id. */
  resolveCode(code: CodeRequest, context: ResolveContext): Promise<string>;
  /** An environment reference or inline environment → an environment id (ARM id, registry id, or a curated name as written). */
  resolveEnvironment(environment: JobEnvironment, context: ResolveContext): Promise<string>;
  /** A data/model input path → the URI or ARM id the REST input carries. */
  resolveInput(input: InputRequest, context: ResolveContext): Promise<string>;
  /** A component reference or an anonymous component → a component ARM id (pipelines). */
  resolveComponent?(component: ComponentRequest, context: ResolveContext): Promise<string>;
}
