import {
  ANONYMOUS_COMPONENT_NAME,
  ANONYMOUS_ENVIRONMENT_NAME,
  anonymousComponentId,
  formatWorkspaceId,
  parseAssetReference,
  pyyamlDump,
  stableHash,
} from '@amlkit/core';
import type {
  AssetReference,
  InlineEnvironment,
  JobEnvironment,
  PyValue,
  WorkspaceScope,
} from '@amlkit/core';
import { AssetResolutionError } from './asset-resolution-error.js';
import type {
  AssetResolver,
  CodeRequest,
  ComponentRequest,
  InputRequest,
  ResolveContext,
} from './asset-resolver.js';
import { basenamePosix, relativePosix, resolvePosix, toPosix } from './internal/posix-path.js';
import type { ResolverCall } from './resolver-call.js';

/** The fixed key of the SDK's placeholder code for components without `code:`. */
export const PLACEHOLDER_CODE_KEY = '<COMPONENT_PLACEHOLDER>';

/** The datastore local inputs are "uploaded" to when they name none. */
export const DEFAULT_DATASTORE = 'workspaceblobstore';

/** Options of {@link createOfflineResolver}. */
export interface OfflineResolverOptions {
  /** Called with every recorded call, in order (they are also kept in `resolver.calls`). */
  readonly trace?: (call: ResolverCall) => void;
}

/** The offline resolver: an {@link AssetResolver} plus its call trace. */
export interface OfflineResolver extends AssetResolver {
  /** The workspace ARM id every id is built on. */
  readonly workspaceId: string;
  /** Every recorded call so far, in order (shaped like the goldens' `resolver_calls`). */
  readonly calls: readonly ResolverCall[];
  /** The validation-time compute lookup (always present offline; traced as `compute_get`). */
  getCompute(compute: string, context: ResolveContext): Promise<string>;
  /** Component resolution (always present offline). */
  resolveComponent(component: ComponentRequest, context: ResolveContext): Promise<string>;
}

const URL_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const REGISTRY_RE = /^azureml:\/\//;
const ARM_RE = /^(?:azureml:)?\/subscriptions\//i;

function isBinding(value: string): boolean {
  return /^\s*\$\{\{.*\}\}\s*$/s.test(value);
}

function keyOf(path: string, context: ResolveContext): string {
  const written = toPosix(path.startsWith('file:') ? path.slice('file:'.length) : path);
  const absolute = resolvePosix(toPosix(context.baseDir ?? context.jobDir), written);
  return relativePosix(toPosix(context.jobDir), absolute);
}

function stripPrefix(value: string): string {
  return value.startsWith('azureml:') ? value.slice('azureml:'.length) : value;
}

function parse(reference: string, assetKind: string): AssetReference {
  try {
    return parseAssetReference(reference);
  } catch (error) {
    throw new AssetResolutionError({
      message: `Cannot resolve the ${assetKind} reference ${JSON.stringify(reference)}: ${error instanceof Error ? error.message : String(error)}`,
      reference,
      assetKind,
      cause: error,
    });
  }
}

/**
 * The deterministic, network-free {@link AssetResolver} of the conformance contract
 * (`conformance/README.md`, "Resolver contract"): the ids azure-ai-ml 1.4.0 would get from a
 * workspace where every compute exists, `@latest` is version 1, local code is registered as
 * `codes/<stable_hash(key)>/versions/1` and local inputs are "uploaded" to
 * `azureml://datastores/<ds>/paths/LocalUpload/<stable_hash(key)>/<name>`. Nothing is read,
 * uploaded or checked. Backs `amlkit job create --dry-run`.
 *
 * Every call that the SDK's stand-ins recorded is kept in `resolver.calls` (and passed to
 * `options.trace`), shaped like the goldens' `resolver_calls`.
 *
 * @throws {TypeError} when a workspace coordinate is empty.
 * @example
 * ```ts
 * const resolver = createOfflineResolver({ subscriptionId: '0000…', resourceGroup: 'rg', workspaceName: 'ws' });
 * await resolver.resolveCompute('cpu-cluster', { jobDir: '/jobs' });
 * // '/subscriptions/0000…/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/computes/cpu-cluster'
 * ```
 */
