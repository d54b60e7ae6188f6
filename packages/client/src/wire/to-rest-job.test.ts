import { GENERATED_JOB_NAME_PATTERN, loadJob } from '@amlkit/core';
import { describe, expect, it } from 'vitest';
import { createOfflineResolver } from '../resolver/create-offline-resolver.js';
import { RestOnlyJob } from './rest-only-job.js';
import { toRestJob } from './to-rest-job.js';
import { isWireFormatError } from './wire-format-error.js';

const workspace = { subscriptionId: 's', resourceGroup: 'rg', workspaceName: 'ws' };
const WS =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';

async function body(yaml: string, basePath = '/work/my project') {
  const job = await loadJob({ text: yaml, basePath });
  const resolver = createOfflineResolver(workspace);
  const out = await toRestJob(job, { resolver });
  return { properties: out.properties as Record<string, unknown>, resolver };
}

const BASE = 'environment: azureml:AzureML-sklearn-1.5@latest\n';

describe('toRestJob', () => {
  it('marks local runs as the SDK does, without a computeId', async () => {
    const { properties } = await body(`command: echo hi\ncompute: local\n${BASE}`);
    expect(properties).not.toHaveProperty('computeId');
    expect(properties['environmentVariables']).toEqual({
      AZUREML_COMPUTE_USE_COMMON_RUNTIME: 'true',
    });
    expect(properties['resources']).toEqual({ properties: { IsLocal: { IsLocal: true } } });
  });

  it('generates a name for the display name and defaults the experiment to the folder', async () => {
    const { properties } = await body(`command: echo hi\ncompute: azureml:c\n${BASE}`);
    expect(properties['displayName']).toMatch(GENERATED_JOB_NAME_PATTERN);
    expect(properties['experimentName']).toBe('myproject');
    expect(properties['computeId']).toBe(`${WS}/computes/c`);
    expect(properties['isArchived']).toBe(false);
  });

  it('rewrites single-brace references and sends literals as Python str()', async () => {
    const { properties } = await body(
      `command: python t.py {inputs.a} {inputs.b} {inputs.c}\ncompute: c\n${BASE}inputs:\n  a: 10\n  b: true\n  c: 0.5\n`,
    );
    expect(properties['command']).toBe('python t.py ${{inputs.a}} ${{inputs.b}} ${{inputs.c}}');
    expect(properties['inputs']).toEqual({
      a: { jobInputType: 'literal', value: '10' },
      b: { jobInputType: 'literal', value: 'True' },
      c: { jobInputType: 'literal', value: '0.5' },
    });
  });

  it('sends limits as ISO-8601 durations and modes in their REST spelling', async () => {
    const { properties } = await body(
      `command: cat \${{inputs.d}}\ncompute: c\n${BASE}limits: {timeout: 9000}\ninputs:\n  d: {type: uri_file, path: 'https://x/y.csv', mode: download}\noutputs:\n  o: {type: uri_folder, mode: upload}\n`,
    );
    expect(properties['limits']).toEqual({ jobLimitsType: 'Command', timeout: 'PT2H30M' });
    expect(properties['inputs']).toEqual({
      d: { jobInputType: 'uri_file', uri: 'https://x/y.csv', mode: 'Download' },
    });
    expect(properties['outputs']).toEqual({ o: { jobOutputType: 'uri_folder', mode: 'Upload' } });
  });

  it('keeps a binding compute as written', async () => {
    const job = await loadJob({
      text: `command: echo\ncompute: azureml:c\n${BASE}`,
      basePath: '/w',
    });
    job.compute = '${{parent.inputs.compute}}';
    const out = await toRestJob(job, { resolver: createOfflineResolver(workspace) });
    expect(out.properties.computeId).toBe('${{parent.inputs.compute}}');
  });

  it('refuses a job type without a converter', async () => {
    class OddJob extends RestOnlyJob {}
    const odd = new OddJob({ jobType: 'Odd', restProperties: { jobType: 'Odd' } });
    Object.defineProperty(odd, 'restProperties', { value: null });
    await expect(toRestJob(odd, { resolver: createOfflineResolver(workspace) })).rejects.toSatisfy(
      isWireFormatError,
    );
  });

  it('stops when the signal is aborted', async () => {
    const job = await loadJob({ text: `command: echo\ncompute: c\n${BASE}`, basePath: '/w' });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      toRestJob(job, { resolver: createOfflineResolver(workspace), signal: controller.signal }),
    ).rejects.toThrow('stop');
  });
});
