import { malformedGetResponse } from '../../internal/malformed-get-response.js';
import { workspacePath } from '../../workspace/workspace-paths.js';
import type { DownloadedFile, DownloadJobOptions } from '../jobs-api.js';
import type { JobsContext } from './jobs-context.js';

interface OutputFile {
  readonly path: string;
  readonly size?: number;
  readonly url: string;
}
interface OutputListing {
  readonly name: string;
  readonly files: readonly OutputFile[];
}

const SAFE_SEGMENT = /^(?!\.{1,2}$)[^/\\\0]+$/;

function safeRelative(path: string): boolean {
  return path !== '' && path.split('/').every((segment) => SAFE_SEGMENT.test(segment));
}

function joinPath(base: string, ...parts: string[]): string {
  return [base.replace(/[/\\]+$/, ''), ...parts].join('/');
}

/**
 * `jobs.download`: for Azure, the client's `outputDownloader`. On the local backend: lists `…/jobs/{name}/outputs` (amlkit extension),
 * picks the requested outputs and writes each file under `<destination>/named-outputs/<output>/`.
 */
export async function downloadOutputs(
  context: JobsContext,
  name: string,
  options: DownloadJobOptions,
): Promise<readonly DownloadedFile[]> {
  if (typeof options.destination !== 'string' || options.destination === '') {
    throw new TypeError(
      `jobs.download: expected destination to be a non-empty path, received ${JSON.stringify(options.destination)}`,
    );
  }
  if (context.backend === 'azure') {
    if (context.outputDownloader === undefined) {
      throw new TypeError(
        `jobs.download: downloading from Azure datastores needs Node: expected the client's outputDownloader option (createAzureJobOutputDownloader() from '@amlkit/client/node'), received none`,
      );
    }
    return context.outputDownloader(name, {
      ...options,
      transport: context.transport,
      workspace: context.workspace,
      resolver: context.resolver,
    });
  }
  const fileSystem = context.fileSystem;
  if (fileSystem === undefined) {
    throw new TypeError(
      `jobs.download: writing files needs the client's fileSystem option: expected a ClientFileSystem (nodeFileSystem from '@amlkit/client/node'), received none`,
    );
  }
  const path = `/amlkit/v1${workspacePath(context.workspace)}/jobs/${encodeURIComponent(name)}/outputs`;
  const response = await context.transport.request({
    method: 'GET',
    path,
    signal: options.signal,
  });
  const value = (response.body as { value?: unknown } | undefined)?.value;
  if (!Array.isArray(value)) {
    throw malformedGetResponse(
      response,
      `returned an output listing that is not a list: expected { "value": [{ name, files }] } (request id ${response.requestId})`,
    );
  }
  const outputs = value as OutputListing[];
  const names = outputs.map((output) => output.name);
  let chosen: OutputListing[];
  if (options.all === true) {
    chosen = outputs;
  } else {
    const wanted =
      options.outputName ?? (outputs.length === 1 ? outputs[0]?.name : undefined) ?? 'default';
    const match = outputs.find((output) => output.name === wanted);
    if (match === undefined) {
      throw new RangeError(
        `jobs.download: job '${name}' has no output '${wanted}': expected one of ${names.length === 0 ? '(no outputs)' : names.map((n) => `'${n}'`).join(', ')}, or all: true`,
      );
    }
    chosen = [match];
  }
  const written: DownloadedFile[] = [];
  for (const output of chosen) {
    if (!safeRelative(output.name)) continue;
    for (const file of output.files) {
      if (typeof file.path !== 'string' || !safeRelative(file.path)) {
        throw malformedGetResponse(
          response,
          `listed an output file path that would leave the destination: expected a relative '/'-separated path without '.' or '..' segments, received ${JSON.stringify(file.path)}`,
        );
      }
      const download = await context.transport.request({
        method: 'GET',
        url: context.transport.resolveTrustedUrl(file.url, 'output file URL', response.url),
        signal: options.signal,
        responseType: 'text',
        raw: true,
      });
      const bytes = new Uint8Array(await (download.raw as Response).arrayBuffer());
      const destination = joinPath(options.destination, 'named-outputs', output.name, file.path);
      await fileSystem.writeFile(destination, bytes);
      written.push({ outputName: output.name, path: file.path, destination, size: bytes.length });
    }
  }
  return written;
}
