import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT, runBuiltCli } from './run-built-cli.js';

const VALID_EXAMPLES = [
  ['examples/hello-world.yml', 'command'],
  ['examples/inputs-outputs.yml', 'command'],
  ['examples/env-vars.yml', 'command'],
  ['examples/code-folder/job.yml', 'command'],
  ['examples/failing-job.yml', 'command'],
  ['examples/long-job.yml', 'command'],
  ['examples/timeout-job.yml', 'command'],
  ['examples/distributed.yml', 'command'],
  ['examples/sweep.yml', 'sweep'],
  ['examples/pipeline-3-steps/pipeline.yml', 'pipeline'],
  ['examples/pipeline-sweep/pipeline.yml', 'pipeline'],
  ['examples/sweep-grid/sweep.yml', 'sweep'],
] as const;
const BAD = 'examples/invalid/bad-job.yml';
const HELLO = 'examples/hello-world.yml';
const NO_STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amlkit-cli-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('amlkit job validate', () => {
  it.each(VALID_EXAMPLES)('accepts %s as a valid %s job', async (file, type) => {
    const run = await runBuiltCli(['job', 'validate', '-f', file]);
    expect(run).toEqual({ code: 0, stdout: `${file}: valid ${type} job\n`, stderr: '' });
  });

  it('reports every problem of an invalid file as file:line:col and exits 3', async () => {
    const run = await runBuiltCli(['job', 'validate', '-f', BAD]);
    expect(run.code).toBe(3);
    const lines = run.stdout.split('\n').filter((line) => line.startsWith(`${BAD}:`));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^examples\/invalid\/bad-job\.yml:\d+:\d+: \S/);
    expect(
      lines.some((l) => l.startsWith(`${BAD}:8:1:`) && l.includes('enviroment_variables')),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith(`${BAD}:11:`) && l.includes('two'))).toBe(true);
    expect(run.stdout).toContain('environment_variables');
    expect(run.stderr).toMatch(/^examples\/invalid\/bad-job\.yml: invalid, \d+ problems\n$/);
    expect(run.stdout + run.stderr).not.toMatch(NO_STACK);
  });

  it('prints code frames with --verbose', async () => {
    const run = await runBuiltCli(['job', 'validate', '-f', BAD, '--verbose']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('enviroment_variables:');
    expect(run.stdout).toMatch(/\^/);
  });

  it('prints { valid, diagnostics } with -o json', async () => {
    const bad = await runBuiltCli(['job', 'validate', '-f', BAD, '-o', 'json']);
    expect(bad.code).toBe(3);
    const result = JSON.parse(bad.stdout) as {
      valid: boolean;
      diagnostics: { line: number; col: number; file: string }[];
    };
    expect(result.valid).toBe(false);
    expect(result.diagnostics.length).toBeGreaterThanOrEqual(2);
    for (const d of result.diagnostics) {
      expect(d.file).toBe(BAD);
      expect(d.line).toBeGreaterThan(0);
      expect(d.col).toBeGreaterThan(0);
    }
    const good = await runBuiltCli(['job', 'validate', '-f', HELLO, '--output=json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({
      valid: true,
      file: HELLO,
      type: 'command',
      diagnostics: [],
    });
  });

  it('colours its output only when asked to (FORCE_COLOR) and never with NO_COLOR', async () => {
    const plain = await runBuiltCli(['job', 'validate', '-f', BAD]);
    expect(plain.stdout + plain.stderr).not.toContain('\u001B[');
    const forced = await runBuiltCli(['job', 'validate', '-f', BAD], {
      env: { NO_COLOR: '', FORCE_COLOR: '1' },
    });
    expect(forced.code).toBe(3);
    expect(forced.stdout).toContain('\u001B[1m');
    expect(forced.stderr).toContain('\u001B[31m');
  });

  it('applies --set overrides before validation', async () => {
    const ok = await runBuiltCli([
      'job',
      'validate',
      '-f',
      HELLO,
      '--set',
      'compute=azureml:cpu-cluster',
      '--set',
      'tags.team=ml',
    ]);
    expect(ok).toMatchObject({ code: 0, stdout: `${HELLO}: valid command job\n` });
    const fixed = await runBuiltCli([
      'job',
      'validate',
      '-f',
      BAD,
      '--set',
      'resources.instance_count=2',
    ]);
    expect(fixed.code).toBe(3);
    expect(fixed.stdout).not.toContain(`${BAD}:11:`);
    const broken = await runBuiltCli([
      'job',
      'validate',
      '-f',
      HELLO,
      '--set',
      'resources.instance_count=two',
    ]);
    expect(broken.code).toBe(3);
    expect(broken.stdout).toMatch(/instance_count/);
  });

  it('rejects a --set expression with bad grammar with exit 3 and the column', async () => {
    const run = await runBuiltCli(['job', 'validate', '-f', HELLO, '--set', 'compute']);
    expect(run.code).toBe(3);
    // `compute` lacks its `=`: the problem is at the end of the expression, column 8.
    expect(run.stdout).toMatch(/^--set(\[0\])?:1:8: .*=/m);
    expect(run.stdout + run.stderr).not.toMatch(NO_STACK);
  });

  it('exits 4 for a missing file or a directory', async () => {
    const missing = await runBuiltCli(['job', 'validate', '-f', 'examples/nope.yml']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('examples/nope.yml');
    expect(missing.stdout).toBe('');
    const directory = await runBuiltCli(['job', 'validate', '-f', 'examples']);
    expect(directory.code).toBe(4);
  });

  it('rejects an empty file with exit 3', async () => {
    const file = join(dir, 'empty.yml');
    await writeFile(file, '');
    const run = await runBuiltCli(['job', 'validate', '-f', file]);
    expect(run.code).toBe(3);
    expect(run.stdout + run.stderr).toMatch(/empty/i);
  });

  it('rejects binary junk with exit 3 and no stack trace', async () => {
    const file = join(dir, 'junk.yml');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    await writeFile(file, bytes);
    const run = await runBuiltCli(['job', 'validate', '-f', file]);
    expect(run.code).toBe(3);
    expect(run.stdout + run.stderr).toContain(file);
    expect(run.stdout + run.stderr).not.toMatch(NO_STACK);
  });

  it('stops a YAML bomb with a clear message instead of expanding it', async () => {
    const file = join(dir, 'bomb.yml');
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    await writeFile(file, `${levels.join('\n')}\ncommand: echo\n`);
    const run = await runBuiltCli(['job', 'validate', '-f', file]);
    expect(run.code).toBe(3);
    expect(run.stdout + run.stderr).toMatch(/alias/i);
  });

  it('refuses a 50 MB file before reading it', async () => {
    const file = join(dir, 'huge.yml');
    await writeFile(file, Buffer.alloc(50 * 1024 * 1024, '# padding padding padding\n'));
    const run = await runBuiltCli(['job', 'validate', '-f', file]);
    expect(run.code).toBe(3);
    expect(run.stdout + run.stderr).toMatch(/large|size|bytes|MiB/i);
    await rm(file);
  });
});

