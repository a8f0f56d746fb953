/**
 * Each passage's terms, kept as numbers into one vocabulary rather than as arrays of strings:
 * four bytes a term (two while the vocabulary is under 65,536 terms) instead of eight plus an
 * array per passage. Read like a `Map` from passage id to terms.
 */

/** A read-only map from passage id to its terms, in order; each `get` decodes a new array. */
export class TermTable implements ReadonlyMap<string, readonly string[]> {
  private constructor(
    private readonly vocabulary: readonly string[],
    private readonly rows: ReadonlyMap<string, number>,
    /** Row `n`'s terms are `ids[offsets[n]]` up to `ids[offsets[n + 1]]`. */
    private readonly offsets: Uint32Array,
    private readonly ids: Uint16Array | Uint32Array,
  ) {}

  /**
   * A table of the given rows, in their order.
   *
   * @example TermTable.from([['a#0', ['russia', 'iran']]]).get('a#0') // ['russia', 'iran']
   */
  static from(rows: Iterable<readonly [string, readonly string[]]>): TermTable {
    const vocabulary: string[] = [];
    const idOf = new Map<string, number>();
    const keys: string[] = [];
    const offsets: number[] = [0];
    const ids: number[] = [];
    for (const [key, terms] of rows) {
      keys.push(key);
      for (const term of terms) {
        let id = idOf.get(term);
        if (id === undefined) {
          id = vocabulary.push(term) - 1;
          idOf.set(term, id);
        }
        ids.push(id);
      }
      offsets.push(ids.length);
    }
    return TermTable.fromIds(keys, vocabulary, offsets, ids);
  }

  /** A table from its parts, as {@link toIds} gives them (for a saved index). */
  static fromIds(keys: readonly string[], vocabulary: readonly string[], offsets: ArrayLike<number>, ids: ArrayLike<number>): TermTable {
    if (offsets.length !== keys.length + 1 || offsets[keys.length] !== ids.length) throw new Error('term table: offsets do not fit the rows and terms');
    const packed = vocabulary.length <= 0xffff ? Uint16Array.from(ids) : Uint32Array.from(ids);
    for (const id of packed) if (id >= vocabulary.length) throw new Error('term table: a term id is outside the vocabulary');
    return new TermTable(vocabulary, new Map(keys.map((key, row) => [key, row])), Uint32Array.from(offsets), packed);
  }

  /** The parts of the table, for saving: its row keys, vocabulary, offsets and term ids. */
  toIds(): { keys: string[]; vocabulary: readonly string[]; offsets: number[]; ids: number[] } {
    return { keys: [...this.rows.keys()], vocabulary: this.vocabulary, offsets: Array.from(this.offsets), ids: Array.from(this.ids) };
  }

  get size(): number {
    return this.rows.size;
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  get(key: string): readonly string[] | undefined {
    const row = this.rows.get(key);
    if (row === undefined) return undefined;
    const terms: string[] = [];
    for (let index = this.offsets[row]!; index < this.offsets[row + 1]!; index += 1) terms.push(this.vocabulary[this.ids[index]!]!);
    return terms;
  }

  forEach(callback: (value: readonly string[], key: string, map: ReadonlyMap<string, readonly string[]>) => void, thisArg?: unknown): void {
    for (const [key, terms] of this) callback.call(thisArg, terms, key, this);
  }

  *entries(): MapIterator<[string, readonly string[]]> {
    for (const key of this.rows.keys()) yield [key, this.get(key)!];
  }

  keys(): MapIterator<string> {
    return this.rows.keys();
  }

  *values(): MapIterator<readonly string[]> {
    for (const key of this.rows.keys()) yield this.get(key)!;
  }

  [Symbol.iterator](): MapIterator<[string, readonly string[]]> {
    return this.entries();
  }
}
