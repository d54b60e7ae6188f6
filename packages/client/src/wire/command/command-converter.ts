import { CommandJob } from '@amlkit/core';
import type { Job } from '@amlkit/core';
import {
  commandLimitsToRest,
  distributionFromRest,
  durationFromRest,
  identityFromRest,
  identityToRest,
  queueSettingsFromRest,
  queueSettingsToRest,
  resourcesFromRest,
  resourcesToRest,
} from '../internal/rest-shapes.js';
import {
  inputsFromRest,
  inputsToRest,
  outputsFromRest,
  outputsToRest,
} from '../internal/rest-io.js';
import { parameterizedCommandToRest } from '../internal/parameterized-command.js';
import { expectJob } from '../internal/expect-job.js';
import type { RestJobConverter } from '../rest-job-converter.js';
import type { RestCommandJob, RestJobProperties } from '../types.js';

/** The environment variable the SDK adds for `compute: local`. */
export const LOCAL_RUNTIME_VARIABLE = 'AZUREML_COMPUTE_USE_COMMON_RUNTIME';

/** `CommandJob` ⇄ `jobType: "Command"`. */
export const commandConverter: RestJobConverter = {
  type: 'command',
  jobType: 'Command',

  async toRest(job: Job, context) {
    const command = expectJob(job, CommandJob, 'command');
    const isLocal = command.compute === 'local';
    const environmentVariables = { ...command.environmentVariables };
    if (isLocal) environmentVariables[LOCAL_RUNTIME_VARIABLE] = 'true';
    const part = await parameterizedCommandToRest(
      {
        command: command.command,
        code: command.code,
        environment: command.environment,
        environmentVariables,
        distribution: command.distribution,
        resources: undefined,
      },
      context,
    );
    const out: Partial<RestCommandJob> = { ...part };
    out.inputs = await inputsToRest(command.inputs, context.resolver, context.resolveContext);
    out.outputs = outputsToRest(command.outputs);
    const properties = { ...command.properties };
    delete properties['_azureml.ComputeTargetType'];
    out.properties = properties;
    if (command.resources !== undefined || isLocal) {
      const resources = resourcesToRest(command.resources ?? { properties: {} });
      if (isLocal) resources.properties = { ...resources.properties, IsLocal: { IsLocal: true } };
      out.resources = resources;
    }
    if (command.limits !== undefined) out.limits = commandLimitsToRest(command.limits);
    if (command.identity !== undefined) out.identity = identityToRest(command.identity);
    if (command.queueSettings !== undefined) {
      out.queueSettings = queueSettingsToRest(command.queueSettings);
    }
    return out;
  },

  fromRest(properties: RestJobProperties, { common }) {
    const p = properties as RestCommandJob;
    const resources = p.resources ?? undefined;
    let compute = common.compute;
    let restResources = resources === undefined ? undefined : resourcesFromRest(resources);
    if (restResources?.properties?.['IsLocal'] !== undefined) {
      compute = 'local';
      const rest = { ...restResources.properties };
      delete rest['IsLocal'];
      restResources = { ...restResources, properties: rest };
    }
    const environmentVariables: Record<string, string> = {};
    for (const [k, v] of Object.entries(p.environmentVariables ?? {})) {
      if (typeof v === 'string') environmentVariables[k] = v;
    }
    const timeout = durationFromRest(p.limits?.timeout);
    return new CommandJob({
      ...common,
      compute,
      command: p.command,
      code: p.codeId ?? undefined,
      environment: p.environmentId,
      environmentVariables,
      distribution: p.distribution ? distributionFromRest(p.distribution) : undefined,
      resources: restResources,
      limits: p.limits ? (timeout === undefined ? {} : { timeout }) : undefined,
      inputs: inputsFromRest(p.inputs),
      outputs: outputsFromRest(p.outputs),
      identity: p.identity ? identityFromRest(p.identity) : undefined,
      queueSettings: p.queueSettings ? queueSettingsFromRest(p.queueSettings) : undefined,
      parameters: p.parameters,
    });
  },
};
