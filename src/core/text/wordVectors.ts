/**
 * Word vectors (GloVe), for words that are related without being the same: a question says
 * "protesters", the passage "demonstrators". Held compactly — one signed byte a dimension, each
 * vector scaled to use the full byte range — and looked up by index term, so that they meet
 * passages the way the question's own words do. Relatedness is not meaning (`iran`/`iraq` 0.77,
 * `buy`/`sell` 0.94): the vectors may re-rank, never decide whether the corpus answers.
 *
 * The bytes ({@link encodeWordVectors}, {@link decodeWordVectors}):
 * `DWV1` · count (u32 LE) · dimensions (u32 LE) · byte length of the words (u32 LE) · the words
 * in UTF-8, one a line, most frequent first · count × dimensions signed bytes.
 */
import { toTerm } from './analysis.js';

/** The first four bytes of a word-vectors file. */
export const WORD_VECTORS_MAGIC = 'DWV1';
const HEADER_BYTES = 16;
/** The largest quantised component: each vector is scaled so its largest component is ±this. */
const QUANTISED_MAX = 127;

/**
 * Vectors by index term: a term's vector is that of the most frequent word with this term
 * (`protest` for the term of `protest`, `protests`, `protested`). Built by {@link decodeWordVectors}.
 */
export class WordVectors {
  /** The number of words in the file. */
  readonly size: number;
  readonly dimensions: number;
  /** The quantised vectors, `size` rows of `dimensions` signed bytes (a view on the file's bytes). */
  private readonly components: Int8Array;
  /** 1 / the length of each quantised row, so that a dot product becomes a cosine. */
  private readonly inverseNorms: Float32Array;
  private readonly rowByTerm: Map<string, number>;

  constructor(words: readonly string[], dimensions: number, components: Int8Array) {
    if (components.length !== words.length * dimensions) throw new RangeError(`word vectors: expected ${words.length * dimensions} components, got ${components.length}`);
    this.size = words.length;
    this.dimensions = dimensions;
    this.components = components;
    this.inverseNorms = new Float32Array(words.length);
    for (let row = 0; row < words.length; row += 1) {
      let squares = 0;
      for (let at = row * dimensions, end = at + dimensions; at < end; at += 1) squares += components[at]! * components[at]!;
      this.inverseNorms[row] = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    }
    this.rowByTerm = new Map();
    words.forEach((word, row) => {
      const term = toTerm(word);
      if (term !== null && !this.rowByTerm.has(term) && this.inverseNorms[row]! > 0) this.rowByTerm.set(term, row);
    });
  }

  /** The number of distinct terms that have a vector. */
  get terms(): number {
    return this.rowByTerm.size;
  }

  /** Whether a term has a vector. */
  has(term: string): boolean {
    return this.rowByTerm.has(term);
  }

  /**
   * The cosine of two terms' vectors (−1 to 1; 1 for the same term), or `undefined` when either
   * has none. Cost: one dot product of {@link dimensions} bytes.
   *
   * @example vectors.similarity(toTerm('protesters')!, toTerm('demonstrators')!) // about 0.8
   */
  similarity(a: string, b: string): number | undefined {
    const rowA = this.rowByTerm.get(a);
    const rowB = this.rowByTerm.get(b);
    return rowA === undefined || rowB === undefined ? undefined : this.cosineOfRows(rowA, rowB);
  }

  /** The row of a term's vector, or -1 (for repeated lookups with {@link cosineOfRows}). */
  rowOf(term: string): number {
    return this.rowByTerm.get(term) ?? -1;
  }

  /** The cosine of two rows' vectors. */
  cosineOfRows(rowA: number, rowB: number): number {
    const { components, dimensions } = this;
    let dot = 0;
    for (let a = rowA * dimensions, b = rowB * dimensions, end = a + dimensions; a < end; a += 1, b += 1) dot += components[a]! * components[b]!;
    return dot * this.inverseNorms[rowA]! * this.inverseNorms[rowB]!;
  }
}

/**
 * The bytes of a word-vectors file for `words` (most frequent first; no line breaks in a word)
 * and their vectors (each of `dimensions` numbers). Each vector is quantised to signed bytes,
 * scaled so its largest component is ±127; cosines survive within about 0.01.
 * Cost: linear in the components.
 *
 * @example decodeWordVectors(encodeWordVectors(['bank', 'lender'], [[0.1, …], [0.2, …]])).similarity('bank', 'lender')
 */
export function encodeWordVectors(words: readonly string[], vectors: ReadonlyArray<ArrayLike<number>>): Uint8Array {
  if (words.length !== vectors.length) throw new RangeError(`word vectors: ${words.length} words but ${vectors.length} vectors`);
  const dimensions = vectors[0]?.length ?? 0;
  const wordBytes = new TextEncoder().encode(words.join('\n'));
  const bytes = new Uint8Array(HEADER_BYTES + wordBytes.length + words.length * dimensions);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(WORD_VECTORS_MAGIC), 0);
  view.setUint32(4, words.length, true);
  view.setUint32(8, dimensions, true);
  view.setUint32(12, wordBytes.length, true);
  bytes.set(wordBytes, HEADER_BYTES);
  const components = new Int8Array(bytes.buffer, HEADER_BYTES + wordBytes.length);
  vectors.forEach((vector, row) => {
    if (vector.length !== dimensions) throw new RangeError(`word vectors: "${words[row]}" has ${vector.length} dimensions, expected ${dimensions}`);
    if (words[row]!.includes('\n')) throw new RangeError(`word vectors: a word holds a line break (row ${row})`);
    let largest = 0;
    for (let at = 0; at < dimensions; at += 1) largest = Math.max(largest, Math.abs(vector[at]!));
    const scale = largest > 0 ? QUANTISED_MAX / largest : 0;
    for (let at = 0; at < dimensions; at += 1) components[row * dimensions + at] = Math.round(vector[at]! * scale);
  });
  return bytes;
}

/**
 * Reads the bytes {@link encodeWordVectors} wrote (without copying the vectors) into
 * {@link WordVectors}. Throws a `RangeError` starting "word vectors:" when the bytes are not
 * such a file (wrong magic, truncated). Cost: a pass over the vectors and a stem per word —
 * about 0.1 s for 50,000 words.
 */
export function decodeWordVectors(bytes: Uint8Array): WordVectors {
  if (bytes.length < HEADER_BYTES || new TextDecoder().decode(bytes.subarray(0, 4)) !== WORD_VECTORS_MAGIC) {
    throw new RangeError(`word vectors: not a word-vectors file (expected it to start with ${WORD_VECTORS_MAGIC})`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const dimensions = view.getUint32(8, true);
  const wordBytes = view.getUint32(12, true);
  const expected = HEADER_BYTES + wordBytes + count * dimensions;
  if (bytes.length !== expected) throw new RangeError(`word vectors: expected ${expected} bytes, got ${bytes.length}`);
  const words = count === 0 ? [] : new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + wordBytes)).split('\n');
  if (words.length !== count) throw new RangeError(`word vectors: expected ${count} words, got ${words.length}`);
  const components = new Int8Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES + wordBytes, count * dimensions);
  return new WordVectors(words, dimensions, components);
}
