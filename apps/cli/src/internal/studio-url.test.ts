import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studioUrl, withTokenFragment } from './studio-url.js';

/** What the studio page reads from a fragment (`apps/demo/src/session-token.ts`). */
function tokenOf(url: string): string | null {
  const hash = new URL(url).hash;
  return new URLSearchParams(hash.slice(1)).get('token');
}

describe('studioUrl', () => {
  it('builds the jobs list URL with the token in the fragment', () => {
    expect(studioUrl('http://127.0.0.1:7070/', 'abc')).toBe(
      'http://127.0.0.1:7070/studio/#token=abc',
    );
  });

  it('builds a job page URL with the name encoded as one path segment', () => {
    expect(studioUrl('http://127.0.0.1:7070', 't0k', { name: 'a b/c' })).toBe(
      'http://127.0.0.1:7070/studio/jobs/a%20b%2Fc#token=t0k',
    );
  });

  it('does not put the token in the path or the query string', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9._~+/=-]{16,64}$/),
        // Job names as the service accepts them: `.` and `..` are not names (URLs collapse them).
        fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$/), { nil: undefined }),
        (token, name) => {
          const url = new URL(studioUrl('http://127.0.0.1:7070', token, { name }));
          expect(url.search).toBe('');
          expect(tokenOf(url.href)).toBe(token);
          const page = name === undefined ? '/studio/' : `/studio/jobs/${encodeURIComponent(name)}`;
          expect(url.pathname).toBe(page);
        },
      ),
    );
  });
});

describe('withTokenFragment', () => {
  it('adds the token to a URL without a fragment', () => {
    expect(withTokenFragment('http://h/studio/jobs/x', 'a+b')).toBe(
      'http://h/studio/jobs/x#token=a%2Bb',
    );
  });

  it('keeps the other pairs of an existing fragment', () => {
    const url = withTokenFragment('http://h/studio/jobs/x#tab=logs', 'tok');
    expect(url).toBe('http://h/studio/jobs/x#tab=logs&token=tok');
    expect(tokenOf(url)).toBe('tok');
  });

  it('fills an empty fragment', () => {
    expect(withTokenFragment('http://h/studio/#', 'tok')).toBe('http://h/studio/#token=tok');
  });
});
