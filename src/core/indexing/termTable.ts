/**
 * Each passage's terms, kept as numbers into one vocabulary rather than as arrays of strings:
 * four bytes a term (two while the vocabulary is under 65,536 terms) instead of eight plus an
 * array per passage. Read like a `Map` from passage id to terms.
 */

import { OverlayMap } from './overlayMap.js';

/** Rows added at once share one segment: their term ids in one typed array. */
interface Segment {
  /** Row `n`'s terms are `ids[offsets[n]]` up to `ids[offsets[n + 1]]`. */
  readonly offsets: Uint32Array;
  readonly ids: Uint16Array | Uint32Array;
}

/** A row is `segment * SEGMENT_ROWS + row in the segment`. */
const SEGMENT_ROWS = 2 ** 24;

/** The terms known to a table and the tables derived from it; it only grows, so earlier tables keep reading it unchanged. */
interface Vocabulary {
  readonly terms: string[];
  idOf?: Map<string, number>;
}

/** A read-only map from passage id to its terms, in order; each `get` decodes a new array. */
export class TermTable implements ReadonlyMap<string, readonly string[]> {
  private constructor(
    private readonly vocabulary: Vocabulary,
    private readonly rows: ReadonlyMap<string, number>,
    private readonly segments: readonly Segment[],
  ) {}

  /**
   * A table of the given rows, in their order.
   *
   * @example TermTable.from([['a#0', ['russia', 'iran']]]).get('a#0') // ['russia', 'iran']
   */
  static from(rows: Iterable<readonly [string, readonly string[]]>): TermTable {
    const vocabulary: Vocabulary = { terms: [], idOf: new Map() };
    const keys: string[] = [];
    const segment = encodeRows(vocabulary, rows, keys);
    return new TermTable(vocabulary, new Map(keys.map((key, row) => [key, row])), [segment]);
  }

  /** A table from its parts, as {@link toIds} gives them (for a saved index). */
  static fromIds(keys: readonly string[], vocabulary: readonly string[], offsets: ArrayLike<number>, ids: ArrayLike<number>): TermTable {
    if (offsets.length !== keys.length + 1 || offsets[keys.length] !== ids.length) throw new Error('term table: offsets do not fit the rows and terms');
    const packed = vocabulary.length <= 0xffff ? Uint16Array.from(ids) : Uint32Array.from(ids);
    for (const id of packed) if (id >= vocabulary.length) throw new Error('term table: a term id is outside the vocabulary');
    return new TermTable({ terms: [...vocabulary] }, new Map(keys.map((key, row) => [key, row])), [{ offsets: Uint32Array.from(offsets), ids: packed }]);
  }

  /**
   * This table without the `removed` rows and with the `added` ones (a row added under a key
   * already present replaces it). This table is unchanged; the new one shares its vocabulary
   * and term ids, and keeps the added rows in a segment of their own.
   * Cost: the added terms, plus the rows changed since the row keys were last copied (they are
   * copied, a few milliseconds per 100,000 rows, once the changes make up a quarter of them).
   * Rows removed stay in memory until the table is built anew (`TermTable.from`).
   *
   * @example table.withChanges(['a#0'], [['b#0', ['visa', 'iran']]]).has('a#0') // false
   */
  withChanges(removed: Iterable<string>, added: Iterable<readonly [string, readonly string[]]>): TermTable {
    if (this.vocabulary.idOf === undefined) this.vocabulary.idOf = new Map(this.vocabulary.terms.map((term, id) => [term, id]));
    const keys: string[] = [];
    const segment = encodeRows(this.vocabulary, added, keys);
    const base = this.segments.length * SEGMENT_ROWS;
    const rows = OverlayMap.of(this.rows).withChanges(
      removed,
      keys.map((key, row) => [key, base + row] as const),
    );
    return new TermTable(this.vocabulary, rows, [...this.segments, segment]);
  }

  /** The parts of the table, for saving: its row keys, vocabulary, offsets and term ids. */
  toIds(): { keys: string[]; vocabulary: readonly string[]; offsets: number[]; ids: number[] } {
    const offsets: number[] = [0];
    const ids: number[] = [];
    for (const row of this.rows.values()) {
      const { offsets: starts, ids: segmentIds } = this.segments[Math.floor(row / SEGMENT_ROWS)]!;
      const local = row % SEGMENT_ROWS;
      for (let index = starts[local]!; index < starts[local + 1]!; index += 1) ids.push(segmentIds[index]!);
      offsets.push(ids.length);
    }
    return { keys: [...this.rows.keys()], vocabulary: this.vocabulary.terms.slice(), offsets, ids };
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
    const { offsets, ids } = this.segments[Math.floor(row / SEGMENT_ROWS)]!;
    const local = row % SEGMENT_ROWS;
    const terms: string[] = [];
    const vocabulary = this.vocabulary.terms;
    for (let index = offsets[local]!; index < offsets[local + 1]!; index += 1) terms.push(vocabulary[ids[index]!]!);
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

/** Encodes rows into one segment, adding new terms to the vocabulary; the rows' keys are pushed to `keys`. */
function encodeRows(vocabulary: Vocabulary, rows: Iterable<readonly [string, readonly string[]]>, keys: string[]): Segment {
  const idOf = vocabulary.idOf!;
  const offsets: number[] = [0];
  const ids: number[] = [];
  for (const [key, terms] of rows) {
    keys.push(key);
    for (const term of terms) {
      let id = idOf.get(term);
      if (id === undefined) {
        id = vocabulary.terms.push(term) - 1;
        idOf.set(term, id);
      }
      ids.push(id);
    }
    offsets.push(ids.length);
  }
  if (keys.length >= SEGMENT_ROWS) throw new Error('term table: too many rows in one segment');
  return { offsets: Uint32Array.from(offsets), ids: vocabulary.terms.length <= 0xffff ? Uint16Array.from(ids) : Uint32Array.from(ids) };
}
