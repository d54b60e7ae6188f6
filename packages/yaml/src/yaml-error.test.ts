import { describe, expect, it } from 'vitest';
import { parseYaml } from './parse-yaml.js';
import { isYamlError, YamlError, YamlErrorCode } from './yaml-error.js';

describe('YamlError', () => {
  it('does carry a stable name, code, diagnostics and cause', () => {
    const cause = new Error('inner');
    const err = new YamlError('YAML_SYNTAX', 'bad', { cause, diagnostics: [] });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('YamlError');
    expect(err.code).toBe('YAML_SYNTAX');
    expect(err.cause).toBe(cause);
    expect(err.diagnostics).toEqual([]);
    expect(new YamlError('X', 'no cause').cause).toBeUndefined();
  });

  it('does list every code as a unique string', () => {
    const codes = Object.values(YamlErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('YAML_ALIAS_LIMIT');
  });
});

describe('isYamlError', () => {
  it('does recognise errors by name and code, also across copies of the package', () => {
    expect(isYamlError(new YamlError('X', 'm'))).toBe(true);
    const foreign = Object.assign(new Error('m'), {
      name: 'YamlError',
      code: 'X',
      diagnostics: [],
    });
    expect(isYamlError(foreign)).toBe(true);
  });

  it('does reject other values', () => {
    expect(isYamlError(new Error('m'))).toBe(false);
    expect(isYamlError({ name: 'YamlError' })).toBe(false);
    expect(isYamlError(null)).toBe(false);
    expect(isYamlError('YamlError')).toBe(false);
  });

  it('does match what parseYaml throws', () => {
    let caught: unknown;
    try {
      parseYaml('a: [');
    } catch (err) {
      caught = err;
    }
    expect(isYamlError(caught)).toBe(true);
  });
});
