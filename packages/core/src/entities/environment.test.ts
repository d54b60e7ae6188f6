import { describe, expect, it } from 'vitest';
import { ParseContext } from '../schema/schema.js';
import { INVALID } from '../schema/schema.js';
import { anonymousEnvironmentVersion } from '../hashing/anonymous-environment-version.js';
import { pyyamlDump } from '../hashing/pyyaml-dump.js';
import { environmentSchema } from './environment.js';
import type { InlineEnvironment } from './environment.js';

const conda = { name: 'env', channels: ['conda-forge'], dependencies: ['python=3.10', 'pip'] };

function parseInline(value: unknown): InlineEnvironment {
  const ctx = new ParseContext();
  const env = environmentSchema.parse(value, ctx);
  expect(ctx.issues).toEqual([]);
  if (env === INVALID || typeof env === 'string') throw new Error('expected an inline environment');
  return env;
}

describe('environmentSchema (inline image environment version)', () => {
  it('does compute the anonymous version from the image and conda file when read', () => {
    const env = parseInline({ image: 'library/python:latest', conda_file: conda });
    expect(env.version).toBe(
      anonymousEnvironmentVersion({
        image: 'library/python:latest',
        condaFileYaml: pyyamlDump(conda, { sortKeys: true }),
      }),
    );
  });

  it('does expose the version as an ordinary enumerable property, in the same place', () => {
    const env = parseInline({ image: 'library/python:latest' });
    expect(Object.keys(env)).toEqual(['image', 'name', 'tags', 'version']);
    expect(JSON.parse(JSON.stringify(env))).toEqual({
      image: 'library/python:latest',
      name: 'CliV2AnonymousEnvironment',
      tags: {},
      version: 'e6b10c1cf68e59c9ebd6f84184973c4b',
    });
    expect(Object.getOwnPropertyDescriptor(env, 'version')).toMatchObject({
      value: 'e6b10c1cf68e59c9ebd6f84184973c4b',
      writable: true,
      enumerable: true,
    });
  });

  it('does keep a version assigned before it was read', () => {
    const env = parseInline({ image: 'library/python:latest' });
    env.version = '7';
    expect(env.version).toBe('7');
    expect({ ...env }.version).toBe('7');
  });
});
