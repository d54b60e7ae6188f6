import { createHash } from 'node:crypto';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createMd5, md5Hex } from './md5.js';

const nodeMd5 = (data: string | Uint8Array): string => createHash('md5').update(data).digest('hex');

describe('md5Hex', () => {
  it('matches the RFC 1321 test suite', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(
      md5Hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890'),
    ).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  it('hashes the UTF-8 bytes of a string', () => {
    expect(md5Hex('café 😀')).toBe(nodeMd5(Buffer.from('café 😀', 'utf8')));
  });

  it('agrees with node:crypto on random strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => md5Hex(s) === nodeMd5(s)),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => md5Hex(bytes) === nodeMd5(bytes)),
    );
  });
});

describe('createMd5', () => {
  it('gives the same digest however the input is split', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 150 }), { maxLength: 8 }), (chunks) => {
        const md5 = createMd5();
        for (const chunk of chunks) md5.update(chunk);
        return md5.digestHex() === nodeMd5(Buffer.concat(chunks));
      }),
    );
  });

  it('refuses to be used after digestHex', () => {
    const md5 = createMd5().update('x');
    md5.digestHex();
    expect(() => md5.update('y')).toThrow(TypeError);
    expect(() => md5.digestHex()).toThrow(/already finished/);
  });
});
