import { describe, expect, it } from 'vitest';

import {
  hashWithoutToken,
  parseTokenFromHash,
  takeSessionToken,
  TOKEN_STORAGE_KEY,
} from './session-token.js';

const TOKEN = 'a'.repeat(64);

function memory(): Map<string, string> & {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
} {
  const map = new Map<string, string>();
  return Object.assign(map, {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  });
}

describe('session token', () => {
  it('reads the token from the fragment and keeps the other pairs', () => {
    expect(parseTokenFromHash(`#token=${TOKEN}&tab=logs`)).toBe(TOKEN);
    expect(hashWithoutToken(`#token=${TOKEN}&tab=logs`)).toBe('#tab=logs');
    expect(hashWithoutToken(`#token=${TOKEN}`)).toBe('');
  });

  it('refuses a malformed token', () => {
    expect(parseTokenFromHash('#token=<script>')).toBeUndefined();
    expect(parseTokenFromHash('#token=short')).toBeUndefined();
  });

  it('stores the fragment token for the session and falls back to the stored one', () => {
    const storage = memory();
    expect(takeSessionToken('', storage)).toBeUndefined();
    expect(takeSessionToken(`#token=${TOKEN}`, storage)).toBe(TOKEN);
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe(TOKEN);
    expect(takeSessionToken('', storage)).toBe(TOKEN);
  });
});