describe('amlkit job dump', () => {
  it('prints canonical YAML with sorted keys to stdout', async () => {
    const run = await runBuiltCli(['job', 'dump', '-f', HELLO]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('compute: local\n');
    expect(run.stdout).toContain('type: command\n');
    const topLevelKeys = run.stdout
      .split('\n')
      .filter((line) => /^[a-z_$]+:/.test(line))
      .map((line) => line.slice(0, line.indexOf(':')));
    expect(topLevelKeys).toEqual([...topLevelKeys].sort());
  });

  it('applies --set overrides', async () => {
    const run = await runBuiltCli(['job', 'dump', '-f', HELLO, '--set', 'display_name=renamed']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('display_name: renamed\n');
  });

  it('writes a new file with --output-file and never overwrites one', async () => {
    const stdout = (await runBuiltCli(['job', 'dump', '-f', HELLO])).stdout;
    const out = join(dir, 'dumped.yml');
    const first = await runBuiltCli(['job', 'dump', '-f', HELLO, '--output-file', out]);
    expect(first).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await readFile(out, 'utf8')).toBe(stdout);

    await writeFile(out, 'precious\n');
    const second = await runBuiltCli(['job', 'dump', '-f', HELLO, '--output-file', out]);
    expect(second.code).toBe(4);
    expect(second.stderr).toContain('already exists');
    expect(await readFile(out, 'utf8')).toBe('precious\n');
  });

  it('exits 4 when the output file cannot be created', async () => {
    const run = await runBuiltCli([
      'job',
      'dump',
      '-f',
      HELLO,
      '--output-file',
      join(dir, 'no', 'such', 'dir.yml'),
    ]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('no/such/dir.yml');
  });

  it('prints diagnostics to stderr and nothing to stdout for an invalid file', async () => {
    const run = await runBuiltCli(['job', 'dump', '-f', BAD]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^examples\/invalid\/bad-job\.yml:8:1: /m);
  });

  it('loads the dumped YAML back as the same job', async () => {
    const out = join(dir, 'round-trip.yml');
    expect(
      (
        await runBuiltCli([
          'job',
          'dump',
          '-f',
          'examples/inputs-outputs.yml',
          '--output-file',
          out,
        ])
      ).code,
    ).toBe(0);
    const again = await runBuiltCli(['job', 'dump', '-f', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(await readFile(out, 'utf8'));
  });
});

describe('amlkit schema', () => {
  it('lists the job types without an argument', async () => {
    const run = await runBuiltCli(['schema']);
    expect(run.code).toBe(0);
    const types = run.stdout.trim().split('\n');
    expect(types).toEqual(
      expect.arrayContaining(['command', 'sweep', 'pipeline', 'spark', 'automl']),
    );
  });

  it('prints a draft 2020-12 JSON Schema', async () => {
    const run = await runBuiltCli(['schema', 'command']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(String(schema.$schema)).toContain('2020-12');
  });

  it('rejects an unknown type with exit 2, the valid types and a did-you-mean', async () => {
    const run = await runBuiltCli(['schema', 'comand']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown job type 'comand'; expected one of: command, sweep");
    expect(run.stderr).toContain("did you mean 'command'?");
  });
});

describe('amlkit', () => {
  it('prints help and exits 0', async () => {
    const run = await runBuiltCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('job validate');
    const command = await runBuiltCli(['job', 'dump', '-h']);
    expect(command.stdout).toContain('--output-file OUT');
  });

  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'apps/cli/package.json'), 'utf8')) as {
      version: string;
    };
    expect(await runBuiltCli(['--version'])).toEqual({
      code: 0,
      stdout: `${pkg.version}\n`,
      stderr: '',
    });
  });

  it('exits 2 for an unknown command or flag, with a did-you-mean', async () => {
    const command = await runBuiltCli(['jobs', 'validate']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("did you mean 'amlkit job'?");
    const flag = await runBuiltCli(['job', 'validate', '--flie', HELLO]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown flag '--flie' for 'amlkit job validate'");
    expect(flag.stderr).toContain("did you mean '--file'?");
  });

  it('turns an unexpected error into one line and exit 1, with a stack trace only when debugging', async () => {
    // A copy of the CLI whose runtime bundle throws while loading: a bug, not a user error.
    const broken = join(dir, 'broken-dist');
    await mkdir(broken, { recursive: true });
    await copyFile(CLI, join(broken, 'cli.js'));
    await writeFile(join(broken, 'runtime.cjs'), 'throw new TypeError("boom");\n');
    const args = [join(broken, 'cli.js'), 'job', 'validate', '-f', HELLO];
    const quiet = await runBuiltCli(args, { node: true });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe(
      'amlkit: error: internal error: TypeError: boom\nrun with AMLKIT_DEBUG=1 for a stack trace\n',
    );
    const loud = await runBuiltCli(args, { node: true, env: { AMLKIT_DEBUG: '1' } });
    expect(loud.code).toBe(1);
    expect(loud.stderr).toMatch(NO_STACK);
  });
});
