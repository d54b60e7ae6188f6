import { stat } from 'node:fs/promises';
import { join } from 'node:path';

import type { CommandExecution, ExecutionInput, ExecutionOutput } from '../executor/index.js';
import type { StoredJob } from '../store/job-store.js';
import { isRecord } from './http.js';
import { isSafeSegment, SNAPSHOT_ID } from './names.js';
import { parseIsoDurationMs } from './iso-duration.js';

/** A job that cannot be turned into an execution: the reason becomes its failure. */
export class ExecutionPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExecutionPlanError';
  }
}

const MODES: Readonly<Record<string, string>> = {
  readonlymount: 'ro_mount',
  readwritemount: 'rw_mount',
  download: 'download',
  direct: 'direct',
  evalmount: 'eval_mount',
  evaldownload: 'eval_download',
  upload: 'upload',
};

function mode(value: unknown): { mode?: string } {
  if (typeof value !== 'string') return {};
  return { mode: MODES[value.toLowerCase()] ?? value };
}

const JOB_OUTPUT = /^azureml:\/\/jobs\/([^/]+)\/outputs\/([^/]+)\/?$/;
const LOCAL_UPLOAD = /^azureml:\/\/datastores\/[^/]+\/paths\/LocalUpload\/([^/]+)(?:\/(.*))?$/;
const CODE_ID = /\/codes\/([^/]+)\/versions\/[^/]+$/;

/** The local folder or file an `azureml://datastores/<ds>/paths/LocalUpload/<id>/<path>` names. */
export async function resolveLocalUpload(
  snapshotsDir: string,
  uri: string,
  where: string,
): Promise<string> {
  const match = LOCAL_UPLOAD.exec(uri);
  if (match === null) {
    throw new ExecutionPlanError(
      `${where}: remote inputs are not supported by the local backend: expected a local upload (azureml://datastores/<datastore>/paths/LocalUpload/<id>/<path>) or a job output (azureml://jobs/<job>/outputs/<output>), received ${JSON.stringify(uri)}`,
    );
  }
  const id = decodeURIComponent(match[1] ?? '');
  const rest = (match[2] ?? '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
  if (!SNAPSHOT_ID.test(id) || !rest.every(isSafeSegment)) {
    throw new ExecutionPlanError(
      `${where}: the upload path ${JSON.stringify(uri)} is not a plain relative path`,
    );
  }
  const path = join(snapshotsDir, id, ...rest);
  try {
    await stat(path);
  } catch {
    throw new ExecutionPlanError(
      `${where}: ${JSON.stringify(uri)} was not uploaded to this service (no snapshot '${id}' with '${rest.join('/')}')`,
    );
  }
  return path;
}

/** Another job's output, as {@link resolveJobOutput} needs it. */
export interface JobOutputLocation {
  /** The producing job's status. */
  readonly status: string;
  /** Its folder (`jobDir`). */
  readonly jobDir: string;
  /** Its declared `outputs` (REST). */
  readonly outputs: Readonly<Record<string, unknown>>;
}

/**
 * The local folder (or file, for `uri_file`) an `azureml://jobs/<job>/outputs/<output>` names:
 * an output of a completed job of the same workspace (how pipeline steps read upstream outputs).
 */
function resolveJobOutput(
  uri: string,
  where: string,
  lookup: ((jobName: string) => JobOutputLocation | undefined) | undefined,
): string | undefined {
  const match = JOB_OUTPUT.exec(uri);
  if (match === null) return undefined;
  const jobName = decodeURIComponent(match[1] ?? '');
  const output = decodeURIComponent(match[2] ?? '');
  const producer = lookup?.(jobName);
  if (producer === undefined) {
    throw new ExecutionPlanError(
      `${where}: ${JSON.stringify(uri)} names a job '${jobName}' that does not exist`,
    );
  }
  const declared = producer.outputs[output];
  if (!isRecord(declared) || !isSafeSegment(output)) {
    const known = Object.keys(producer.outputs);
    throw new ExecutionPlanError(
      `${where}: job '${jobName}' has no output '${output}' (${known.length === 0 ? 'it has no outputs' : `its outputs: ${known.join(', ')}`})`,
    );
  }
  if (producer.status !== 'Completed') {
    throw new ExecutionPlanError(
      `${where}: the output '${output}' of job '${jobName}' is not ready: expected the job Completed, received ${producer.status}`,
    );
  }
  const folder = join(producer.jobDir, 'outputs', output);
  return declared.jobOutputType === 'uri_file' ? join(folder, output) : folder;
}

function stringRecord(value: unknown, where: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new ExecutionPlanError(`${where}: expected an object of strings`);
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    out[key] = typeof item === 'string' ? item : JSON.stringify(item);
  }
  return out;
}

