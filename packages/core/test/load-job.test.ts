/** loadJob on bad and good input: typed errors with locations, never a stack trace or a hang. */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { isYamlError } from '@amlkit/yaml';
import { CommandJob, SweepJob, isJobLoadError, loadJob } from '../src/index.js';
import type { Job, JobLoadError } from '../src/index.js';

function narrow<T extends Job>(job: Job, cls: new (...args: never[]) => T): T {
  if (!(job instanceof cls))
    throw new Error(`expected a ${cls.name}, received a ${job.constructor.name}`);
  return job;
}

const dir = mkdtempSync(join(tmpdir(), 'amlkit-load-job-'));
mkdirSync(join(dir, 'src'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function file(text: string | Buffer): string {
  const path = join(dir, `job-${n++}.yml`);
  writeFileSync(path, text);
  return path;
}

async function loadError(
  source: Parameters<typeof loadJob>[0],
  overrides?: string[],
): Promise<JobLoadError> {
  try {
    await loadJob(source, overrides === undefined ? {} : { overrides });
  } catch (e) {
    if (isJobLoadError(e)) return e;
    throw new Error(`expected a JobLoadError, received ${String(e)}`);
  }
  throw new Error('expected a JobLoadError, received a job');
}

const GOOD = `command: python train.py --lr \${{inputs.lr}}
code: src
environment: azureml:AzureML-sklearn-1.5@latest
compute: azureml:cpu-cluster
inputs:
  lr: 0.1
`;

describe('loadJob', () => {
  it('loads a command job when type is missing, keeping code as written and dumping it absolute', async () => {
    const job = await loadJob(file(GOOD));
    expect(job).toBeInstanceOf(CommandJob);
    expect(job.type).toBe('command');
    const cmd = narrow(job, CommandJob);
    expect(cmd.code).toBe('src');
    expect(cmd.compute).toBe('cpu-cluster');
    expect(job.toYamlObject()).toMatchObject({
      code: join(dir, 'src'),
      compute: 'azureml:cpu-cluster',
      inputs: { lr: 0.1 },
    });
  });

  it('reports an empty file at 1:1', async () => {
    const e = await loadError(file(''));
    expect(e.code).toBe('JOB_EMPTY');
    expect(e.diagnostics[0]).toMatchObject({ line: 1, col: 1 });
  });

  it('reports a component file at its $schema line, saying how to use it', async () => {
    const e = await loadError({
      text: 'type: command\n$schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json\ncommand: echo\n',
      file: 'prep.yml',
    });
    expect(e.code).toBe('JOB_COMPONENT_FILE');
    expect(e.diagnostics[0]).toMatchObject({
      file: 'prep.yml',
      line: 2,
      message: 'The file is a component, not a job.',
      received: 'https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json',
    });
  });

  it('reports a root that is not a mapping', async () => {
    const e = await loadError({ text: '- a\n- b\n', file: 'list.yml' });
    expect(e.code).toBe('JOB_NOT_A_MAPPING');
    expect(e.diagnostics[0]).toMatchObject({ file: 'list.yml', received: 'a list of 2 items' });
  });

  it('reports every problem at once, each with file:line:col, path, expected and received', async () => {
    const text = `comand: python x.py
environment: azureml:env:1
tags: {a: 1}
resources:
  instance_count: two
`;
    const e = await loadError({ text, file: 'bad.yml' });
    const byPath = Object.fromEntries(e.diagnostics.map((d) => [d.path.join('.'), d]));
    expect(byPath['comand']).toMatchObject({
      code: 'JOB_UNKNOWN_KEY',
      line: 1,
      col: 1,
      hint: "did you mean 'command'?",
    });
    expect(byPath['command']).toMatchObject({ code: 'JOB_MISSING_FIELD', line: 1, col: 1 });
    expect(byPath['tags.a']).toMatchObject({
      code: 'JOB_INVALID_TYPE',
      line: 3,
      col: 11,
      expected: 'a string',
      received: '1',
    });
    expect(byPath['resources.instance_count']).toMatchObject({
      code: 'JOB_INVALID_TYPE',
      line: 5,
      col: 19,
      received: '"two"',
    });
    expect(e.sources['bad.yml']).toBe(text);
    expect(e.message).toContain('bad.yml:3:11');
  });

  it('rejects an unknown type and hints that types are case-sensitive', async () => {
    const e = await loadError({ text: 'type: Command\ncommand: x\n', file: 't.yml' });
    expect(e.code).toBe('JOB_UNKNOWN_TYPE');
    expect(e.diagnostics[0]).toMatchObject({
      path: ['type'],
      line: 1,
      col: 7,
      hint: "job types are case-sensitive: did you mean 'command'?",
    });
  });

  it('does not mistake inherited object members for job types', async () => {
    for (const type of ['toString', 'constructor', '__proto__']) {
      const e = await loadError({ text: `type: ${type}\ncommand: x\n` });
      expect(e.code).toBe('JOB_UNKNOWN_TYPE');
    }
  });

  it('keeps a __proto__ key as data, not as a prototype', async () => {
    const job = narrow(
      await loadJob({
        text: `${GOOD}tags:\n  __proto__: x\nenvironment_variables:\n  __proto__: y\n`,
        basePath: dir,
      }),
      CommandJob,
    );
    expect(Object.getPrototypeOf(job.environmentVariables)).toBe(Object.prototype);
    expect(Object.hasOwn(job.environmentVariables, '__proto__')).toBe(true);
    expect(Object.hasOwn(job.toYamlObject()['environment_variables'] as object, '__proto__')).toBe(
      true,
    );
  });

  it('rejects a non-string type', async () => {
    const e = await loadError({ text: 'type: [command]\n' });
    expect(e.code).toBe('JOB_UNKNOWN_TYPE');
  });

  it('locates a bad --set expression at --set[i]:1:col', async () => {
    const e = await loadError(file(GOOD), ['compute=local', 'inputs..lr=1']);
    expect(e.diagnostics[0]).toMatchObject({ code: 'SET_SYNTAX', file: '--set[1]', line: 1 });
    expect(e.diagnostics[0]!.col).toBeGreaterThan(1);
  });

  it('locates a problem in an overridden value at the override', async () => {
    const e = await loadError(file(GOOD), ['resources.instance_count=abc']);
    expect(e.diagnostics[0]).toMatchObject({
      code: 'JOB_INVALID_TYPE',
      file: '--set[0]',
      line: 1,
      col: 26,
      path: ['resources', 'instance_count'],
    });
  });

  it('applies overrides before validation', async () => {
    const job = narrow(
      await loadJob(file(GOOD), {
        overrides: ['compute=local', 'inputs.lr=0.5', 'name=over'],
      }),
      CommandJob,
    );
    expect(job.compute).toBe('local');
    expect(job.inputs['lr']).toBe(0.5);
    expect(job.name).toBe('over');
    expect(job.toYamlObject()['compute']).toBe('local');
  });

  it('drops read-only fields silently', async () => {
    const job = await loadJob({
      text: `${GOOD}$schema: x\nid: /subscriptions/s\nstatus: Running\ncreation_context: {created_by: me}\nlog_files: {a: b}\nparameters: {}\n`,
      basePath: dir,
    });
    expect(job.status).toBeUndefined();
    expect(job.id).toBeUndefined();
    expect(job.toYamlObject()).not.toHaveProperty('status');
  });

  it('stops a YAML bomb with a typed error', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const e = await loadError({ text: bomb.join('\n') });
    expect(e.code).toBe('YAML_ALIAS_LIMIT');
  });

  it('refuses a 50 MB file before reading it', async () => {
    const path = join(dir, 'huge.yml');
    writeFileSync(path, '');
    truncateSync(path, 50 * 1024 * 1024);
    const e = await loadError(path);
    expect(e.code).toBe('YAML_TOO_LARGE');
  });

  it('rejects binary junk', async () => {
    const e = await loadError(file(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe])));
    expect(e.code).toBe('YAML_BINARY');
  });

  it('reports a syntax error with its location', async () => {
    const e = await loadError({ text: 'command: [unclosed\n', file: 's.yml' });
    expect(e.code).toBe('YAML_SYNTAX');
    expect(e.diagnostics[0]).toMatchObject({ file: 's.yml' });
  });

  it('reports a missing file as JOB_FILE_NOT_FOUND', async () => {
    const e = await loadError(join(dir, 'nope.yml'));
    expect(e.code).toBe('JOB_FILE_NOT_FOUND');
  });

  it('reports a code path that does not exist', async () => {
    const e = await loadError(file(GOOD.replace('code: src', 'code: missing')));
    expect(e.diagnostics[0]).toMatchObject({
      code: 'JOB_PATH_NOT_FOUND',
      path: ['code'],
      line: 2,
      col: 7,
    });
  });

  it('reports a command that uses an undeclared input, but not one inside [...]', async () => {
    const e = await loadError({
      text: GOOD.replace('--lr', '--x ${{inputs.x}} --lr'),
      basePath: dir,
    });
    expect(e.diagnostics.map((d) => d.code)).toEqual(['JOB_UNDEFINED_REFERENCE']);
    await expect(
      loadJob({ text: GOOD.replace('--lr', '[--x ${{inputs.x}}] --lr'), basePath: dir }),
    ).resolves.toBeInstanceOf(CommandJob);
  });

  it('reports a missing file: environment in its referencing file', async () => {
    const e = await loadError({
      text: GOOD.replace('azureml:AzureML-sklearn-1.5@latest', 'file:env.yml'),
      basePath: dir,
      file: 'j.yml',
    });
    expect(e.diagnostics[0]).toMatchObject({
      code: 'JOB_FILE_NOT_FOUND',
      file: 'j.yml',
      path: ['environment'],
    });
  });

  it('locates problems of a referenced file in that file', async () => {
    writeFileSync(join(dir, 'env.yml'), 'image: python\nconda_file: 5\n');
    const e = await loadError({
      text: GOOD.replace('azureml:AzureML-sklearn-1.5@latest', 'file:env.yml'),
      basePath: dir,
      file: 'j.yml',
    });
    expect(e.diagnostics[0]).toMatchObject({
      file: join(dir, 'env.yml'),
      line: 2,
      col: 13,
      path: ['conda_file'],
    });
    expect(e.sources[join(dir, 'env.yml')]).toContain('conda_file');
  });

  it('loads an inline environment with its anonymous name and version', async () => {
    const job = narrow(
      await loadJob({
        text: GOOD.replace(
          'azureml:AzureML-sklearn-1.5@latest',
          '{image: "library/python:latest"}',
        ),
        basePath: dir,
      }),
      CommandJob,
    );
    expect(job.toYamlObject()['environment']).toEqual({
      image: 'library/python:latest',
      name: 'CliV2AnonymousEnvironment',
      version: 'e6b10c1cf68e59c9ebd6f84184973c4b',
      tags: {},
    });
  });

  it('normalises nested enums case-insensitively but keeps identity aliases canonical', async () => {
    const job = narrow(
      await loadJob({
        text: `${GOOD}distribution: {type: PyTorch, process_count_per_instance: 2}\nidentity: {type: managed}\noutputs:\n  o: {type: URI_FOLDER, mode: Upload}\n`,
        basePath: dir,
      }),
      CommandJob,
    );
    expect(job.distribution).toEqual({ type: 'pytorch', processCountPerInstance: 2 });
    expect(job.identity).toEqual({ type: 'managed_identity' });
    expect(job.outputs['o']).toEqual({ type: 'uri_folder', mode: 'upload' });
  });

  it('validates a command file overridden to type=sweep against the sweep schema', async () => {
    const e = await loadError(file(GOOD), ['type=sweep']);
    const byPath = new Map(e.diagnostics.map((d) => [d.path.join('.'), d.code]));
    expect(byPath.get('trial')).toBe('JOB_MISSING_FIELD');
    expect(byPath.get('objective')).toBe('JOB_MISSING_FIELD');
    expect(byPath.get('limits')).toBe('JOB_MISSING_FIELD');
    expect(byPath.get('command')).toBe('JOB_UNKNOWN_KEY');
  });

  it('rejects input names that are not identifiers', async () => {
    const e = await loadError({
      text: GOOD.replace('  lr: 0.1', '  lr: 0.1\n  a-b: 1'),
      basePath: dir,
      file: 'k.yml',
    });
    expect(e.diagnostics[0]).toMatchObject({
      code: 'JOB_INVALID_KEY',
      path: ['inputs', 'a-b'],
      line: 7,
      col: 3,
    });
  });

  it('floors sweep timeouts to 60 seconds as the SDK does', async () => {
    const text = `type: sweep
trial: {command: 'python t.py --lr \${{search_space.lr}}', environment: 'azureml:env:1'}
search_space: {lr: {type: uniform, min_value: 0.1, max_value: 1}}
objective: {goal: Maximize, primary_metric: acc}
limits: {max_total_trials: 2, timeout: 30, trial_timeout: 0}
`;
    const job = narrow(await loadJob({ text, basePath: dir }), SweepJob);
    expect(job).toBeInstanceOf(SweepJob);
    expect(job.limits).toEqual({ maxTotalTrials: 2, timeout: 60, trialTimeout: 0 });
    expect(job.objective).toEqual({ goal: 'maximize', primaryMetric: 'acc' });
  });

  it('reports sweep search-space references that do not exist', async () => {
    const text = `type: sweep
trial: {command: 'python t.py \${{search_space.nope}}', environment: 'azureml:env:1'}
objective: {goal: minimize, primary_metric: loss}
limits: {max_total_trials: 2}
`;
    const e = await loadError({ text });
    expect(e.diagnostics[0]).toMatchObject({
      code: 'JOB_UNDEFINED_REFERENCE',
      path: ['trial', 'command'],
    });
  });

  it('rejects with the abort reason when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(loadJob(file(GOOD), { signal: controller.signal })).rejects.toThrow('stop');
  });

  it('gives the file-not-found code to the diagnostic too', async () => {
    const e = await loadError(join(dir, 'missing.yml'));
    expect(e.diagnostics.map((d) => d.code)).toEqual(['JOB_FILE_NOT_FOUND']);
  });

  it('rejects a bad argument with a TypeError', async () => {
    await expect(loadJob({} as never)).rejects.toBeInstanceOf(TypeError);
  });
});

