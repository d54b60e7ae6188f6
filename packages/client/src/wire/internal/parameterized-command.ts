import type { Distribution, JobEnvironment, JobResources } from '@amlkit/core';
import type { ToRestContext } from '../rest-job-converter.js';
import type { RestTrialComponent } from '../types.js';
import { rewriteSingleBraceReferences } from './command-string.js';
import { distributionToRest, resourcesToRest } from './rest-shapes.js';

/** The command part shared by command jobs and sweep trials (Python `ParameterizedCommand`). */
export interface ParameterizedCommand {
  command: string | undefined;
  code: string | undefined;
  environment: JobEnvironment | undefined;
  environmentVariables: Record<string, string> | undefined;
  distribution: Distribution | undefined;
  resources: JobResources | undefined;
}

/** Resolves code, then environment (the SDK's order), and builds the trial-shaped REST part. */
export async function parameterizedCommandToRest(
  part: ParameterizedCommand,
  context: ToRestContext,
): Promise<RestTrialComponent> {
  const { resolver, resolveContext } = context;
  const out: Record<string, unknown> = {
    command: part.command === undefined ? undefined : rewriteSingleBraceReferences(part.command),
  };
  if (part.code !== undefined) {
    out['codeId'] = await resolver.resolveCode({ path: part.code }, resolveContext);
  }
  if (part.environment !== undefined) {
    out['environmentId'] = await resolver.resolveEnvironment(part.environment, resolveContext);
  }
  out['environmentVariables'] = { ...part.environmentVariables };
  if (part.distribution !== undefined) out['distribution'] = distributionToRest(part.distribution);
  if (part.resources !== undefined) out['resources'] = resourcesToRest(part.resources);
  return out as unknown as RestTrialComponent;
}
