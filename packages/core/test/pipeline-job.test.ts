/**
 * PipelineJob through the real loader: component files loaded relative to the file that
 * references them (diagnostics located in their own file, cycles reported), inline nodes
 * turned into anonymous components, binding checks at the binding's location, settings,
 * node names, and building a pipeline in code.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PipelineJob, isJobLoadError, jobJsonSchema, loadJob } from '../src/index.js';
import type { JobLoadError } from '../src/index.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/pipeline');

async function loadError(source: Parameters<typeof loadJob>[0]): Promise<JobLoadError> {
  const error = await loadJob(source).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isJobLoadError(error)) throw new Error(`expected a JobLoadError, received ${String(error)}`);
  return error;
}

async function loadPipeline(path: string): Promise<PipelineJob> {
  const job = await loadJob(path);
  if (!(job instanceof PipelineJob))
    throw new Error(`expected a PipelineJob, received ${job.type}`);
  return job;
}

function text(yaml: string): { text: string; basePath: string; file: string } {
  return { text: yaml, basePath: FIXTURES, file: 'pipeline.yml' };
}

describe('PipelineJob loading', () => {
  it('does load a component file relative to the pipeline and dump it as an anonymous component', async () => {
    const job = await loadJob(resolve(FIXTURES, 'nested/pipeline.yml'));
    expect(job).toBeInstanceOf(PipelineJob);
    const yaml = job.toYamlObject() as { jobs: Record<string, Record<string, unknown>> };
    const train = yaml.jobs['train']!;
    expect(train['component']).toMatchObject({
      $schema: 'https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json',
      name: 'azureml_anonymous',
      version: '1',
      is_deterministic: true,
      code: resolve(FIXTURES, 'nested/components/src'),
      inputs: {
        lr: { type: 'number', default: '1.0' },
        flag: { type: 'boolean', default: 'False' },
      },
    });
    expect(train['inputs']).toEqual({ lr: { path: '${{parent.inputs.lr}}' } });
  });

  it('does turn an inline node into an anonymous component with inferred input types', async () => {
    const job = await loadPipeline(resolve(FIXTURES, 'nested/pipeline.yml'));
    const report = job.toYamlObject()['jobs'] as Record<string, Record<string, unknown>>;
    expect(report['report']).toEqual({
      type: 'command',
      component: {
        type: 'command',
        name: 'azureml_anonymous',
        version: '1',
        is_deterministic: true,
        command: 'cat ${{inputs.model}}',
        environment: 'azureml:AzureML-sklearn-1.5@latest',
        // the type of train's `model` output comes from its component file
        inputs: { model: { type: 'mlflow_model' }, epochs: { type: 'integer', default: '3' } },
      },
      inputs: { model: { path: '${{parent.jobs.train.outputs.model}}' }, epochs: 3 },
    });
    expect(job.jobs['report']!['command']).toBeUndefined();
  });

  it('does keep unknown settings on the entity but leave them out of the dump', async () => {
    const job = await loadPipeline(resolve(FIXTURES, 'nested/pipeline.yml'));
    expect(job.settings['default_datestore']).toBe('azureml:workspaceblobstore');
    expect(job.settings.defaultCompute).toBe('cpu-cluster');
    expect(job.toYamlObject()['settings']).toEqual({ default_compute: 'azureml:cpu-cluster' });
  });

  it('does report the problems of a component file in that file', async () => {
    const error = await loadError(resolve(FIXTURES, 'bad-component/pipeline.yml'));
    const component = resolve(FIXTURES, 'bad-component/train.yml');
    const missing = error.diagnostics.find((d) => d.code === 'JOB_MISSING_FIELD');
    expect(missing).toMatchObject({ file: component, path: ['command'] });
    const code = error.diagnostics.find((d) => d.code === 'JOB_PATH_NOT_FOUND');
    expect(code).toMatchObject({ file: component, path: ['code'], line: 4 });
    const parent = error.diagnostics.find(
      (d) => d.code === 'JOB_INVALID_COMPONENT' && d.path[1] === 'train',
    );
    expect(parent).toMatchObject({ path: ['jobs', 'train', 'component'], line: 5 });
    expect(parent?.file).toContain('bad-component/pipeline.yml');
  });

  it('does reject unknown keys in a component file, with a did-you-mean, in that file', async () => {
    const error = await loadError(resolve(FIXTURES, 'bad-component/pipeline.yml'));
    const unknown = error.diagnostics.find((d) => d.code === 'JOB_UNKNOWN_KEY');
    expect(unknown).toMatchObject({
      file: resolve(FIXTURES, 'bad-component/typo.yml'),
      path: ['enviroment'],
      line: 3,
      hint: "did you mean 'environment'?",
    });
  });

  it('does report a component that references itself', async () => {
    const error = await loadError(resolve(FIXTURES, 'cycle/pipeline.yml'));
    const cycle = error.diagnostics.find((d) => d.code === 'JOB_REFERENCE_CYCLE');
    expect(cycle).toBeDefined();
    expect(cycle?.file).toBe(resolve(FIXTURES, 'cycle/sub.yml'));
    expect(cycle?.path).toEqual(['jobs', 'inner', 'component']);
  });

  it('does report a missing component file at the reference', async () => {
    const error = await loadError(
      text('type: pipeline\njobs:\n  a:\n    type: command\n    component: ./nope.yml\n'),
    );
    expect(error.diagnostics[0]).toMatchObject({
      code: 'JOB_FILE_NOT_FOUND',
      path: ['jobs', 'a', 'component'],
      line: 5,
    });
  });

  it('does keep registered and registry component references as written', async () => {
    const job = await loadJob(
      text(
        [
          'type: pipeline',
          'jobs:',
          '  a:',
          '    component: azureml:train@latest',
          '  b:',
          '    component: azureml://registries/azureml/components/compute_metrics/versions/0.0.26',
        ].join('\n'),
      ),
    );
    const jobs = job.toYamlObject()['jobs'] as Record<string, Record<string, unknown>>;
    expect(jobs['a']).toEqual({ type: 'command', component: 'azureml:train@latest' });
    expect(jobs['b']!['component']).toBe(
      'azureml://registries/azureml/components/compute_metrics/versions/0.0.26',
    );
  });
  it('does run a pipeline component given as the job component, converting its inline nodes', async () => {
    const job = await loadPipeline(resolve(FIXTURES, 'component-job/job.yml'));
    expect(job.toYamlObject()['jobs']).toBeUndefined();
    const component = job.toYamlObject()['component'] as {
      jobs: Record<string, Record<string, unknown>>;
    };
    expect(component).toMatchObject({ type: 'pipeline', name: 'azureml_anonymous', version: '1' });
    expect(component.jobs['a']!['component']).toMatchObject({
      type: 'command',
      command: 'echo ${{inputs.x}}',
      inputs: { x: { type: 'number' } },
    });
  });

  it('does accept bindings to dotted parameter-group inputs', async () => {
    const job = await loadJob(
      text(
        [
          'type: pipeline',
          'inputs:',
          '  group.lr: 0.1',
          'jobs:',
          '  a:',
          '    component: azureml:t:1',
          '    inputs:',
          '      lr: ${{parent.inputs.group.lr}}',
          '      all: ${{parent.inputs.group}}',
        ].join('\n'),
      ),
    );
    expect(job.toYamlObject()['inputs']).toEqual({ 'group.lr': 0.1 });
  });
});

describe('PipelineJob validation', () => {
  it('does reject a node name that is not a lower-case python identifier, at the key', async () => {
    const error = await loadError(
      text('type: pipeline\njobs:\n  Train-1:\n    component: azureml:train:1\n'),
    );
    expect(error.diagnostics[0]).toMatchObject({
      code: 'JOB_INVALID_NODE_NAME',
      path: ['jobs', 'Train-1'],
      line: 3,
      col: 3,
    });
    expect(error.diagnostics[0]?.message).toContain('Currently got Train-1.');
  });

  it('does report a binding to a missing pipeline input at the binding', async () => {
    const error = await loadError(
      text(
        [
          'type: pipeline',
          'inputs:',
          '  lr: 0.1',
          'jobs:',
          '  a:',
          '    component: azureml:train:1',
          '    inputs:',
          '      rate: ${{parent.inputs.lrr}}',
        ].join('\n'),
      ),
    );
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({
      code: 'JOB_UNDEFINED_REFERENCE',
      path: ['jobs', 'a', 'inputs', 'rate'],
      line: 8,
      expected: "a pipeline input ('lr')",
    });
  });

  it('does report a binding to a missing node, also inside a data input path', async () => {
    const error = await loadError(
      text(
        [
          'type: pipeline',
          'jobs:',
          '  a:',
          '    component: azureml:train:1',
          '    inputs:',
          '      data:',
          '        type: uri_folder',
          '        path: ${{parent.jobs.prep.outputs.out}}',
        ].join('\n'),
      ),
    );
    expect(error.diagnostics[0]).toMatchObject({
      code: 'JOB_UNDEFINED_REFERENCE',
      path: ['jobs', 'a', 'inputs', 'data', 'path'],
      line: 8,
    });
  });

  it('does reject the legacy ${{inputs.x}} form in node inputs with the SDK message', async () => {
    const error = await loadError(
      text(
        'type: pipeline\ninputs:\n  x: 1\njobs:\n  a:\n    component: azureml:t:1\n    inputs:\n      x: ${{inputs.x}}\n',
      ),
    );
    expect(error.diagnostics[0]?.message).toContain(
      '${{inputs.x}} has changed to ${{parent.inputs.x}}, please change to use new format.',
    );
  });

  it('does report a missing pipeline output only for inline nodes', async () => {
    const inline = await loadError(
      text(
        [
          'type: pipeline',
          'jobs:',
          '  a:',
          '    command: echo',
          '    environment: azureml:env:1',
          '    outputs:',
          '      o: ${{parent.outputs.missing}}',
        ].join('\n'),
      ),
    );
    expect(inline.diagnostics[0]).toMatchObject({
      code: 'JOB_UNDEFINED_REFERENCE',
      path: ['jobs', 'a', 'outputs', 'o'],
    });
    const job = await loadJob(
      text(
        'type: pipeline\njobs:\n  a:\n    component: azureml:t:1\n    outputs:\n      o: ${{parent.outputs.missing}}\n',
      ),
    );
    expect(job.type).toBe('pipeline');
  });

  it("does reject 'jobs' together with 'component'", async () => {
    const error = await loadError(
      text('type: pipeline\ncomponent: azureml:p:1\njobs:\n  a:\n    component: azureml:t:1\n'),
    );
    expect(error.diagnostics.map((d) => d.message).join('\n')).toContain(
      "'jobs' and 'component' are mutually exclusive fields in pipeline job.",
    );
  });

  it('does reject an inline node with neither component nor command', async () => {
    const error = await loadError(text('type: pipeline\njobs:\n  a:\n    type: command\n'));
    expect(error.diagnostics[0]).toMatchObject({ code: 'JOB_MISSING_FIELD' });
  });

  it('does pass unknown keys of component-form nodes through, but not of inline nodes', async () => {
    const job = await loadJob(
      text('type: pipeline\njobs:\n  a:\n    component: azureml:t:1\n    extra_knob: 3\n'),
    );
    expect((job.toYamlObject()['jobs'] as Record<string, unknown>)['a']).toMatchObject({
      extra_knob: 3,
    });
    const error = await loadError(
      text(
        'type: pipeline\njobs:\n  a:\n    command: echo\n    environment: azureml:e:1\n    extra_knob: 3\n',
      ),
    );
    expect(error.diagnostics[0]).toMatchObject({
      code: 'JOB_UNKNOWN_KEY',
      path: ['jobs', 'a', 'extra_knob'],
    });
  });
});

describe('PipelineJob in code', () => {
  it('does build the same dump as the equivalent YAML', async () => {
    const job = new PipelineJob({
      settings: { defaultCompute: 'cpu-cluster' },
      inputs: { greeting: 'hello' },
      jobs: {
        say: {
          type: 'command',
          command: 'echo ${{inputs.text}}',
          environment: 'azureml:AzureML-sklearn-1.5@latest',
          inputs: { text: '${{parent.inputs.greeting}}' },
        },
      },
    });
    const loaded = await loadJob(
      text(
        [
          'type: pipeline',
          'settings:',
          '  default_compute: azureml:cpu-cluster',
          'inputs:',
          '  greeting: hello',
          'jobs:',
          '  say:',
          '    command: echo ${{inputs.text}}',
          '    environment: azureml:AzureML-sklearn-1.5@latest',
          '    inputs:',
          '      text: ${{parent.inputs.greeting}}',
        ].join('\n'),
      ),
    );
    expect(job.toYamlObject()).toEqual(loaded.toYamlObject());
    expect(job.toYamlObject()['jobs']).toMatchObject({
      say: { component: { inputs: { text: { type: 'string' } } } },
    });
  });
});

describe('jobJsonSchema', () => {
  it('does describe the pipeline job, its nodes and node names', () => {
    const schema = jobJsonSchema('pipeline') as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(schema.properties['type']).toMatchObject({ const: 'pipeline' });
    const jobs = JSON.stringify(schema.properties['jobs']);
    expect(jobs).toContain('^[a-z_][a-z\\\\d_]*$');
    for (const t of ['command', 'sweep', 'parallel', 'spark', 'automl'])
      expect(jobs).toContain(`"${t}"`);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['inputs', 'outputs', 'settings', 'jobs']),
    );
  });
});
