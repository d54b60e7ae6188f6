import {
  ANONYMOUS_COMPONENT_NAME,
  createIgnoreMatcher,
  IGNORE_FILE_NAMES,
  parseIgnoreFile,
  sha256Hex,
} from '@amlkit/core';
import type { JobEnvironment, WorkspaceScope } from '@amlkit/core';
import type { TokenCredential } from '../auth/token-credential.js';
import type { ClientFileSystem } from '../jobs/client-file-system.js';
import type { Transport } from '../transport/create-transport.js';
import { isNotFoundError } from '../errors/http-error.js';
import { AssetResolutionError } from './asset-resolution-error.js';
import type {
  AssetResolver,
  CodeRequest,
  ComponentRequest,
  InputRequest,
  ResolveContext,
} from './asset-resolver.js';
import { createOfflineResolver, DEFAULT_DATASTORE } from './create-offline-resolver.js';
import { basenamePosix, resolvePosix, toPosix } from './internal/posix-path.js';
import { createBlobUploader } from './local-resolver-upload.js';
import type { SnapshotFile } from './local-resolver-upload.js';

/** The workspace of the embedded local service. */
export const LOCAL_WORKSPACE_SCOPE: WorkspaceScope = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'local',
  workspaceName: 'local',
};

/** Options of {@link createLocalResolver}. */
export interface LocalResolverOptions {
  /** A transport pointed at the local service (it carries the token for the JSON calls). */
  readonly transport: Transport;
  /** The credential for the raw blob uploads (the same token as the transport's). */
  readonly credential?: TokenCredential | undefined;
  /**
   * The `fetch` for the raw blob uploads.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /**
   * The workspace ids are built on.
   * @default 00000000-0000-0000-0000-000000000000 / local / local
   */
  readonly workspace?: WorkspaceScope | undefined;
  /** File access for `code:` folders and local inputs (`nodeFileSystem` from `@amlkit/client/node`). */
  readonly fileSystem?: ClientFileSystem | undefined;
  /**
   * Leaves a file or folder out of an upload, given its path relative to the uploaded folder.
   * @default nothing is left out
   */
  readonly ignore?: ((relativePath: string, isDirectory: boolean) => boolean) | undefined;
  /**
   * Compiles the rules of the uploaded folder's root `.amlignore` (else `.gitignore`) into a
   * predicate. Overrides the built-in rules; `file` is the ignore file's path.
   * @default gitwildmatch as azure-ai-ml applies it: `createIgnoreMatcher(parseIgnoreFile(text, { file }))` from `@amlkit/core`
   */
  readonly ignoreRules?:
    | ((text: string, file: string) => (relativePath: string, isDirectory: boolean) => boolean)
    | undefined;
}

/** The built-in `ignoreRules`: `@amlkit/core`'s gitwildmatch port, as azure-ai-ml applies it. */
function defaultIgnoreRules(
  text: string,
  file: string,
): (relativePath: string, isDirectory: boolean) => boolean {
  return createIgnoreMatcher(parseIgnoreFile(text, { file }));
}

const URL_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const ARM_RE = /^(?:azureml:)?\/subscriptions\//i;
const BINDING_RE = /^\s*\$\{\{.*\}\}\s*$/s;
const MAX_DEPTH = 64;
const MAX_FILES = 100_000;

function isLocalPath(path: string): boolean {
  return !(
    BINDING_RE.test(path) ||
    ARM_RE.test(path) ||
    URL_RE.test(path) ||
    path.startsWith('azureml:') ||
    path.startsWith('git+')
  );
}

function bytesToHex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256Bytes(data: Uint8Array): Promise<string> {
  return bytesToHex(await globalThis.crypto.subtle.digest('SHA-256', data));
}

interface CollectedFile extends SnapshotFile {
  readonly absolute: string;
}

