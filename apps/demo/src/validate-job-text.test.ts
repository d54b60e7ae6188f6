import { describe, expect, it } from 'vitest';

import { validateJobText } from './validate-job-text.js';

describe('validateJobText', () => {
  it('returns the job when the YAML is valid', async () => {
    const result = await validateJobText(
      'type: command\ncommand: echo hi\nenvironment:\n  image: python:3.11\n',
      'job.yml',
    );
    expect(result.ok).toBe(true);
    expect(result.job?.type).toBe('command');
  });

  it('places every problem at its line and column, sorted, with the did-you-mean', async () => {
    const result = await validateJobText(
      'type: command\nenvironment:\n  image: python:3.11\ncomand: echo hi\nlimits:\n  timeout: soon\n',
      'job.yml',
    );
    expect(result.ok).toBe(false);
    const lines = result.diagnostics.map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const unknown = result.diagnostics.find((d) => d.path === 'comand');
    expect(unknown).toMatchObject({ line: 4, col: 1 });
    expect(unknown?.hint).toMatch(/command/);
    expect(result.diagnostics.some((d) => d.path === 'limits.timeout' && d.line === 6)).toBe(true);
  });

  it('reports YAML syntax errors as diagnostics', async () => {
    const result = await validateJobText('type: command\ncommand: [unclosed\n', 'job.yml');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.line).toBeGreaterThanOrEqual(2);
  });
});