export function createOfflineResolver(
  workspace: WorkspaceScope,
  options: OfflineResolverOptions = {},
): OfflineResolver {
  const ws = formatWorkspaceId(workspace);
  const calls: ResolverCall[] = [];
  const record = (call: ResolverCall): void => {
    calls.push(call);
    options.trace?.(call);
  };

  const latest = (name: string, label: string, kind: string, reference: string): string => {
    if (label !== 'latest') {
      throw new AssetResolutionError({
        message: `Cannot resolve the ${kind} ${JSON.stringify(reference)}: expected the label '@latest' (the only label known offline), received '@${label}'.`,
        reference,
        assetKind: kind,
      });
    }
    record({ op: 'label', name, label, version: '1' });
    return '1';
  };

  const missingVersion = (kind: string, reference: string): AssetResolutionError =>
    new AssetResolutionError({
      message: `Cannot resolve the ${kind} ${JSON.stringify(reference)}: expected 'azureml:<name>:<version>' or 'azureml:<name>@latest', received a name without a version.`,
      reference,
      assetKind: kind,
    });

  const codeId = (key: string): string => {
    const name = stableHash(key);
    const id = `${ws}/codes/${name}/versions/1`;
    record({ op: 'code', key, name, version: '1', id });
    return id;
  };

  const resolver: OfflineResolver = {
    workspaceId: ws,
    calls,

    resolveCompute(compute) {
      return Promise.resolve(computeId(compute));
    },

    getCompute(compute) {
      const id = computeId(compute);
      record({ op: 'compute_get', name: stripPrefix(compute), id });
      return Promise.resolve(id);
    },

    resolveDatastore(datastore) {
      const name = stripPrefix(datastore);
      return Promise.resolve(ARM_RE.test(datastore) ? name : `${ws}/datastores/${name}`);
    },

    resolveCode(code: CodeRequest, context) {
      if ('placeholder' in code) return Promise.resolve(codeId(PLACEHOLDER_CODE_KEY));
      const path = code.path;
      if (ARM_RE.test(path)) return Promise.resolve(stripPrefix(path));
      if (path.startsWith('azureml:')) {
        const reference = parse(path, 'code');
        switch (reference.kind) {
          case 'named':
            return Promise.resolve(`${ws}/codes/${reference.name}/versions/${reference.version}`);
          case 'label':
            return Promise.resolve(
              `${ws}/codes/${reference.name}/versions/${latest(reference.name, reference.label, 'code', path)}`,
            );
          default:
            throw new AssetResolutionError({
              message: `Cannot resolve the code ${JSON.stringify(path)}: expected a local path, an ARM id or 'azureml:<name>:<version>', received a format not supported for code assets.`,
              reference: path,
              assetKind: 'code',
            });
        }
      }
      if (URL_RE.test(path) || path.startsWith('git+')) return Promise.resolve(path);
      return Promise.resolve(codeId(keyOf(path, context)));
    },

    resolveEnvironment(environment: JobEnvironment, context) {
      if (typeof environment !== 'string') return Promise.resolve(inline(environment, context));
      if (REGISTRY_RE.test(environment) || URL_RE.test(environment) || ARM_RE.test(environment)) {
        return Promise.resolve(environment);
      }
      const reference = parse(environment, 'environment');
      switch (reference.kind) {
        case 'curated':
          return Promise.resolve(environment);
        case 'named':
          return Promise.resolve(
            `${ws}/environments/${reference.name}/versions/${reference.version}`,
          );
        case 'label':
          return Promise.resolve(
            `${ws}/environments/${reference.name}/versions/${latest(reference.name, reference.label, 'environment', environment)}`,
          );
        default:
          throw missingVersion('environment', environment);
      }
    },

    resolveInput(input: InputRequest, context) {
      const path = input.path;
      if (isBinding(path) || ARM_RE.test(path) || URL_RE.test(path)) return Promise.resolve(path);
      if (path.startsWith('azureml:')) {
        const kind =
          input.type === 'mlflow_model' || input.type === 'custom_model' ? 'models' : 'data';
        const assetKind = kind === 'models' ? 'model' : 'data';
        const reference = parse(path, assetKind);
        switch (reference.kind) {
          case 'named':
            return Promise.resolve(`${ws}/${kind}/${reference.name}/versions/${reference.version}`);
          case 'label':
            return Promise.resolve(
              `${ws}/${kind}/${reference.name}/versions/${latest(reference.name, reference.label, assetKind, path)}`,
            );
          case 'unversioned':
          case 'curated':
            throw missingVersion(assetKind, path);
          default:
            return Promise.resolve(path);
        }
      }
      const key = keyOf(path, context);
      const datastore = input.datastore ?? DEFAULT_DATASTORE;
      const absolute = resolvePosix(toPosix(context.baseDir ?? context.jobDir), toPosix(path));
      const uri = `azureml://datastores/${datastore}/paths/LocalUpload/${stableHash(key)}/${basenamePosix(absolute)}`;
      record({ op: 'upload', key, datastore, uri });
      return Promise.resolve(input.type === 'uri_folder' ? `${uri}/` : uri);
    },

    resolveComponent(component: ComponentRequest) {
      if ('anonymous' in component) {
        const version = anonymousComponentId(component.hashInput as PyValue);
        const id = `${ws}/components/${ANONYMOUS_COMPONENT_NAME}/versions/${version}`;
        record({
          op: 'component',
          name: ANONYMOUS_COMPONENT_NAME,
          version,
          id,
          anonymous: true,
          hash_kind: component.hashKind,
          hash_input: component.hashInput,
        });
        return Promise.resolve(id);
      }
      const written = component.reference;
      if (ARM_RE.test(written)) return Promise.resolve(stripPrefix(written));
      if (REGISTRY_RE.test(written) || URL_RE.test(written)) return Promise.resolve(written);
      const reference = parse(written, 'component');
      switch (reference.kind) {
        case 'named':
          return Promise.resolve(
            `${ws}/components/${reference.name}/versions/${reference.version}`,
          );
        case 'label':
          if (reference.label === 'default') {
            return Promise.resolve(`${ws}/components/${reference.name}/labels/default`);
          }
          return Promise.resolve(
            `${ws}/components/${reference.name}/versions/${latest(reference.name, reference.label, 'component', written)}`,
          );
        case 'registry':
          return Promise.resolve(written);
        default:
          throw missingVersion('component', written);
      }
    },
  };

  function computeId(compute: string): string {
    if (ARM_RE.test(compute)) return stripPrefix(compute);
    return `${ws}/computes/${stripPrefix(compute)}`;
  }

  function inline(environment: InlineEnvironment, context: ResolveContext): string {
    const version = environment.version;
    if (version === undefined) {
      throw new AssetResolutionError({
        message:
          'Cannot resolve an inline environment: expected its anonymous version (computed when the job is loaded from an image, conda file or local build context), received none.',
        reference: JSON.stringify(environment),
        assetKind: 'environment',
      });
    }
    const id = `${ws}/environments/${ANONYMOUS_ENVIRONMENT_NAME}/versions/${String(version)}`;
    const call: Record<string, unknown> = {
      op: 'environment',
      name: ANONYMOUS_ENVIRONMENT_NAME,
      version: String(version),
      id,
      anonymous: true,
    };
    if (environment.image !== undefined) call['image'] = environment.image;
    if (typeof environment.condaFile === 'object') {
      call['conda_file_yaml'] = pyyamlDump(environment.condaFile as PyValue, { sortKeys: true });
    }
    if (environment.inferenceConfig !== undefined) {
      call['inference_config'] = environment.inferenceConfig;
    }
    if (environment.build !== undefined) {
      const path = environment.build.path;
      call['build_path'] = URL_RE.test(path) ? path : keyOf(path, context);
      call['build_dockerfile_path'] = environment.build.dockerfilePath ?? null;
    }
    record(call as ResolverCall);
    return id;
  }

  // Every method reports failures as a rejected promise, never as a synchronous throw.
  return {
    ...resolver,
    resolveCompute: rejecting((compute: string, c: ResolveContext) =>
      resolver.resolveCompute(compute, c),
    ),
    getCompute: rejecting((compute: string, c: ResolveContext) => resolver.getCompute(compute, c)),
    resolveDatastore: rejecting((datastore: string, c: ResolveContext) =>
      resolver.resolveDatastore(datastore, c),
    ),
    resolveCode: rejecting((code: CodeRequest, c: ResolveContext) => resolver.resolveCode(code, c)),
    resolveEnvironment: rejecting((environment: JobEnvironment, c: ResolveContext) =>
      resolver.resolveEnvironment(environment, c),
    ),
    resolveInput: rejecting((input: InputRequest, c: ResolveContext) =>
      resolver.resolveInput(input, c),
    ),
    resolveComponent: rejecting((component: ComponentRequest, c: ResolveContext) =>
      resolver.resolveComponent(component, c),
    ),
  };
}

function rejecting<A extends unknown[], R>(
  method: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return (...args) => {
    try {
      return method(...args);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
