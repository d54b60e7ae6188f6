/**
 * A port of the parts of PyYAML 6.0's `Emitter` (yaml/emitter.py) that `yaml.dump` reaches with
 * its default settings: one implicit document, block and flow collections, anchors/aliases, and
 * plain, single-quoted and double-quoted scalars; width 80, indent 2, `allow_unicode=False`,
 * not canonical, line break `\n`. Method names follow the Python source so the two can be read
 * side by side. Scalars are handled as arrays of code points, as Python strings are.
 */

/** A node event, as PyYAML's serializer emits it. */
export type EmitterEvent =
  | {
      readonly type: 'scalar';
      readonly anchor: string | null;
      readonly tag: string;
      readonly implicit: readonly [boolean, boolean];
      readonly value: string;
    }
  | {
      readonly type: 'sequence-start' | 'mapping-start';
      readonly anchor: string | null;
      readonly tag: string;
      readonly implicit: boolean;
      readonly flowStyle: boolean;
    }
  | { readonly type: 'sequence-end' | 'mapping-end' }
  | { readonly type: 'alias'; readonly anchor: string };

type ScalarStyle = '' | "'" | '"';

interface ScalarAnalysis {
  readonly scalar: readonly string[];
  readonly empty: boolean;
  readonly multiline: boolean;
  readonly allowFlowPlain: boolean;
  readonly allowBlockPlain: boolean;
  readonly allowSingleQuoted: boolean;
}

const BEST_INDENT = 2;
const BEST_WIDTH = 80;
const BREAKS = '\n\x85\u2028\u2029';
const WHITESPACE_OR_END = '\0 \t\r\n\x85\u2028\u2029';

