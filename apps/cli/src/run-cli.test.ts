import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { NO_COLOR: '1' },
  });
  return { code, out, err };
}

describe('runCli', () => {
  it('prints the root help with every command and the exit codes', async () => {
    for (const argv of [[], ['--help'], ['-h']]) {
      const { code, out, err } = await run(argv);
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out).toContain('job validate');
      expect(out).toContain('job dump');
      expect(out).toContain('schema');
      expect(out).toContain('Exit codes:');
    }
  });

  it('prints a group help for a group without a command', async () => {
    const { code, out } = await run(['job']);
    expect(code).toBe(0);
    expect(out).toMatch(/^amlkit job: /);
    expect(out).toContain('validate');
  });

  it('prints the help of a command without running it', async () => {
    const { code, out } = await run(['job', 'validate', '--help', '--no-such-flag']);
    expect(code).toBe(0);
    expect(out).toContain('amlkit job validate -f FILE [--set PATH=VALUE]... [-o FORMAT]');
  });

  it('prints the version', async () => {
    const { code, out } = await run(['--version']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?\n$/);
  });

  it('exits 2 with a did-you-mean for an unknown command or flag', async () => {
    const command = await run(['jbo']);
    expect(command.code).toBe(2);
    expect(command.err).toContain("unknown command 'jbo' for 'amlkit'");
    expect(command.err).toContain("did you mean 'amlkit job'?");
    const flag = await run(['job', 'validate', '-f', 'x.yml', '--sett', 'a=1']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("did you mean '--set'?");
    expect(flag.out).toBe('');
  });

  it('exits 2 when a required flag or a flag value is missing', async () => {
    expect((await run(['job', 'validate'])).code).toBe(2);
    expect((await run(['job', 'validate', '-f'])).code).toBe(2);
    expect((await run(['--version', 'extra'])).code).toBe(2);
    expect((await run(['job', 'validate', '-f', 'x.yml', 'extra'])).err).toContain(
      "unexpected argument 'extra'",
    );
  });

  it('exits 4 when the job file does not exist', async () => {
    const { code, err } = await run(['job', 'validate', '-f', 'no/such/job.yml']);
    expect(code).toBe(4);
    expect(err).toContain('job file not found: no/such/job.yml');
  });
});
