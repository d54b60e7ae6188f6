/** Options of {@link LogTail}. */
export interface LogTailOptions {
  /**
   * How many characters of a file are kept; older lines are dropped (the page tails).
   * @default 200_000
   */
  readonly maxChars?: number;
}

/**
 * The visible tail of one log file: text appended by byte offset, bounded in size so that a
 * 10 MB log keeps the page responsive. Tracks how many bytes were skipped before the first
 * kept line and the next byte offset to read from.
 */
export class LogTail {
  readonly #maxChars: number;
  #text = '';
  #droppedChars = 0;
  #startOffset = 0;
  #nextOffset = 0;

  /** @throws {RangeError} when `maxChars` is not a positive integer. */
  constructor(options: LogTailOptions = {}) {
    const max = options.maxChars ?? 200_000;
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(
        `LogTail: expected maxChars to be a positive integer, received ${String(max)}`,
      );
    }
    this.#maxChars = max;
  }

  /**
   * Starts the tail at a byte offset (the service was asked for the last bytes only): the
   * bytes before it count as skipped, and a first partial line will be dropped.
   */
  startAt(offset: number): void {
    this.#startOffset = offset;
    this.#nextOffset = Math.max(this.#nextOffset, offset);
  }

  /**
   * Appends a chunk read at `offset` that ends at `nextOffset`. A chunk the tail has already
   * seen (resume after a reconnect) is ignored; returns whether anything was added.
   */
  append(chunk: {
    readonly offset: number;
    readonly nextOffset: number;
    readonly text: string;
  }): boolean {
    if (chunk.nextOffset <= this.#nextOffset && chunk.offset < this.#nextOffset) return false;
    let text = chunk.text;
    if (
      this.#text === '' &&
      this.#droppedChars === 0 &&
      chunk.offset > 0 &&
      chunk.offset === this.#startOffset
    ) {
      // The tail began mid-file: drop the partial first line.
      const newline = text.indexOf('\n');
      this.#droppedChars += newline < 0 ? text.length : newline + 1;
      text = newline < 0 ? '' : text.slice(newline + 1);
    }
    this.#text += text;
    this.#nextOffset = chunk.nextOffset;
    if (this.#text.length > this.#maxChars) {
      let cut = this.#text.length - this.#maxChars;
      const newline = this.#text.indexOf('\n', cut);
      if (newline >= 0 && newline < this.#text.length - 1) cut = newline + 1;
      this.#droppedChars += cut;
      this.#text = this.#text.slice(cut);
    }
    return true;
  }

  /** The kept text. */
  get text(): string {
    return this.#text;
  }

  /** The byte offset to read from next. */
  get nextOffset(): number {
    return this.#nextOffset;
  }

  /** Whether earlier output is not shown (skipped by offset or dropped for size). */
  get truncated(): boolean {
    return this.#startOffset > 0 || this.#droppedChars > 0;
  }

  /** Bytes skipped by the starting offset plus characters dropped since. */
  get hiddenBefore(): number {
    return this.#startOffset + this.#droppedChars;
  }
}