/** An `environmentId` that is a bare image reference (not an ARM id or `azureml:` asset). */
function looksLikeImage(environmentId: string): boolean {
  return (
    environmentId !== '' &&
    !environmentId.startsWith('azureml:') &&
    !environmentId.startsWith('/') &&
    /^[\w.-]+(?::\d+)?(?:\/[\w.-]+)*(?::[\w.-]+)?(?:@sha256:[0-9a-f]{64})?$/.test(environmentId)
  );
}

/**
 * Maps a stored REST CommandJob to the executor's {@link CommandExecution}: literal inputs
 * by value, uploaded inputs, other jobs' outputs and the code snapshot to their local folders. Remote URIs are
 * refused with a clear reason.
 */
export async function toCommandExecution(
  job: StoredJob,
  options: {
    jobDir: string;
    snapshotsDir: string;
    /** Finds a job of the same workspace whose output an input names. */
    jobOutput?: (jobName: string) => JobOutputLocation | undefined;
  },
): Promise<CommandExecution> {
  const p = job.properties;
  if (typeof p.command !== 'string' || p.command.trim() === '') {
    throw new ExecutionPlanError('properties.command: expected a non-empty command');
  }
  const inputs: Record<string, ExecutionInput> = {};
  if (isRecord(p.inputs)) {
    for (const [name, input] of Object.entries(p.inputs)) {
      if (!isRecord(input)) continue;
      const type = typeof input.jobInputType === 'string' ? input.jobInputType : 'uri_folder';
      if (type.toLowerCase() === 'literal') {
        const value = input.value;
        inputs[name] = {
          kind: 'literal',
          value: typeof value === 'string' ? value : JSON.stringify(value ?? ''),
        };
        continue;
      }
      if (typeof input.uri !== 'string') {
        throw new ExecutionPlanError(`properties.inputs.${name}.uri: expected a URI string`);
      }
      const path =
        resolveJobOutput(input.uri, `properties.inputs.${name}`, options.jobOutput) ??
        (await resolveLocalUpload(options.snapshotsDir, input.uri, `properties.inputs.${name}`));
      inputs[name] = { kind: 'path', path, type, ...mode(input.mode) };
    }
  }
  const outputs: Record<string, ExecutionOutput> = {};
  if (isRecord(p.outputs)) {
    for (const [name, output] of Object.entries(p.outputs)) {
      if (!isRecord(output)) continue;
      const type = typeof output.jobOutputType === 'string' ? output.jobOutputType : 'uri_folder';
      outputs[name] = { type, ...mode(output.mode) };
    }
  }
  let codeDir: string | undefined;
  if (typeof p.codeId === 'string' && p.codeId !== '') {
    const match = CODE_ID.exec(p.codeId);
    const id = match === null ? '' : decodeURIComponent(match[1] ?? '');
    if (!SNAPSHOT_ID.test(id)) {
      throw new ExecutionPlanError(
        `properties.codeId: expected a code uploaded to this service (…/codes/<snapshotId>/versions/1), received ${JSON.stringify(p.codeId)}`,
      );
    }
    codeDir = join(options.snapshotsDir, id);
    try {
      if (!(await stat(codeDir)).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new ExecutionPlanError(
        `properties.codeId: the code snapshot '${id}' was not uploaded to this service (PUT /amlkit/v1/snapshots/${id})`,
      );
    }
  }
  const resources = isRecord(p.resources) ? p.resources : {};
  const instanceCount =
    typeof resources.instanceCount === 'number' &&
    Number.isInteger(resources.instanceCount) &&
    resources.instanceCount > 0
      ? resources.instanceCount
      : 1;
  let distribution: CommandExecution['distribution'];
  if (isRecord(p.distribution) && typeof p.distribution.distributionType === 'string') {
    const count = p.distribution.processCountPerInstance;
    distribution = {
      type: p.distribution.distributionType.toLowerCase(),
      ...(typeof count === 'number' && Number.isInteger(count) && count > 0
        ? { processCountPerInstance: count }
        : {}),
    };
  }
  let timeoutMs: number | undefined;
  if (isRecord(p.limits) && typeof p.limits.timeout === 'string') {
    timeoutMs = parseIsoDurationMs(p.limits.timeout);
    if (timeoutMs === undefined) {
      throw new ExecutionPlanError(
        `properties.limits.timeout: expected an ISO-8601 duration such as PT5M, received ${JSON.stringify(p.limits.timeout)}`,
      );
    }
  }
  return {
    jobName: job.name,
    experimentName: typeof p.experimentName === 'string' ? p.experimentName : 'Default',
    command: p.command,
    environmentVariables: stringRecord(p.environmentVariables, 'properties.environmentVariables'),
    ...(typeof p.environmentId === 'string' && looksLikeImage(p.environmentId)
      ? { environmentImage: p.environmentId }
      : {}),
    inputs,
    outputs,
    ...(codeDir === undefined ? {} : { codeDir }),
    instanceCount,
    ...(distribution === undefined ? {} : { distribution }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    jobDir: options.jobDir,
  };
}
