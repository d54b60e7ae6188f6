import { pyFloat, type PyValue } from '../py-float.js';

/**
 * Test helper: parses JSON text keeping Python's int/float distinction from the number lexemes
 * (`1.0` and `1e5` become {@link pyFloat}, `1` stays an int), which `JSON.parse` loses.
 * The goldens were written by Python's `json.dump`, so a float always has `.`, `e` or `E`.
 */
export function parseLosslessJson(text: string): PyValue {
  let index = 0;
  const fail = (expected: string): never => {
    throw new SyntaxError(
      `parseLosslessJson: expected ${expected} at offset ${index}, received ${JSON.stringify(text.slice(index, index + 20))}`,
    );
  };
  const skip = (): void => {
    while (index < text.length && ' \t\r\n'.includes(text[index]!)) index += 1;
  };
  const value = (): PyValue => {
    skip();
    const ch = text[index];
    if (ch === '{') {
      index += 1;
      const out: Record<string, PyValue> = {};
      skip();
      if (text[index] === '}') {
        index += 1;
        return out;
      }
      for (;;) {
        skip();
        const key = string();
        skip();
        if (text[index] !== ':') fail('":"');
        index += 1;
        out[key] = value();
        skip();
        if (text[index] === ',') {
          index += 1;
          continue;
        }
        if (text[index] === '}') {
          index += 1;
          return out;
        }
        fail('"," or "}"');
      }
    }
    if (ch === '[') {
      index += 1;
      const out: PyValue[] = [];
      skip();
      if (text[index] === ']') {
        index += 1;
        return out;
      }
      for (;;) {
        out.push(value());
        skip();
        if (text[index] === ',') {
          index += 1;
          continue;
        }
        if (text[index] === ']') {
          index += 1;
          return out;
        }
        fail('"," or "]"');
      }
    }
    if (ch === '"') return string();
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
      ['NaN', pyFloat(NaN)],
      ['Infinity', pyFloat(Infinity)],
      ['-Infinity', pyFloat(-Infinity)],
    ] as const) {
      if (text.startsWith(word, index)) {
        index += word.length;
        return result;
      }
    }
    const match = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(index, index + 400));
    if (match === null) return fail('a JSON value');
    index += match[0].length;
    const number = Number(match[0]);
    if (match[1] !== undefined || match[2] !== undefined) return pyFloat(number);
    return Number.isSafeInteger(number) ? number : BigInt(match[0]);
  };
  const string = (): string => {
    if (text[index] !== '"') fail('a string');
    const start = index;
    index += 1;
    while (text[index] !== '"') {
      if (index >= text.length) fail('a closing quote');
      index += text[index] === '\\' ? 2 : 1;
    }
    index += 1;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const result = value();
  skip();
  if (index !== text.length) fail('the end of the text');
  return result;
}