/**
 * The {@link AssetResolver} of the embedded local backend: `code:` folders and local input
 * paths are uploaded to the service (files hashed with SHA-256, `POST /amlkit/v1/blobs/missing`,
 * `PUT` of the missing blobs, `PUT /amlkit/v1/snapshots/<id>`); code resolves to the snapshot's
 * code ARM id and inputs to `azureml://datastores/<ds>/paths/LocalUpload/<id>/<name>`.
 * Anonymous pipeline components are registered with the service (`PUT
 * …/components/azureml_anonymous/versions/<hash>`, as on Azure) so it can run their steps; a
 * component without `code:` gets an empty snapshot. Environment references are kept as written
 * (the local backend has no registry); everything else (inline environments, computes,
 * datastores, `azureml:` references) is delegated to {@link createOfflineResolver}.
 *
 * @throws {TypeError} (when resolving a local path) without `fileSystem`.
 * @example
 * ```ts
 * import { nodeFileSystem } from '@amlkit/client/node';
 * const resolver = createLocalResolver({ transport, credential, fileSystem: nodeFileSystem });
 * await resolver.resolveCode({ path: './src' }, { jobDir: '/work/job' });
 * // '/subscriptions/0000…/resourceGroups/local/…/workspaces/local/codes/<sha256>/versions/1'
 * ```
 */
