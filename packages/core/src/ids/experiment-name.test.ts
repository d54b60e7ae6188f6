import { describe, expect, it } from 'vitest';
import { defaultExperimentName } from './experiment-name.js';

describe('defaultExperimentName', () => {
  it.each([
    ['/home/me/basics', 'basics'],
    ['/home/me/my project', 'myproject'],
    ['/home/me/ spaced  out ', 'spacedout'],
    ['/home/me/basics/', 'basics'],
    ['C:\\Users\\me\\sklearn-iris', 'sklearn-iris'],
    ['C:/Users/me/mixed\\sep', 'sep'],
    ['/a/b/../c/./', 'c'],
    ['relative/dir', 'dir'],
  ])('takes the folder name of %j → %s', (cwd, expected) => {
    expect(defaultExperimentName(cwd)).toBe(expected);
  });

  it('drops the last extension like Python Path.stem', () => {
    expect(defaultExperimentName('/w/my.project')).toBe('my');
    expect(defaultExperimentName('/w/a.b.c')).toBe('a.b');
    expect(defaultExperimentName('/w/.hidden')).toBe('.hidden');
    expect(defaultExperimentName('/w/trailing.')).toBe('trailing.');
  });

  it('keeps the extension when asked', () => {
    expect(defaultExperimentName('/w/my.project', { stripExtension: false })).toBe('my.project');
  });

  it.each(['/', '\\', 'C:\\', 'C:', '', '.', 'a/..', '/ /', '/w/ .x'])(
    'falls back to Default for %j',
    (cwd) => {
      expect(defaultExperimentName(cwd)).toBe('Default');
    },
  );

  it('uses the process working directory when no path is given', () => {
    const folder = process.cwd().split(/[\\/]/).at(-1)!;
    expect(defaultExperimentName()).toBe(defaultExperimentName(folder));
  });

  it('removes only ASCII spaces, as the SDK does', () => {
    expect(defaultExperimentName('/w/a\tb\u00a0c')).toBe('a\tb\u00a0c');
  });
});