const ESCAPE_REPLACEMENTS: Readonly<Record<string, string>> = {
  '\0': '0',
  '\x07': 'a',
  '\x08': 'b',
  '\x09': 't',
  '\x0A': 'n',
  '\x0B': 'v',
  '\x0C': 'f',
  '\x0D': 'r',
  '\x1B': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xA0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

const TAG_PREFIX = 'tag:yaml.org,2002:';

function isIn(ch: string | undefined, set: string): boolean {
  return ch !== undefined && ch.length > 0 && set.includes(ch);
}

function codePoint(ch: string): number {
  return ch.codePointAt(0)!;
}

function prepareTag(tag: string): string {
  // Only the standard `tag:yaml.org,2002:` tags reach the emitter; their suffixes are ASCII letters.
  return tag.startsWith(TAG_PREFIX) ? `!!${tag.slice(TAG_PREFIX.length)}` : `!<${tag}>`;
}

function anchorOf(event: EmitterEvent): string | null {
  return 'anchor' in event ? event.anchor : null;
}

function analyzeScalar(value: string): ScalarAnalysis {
  const scalar = Array.from(value);
  if (scalar.length === 0) {
    return {
      scalar,
      empty: true,
      multiline: false,
      allowFlowPlain: false,
      allowBlockPlain: true,
      allowSingleQuoted: true,
    };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  let followedByWhitespace = scalar.length === 1 || isIn(scalar[1], WHITESPACE_OR_END);
  let previousSpace = false;
  let previousBreak = false;
  let index = 0;
  while (index < scalar.length) {
    const ch = scalar[index]!;
    if (index === 0) {
      if (isIn(ch, '#,[]{}&*!|>\'"%@`')) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (isIn(ch, '?:')) {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (isIn(ch, ',?[]{}')) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (isIn(ch, BREAKS)) lineBreaks = true;
    const cp = codePoint(ch);
    if (!(ch === '\n' || (cp >= 0x20 && cp <= 0x7e))) {
      // Printable non-ASCII is still "special" because allow_unicode is False.
      specialCharacters = true;
    }
    if (ch === ' ') {
      if (index === 0) leadingSpace = true;
      if (index === scalar.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isIn(ch, BREAKS)) {
      if (index === 0) leadingBreak = true;
      if (index === scalar.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    index += 1;
    precededByWhitespace = isIn(ch, WHITESPACE_OR_END);
    followedByWhitespace = index + 1 >= scalar.length || isIn(scalar[index + 1], WHITESPACE_OR_END);
  }
  let allowFlowPlain = true;
  let allowBlockPlain = true;
  let allowSingleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    allowFlowPlain = allowBlockPlain = false;
  }
  if (breakSpace) {
    allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  }
  if (spaceBreak || specialCharacters) {
    allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  }
  if (lineBreaks) {
    allowFlowPlain = allowBlockPlain = false;
  }
  if (flowIndicators) allowFlowPlain = false;
  if (blockIndicators) allowBlockPlain = false;
  return {
    scalar,
    empty: false,
    multiline: lineBreaks,
    allowFlowPlain,
    allowBlockPlain,
    allowSingleQuoted,
  };
}

/** Emits a single implicit document (`yaml.dump`'s default) for the given node events. */
export function emitDocument(events: readonly EmitterEvent[]): string {
  return new Emitter(events).run();
}

class Emitter {
  readonly #events: readonly EmitterEvent[];
  #position = 0;
  #event: EmitterEvent | undefined;
  #out = '';

  #states: (() => void)[] = [];
  #state: () => void = () => undefined;
  #indents: (number | null)[] = [];
  #indent: number | null = null;
  #flowLevel = 0;

  #rootContext = false;
  #mappingContext = false;
  #simpleKeyContext = false;

  #column = 0;
  #whitespace = true;
  #indention = true;
  #openEnded = false;

  #preparedAnchor: string | null = null;
  #preparedTag: string | null = null;
  #analysis: ScalarAnalysis | null = null;
  #style: ScalarStyle | null = null;

  constructor(events: readonly EmitterEvent[]) {
    this.#events = events;
  }

  run(): string {
    // DOCUMENT-START (implicit: not explicit, no directives, never an empty document here).
    this.#state = () => {
      this.#states.push(() => {
        this.#expectDocumentEnd();
      });
      this.#expectNode({ root: true });
    };
    while (this.#position < this.#events.length) {
      this.#event = this.#events[this.#position];
      this.#position += 1;
      this.#state();
      this.#event = undefined;
    }
    // DOCUMENT-END then STREAM-END.
    this.#state();
    if (this.#openEnded) {
      this.#writeIndicator('...', true);
      this.#writeIndent();
    }
    return this.#out;
  }

  #peek(): EmitterEvent | undefined {
    return this.#events[this.#position];
  }

  #increaseIndent(flow: boolean, indentless = false): void {
    this.#indents.push(this.#indent);
    if (this.#indent === null) {
      this.#indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      this.#indent += BEST_INDENT;
    }
  }

  #popIndent(): void {
    this.#indent = this.#indents.pop() ?? null;
  }

  #popState(): void {
    const state = this.#states.pop();
    if (state === undefined) {
      throw new Error(
        'pyyamlDump: internal emitter error: expected a pending state, received none',
      );
    }
    this.#state = state;
  }

  #expectDocumentEnd(): void {
    this.#writeIndent();
    this.#state = () => {
      throw new Error('pyyamlDump: internal emitter error: expected nothing after the document');
    };
  }

  #expectNode(context: {
    root?: boolean;
    sequence?: boolean;
    mapping?: boolean;
    simpleKey?: boolean;
  }): void {
    this.#rootContext = context.root ?? false;
    this.#mappingContext = context.mapping ?? false;
    this.#simpleKeyContext = context.simpleKey ?? false;
    const event = this.#event!;
    if (event.type === 'alias') {
      this.#processAnchor('*');
      this.#popState();
    } else if (
      event.type === 'scalar' ||
      event.type === 'sequence-start' ||
      event.type === 'mapping-start'
    ) {
      this.#processAnchor('&');
      this.#processTag();
      if (event.type === 'scalar') {
        this.#increaseIndent(true);
        this.#processScalar();
        this.#popIndent();
        this.#popState();
      } else if (event.type === 'sequence-start') {
        if (this.#flowLevel > 0 || event.flowStyle || this.#checkEmpty('sequence-end')) {
          this.#expectFlowSequence();
        } else {
          this.#expectBlockSequence();
        }
      } else if (this.#flowLevel > 0 || event.flowStyle || this.#checkEmpty('mapping-end')) {
        this.#expectFlowMapping();
      } else {
        this.#expectBlockMapping();
      }
    } else {
      throw new Error(
        `pyyamlDump: internal emitter error: expected a node event, received ${event.type}`,
      );
    }
  }

  #checkEmpty(endType: 'sequence-end' | 'mapping-end'): boolean {
    const start = endType === 'sequence-end' ? 'sequence-start' : 'mapping-start';
    return this.#event?.type === start && this.#peek()?.type === endType;
  }

  // Flow sequences (only reached for empty lists with the default settings).
  #expectFlowSequence(): void {
    this.#writeIndicator('[', true, { whitespace: true });
    this.#flowLevel += 1;
    this.#increaseIndent(true);
    let first = true;
    const expectItem = (): void => {
      if (this.#event?.type === 'sequence-end') {
        this.#popIndent();
        this.#flowLevel -= 1;
        this.#writeIndicator(']', false);
        this.#popState();
        return;
      }
      if (!first) this.#writeIndicator(',', false);
      first = false;
      if (this.#column > BEST_WIDTH) this.#writeIndent();
      this.#states.push(expectItem);
      this.#expectNode({ sequence: true });
    };
    this.#state = expectItem;
  }

  #expectFlowMapping(): void {
    this.#writeIndicator('{', true, { whitespace: true });
    this.#flowLevel += 1;
    this.#increaseIndent(true);
    let first = true;
    const expectKey = (): void => {
      if (this.#event?.type === 'mapping-end') {
        this.#popIndent();
        this.#flowLevel -= 1;
        this.#writeIndicator('}', false);
        this.#popState();
        return;
      }
      if (!first) this.#writeIndicator(',', false);
      first = false;
      if (this.#column > BEST_WIDTH) this.#writeIndent();
      if (this.#checkSimpleKey()) {
        this.#states.push(() => {
          this.#writeIndicator(':', false);
          this.#states.push(expectKey);
          this.#expectNode({ mapping: true });
        });
        this.#expectNode({ mapping: true, simpleKey: true });
      } else {
        this.#writeIndicator('?', true);
        this.#states.push(() => {
          if (this.#column > BEST_WIDTH) this.#writeIndent();
          this.#writeIndicator(':', true);
          this.#states.push(expectKey);
          this.#expectNode({ mapping: true });
        });
        this.#expectNode({ mapping: true });
      }
    };
    this.#state = expectKey;
  }

  #expectBlockSequence(): void {
    const indentless = this.#mappingContext && !this.#indention;
    this.#increaseIndent(false, indentless);
    let first = true;
    const expectItem = (): void => {
      if (!first && this.#event?.type === 'sequence-end') {
        this.#popIndent();
        this.#popState();
        return;
      }
      first = false;
      this.#writeIndent();
      this.#writeIndicator('-', true, { indention: true });
      this.#states.push(expectItem);
      this.#expectNode({ sequence: true });
    };
    this.#state = expectItem;
  }

  #expectBlockMapping(): void {
    this.#increaseIndent(false);
    let first = true;
    const expectKey = (): void => {
      if (!first && this.#event?.type === 'mapping-end') {
        this.#popIndent();
        this.#popState();
        return;
      }
      first = false;
      this.#writeIndent();
      if (this.#checkSimpleKey()) {
        this.#states.push(() => {
          this.#writeIndicator(':', false);
          this.#states.push(expectKey);
          this.#expectNode({ mapping: true });
        });
        this.#expectNode({ mapping: true, simpleKey: true });
      } else {
        this.#writeIndicator('?', true, { indention: true });
        this.#states.push(() => {
          this.#writeIndent();
          this.#writeIndicator(':', true, { indention: true });
          this.#states.push(expectKey);
          this.#expectNode({ mapping: true });
        });
        this.#expectNode({ mapping: true });
      }
    };
    this.#state = expectKey;
  }

  #checkSimpleKey(): boolean {
    const event = this.#event!;
    let length = 0;
    const anchor = anchorOf(event);
    if (anchor !== null) {
      this.#preparedAnchor ??= anchor;
      length += this.#preparedAnchor.length;
    }
    if (
      event.type === 'scalar' ||
      event.type === 'sequence-start' ||
      event.type === 'mapping-start'
    ) {
      this.#preparedTag ??= prepareTag(event.tag);
      length += this.#preparedTag.length;
    }
    if (event.type === 'scalar') {
      this.#analysis ??= analyzeScalar(event.value);
      length += this.#analysis.scalar.length;
    }
    return (
      length < 128 &&
      (event.type === 'alias' ||
        (event.type === 'scalar' && !this.#analysis!.empty && !this.#analysis!.multiline) ||
        this.#checkEmpty('sequence-end') ||
        this.#checkEmpty('mapping-end'))
    );
  }

  #processAnchor(indicator: string): void {
    const anchor = anchorOf(this.#event!);
    if (anchor === null) {
      this.#preparedAnchor = null;
      return;
    }
    const prepared = this.#preparedAnchor ?? anchor;
    if (prepared !== '') {
      this.#writeIndicator(indicator + prepared, true);
    }
    this.#preparedAnchor = null;
  }

  #processTag(): void {
    const event = this.#event!;
    if (event.type === 'scalar') {
      this.#style ??= this.#chooseScalarStyle();
      if ((this.#style === '' && event.implicit[0]) || (this.#style !== '' && event.implicit[1])) {
        this.#preparedTag = null;
        return;
      }
      this.#preparedTag ??= prepareTag(event.tag);
      this.#writeIndicator(this.#preparedTag, true);
      this.#preparedTag = null;
      return;
    }
    if (event.type === 'sequence-start' || event.type === 'mapping-start') {
      if (event.implicit) {
        this.#preparedTag = null;
        return;
      }
      this.#preparedTag ??= prepareTag(event.tag);
      this.#writeIndicator(this.#preparedTag, true);
      this.#preparedTag = null;
    }
  }

  #chooseScalarStyle(): ScalarStyle {
    const event = this.#event!;
    if (event.type !== 'scalar') {
      throw new Error('pyyamlDump: internal emitter error: expected a scalar event');
    }
    this.#analysis ??= analyzeScalar(event.value);
    const analysis = this.#analysis;
    if (event.implicit[0]) {
      if (
        !(this.#simpleKeyContext && (analysis.empty || analysis.multiline)) &&
        ((this.#flowLevel > 0 && analysis.allowFlowPlain) ||
          (this.#flowLevel === 0 && analysis.allowBlockPlain))
      ) {
        return '';
      }
    }
    if (analysis.allowSingleQuoted && !(this.#simpleKeyContext && analysis.multiline)) {
      return "'";
    }
    return '"';
  }

  #processScalar(): void {
    const event = this.#event!;
    if (event.type !== 'scalar') {
      throw new Error('pyyamlDump: internal emitter error: expected a scalar event');
    }
    this.#analysis ??= analyzeScalar(event.value);
    this.#style ??= this.#chooseScalarStyle();
    const split = !this.#simpleKeyContext;
    const text = this.#analysis.scalar;
    if (this.#style === '"') {
      this.#writeDoubleQuoted(text, split);
    } else if (this.#style === "'") {
      this.#writeSingleQuoted(text, split);
    } else {
      this.#writePlain(text, split);
    }
    this.#analysis = null;
    this.#style = null;
  }

  // Writers.

  #write(data: string, length: number): void {
    this.#out += data;
    this.#column += length;
  }

  #writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    options: { whitespace?: boolean; indention?: boolean } = {},
  ): void {
    const data = this.#whitespace || !needWhitespace ? indicator : ` ${indicator}`;
    this.#whitespace = options.whitespace ?? false;
    this.#indention = this.#indention && (options.indention ?? false);
    this.#openEnded = false;
    this.#write(data, data.length);
  }

  #writeIndent(): void {
    const indent = this.#indent ?? 0;
    if (
      !this.#indention ||
      this.#column > indent ||
      (this.#column === indent && !this.#whitespace)
    ) {
      this.#writeLineBreak();
    }
    if (this.#column < indent) {
      this.#whitespace = true;
      this.#write(' '.repeat(indent - this.#column), indent - this.#column);
    }
  }

  #writeLineBreak(data = '\n'): void {
    this.#whitespace = true;
    this.#indention = true;
    this.#out += data;
    this.#column = 0;
  }

  #writeChunk(text: readonly string[], start: number, end: number): void {
    this.#write(text.slice(start, end).join(''), end - start);
  }

  #writeBreaks(text: readonly string[], start: number, end: number): void {
    for (const br of text.slice(start, end)) {
      this.#writeLineBreak(br);
    }
  }

  #writeSingleQuoted(text: readonly string[], split: boolean): void {
    this.#writeIndicator("'", true);
    let spaces = false;
    let breaks = false;
    let start = 0;
    let end = 0;
    while (end <= text.length) {
      const ch = end < text.length ? text[end] : undefined;
      if (spaces) {
        if (ch === undefined || ch !== ' ') {
          if (
            start + 1 === end &&
            this.#column > BEST_WIDTH &&
            split &&
            start !== 0 &&
            end !== text.length
          ) {
            this.#writeIndent();
          } else {
            this.#writeChunk(text, start, end);
          }
          start = end;
        }
      } else if (breaks) {
        if (ch === undefined || !isIn(ch, BREAKS)) {
          if (text[start] === '\n') this.#writeLineBreak();
          this.#writeBreaks(text, start, end);
          this.#writeIndent();
          start = end;
        }
      } else if (ch === undefined || isIn(ch, ` ${BREAKS}`) || ch === "'") {
        if (start < end) {
          this.#writeChunk(text, start, end);
          start = end;
        }
      }
      if (ch === "'") {
        this.#write("''", 2);
        start = end + 1;
      }
      if (ch !== undefined) {
        spaces = ch === ' ';
        breaks = isIn(ch, BREAKS);
      }
      end += 1;
    }
    this.#writeIndicator("'", false);
  }

  #writeDoubleQuoted(text: readonly string[], split: boolean): void {
    this.#writeIndicator('"', true);
    let start = 0;
    let end = 0;
    while (end <= text.length) {
      const ch = end < text.length ? text[end] : undefined;
      if (
        ch === undefined ||
        isIn(ch, '"\\\x85\u2028\u2029\uFEFF') ||
        !(codePoint(ch) >= 0x20 && codePoint(ch) <= 0x7e)
      ) {
        if (start < end) {
          this.#writeChunk(text, start, end);
          start = end;
        }
        if (ch !== undefined) {
          const cp = codePoint(ch);
          const replacement = ESCAPE_REPLACEMENTS[ch];
          let data: string;
          if (replacement !== undefined) {
            data = `\\${replacement}`;
          } else if (cp <= 0xff) {
            data = `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`;
          } else if (cp <= 0xffff) {
            data = `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
          } else {
            data = `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`;
          }
          this.#write(data, data.length);
          start = end + 1;
        }
      }
      if (
        end > 0 &&
        end < text.length - 1 &&
        (ch === ' ' || start >= end) &&
        this.#column + (end - start) > BEST_WIDTH &&
        split
      ) {
        const chunk = text.slice(start, end).join('');
        const length = end - start + 1;
        if (start < end) start = end;
        this.#write(`${chunk}\\`, length);
        this.#writeIndent();
        this.#whitespace = false;
        this.#indention = false;
        if (text[start] === ' ') {
          this.#write('\\', 1);
        }
      }
      end += 1;
    }
    this.#writeIndicator('"', false);
  }

  #writePlain(text: readonly string[], split: boolean): void {
    if (this.#rootContext) this.#openEnded = true;
    if (text.length === 0) return;
    if (!this.#whitespace) this.#write(' ', 1);
    this.#whitespace = false;
    this.#indention = false;
    let spaces = false;
    let breaks = false;
    let start = 0;
    let end = 0;
    while (end <= text.length) {
      const ch = end < text.length ? text[end] : undefined;
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.#column > BEST_WIDTH && split) {
            this.#writeIndent();
            this.#whitespace = false;
            this.#indention = false;
          } else {
            this.#writeChunk(text, start, end);
          }
          start = end;
        }
      } else if (breaks) {
        if (!isIn(ch, BREAKS)) {
          if (text[start] === '\n') this.#writeLineBreak();
          this.#writeBreaks(text, start, end);
          this.#writeIndent();
          this.#whitespace = false;
          this.#indention = false;
          start = end;
        }
      } else if (ch === undefined || isIn(ch, ` ${BREAKS}`)) {
        this.#writeChunk(text, start, end);
        start = end;
      }
      if (ch !== undefined) {
        spaces = ch === ' ';
        breaks = isIn(ch, BREAKS);
      }
      end += 1;
    }
  }
}
