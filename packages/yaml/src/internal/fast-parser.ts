/**
 * `yaml`'s CST `Parser` without its per-token `process.env.LOG_TOKENS` read.
 *
 * `Parser.next()` (yaml 2.9.1, `dist/parse/parser.js`) reads `process.env.LOG_TOKENS` for every
 * lexical token; `process.env` is a C++ interceptor, so on job files that read costs about a
 * sixth of the whole parse. {@link FastParser} overrides `next()` with the same body minus that
 * read. Everything else (`step()`, `pop()`, the stack) is the library's own code. When
 * `LOG_TOKENS` is set, {@link createParser} returns the stock parser so token logging still works.
 *
 * The override depends on the parser's internal fields; `fast-parser.test.ts` checks that it
 * yields exactly the stock parser's token stream (corpus and fast-check inputs), so an upgrade
 * of `yaml` that changes `next()` fails that test rather than parsing differently.
 */
import { CST, Parser } from 'yaml';

/** The fields and methods of `Parser` that `next()` uses (private in its typings). */
interface ParserInternals {
  source: string;
  type: CST.TokenType;
  offset: number;
  indent: number;
  atNewLine: boolean;
  atScalar: boolean;
  onNewLine?: (offset: number) => void;
  step(): Generator<CST.Token, void>;
  pop(error?: CST.Token): Generator<CST.Token, void>;
}

/** The stock parser minus the per-token environment read (see the top of this file). */
export class FastParser extends Parser {
  /** Advances the parser by the `source` of one lexical token (`Parser.next` without `LOG_TOKENS`). */
  override *next(source: string): Generator<CST.Token, void> {
    const self = this as unknown as ParserInternals;
    self.source = source;
    if (self.atScalar) {
      self.atScalar = false;
      yield* self.step();
      self.offset += source.length;
      return;
    }
    const type = CST.tokenType(source);
    if (!type) {
      const message = `Not a YAML token: ${source}`;
      yield* self.pop({ type: 'error', offset: self.offset, message, source });
      self.offset += source.length;
    } else if (type === 'scalar') {
      self.atNewLine = false;
      self.atScalar = true;
      self.type = 'scalar';
    } else {
      self.type = type;
      yield* self.step();
      switch (type) {
        case 'newline':
          self.atNewLine = true;
          self.indent = 0;
          if (self.onNewLine) self.onNewLine(self.offset + source.length);
          break;
        case 'space':
          if (self.atNewLine && source.startsWith(' ')) self.indent += source.length;
          break;
        case 'explicit-key-ind':
        case 'map-value-ind':
        case 'seq-item-ind':
          if (self.atNewLine) self.indent += source.length;
          break;
        case 'doc-mode':
        case 'flow-error-end':
          return;
        default:
          self.atNewLine = false;
      }
      self.offset += source.length;
    }
  }
}

/** Whether `LOG_TOKENS` asks `yaml` to log every token (read once per parse, not per token). */
function logTokensRequested(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const value = env?.['LOG_TOKENS'];
  return value !== undefined && value !== '';
}

/** A CST parser for one parse: {@link FastParser}, or the stock one when `LOG_TOKENS` is set. */
export function createParser(onNewLine?: (offset: number) => void): Parser {
  return logTokensRequested() ? new Parser(onNewLine) : new FastParser(onNewLine);
}
