import { AutoMLJob } from '@amlkit/core';
import type { AutoMLDataInput, Job } from '@amlkit/core';
import { wrongJob } from '../internal/expect-job.js';
import { inputToRest, outputsFromRest, outputsToRest } from '../internal/rest-io.js';
import {
  identityFromRest,
  identityToRest,
  queueSettingsFromRest,
  queueSettingsToRest,
  resourcesFromRest,
  resourcesToRest,
} from '../internal/rest-shapes.js';
import type { RestJobConverter, ToRestContext } from '../rest-job-converter.js';
import type { RestAutoMLJob, RestJobInput, RestJobProperties } from '../types.js';
import { taskDetailsFromRest } from './automl-from-rest.js';
import { taskDetailsToRest } from './automl-to-rest.js';

async function dataToRest(
  data: AutoMLDataInput | undefined,
  context: ToRestContext,
): Promise<RestJobInput | undefined> {
  if (data === undefined) return undefined;
  if (typeof data === 'string') {
    return inputToRest({ type: 'mltable', path: data }, context.resolver, context.resolveContext);
  }
  return inputToRest(data, context.resolver, context.resolveContext);
}

/**
 * The AutoML family (`ClassificationJob` … `TextNerJob`) ⇄ `jobType: "AutoML"`. The task
 * settings go to `taskDetails` (see `automl-to-rest.ts`); `primaryMetric` is left out for
 * TextNER and multi-label text classification, where it is read-only (the 1.4.0 quirk).
 */
export const automlConverter: RestJobConverter = {
  type: 'automl',
  jobType: 'AutoML',

  async toRest(job: Job, context) {
    if (!(job instanceof AutoMLJob)) throw wrongJob(job, 'AutoMLJob', 'automl');
    const automl = job;
    const data = automl as AutoMLJob & {
      validationData?: AutoMLDataInput;
      testData?: AutoMLDataInput;
    };
    const taskDetails = taskDetailsToRest(automl);
    const training = await dataToRest(automl.trainingData, context);
    if (training !== undefined) taskDetails['trainingData'] = training;
    const validation = await dataToRest(data.validationData, context);
    if (validation !== undefined) taskDetails['validationData'] = validation;
    const test = await dataToRest(data.testData, context);
    if (test !== undefined) taskDetails['testData'] = test;
    const out: Partial<RestAutoMLJob> = {
      taskDetails: taskDetails as unknown as RestAutoMLJob['taskDetails'],
      outputs: outputsToRest(automl.outputs),
    };
    if (automl.environmentId !== undefined) out.environmentId = automl.environmentId;
    if (automl.environmentVariables !== undefined) {
      out.environmentVariables = { ...automl.environmentVariables };
    }
    if (automl.resources !== undefined) out.resources = resourcesToRest(automl.resources);
    if (automl.queueSettings !== undefined) {
      out.queueSettings = queueSettingsToRest(automl.queueSettings);
    }
    const identity = (automl as { identity?: Parameters<typeof identityToRest>[0] }).identity;
    if (identity !== undefined) out.identity = identityToRest(identity);
    return out;
  },

  fromRest(properties: RestJobProperties, { common }) {
    const p = properties as RestAutoMLJob;
    const environmentVariables: Record<string, string> = {};
    for (const [k, v] of Object.entries(p.environmentVariables ?? {})) {
      if (typeof v === 'string') environmentVariables[k] = v;
    }
    return taskDetailsFromRest(p.taskDetails, {
      ...common,
      ...(p.environmentId ? { environmentId: p.environmentId } : {}),
      ...(p.environmentVariables ? { environmentVariables } : {}),
      outputs: outputsFromRest(p.outputs),
      ...(p.resources ? { resources: resourcesFromRest(p.resources) } : {}),
      ...(p.queueSettings ? { queueSettings: queueSettingsFromRest(p.queueSettings) } : {}),
      ...(p.identity ? { identity: identityFromRest(p.identity) } : {}),
    });
  },
};
