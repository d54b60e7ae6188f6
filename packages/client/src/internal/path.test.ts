import { describe, expect, it } from 'vitest';
import { joinPath, parentPath } from './path.js';

describe('parentPath', () => {
  it('does climb POSIX and Windows paths up to the root', () => {
    expect(parentPath('/a/b/')).toBe('/a');
    expect(parentPath('/a')).toBe('/');
    expect(parentPath('/')).toBeUndefined();
    expect(parentPath('C:\\Users\\me')).toBe('C:\\Users');
    expect(parentPath('C:\\Users')).toBe('C:\\');
    expect(parentPath('C:\\')).toBeUndefined();
    expect(parentPath('relative')).toBeUndefined();
  });
});

describe('joinPath', () => {
  it('does join with the separator the directory uses', () => {
    expect(joinPath('/a/', '.azureml', 'config.json')).toBe('/a/.azureml/config.json');
    expect(joinPath('/', 'config.json')).toBe('/config.json');
    expect(joinPath('C:\\w', 'config.json')).toBe('C:\\w\\config.json');
    expect(joinPath('C:\\', 'config.json')).toBe('C:\\config.json');
  });
});
