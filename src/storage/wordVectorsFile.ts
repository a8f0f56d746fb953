/**
 * The word vectors on disk: `data/word-vectors.bin` (written by `npm run build:vectors`), read
 * into the core's {@link WordVectors}. A missing or damaged file is a value, not an error:
 * Dossier answers without related words and its caller logs one warning.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeWordVectors, type WordVectors } from '../core/index.js';

/** Where the file is, from the project's root. */
export const WORD_VECTORS_FILE = 'data/word-vectors.bin';

/** What reading the file gave: the vectors, or why there are none (one short sentence). */
export type WordVectorsLoad =
  | { readonly kind: 'loaded'; readonly path: string; readonly vectors: WordVectors }
  | { readonly kind: 'unavailable'; readonly path: string; readonly reason: string };

/** The project's file: beside `src/` when run from sources, or two levels up from `dist/src/` once built. */
const DEFAULT_PLACES = ['../../data/word-vectors.bin', '../../../data/word-vectors.bin'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));

/**
 * Reads and decodes the word vectors at `path` (default: the project's {@link WORD_VECTORS_FILE}).
 * Never throws: a missing, unreadable or malformed file gives `unavailable` with the reason.
 * Cost: reading 5 MB and a pass over it, about 0.1 s; about 8 MB resident.
 *
 * @example const load = await readWordVectorsFile(); if (load.kind === 'unavailable') log.warn(load.reason);
 */
export async function readWordVectorsFile(path?: string): Promise<WordVectorsLoad> {
  const places = path === undefined ? DEFAULT_PLACES : [path];
  let reason = '';
  for (const place of places) {
    let bytes: Buffer;
    try {
      bytes = await readFile(place);
    } catch (error) {
      reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? `no word vectors at ${place} (npm run build:vectors writes them)`
          : `cannot read ${place}: ${(error as Error).message}`;
      continue;
    }
    try {
      return { kind: 'loaded', path: place, vectors: decodeWordVectors(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
    } catch (error) {
      return { kind: 'unavailable', path: place, reason: `${place}: ${(error as Error).message}` };
    }
  }
  return { kind: 'unavailable', path: places[0]!, reason };
}

/**
 * The project's word vectors for answering, or `undefined` after calling `warn` once with the
 * reason (Dossier then answers without related words). For the composition roots.
 *
 * @example const wordVectors = await loadWordVectors((reason) => log.warn({ reason }, 'answering without related words'));
 */
export async function loadWordVectors(warn: (reason: string) => void, path?: string): Promise<WordVectors | undefined> {
  const load = await readWordVectorsFile(path);
  if (load.kind === 'loaded') return load.vectors;
  warn(load.reason);
  return undefined;
}
