import { PipelineJob } from '@amlkit/core';
import type { Job, JobInput } from '@amlkit/core';
import { expectJob } from '../internal/expect-job.js';
import { inputsToRest, outputsToRest } from '../internal/rest-io.js';
import { identityToRest } from '../internal/rest-shapes.js';
import type { RestJobConverter } from '../rest-job-converter.js';
import type { RestPipelineJob, RestJobProperties } from '../types.js';
import { PipelineNodeResolver } from './internal/resolve-nodes.js';
import { isDict } from './internal/node-shapes.js';
import { pipelineJobFromRest } from './internal/pipeline-from-rest.js';

/** The `_source` 1.4.0 writes in the `settings` of a pipeline defined in YAML. */
export const PIPELINE_SETTINGS_SOURCE = 'YAML.JOB';

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The inputs 1.4.0 sends: `None` and `""` are left out. */
function sentInputs(inputs: Readonly<Record<string, JobInput>>): Record<string, JobInput> {
  const out: Record<string, JobInput> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (value === null || value === undefined || value === '') continue;
    out[key] = value;
  }
  return out;
}

/**
 * `PipelineJob` ⇄ `jobType: "Pipeline"`.
 *
 * To REST: `jobs` are the free-form node dicts of azure-ai-ml 1.4.0 (`_source`, `componentId`,
 * `computeId`, `job_input_type` I/O…), resolved in the SDK's order (see `internal/resolve-nodes.ts`);
 * `settings` carry `_source: "YAML.JOB"` with `default_compute`/`default_datastore` as ARM ids;
 * pipeline inputs (local paths uploaded last) and outputs use the top-level camelCase shapes.
 *
 * From REST: a `PipelineJob` whose nodes are in component form — `component` is the registered
 * component's id, `compute` the compute id, I/O read back — and whose other node keys are kept
 * as the REST dict has them (see `internal/pipeline-from-rest.ts`).
 */
export const pipelineConverter: RestJobConverter = {
  type: 'pipeline',
  jobType: 'Pipeline',

  async toRest(job: Job, context) {
    const pipeline = expectJob(job, PipelineJob, 'pipeline');
    const nodes = new PipelineNodeResolver(context);
    const dumped = pipeline.toYamlObject();
    await nodes.validateComputes(pipeline.compute, pipeline.jobs);

    const settings: Record<string, unknown> = { _source: PIPELINE_SETTINGS_SOURCE };
    for (const [key, value] of Object.entries(pipeline.settings)) {
      if (value === undefined) continue;
      settings[snakeCase(key)] = value;
    }
    const rc = context.resolveContext;
    if (typeof settings['default_datastore'] === 'string') {
      settings['default_datastore'] = await context.resolver.resolveDatastore(
        settings['default_datastore'],
        rc,
      );
    }
    if (typeof settings['default_compute'] === 'string') {
      settings['default_compute'] = await context.resolver.resolveCompute(
        settings['default_compute'],
        rc,
      );
    }

    const out: Partial<RestPipelineJob> = {};
    out.jobs = await nodes.resolveScope(
      pipeline.jobs,
      isDict(dumped['jobs']) ? dumped['jobs'] : {},
      { withNames: true },
    );
    if (pipeline.component !== undefined) {
      out.componentId = await nodes.resolveJobComponent(pipeline.component, dumped['component']);
    }
    out.inputs = await inputsToRest(sentInputs(pipeline.inputs), context.resolver, rc);
    out.outputs = outputsToRest(pipeline.outputs);
    out.settings = settings;
    if (pipeline.identity !== undefined) out.identity = identityToRest(pipeline.identity);
    return out;
  },

  fromRest(properties: RestJobProperties, { common }) {
    return pipelineJobFromRest(properties as RestPipelineJob, common);
  },
};
