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
}

const DEFAULT_MIN_CONTAINMENT = 0.4;
/** Bigrams shared by more articles than this say "same topic", not "same story"; skipping them bounds the cost. */
const MAX_BIGRAM_SPREAD = 50;

/**
 * Groups articles whose term bigrams (stemmed, stop words removed) overlap heavily.
 * Cost: linear in the corpus size plus the pairs that share rare bigrams; no pairwise scan.
 * Articles with no near-duplicate are not in any group.
 *
 * @example findNearDuplicates(articles) // [{ canonicalId: 'iran-relationship-…', articleIds: [ … ] }]
 */
export function findNearDuplicates(articles: readonly Article[], options: NearDuplicateOptions = {}): DuplicateGroup[] {
  const minContainment = options.minContainment ?? DEFAULT_MIN_CONTAINMENT;
  const termsOf = options.termsOf ?? ((article: Article) => analyzeTerms(`${article.title}\n${article.text}`));
  const bigramSets = articles.map((article) => termBigrams(termsOf(article)));
  const holders = new Map<string, number[]>();
  bigramSets.forEach((bigrams, index) => {
    for (const bigram of bigrams) {
      const list = holders.get(bigram);
      if (list === undefined) holders.set(bigram, [index]);
      else list.push(index);
    }
  });

  const parent = articles.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  bigramSets.forEach((bigrams, index) => {
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
  articles.forEach((article, index) => {
    const group = root(index);
    members.set(group, [...(members.get(group) ?? []), article]);
  });
  return [...members.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const ordered = [...group].sort(compareAsOriginal);
      return { canonicalId: ordered[0]!.id, articleIds: ordered.map((article) => article.id) };
    });
}

function termBigrams(terms: readonly string[]): Set<string> {
  const bigrams = new Set<string>();
  for (let index = 1; index < terms.length; index += 1) bigrams.add(`${terms[index - 1]} ${terms[index]}`);
  return bigrams;
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