export function createLocalResolver(options: LocalResolverOptions): AssetResolver {
  const workspace = options.workspace ?? LOCAL_WORKSPACE_SCOPE;
  const offline = createOfflineResolver(workspace);
  const uploader = createBlobUploader(options);
  const ignore = options.ignore ?? (() => false);
  const registered = new Map<string, Promise<string>>();

  async function ignoreRulesOf(
    root: string,
  ): Promise<((relativePath: string, isDirectory: boolean) => boolean) | undefined> {
    const fs = files();
    for (const name of IGNORE_FILE_NAMES) {
      const file = `${root}/${name}`;
      if ((await fs.stat(file))?.kind !== 'file') continue;
      const text = new TextDecoder().decode(await fs.readFile(file));
      try {
        return (options.ignoreRules ?? defaultIgnoreRules)(text, file);
      } catch (error) {
        throw new AssetResolutionError({
          message: `Cannot upload ${JSON.stringify(root)}: its ${name} could not be read as ignore rules: ${error instanceof Error ? error.message : String(error)}`,
          reference: root,
          assetKind: 'path',
          cause: error,
        });
      }
    }
    return undefined;
  }

  function files(): ClientFileSystem {
    if (options.fileSystem === undefined) {
      throw new TypeError(
        `createLocalResolver: uploading local paths needs file access: expected the fileSystem option (nodeFileSystem from '@amlkit/client/node'), received none`,
      );
    }
    return options.fileSystem;
  }

  async function collect(
    root: string,
    prefix: string,
    signal: AbortSignal | undefined,
  ): Promise<CollectedFile[]> {
    const fs = files();
    const out: CollectedFile[] = [];
    const stat = await fs.stat(root);
    if (stat === undefined) {
      throw new AssetResolutionError({
        message: `Cannot upload ${JSON.stringify(root)}: expected an existing file or folder, received a path that does not exist`,
        reference: root,
        assetKind: 'path',
      });
    }
    const add = async (absolute: string, relative: string, mode: number): Promise<void> => {
      signal?.throwIfAborted();
      if (out.length >= MAX_FILES) {
        throw new AssetResolutionError({
          message: `Cannot upload ${JSON.stringify(root)}: expected at most ${MAX_FILES} files, received more`,
          reference: root,
          assetKind: 'path',
        });
      }
      const data = await fs.readFile(absolute);
      out.push({ absolute, path: relative, sha256: await sha256Bytes(data), mode: mode & 0o777 });
    };
    if (stat.kind === 'file') {
      await add(root, prefix === '' ? basenamePosix(root) : prefix, stat.mode);
      return out;
    }
    const base = root.replace(/\/+$/, '');
    const rules = await ignoreRulesOf(base);
    const skip =
      rules === undefined
        ? ignore
        : (path: string, isDirectory: boolean) =>
            ignore(path, isDirectory) || rules(path, isDirectory);
    const walk = async (dir: string, relative: string, depth: number): Promise<void> => {
      if (depth > MAX_DEPTH) return;
      const entries = [...(await fs.readDirectory(dir))].sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
      for (const entry of entries) {
        const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
        const absolute = `${dir}/${entry.name}`;
        if (entry.kind === 'other') continue;
        if (skip(rel, entry.kind === 'directory')) continue;
        const target = prefix === '' ? rel : `${prefix}/${rel}`;
        if (entry.kind === 'directory') await walk(absolute, rel, depth + 1);
        else {
          const entryStat = await fs.stat(absolute);
          await add(absolute, target, entryStat?.mode ?? 0o644);
        }
      }
    };
    await walk(base, '', 0);
    return out;
  }

  async function upload(collected: readonly CollectedFile[], signal: AbortSignal | undefined) {
    const manifest: SnapshotFile[] = collected.map(({ path, sha256, mode }) => ({
      path,
      sha256,
      mode,
    }));
    const id = sha256Hex(
      manifest.map((file) => `${file.path}\0${file.sha256}\0${file.mode.toString(8)}\n`).join(''),
    );
    const digests = [...new Set(manifest.map((file) => file.sha256))];
    const missing =
      digests.length === 0 ? new Set<string>() : await uploader.missing(digests, signal);
    const sent = new Set<string>();
    for (const file of collected) {
      if (!missing.has(file.sha256) || sent.has(file.sha256)) continue;
      await uploader.put(file.sha256, await files().readFile(file.absolute), signal);
      sent.add(file.sha256);
    }
    const codeId = await uploader.snapshot(id, manifest, signal);
    return { id, codeId };
  }

  /** A registered component must exist in this service: the local backend has no registry. */
  async function checkRegistered(
    reference: string,
    id: string,
    context: ResolveContext,
  ): Promise<string> {
    const fail = (received: string, cause?: unknown): never => {
      throw new AssetResolutionError({
        message: `Component ${JSON.stringify(reference)} cannot run on the local backend: expected a component registered with the local service (workspace '${workspace.workspaceName}') or an inline or file component, received ${received}`,
        reference,
        assetKind: 'component',
        ...(cause === undefined ? {} : { cause }),
      });
    };
    if (!id.toLowerCase().startsWith(`${offline.workspaceId.toLowerCase()}/components/`)) {
      return fail(`a component outside it (${id})`);
    }
    try {
      await options.transport.request({ method: 'GET', path: id, signal: context.signal });
    } catch (error) {
      if (isNotFoundError(error)) return fail(`404 from GET ${id}`, error);
      throw error;
    }
    return id;
  }

  const absoluteOf = (path: string, context: ResolveContext): string => {
    const written = toPosix(path.startsWith('file:') ? path.slice('file:'.length) : path);
    return resolvePosix(toPosix(context.baseDir ?? context.jobDir), written);
  };

  return {
    resolveCompute: (compute, context) => offline.resolveCompute(compute, context),
    getCompute: (compute, context) => offline.getCompute(compute, context),
    resolveDatastore: (datastore, context) => offline.resolveDatastore(datastore, context),
    async resolveComponent(component: ComponentRequest, context) {
      const id = await offline.resolveComponent(component, context);
      if (!('anonymous' in component)) return checkRegistered(component.reference, id, context);
      let done = registered.get(id);
      if (done === undefined) {
        // Registered as `az ml` registers it on Azure: the service reads the step from it.
        const version = id.slice(id.lastIndexOf('/') + 1);
        done = options.transport
          .request({
            method: 'PUT',
            path: id,
            body: {
              properties: {
                componentSpec: { ...component.hashInput, name: ANONYMOUS_COMPONENT_NAME, version },
                isAnonymous: true,
              },
            },
            signal: context.signal,
          })
          .then(() => id);
        done.catch(() => registered.delete(id));
        registered.set(id, done);
      }
      return done;
    },

    async resolveCode(code: CodeRequest, context) {
      if ('placeholder' in code) {
        // A component without `code:` runs in an empty folder.
        return (await upload([], context.signal)).codeId;
      }
      if (!isLocalPath(code.path)) return offline.resolveCode(code, context);
      const collected = await collect(absoluteOf(code.path, context), '', context.signal);
      return (await upload(collected, context.signal)).codeId;
    },

    resolveEnvironment(environment: JobEnvironment, context) {
      if (typeof environment === 'string') return Promise.resolve(environment);
      return offline.resolveEnvironment(environment, context);
    },

    async resolveInput(input: InputRequest, context) {
      if (!isLocalPath(input.path)) return offline.resolveInput(input, context);
      const absolute = absoluteOf(input.path, context);
      const name = basenamePosix(absolute);
      const collected = await collect(absolute, name, context.signal);
      const { id } = await upload(collected, context.signal);
      const uri = `azureml://datastores/${input.datastore ?? DEFAULT_DATASTORE}/paths/LocalUpload/${id}/${name}`;
      return input.type === 'uri_folder' ? `${uri}/` : uri;
    },
  };
}
