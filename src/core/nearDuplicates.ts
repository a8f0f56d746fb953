/**
 * Near-duplicate detection: articles that are rewrites of one another (a syndicated story
 * re-edited by another outlet) are grouped, so an answer cites one and names the others.
 */
import { analyzeTerms } from './analysis.js';
import type { Article } from './types.js';

/** Articles that report the same story, with the one to cite first. */
export interface DuplicateGroup {
  /** The article cited for the group: the most precisely and earliest dated (the likely original). */
  readonly canonicalId: string;
  /** All members, canonical first. */
  readonly articleIds: readonly string[];
}

/** Tuning for {@link findNearDuplicates}. */
export interface NearDuplicateOptions {
  /**
   * Share of the smaller article's term bigrams that the other must contain. Default 0.4:
   * measured on the seed corpus, a rewrite shares 0.55 and two articles on the same topic
   * at most 0.05.
   */
  readonly minContainment?: number;
  /** Each article's terms in order, when the caller has analysed them already. Default: title and text analysed here. */
  readonly termsOf?: (article: Article) => readonly string[];
  /**
   * Each article's terms in order as numbers (equal terms, equal numbers; all below 2^26), when
   * the caller keeps them: then `termsOf` is not used and no term is looked up.
   */
  readonly termIdsOf?: (article: Article) => Int32Array;
}

const DEFAULT_MIN_CONTAINMENT = 0.4;
/** Bigrams shared by more articles than this say "same topic", not "same story"; skipping them bounds the cost. */
const MAX_BIGRAM_SPREAD = 50;

/**
 * Groups articles whose term bigrams (stemmed, stop words removed) overlap heavily.
 * Cost: linear in the corpus size plus the pairs that share rare bigrams; no pairwise scan.
 * Exact copies (the same terms in the same order, as a wire story reprinted unchanged) are
 * compared once, as one article, and grouped together: a story printed many times costs what
 * one print does. Articles with no near-duplicate are not in any group.
 *
 * @example findNearDuplicates(articles) // [{ canonicalId: 'iran-relationship-…', articleIds: [ … ] }]
 */
export function findNearDuplicates(articles: readonly Article[], options: NearDuplicateOptions = {}): DuplicateGroup[] {
  const minContainment = options.minContainment ?? DEFAULT_MIN_CONTAINMENT;
  const termsOf = options.termsOf ?? ((article: Article) => analyzeTerms(`${article.title}\n${article.text}`));
  const termIds = new Map<string, number>();
  const sequences = articles.map(
    options.termIdsOf ??
      ((article) =>
        Int32Array.from(termsOf(article), (term) => {
          let id = termIds.get(term);
          if (id === undefined) termIds.set(term, (id = termIds.size));
          return id;
        })),
  );

  // Each article's representative: the first article with exactly its terms.
  const representative = new Int32Array(articles.length);
  const byHash = new Map<string, number[]>();
  sequences.forEach((sequence, index) => {
    const key = hashSequence(sequence);
    const same = byHash.get(key)?.find((other) => sequence.length > 1 && equalSequences(sequences[other]!, sequence));
    representative[index] = same ?? index;
    if (same === undefined) appendTo(byHash, key, index);
  });

  const bigramSets = sequences.map((sequence, index) => (representative[index] === index ? termBigrams(sequence) : EMPTY));
  const holders = new Map<number, number[]>();
  bigramSets.forEach((bigrams, index) => {
    for (const bigram of bigrams) appendTo(holders, bigram, index);
  });

  const parent = articles.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  bigramSets.forEach((bigrams, index) => {
    if (representative[index] !== index) {
      parent[root(index)] = root(representative[index]!);
      return;
    }
    const shared = new Map<number, number>();
    for (const bigram of bigrams) {
      const list = holders.get(bigram)!;
      if (list.length > MAX_BIGRAM_SPREAD) continue;
      for (const other of list) if (other < index) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, count] of shared) {
      const smaller = Math.min(bigrams.size, bigramSets[other]!.size);
      if (smaller > 0 && count / smaller >= minContainment) parent[root(index)] = root(other);
    }
  });

  const members = new Map<number, Article[]>();
  articles.forEach((article, index) => appendTo(members, root(index), article));
  return [...members.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const ordered = [...group].sort(compareAsOriginal);
      return { canonicalId: ordered[0]!.id, articleIds: ordered.map((article) => article.id) };
    });
}

const EMPTY: ReadonlySet<number> = new Set();
/** Term ids stay below this, so that a bigram is one exact number: first × this + second. */
export const TERM_ID_LIMIT = 2 ** 26;

function termBigrams(terms: Int32Array): Set<number> {
  const bigrams = new Set<number>();
  for (let index = 1; index < terms.length; index += 1) bigrams.add(terms[index - 1]! * TERM_ID_LIMIT + terms[index]!);
  return bigrams;
}

/** A key for a term sequence (two FNV-1a hashes and the length); equal sequences have equal keys. */
function hashSequence(terms: Int32Array): string {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (const term of terms) {
    first = Math.imul(first ^ term, 0x01000193);
    second = Math.imul(second ^ term, 0x5bd1e995);
  }
  return `${first >>> 0}:${second >>> 0}:${terms.length}`;
}

function equalSequences(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Orders likely originals first: dated before undated, earlier before later, more precise before less, then by id. */
function compareAsOriginal(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    if (a.date.startsWith(b.date)) return -1;
    if (b.date.startsWith(a.date)) return 1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
