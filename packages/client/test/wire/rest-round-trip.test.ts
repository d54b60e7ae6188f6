/**
 * Round trip of the REST examples (`../shared/rest-examples/2025-12-01/Job/**`): every request
 * and response body parses with `fromRestJob` and `toRestJob` gives back the same JSON,
 * read-only fields aside (envelope `id`, `name`, `type`, `systemData`; `properties.status`;
 * Command `parameters`; each service's `status` and `errorMessage` — the spec's `readOnly`
 * flags).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOfflineResolver, fromRestJob, toRestJob } from '../../src/index.js';
import { CONFORMANCE_WORKSPACE, REST_EXAMPLES, sortKeys } from './corpus.js';

type Dict = Record<string, unknown>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.json') ? [path] : [];
  });
}

function isJobBody(value: unknown): value is Dict & { properties: Dict } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { properties?: unknown }).properties === 'object' &&
    (value as { properties: unknown }).properties !== null &&
    typeof (value as { properties: { jobType?: unknown } }).properties.jobType === 'string'
  );
}

/** The job bodies of an example file: the request body, response bodies and list items. */
function bodies(example: Dict): [string, Dict & { properties: Dict }][] {
  const out: [string, Dict & { properties: Dict }][] = [];
  const parameters = example['parameters'] as Dict | undefined;
  if (isJobBody(parameters?.['body'])) out.push(['request', parameters['body']]);
  for (const [status, response] of Object.entries((example['responses'] ?? {}) as Dict)) {
    const body = (response as Dict | undefined)?.['body'] as Dict | undefined;
    if (isJobBody(body)) out.push([`response ${status}`, body]);
    const list = body?.['value'];
    if (Array.isArray(list)) {
      list.forEach((item, i) => {
        if (isJobBody(item)) out.push([`response ${status} value[${String(i)}]`, item]);
      });
    }
  }
  return out;
}

/** `properties` without the read-only fields. */
function writable(properties: Dict): Dict {
  const out: Dict = { ...properties };
  delete out['status'];
  if (out['jobType'] === 'Command') delete out['parameters'];
  if (typeof out['services'] === 'object' && out['services'] !== null) {
    out['services'] = Object.fromEntries(
      Object.entries(out['services'] as Dict).map(([k, v]) => {
        const service = { ...(v as Dict) };
        delete service['status'];
        delete service['errorMessage'];
        return [k, service];
      }),
    );
  }
  return out;
}

const root = resolve(REST_EXAMPLES, '2025-12-01/Job');
const cases = files(root).flatMap((file) =>
  bodies(JSON.parse(readFileSync(file, 'utf8')) as Dict).map(
    ([where, body]) => [`${relative(root, file)} ${where}`, body] as const,
  ),
);

describe('fromRestJob ∘ toRestJob on the REST examples', () => {
  it('finds job bodies in every example folder', () => {
    const types = new Set(cases.map(([, body]) => body.properties['jobType']));
    expect([...types].sort()).toEqual([
      'AutoML',
      'Command',
      'Distillation',
      'FineTuning',
      'Pipeline',
      'Sweep',
    ]);
  });

  for (const [name, body] of cases) {
    it(`reproduces ${name}`, async () => {
      const job = fromRestJob(body);
      const out = await toRestJob(job, { resolver: createOfflineResolver(CONFORMANCE_WORKSPACE) });
      expect(sortKeys(out.properties)).toEqual(sortKeys(writable(body.properties)));
    });
  }
});
