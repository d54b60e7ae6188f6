import type { JobInput, JobOutput } from '@amlkit/core';
import type { ResolveContext } from '../../resolver/asset-resolver.js';
import type { AssetResolver } from '../../resolver/asset-resolver.js';
import type { RestJobInput, RestJobOutput } from '../types.js';
import { pythonStr } from './python-str.js';

/** Entity input mode → REST `InputDeliveryMode`. */
export const INPUT_MODE_TO_REST: Readonly<Record<string, string>> = {
  ro_mount: 'ReadOnlyMount',
  mount: 'ReadOnlyMount',
  rw_mount: 'ReadWriteMount',
  download: 'Download',
  direct: 'Direct',
  eval_mount: 'EvalMount',
  eval_download: 'EvalDownload',
};

/** Entity output mode → REST `OutputDeliveryMode`. */
export const OUTPUT_MODE_TO_REST: Readonly<Record<string, string>> = {
  rw_mount: 'ReadWriteMount',
  mount: 'ReadWriteMount',
  upload: 'Upload',
  direct: 'Direct',
};

function invert(map: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) if (k !== 'mount') out[v] = k;
  return out;
}

/** REST `InputDeliveryMode` → entity mode. */
export const INPUT_MODE_FROM_REST = invert(INPUT_MODE_TO_REST);
/** REST `OutputDeliveryMode` → entity mode. */
export const OUTPUT_MODE_FROM_REST = invert(OUTPUT_MODE_TO_REST);

/** The camel-case input/output types of 2022-02-01-preview, read back as snake_case. */
const LEGACY_TYPES: Readonly<Record<string, string>> = {
  Literal: 'literal',
  UriFile: 'uri_file',
  UriFolder: 'uri_folder',
  MLTable: 'mltable',
  CustomModel: 'custom_model',
  MLFlowModel: 'mlflow_model',
  TritonModel: 'triton_model',
};

/** Whether `value` is a `${{…}}` binding. */
export function isBinding(value: string): boolean {
  return /^\s*\$\{\{.*\}\}\s*$/s.test(value);
}

/** One entity input → REST, resolving data paths through the resolver. */
export async function inputToRest(
  input: JobInput | null | undefined,
  resolver: AssetResolver,
  context: ResolveContext,
): Promise<RestJobInput> {
  if (input === null || input === undefined) return { jobInputType: 'literal' };
  if (typeof input !== 'object') return { jobInputType: 'literal', value: pythonStr(input) };
  const data = input;
  const path = data.path;
  if (path !== undefined && isBinding(path)) return { jobInputType: 'literal', value: path };
  const out: RestJobInput = { jobInputType: data.type ?? 'uri_folder', uri: '' };
  if (path === undefined) delete (out as { uri?: string }).uri;
  else {
    out.uri = await resolver.resolveInput(
      { type: data.type ?? 'uri_folder', path, datastore: data.datastore },
      context,
    );
  }
  if (data.mode !== undefined) out.mode = INPUT_MODE_TO_REST[data.mode] ?? data.mode;
  if (data.description !== undefined) out.description = data.description;
  return out;
}

/** The entity `inputs` mapping → REST (in key order, so resolver calls follow the YAML order). */
export async function inputsToRest(
  inputs: Readonly<Record<string, JobInput | null | undefined>>,
  resolver: AssetResolver,
  context: ResolveContext,
): Promise<Record<string, RestJobInput>> {
  const out: Record<string, RestJobInput> = {};
  for (const [name, input] of Object.entries(inputs)) {
    out[name] = await inputToRest(input, resolver, context);
  }
  return out;
}

/** One entity output → REST (outputs are never resolved). */
export function outputToRest(output: JobOutput | null | undefined): RestJobOutput {
  if (output === null || output === undefined) return { jobOutputType: 'uri_folder' };
  const out: RestJobOutput = { jobOutputType: output.type ?? 'uri_folder' };
  if (output.path !== undefined) out.uri = output.path;
  if (output.mode !== undefined) out.mode = OUTPUT_MODE_TO_REST[output.mode] ?? output.mode;
  if (output.description !== undefined) out.description = output.description;
  if (output.name !== undefined) out.assetName = output.name;
  if (output.version !== undefined) out.assetVersion = String(output.version);
  return out;
}

/** The entity `outputs` mapping → REST. */
export function outputsToRest(
  outputs: Readonly<Record<string, JobOutput | null | undefined>>,
): Record<string, RestJobOutput> {
  const out: Record<string, RestJobOutput> = {};
  for (const [name, output] of Object.entries(outputs)) out[name] = outputToRest(output);
  return out;
}

/** One REST input → entity (`literal` → its string value; unknown types keep their `jobInputType`). */
export function inputFromRest(input: RestJobInput | null): JobInput {
  if (input === null) return '';
  const type = LEGACY_TYPES[input.jobInputType] ?? input.jobInputType;
  if (type === 'literal') return (input as { value?: string }).value ?? '';
  const asset = input as { uri?: string; mode?: string; description?: string };
  const out: Record<string, unknown> = { type };
  if (asset.uri !== undefined) out['path'] = asset.uri;
  if (asset.mode !== undefined) out['mode'] = INPUT_MODE_FROM_REST[asset.mode] ?? asset.mode;
  if (asset.description !== undefined) out['description'] = asset.description;
  return out;
}

/** The REST `inputs` mapping → entity. */
export function inputsFromRest(
  inputs: Readonly<Record<string, RestJobInput | null>> | null | undefined,
): Record<string, JobInput> {
  const out: Record<string, JobInput> = {};
  for (const [name, input] of Object.entries(inputs ?? {})) out[name] = inputFromRest(input);
  return out;
}

/** One REST output → entity. */
export function outputFromRest(output: RestJobOutput | null): JobOutput | null {
  if (output === null) return null;
  const out: Record<string, unknown> = {
    type: LEGACY_TYPES[output.jobOutputType] ?? output.jobOutputType,
  };
  if (output.uri !== undefined) out['path'] = output.uri;
  if (output.mode !== undefined) out['mode'] = OUTPUT_MODE_FROM_REST[output.mode] ?? output.mode;
  if (output.description !== undefined) out['description'] = output.description;
  if (output.assetName !== undefined) out['name'] = output.assetName;
  if (output.assetVersion !== undefined) out['version'] = output.assetVersion;
  return out;
}

/** The REST `outputs` mapping → entity. */
export function outputsFromRest(
  outputs: Readonly<Record<string, RestJobOutput | null>> | null | undefined,
): Record<string, JobOutput | null> {
  const out: Record<string, JobOutput | null> = {};
  for (const [name, output] of Object.entries(outputs ?? {})) out[name] = outputFromRest(output);
  return out;
}
