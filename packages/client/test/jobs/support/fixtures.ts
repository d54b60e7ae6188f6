import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadJob } from '@amlkit/core';
import type { Job } from '@amlkit/core';

/** A temporary job folder with `src/main.py`, `src/pkg/util.py`, `data/rows.csv` and a job YAML. */
export async function makeJobFolder(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'amlkit-jobs-'));
  await mkdir(join(dir, 'src', 'pkg'), { recursive: true });
  await mkdir(join(dir, 'data'), { recursive: true });
  await writeFile(join(dir, 'src', 'main.py'), 'print("hello")\n');
  await writeFile(join(dir, 'src', 'pkg', 'util.py'), 'X = 1\n');
  await writeFile(join(dir, 'data', 'rows.csv'), 'a,b\n1,2\n');
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A command job with local code and a local folder input, loaded from YAML text. */
export function commandJob(dir: string, extra = ''): Promise<Job> {
  return loadJob({
    basePath: dir,
    text: [
      'type: command',
      'command: python main.py --data ${{inputs.rows}}',
      'code: ./src',
      'environment: azureml:local-python:1',
      'compute: local',
      'inputs:',
      '  rows:',
      '    type: uri_folder',
      '    path: ./data',
      extra,
    ].join('\n'),
  });
}

/** A command job without local paths. */
export function simpleJob(name?: string, tags: Record<string, string> = {}): Promise<Job> {
  const lines = ['type: command', 'command: echo hi', 'environment: azureml:local-python:1'];
  if (name !== undefined) lines.push(`name: ${name}`);
  if (Object.keys(tags).length > 0) {
    lines.push('tags:', ...Object.entries(tags).map(([k, v]) => `  ${k}: ${v}`));
  }
  return loadJob({ basePath: tmpdir(), text: lines.join('\n') });
}
