import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createMd5, md5Hex } from './md5.js';
import { createMd5Node, md5HexNode } from './md5.node.js';

describe('md5HexNode', () => {
  it('matches the RFC 1321 test suite', () => {
    expect(md5HexNode('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5HexNode('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5HexNode('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
  });

  it('gives the pure-JS md5Hex digest for any string (UTF-8, lone surrogates as U+FFFD) or bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(md5HexNode(text)).toBe(md5Hex(text));
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(md5HexNode(bytes)).toBe(md5Hex(bytes));
      }),
    );
    expect(md5HexNode('\ud800x')).toBe(md5Hex('\ud800x'));
  });
});

describe('createMd5Node', () => {
  it('gives the pure-JS createMd5 digest for any sequence of updates', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 100 }),
            fc.uint8Array({ maxLength: 200 }),
          ),
          {
            maxLength: 8,
          },
        ),
        (parts) => {
          const node = createMd5Node();
          const js = createMd5();
          for (const part of parts) {
            node.update(part);
            js.update(part);
          }
          expect(node.digestHex()).toBe(js.digestHex());
        },
      ),
    );
  });

  it('refuses to be used after digestHex()', () => {
    const md5 = createMd5Node().update('a');
    md5.digestHex();
    expect(() => md5.update('b')).toThrow(/update\(\) failed: expected an unfinished hash/);
    expect(() => md5.digestHex()).toThrow(/digestHex\(\) failed: expected an unfinished hash/);
  });
});
