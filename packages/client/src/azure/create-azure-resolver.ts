import {
  ANONYMOUS_COMPONENT_NAME,
  formatWorkspaceId,
  parseAssetReference,
  pyyamlDump,
} from '@amlkit/core';
import type { InlineEnvironment, JobEnvironment, PyValue, WorkspaceScope } from '@amlkit/core';
import { isNotFoundError } from '../errors/http-error.js';
import { AssetResolutionError } from '../resolver/asset-resolution-error.js';
import type {
  AssetResolver,
  CodeRequest,
  ComponentRequest,
  InputRequest,
  ResolveContext,
} from '../resolver/asset-resolver.js';
import { createOfflineResolver, DEFAULT_DATASTORE } from '../resolver/create-offline-resolver.js';
import { resolvePosix, toPosix } from '../resolver/internal/posix-path.js';
import type { Transport } from '../transport/create-transport.js';
import type { AzureDatastore, AzureUploader } from './azure-uploader.js';

/** Options of {@link createAzureResolver}. */
export interface AzureResolverOptions {
  /** A transport on the ARM endpoint (`https://management.azure.com`) with the credential. */
  readonly transport: Transport;
  /** Uploads `code:` folders, build contexts and local inputs (`createAzureBlobUploader` from `@amlkit/client/node`). */
  readonly uploader?: AzureUploader | undefined;
}

/** The Azure resolver: an {@link AssetResolver} whose compute lookup and component registration are always present. */
export interface AzureResolver extends AssetResolver {
  /** The workspace ARM id every id is built on. */
  readonly workspaceId: string;
  /** Looks the compute up (`GET …/computes/{name}`) and returns its ARM id. */
  getCompute(compute: string, context: ResolveContext): Promise<string>;
  /** Resolves a component reference, or registers an anonymous component. */
  resolveComponent(component: ComponentRequest, context: ResolveContext): Promise<string>;
  /** The datastore uploads go to: `name`, or the workspace default (`GET …/datastores?isDefault=true`). */
  getDatastore(name: string | undefined, signal?: AbortSignal): Promise<AzureDatastore>;
}

const URL_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const ARM_RE = /^(?:azureml:)?\/subscriptions\//i;
const BINDING_RE = /^\s*\$\{\{.*\}\}\s*$/s;

function isLocalPath(path: string): boolean {
  return !(
    BINDING_RE.test(path) ||
    ARM_RE.test(path) ||
    URL_RE.test(path) ||
    path.startsWith('azureml:') ||
    path.startsWith('git+')
  );
}