describe('Job.dump', () => {
  it('writes the canonical YAML and refuses to overwrite', async () => {
    const job = new CommandJob({
      command: 'echo hi',
      environment: 'azureml:env:1',
      compute: 'cpu',
      basePath: dir,
    });
    const path = join(dir, 'dumped.yml');
    await job.dump(path);
    const again = await loadJob(path);
    expect(again.toYamlObject()).toEqual(job.toYamlObject());
    await expect(job.dump(path)).rejects.toSatisfy(
      (e: unknown) => isYamlError(e) && e.code === 'YAML_FILE_EXISTS',
    );
  });

  it('writes to a stream and rejects an ended one', async () => {
    const job = new CommandJob({ command: 'echo hi', environment: 'azureml:env:1' });
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    await job.dump(stream);
    expect(Buffer.concat(chunks).toString()).toBe(job.toYamlText());
    const ended = new PassThrough();
    ended.end();
    await expect(job.dump(ended)).rejects.toSatisfy(
      (e: unknown) => isYamlError(e) && e.code === 'YAML_WRITE_FAILED',
    );
  });

  it('dumps a job built in code with the SDK defaults and sorted keys', () => {
    const job = new CommandJob({
      command: 'python x.py',
      environment: 'azureml:env:1',
      compute: 'cpu',
      resources: { instanceCount: 2 },
      distribution: { type: 'tensorflow', workerCount: 2, parameterServerCount: 0 },
    });
    expect(job.toYamlObject()).toEqual({
      command: 'python x.py',
      compute: 'azureml:cpu',
      distribution: { type: 'tensorflow', worker_count: 2, parameter_server_count: 0 },
      environment: 'azureml:env:1',
      environment_variables: {},
      inputs: {},
      outputs: {},
      parameters: {},
      properties: {},
      resources: { instance_count: 2, properties: {} },
      tags: {},
      type: 'command',
    });
    expect(job.toYamlText().split('\n')[0]).toBe('command: python x.py');
  });

  it('names an inline environment built in code as the loader would', () => {
    const job = new CommandJob({ command: 'x', environment: { image: 'library/python:latest' } });
    expect(job.toYamlObject()['environment']).toEqual({
      image: 'library/python:latest',
      name: 'CliV2AnonymousEnvironment',
      version: 'e6b10c1cf68e59c9ebd6f84184973c4b',
      tags: {},
    });
    const sweep = new SweepJob({
      trial: { command: 'x', environment: { image: 'library/python:latest' } },
    });
    expect(sweep.toYamlObject()['trial']).toMatchObject({
      environment: { version: 'e6b10c1cf68e59c9ebd6f84184973c4b' },
    });
  });

  it('includes read-only fields when set, and derives the studio URL', () => {
    const id =
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/jobs/j';
    const job = new CommandJob({
      command: 'x',
      id,
      status: 'Running',
      creationContext: { createdBy: 'Jane' },
    });
    expect(job.studioUrl).toBe(
      'https://ml.azure.com/runs/j?wsid=/subscriptions/s/resourcegroups/rg/workspaces/w',
    );
    expect(job.toYamlObject()).toMatchObject({
      id: `azureml:${id}`,
      status: 'Running',
      creation_context: { created_by: 'Jane' },
    });
    const withStudio = new CommandJob({
      command: 'x',
      id,
      services: { Studio: { endpoint: 'https://studio/x' } },
    });
    expect(withStudio.studioUrl).toBe('https://studio/x');
  });
});
