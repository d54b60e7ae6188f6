import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAssetReferenceError } from './id-error.js';
import { ADJECTIVES, NOUNS } from './internal/word-lists.js';
import {
  GENERATED_JOB_NAME_PATTERN,
  JOB_NAME_PATTERN,
  assertValidJobName,
  generateJobName,
  isValidJobName,
} from './job-name.js';

describe('word lists', () => {
  it('hold the 94 adjectives and 371 nouns of the SDK, without duplicates', () => {
    expect(ADJECTIVES).toHaveLength(94);
    expect(new Set(ADJECTIVES).size).toBe(94);
    expect(NOUNS).toHaveLength(371);
    expect(new Set(NOUNS).size).toBe(371);
    expect([ADJECTIVES[0], ADJECTIVES.at(-1)]).toEqual(['affable', 'zen']);
    expect([NOUNS[0], NOUNS.at(-1)]).toEqual(['actor', 'zoo']);
    expect(ADJECTIVES).toContain('olden');
    expect(NOUNS).toContain('deer');
  });
});

describe('generateJobName', () => {
  it('makes names of the form adjective_noun_<10 consonants or digits>', () => {
    for (let i = 0; i < 200; i++) {
      const name = generateJobName();
      expect(name).toMatch(GENERATED_JOB_NAME_PATTERN);
      expect(isValidJobName(name)).toBe(true);
      const [adjective, noun, suffix] = name.split('_');
      expect(ADJECTIVES).toContain(adjective);
      expect(NOUNS).toContain(noun);
      expect(suffix).toMatch(/^[bcdfghjklmnpqrstvwxyz0123456789]{10}$/);
    }
  });

  it('draws from the injected random source', () => {
    // Word 0 everywhere: first adjective, first noun, ten times the first suffix character.
    const zeros = <T extends Uint32Array>(array: T): T => array.fill(0);
    expect(generateJobName({ getRandomValues: zeros })).toBe('affable_actor_bbbbbbbbbb');
    let n = 0;
    const counting = <T extends Uint32Array>(array: T): T => array.fill(n++);
    expect(generateJobName({ getRandomValues: counting })).toBe('affable_airport_dfghjklmnp');
  });

  it('uses Web Crypto by default, so two names differ', () => {
    const names = new Set(Array.from({ length: 50 }, () => generateJobName()));
    expect(names.size).toBe(50);
  });

  it('matches the generated-name pattern for any random words (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 12, maxLength: 12 }),
        (words) => {
          let i = 0;
          const source = <T extends Uint32Array>(array: T): T => {
            array[0] = words[i++ % words.length]!;
            return array;
          };
          expect(generateJobName({ getRandomValues: source })).toMatch(GENERATED_JOB_NAME_PATTERN);
        },
      ),
    );
  });
});

describe('isValidJobName', () => {
  it.each(['a', 'olden_deer_2xqthlj4m4', 'Job-1_x', '9', 'a'.repeat(255)])('accepts %s', (name) => {
    expect(isValidJobName(name)).toBe(true);
  });

  it.each(['', '_a', '-a', 'my.job', 'a b', 'a/b', 'a'.repeat(256), 'é'])('refuses %j', (name) => {
    expect(isValidJobName(name)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isValidJobName(12)).toBe(false);
  });

  it('uses the service PUT pattern', () => {
    expect(JOB_NAME_PATTERN.source).toBe('^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,254}$');
  });
});

describe('assertValidJobName', () => {
  it('throws an AssetReferenceError that says what was expected and received', () => {
    let caught: unknown;
    try {
      assertValidJobName('my.job');
    } catch (error) {
      caught = error;
    }
    expect(isAssetReferenceError(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'INVALID_JOB_NAME', input: 'my.job' });
    expect((caught as Error).message).toMatch(/expected 1 to 255 characters.*received "my\.job"/);
  });

  it('returns for a valid name', () => {
    expect(() => {
      assertValidJobName('ok_name');
    }).not.toThrow();
  });
});
