import type { YamlDiagnostic } from '../yaml-error.js';
import { linePosOf } from './display.js';

// C0 control characters other than tab, LF and CR, plus the non-characters U+FFFE/U+FFFF:
// they never occur in a YAML text file, but binary junk is full of them. (DEL and C1
// controls are left to the parser: they do occur in text pasted from terminals.)
const NON_PRINTABLE =
  // eslint-disable-next-line no-control-regex -- detecting control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Returns a YAML_BINARY diagnostic if `text` holds characters that text files never contain. */
export function findBinaryCharacter(text: string, file: string): YamlDiagnostic | undefined {
  const match = NON_PRINTABLE.exec(text);
  if (!match) return undefined;
  const ch = match[0];
  const code = ch.charCodeAt(0);
  const { line, col } = linePosOf(text, match.index);
  const hex = `0x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    code: 'YAML_BINARY',
    path: [],
    file,
    line,
    col,
    message:
      code === 0
        ? 'Input is not a text file: it contains a NUL byte'
        : `Input is not a YAML text file: it contains the control character ${hex}`,
    expected: 'UTF-8 text without control characters (tab, LF and CR are allowed)',
    received: code === 0 ? 'NUL byte (0x00)' : `character ${hex}`,
  };
}

/** Offset of the first byte that breaks UTF-8 in `bytes` (only called after a fatal decode failed). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