function stripPrefix(value: string): string {
  return value.startsWith('azureml:') ? value.slice('azureml:'.length) : value;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The {@link AssetResolver} for an Azure Machine Learning workspace. It makes the decisions of
 * {@link createOfflineResolver} (the conformance contract) with the calls azure-ai-ml makes:
 *
 * - compute names become ARM ids (no call); `getCompute` (pipeline validation) does `GET …/computes/{name}`;
 * - `azureml:<name>@latest` (code, environments, data, models, components) lists the versions
 *   newest first (`GET …/{kind}/{name}/versions?$orderBy=createdtime desc&$top=1`);
 * - inline environments are registered (`PUT …/environments/CliV2AnonymousEnvironment/versions/<V>`,
 *   `V` being the SDK's anonymous version computed at load time); a local build context is
 *   uploaded first;
 * - local `code:` folders are uploaded to the default datastore (`GET …/datastores?isDefault=true`,
 *   `POST …/datastores/{name}/listSecrets`) and registered (`PUT …/codes/<name>/versions/1`,
 *   `<name>` being the content hash, or the name recorded by an earlier upload of the same content);
 * - local inputs are uploaded the same way and become
 *   `azureml://datastores/<ds>/paths/LocalUpload/<hash>/<name>`;
 * - anonymous components are registered (`PUT …/components/azureml_anonymous/versions/<uuid>`).
 *
 * @throws {TypeError} (when resolving a local path) without `uploader`.
 * @example
 * ```ts
 * import { createAzureBlobUploader } from '@amlkit/client/node';
 * const resolver = createAzureResolver(workspace, { transport, uploader: createAzureBlobUploader() });
 * const rest = await toRestJob(job, resolver);
 * ```
 */
export function createAzureResolver(
  workspace: WorkspaceScope,
  options: AzureResolverOptions,
): AzureResolver {
  const ws = formatWorkspaceId(workspace);
  const offline = createOfflineResolver(workspace);
  const transport = options.transport;
  const datastores = new Map<string, Promise<AzureDatastore>>();
  const registered = new Map<string, Promise<string>>();

  function uploader(): AzureUploader {
    if (options.uploader === undefined) {
      throw new TypeError(
        `createAzureResolver: uploading local paths needs an uploader: expected the uploader option (createAzureBlobUploader from '@amlkit/client/node'), received none`,
      );
    }
    return options.uploader;
  }

  const absoluteOf = (path: string, context: ResolveContext): string => {
    const written = toPosix(path.startsWith('file:') ? path.slice('file:'.length) : path);
    return resolvePosix(toPosix(context.baseDir ?? context.jobDir), written);
  };

  /** `GET …/{collection}/{name}/versions` newest first: the `@latest` version. */
  async function latestVersion(
    collection: string,
    name: string,
    reference: string,
    signal: AbortSignal | undefined,
  ): Promise<string> {
    const assetKind = collection === 'data' ? 'data' : collection.replace(/s$/, '');
    let body: unknown;
    try {
      ({ body } = await transport.request({
        method: 'GET',
        path: `${ws}/${collection}/${encodeURIComponent(name)}/versions`,
        query: { $orderBy: 'createdtime desc', $top: 1 },
        signal,
      }));
    } catch (error) {
      if (!isNotFoundError(error)) throw error;
      body = undefined;
    }
    const first = record((record(body)['value'] as unknown[] | undefined)?.[0]);
    const version = text(first['name']);
    if (version === undefined) {
      throw new AssetResolutionError({
        message: `Cannot resolve the ${assetKind} ${JSON.stringify(reference)}: expected at least one version of '${name}' in the workspace '${workspace.workspaceName}', received none`,
        reference,
        assetKind,
      });
    }
    return version;
  }

  async function versioned(
    collection: string,
    written: string,
    signal: AbortSignal | undefined,
  ): Promise<string | undefined> {
    let reference;
    try {
      reference = parseAssetReference(written);
    } catch {
      return undefined;
    }
    if (reference.kind !== 'label' || reference.label !== 'latest') return undefined;
    const version = await latestVersion(collection, reference.name, written, signal);
    return `${ws}/${collection}/${reference.name}/versions/${version}`;
  }

  async function loadDatastore(name: string | undefined, signal: AbortSignal | undefined) {
    let resource: Record<string, unknown>;
    if (name === undefined) {
      const { body } = await transport.request({
        method: 'GET',
        path: `${ws}/datastores`,
        query: { isDefault: true },
        signal,
      });
      resource = record((record(body)['value'] as unknown[] | undefined)?.[0]);
      if (text(resource['name']) === undefined) {
        throw new AssetResolutionError({
          message: `Cannot find the default datastore of the workspace '${workspace.workspaceName}': expected one datastore with isDefault, received none`,
          reference: 'default',
          assetKind: 'datastore',
        });
      }
    } else {
      ({ body: resource } = (await transport.request({
        method: 'GET',
        path: `${ws}/datastores/${encodeURIComponent(name)}`,
        signal,
      })) as { body: Record<string, unknown> });
      resource = record(resource);
    }
    const resolvedName = text(resource['name']) ?? name ?? DEFAULT_DATASTORE;
    const properties = record(resource['properties']);
    const accountName = text(properties['accountName']);
    const containerName = text(properties['containerName']);
    if (accountName === undefined || containerName === undefined) {
      throw new AssetResolutionError({
        message: `Cannot upload to the datastore '${resolvedName}': expected a blob datastore with accountName and containerName, received datastoreType ${JSON.stringify(properties['datastoreType'] ?? null)}`,
        reference: resolvedName,
        assetKind: 'datastore',
      });
    }
    const credentialsType = text(record(properties['credentials'])['credentialsType']);
    let secret: AzureDatastore['secret'] = { kind: 'none' };
    if (credentialsType !== 'None') {
      const { body } = await transport.request({
        method: 'POST',
        path: `${ws}/datastores/${encodeURIComponent(resolvedName)}/listSecrets`,
        body: {},
        signal,
      });
      const secrets = record(body);
      const key = text(secrets['key']);
      const sas = text(secrets['sasToken']);
      if (key !== undefined) secret = { kind: 'accountKey', key };
      else if (sas !== undefined) secret = { kind: 'sas', token: sas };
    }
    return {
      name: resolvedName,
      accountName,
      containerName,
      endpoint: text(properties['endpoint']) ?? 'core.windows.net',
      protocol: text(properties['protocol']) ?? 'https',
      secret,
    } satisfies AzureDatastore;
  }

  function getDatastore(name: string | undefined, signal?: AbortSignal): Promise<AzureDatastore> {
    const key = name ?? '\0default';
    let found = datastores.get(key);
    if (found === undefined) {
      found = loadDatastore(name, signal);
      found.catch(() => datastores.delete(key));
      datastores.set(key, found);
    }
    return found;
  }

  /** One PUT per asset id per resolver (equal registrations are sent once). */
  function register(
    id: string,
    properties: Record<string, unknown>,
    signal: AbortSignal | undefined,
  ): Promise<string> {
    let done = registered.get(id);
    if (done === undefined) {
      done = transport
        .request({ method: 'PUT', path: id, body: { properties }, signal })
        .then(({ body }) => text(record(body)['id']) ?? id);
      done.catch(() => registered.delete(id));
      registered.set(id, done);
    }
    return done;
  }

  async function inlineEnvironment(
    environment: InlineEnvironment,
    context: ResolveContext,
  ): Promise<string> {
    // The offline resolver checks the anonymous version and builds the id.
    const id = await offline.resolveEnvironment(environment, context);
    const properties: Record<string, unknown> = { isAnonymous: true };
    if (environment.image !== undefined) properties['image'] = environment.image;
    if (typeof environment.condaFile === 'object') {
      properties['condaFile'] = pyyamlDump(environment.condaFile as PyValue, { sortKeys: true });
    }
    if (environment.osType !== undefined) properties['osType'] = environment.osType;
    if (environment.inferenceConfig !== undefined) {
      properties['inferenceConfig'] = environment.inferenceConfig;
    }
    if (environment.description !== undefined) properties['description'] = environment.description;
    if (environment.tags !== undefined) properties['tags'] = environment.tags;
    if (environment.build !== undefined) {
      let contextUri = environment.build.path;
      if (isLocalPath(contextUri)) {
        const datastore = await getDatastore(undefined, context.signal);
        const upload = await uploader().upload(absoluteOf(contextUri, context), {
          datastore,
          kind: 'build',
          signal: context.signal,
        });
        contextUri = upload.url;
      }
      properties['build'] = {
        contextUri,
        dockerfilePath: environment.build.dockerfilePath ?? 'Dockerfile',
      };
    }
    return register(id, properties, context.signal);
  }

  return {
    workspaceId: ws,

    resolveCompute: (compute, context) => offline.resolveCompute(compute, context),

    async getCompute(compute, context) {
      const id = await offline.resolveCompute(compute, context);
      try {
        const { body } = await transport.request({
          method: 'GET',
          path: id,
          signal: context.signal,
        });
        return text(record(body)['id']) ?? id;
      } catch (error) {
        if (!isNotFoundError(error)) throw error;
        throw new AssetResolutionError({
          message: `Not found compute with name ${stripPrefix(compute)}: expected a compute in the workspace '${workspace.workspaceName}', received 404 from GET ${id}`,
          reference: compute,
          assetKind: 'compute',
          cause: error,
        });
      }
    },

    resolveDatastore: (datastore, context) => offline.resolveDatastore(datastore, context),

    getDatastore,

    async resolveCode(code: CodeRequest, context) {
      if ('placeholder' in code) return offline.resolveCode(code, context);
      const path = code.path;
      if (!isLocalPath(path)) {
        if (path.startsWith('azureml:') && !ARM_RE.test(path)) {
          const latest = await versioned('codes', path, context.signal);
          if (latest !== undefined) return latest;
        }
        return offline.resolveCode(code, context);
      }
      const datastore = await getDatastore(undefined, context.signal);
      const upload = await uploader().upload(absoluteOf(path, context), {
        datastore,
        kind: 'code',
        signal: context.signal,
      });
      const name = upload.assetName ?? upload.hash;
      const version = upload.assetVersion ?? '1';
      // The same PUT every time: registering an existing code version again is idempotent.
      return register(
        `${ws}/codes/${name}/versions/${version}`,
        { codeUri: upload.url, isAnonymous: true },
        context.signal,
      );
    },

    async resolveEnvironment(environment: JobEnvironment, context) {
      if (typeof environment !== 'string') return inlineEnvironment(environment, context);
      const curated = /^(?:azureml:)?AzureML-/.test(environment);
      if (environment.startsWith('azureml:') && !curated && !ARM_RE.test(environment)) {
        const latest = await versioned('environments', environment, context.signal);
        if (latest !== undefined) return latest;
      }
      return offline.resolveEnvironment(environment, context);
    },

    async resolveInput(input: InputRequest, context) {
      const path = input.path;
      if (!isLocalPath(path)) {
        if (path.startsWith('azureml:') && !ARM_RE.test(path) && !path.startsWith('azureml://')) {
          const collection =
            input.type === 'mlflow_model' || input.type === 'custom_model' ? 'models' : 'data';
          const latest = await versioned(collection, path, context.signal);
          if (latest !== undefined) return latest;
        }
        return offline.resolveInput(input, context);
      }
      const datastore = await getDatastore(input.datastore, context.signal);
      const upload = await uploader().upload(absoluteOf(path, context), {
        datastore,
        kind: 'input',
        signal: context.signal,
      });
      const uri = `azureml://datastores/${datastore.name}/paths/${upload.blobPath}`;
      return input.type === 'uri_folder' ? `${uri}/` : uri;
    },

    async resolveComponent(component: ComponentRequest, context) {
      if ('anonymous' in component) {
        const id = await offline.resolveComponent(component, context);
        const version = id.slice(id.lastIndexOf('/') + 1);
        return register(
          id,
          {
            componentSpec: { ...component.hashInput, name: ANONYMOUS_COMPONENT_NAME, version },
            isAnonymous: true,
          },
          context.signal,
        );
      }
      const written = component.reference;
      if (
        written.startsWith('azureml:') &&
        !ARM_RE.test(written) &&
        !written.startsWith('azureml://')
      ) {
        const latest = await versioned('components', written, context.signal);
        if (latest !== undefined) return latest;
      }
      return offline.resolveComponent(component, context);
    },
  };
}
