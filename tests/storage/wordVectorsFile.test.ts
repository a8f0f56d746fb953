import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTerm, type WordVectors } from '../../src/core/index.js';
import { readWordVectorsFile } from '../../src/storage/wordVectorsFile.js';

let vectors: WordVectors;
let folder: string;

beforeAll(async () => {
  const load = await readWordVectorsFile();
  if (load.kind !== 'loaded') throw new Error(load.reason);
  vectors = load.vectors;
  folder = await mkdtemp(path.join(os.tmpdir(), 'dossier-vectors-'));
}, 60_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function similarity(a: string, b: string): number {
  const value = vectors.similarity(toTerm(a)!, toTerm(b)!);
  if (value === undefined) throw new Error(`no vector for "${a}" or "${b}"`);
  return value;
}

describe('the committed word vectors (data/word-vectors.bin)', () => {
  it('holds 50,000 terms of 100 dimensions', () => {
    expect(vectors.size).toBe(50_000);
    expect(vectors.dimensions).toBe(100);
  });

  it('finds words of news related: protesters and demonstrators, crude and oil, film and movie', () => {
    expect(similarity('protesters', 'demonstrators')).toBeGreaterThan(0.6);
    expect(similarity('crude', 'oil')).toBeGreaterThan(0.6);
    expect(similarity('film', 'movie')).toBeGreaterThan(0.6);
  });

  it('puts related pairs above unrelated ones', () => {
    const unrelated = Math.max(similarity('protesters', 'bank'), similarity('oil', 'football'), similarity('film', 'sanctions'));
    for (const [a, b] of [
      ['protesters', 'demonstrators'],
      ['lender', 'bank'],
      ['profits', 'earnings'],
      ['election', 'vote'],
    ] as const) {
      expect(similarity(a, b)).toBeGreaterThan(unrelated);
    }
  });
});

describe('reading a word-vectors file', () => {
  it('says where it looked when the file is missing', async () => {
    const missing = path.join(folder, 'none.bin');
    expect(await readWordVectorsFile(missing)).toEqual({ kind: 'unavailable', path: missing, reason: `no word vectors at ${missing} (npm run build:vectors writes them)` });
  });

  it('says what is wrong with a file that is not word vectors', async () => {
    const wrong = path.join(folder, 'wrong.bin');
    await writeFile(wrong, '{"words": ["the"]}');
    expect(await readWordVectorsFile(wrong)).toEqual({
      kind: 'unavailable',
      path: wrong,
      reason: `${wrong}: word vectors: not a word-vectors file (expected it to start with DWV1)`,
    });
  });
});
