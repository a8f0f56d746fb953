/**
 * Near-duplicate detection: articles that are rewrites of one another (a syndicated story
 * re-edited by another outlet) are grouped, so an answer cites one and names the others.
 */
import { analyzeTerms } from '../text/analysis.js';
import type { Article } from '../types.js';

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
   * Share of the smaller article's term bigrams that the other must contain, 0 to 1. Default 0.4:
   * well below what a rewrite shares and well above what two articles on the same topic share
   * (see docs/experiments.md, "Corpus files, passages and index").
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

  const tracker = new NearDuplicateTracker(minContainment);
  articles.forEach((article, position) => {
    tracker.add(article, sequences[position]!);
  });
  return tracker.groups(articles);
}

/** One distinct term sequence of the corpus (exact copies share one), and the texts it is a near-duplicate of. */
interface Text {
  readonly sequence: Int32Array;
  /** Its distinct term bigrams. */
  readonly bigrams: Float64Array;
  /** The articles with exactly this sequence (one, unless the story was printed unchanged several times). */
  readonly articleIds: Set<string>;
  readonly near: Set<Text>;
}

/**
 * The near-duplicate groups of a corpus, kept up to date as articles are added and removed, for
 * the cost of the changed articles: {@link findNearDuplicates} is this tracker given every article.
 * Two distinct texts are near-duplicates when the bigrams they share, among those held by at most
 * {@link MAX_BIGRAM_SPREAD} texts, make up `minContainment` of the smaller one's; groups are the
 * connected texts and their articles. A bigram whose holders cross the spread limit changes the
 * pairs among its holders: those are compared again.
 * Cost: holds each text's bigrams and each bigram's holders (tens of megabytes for a few thousand articles).
 *
 * @example const tracker = new NearDuplicateTracker(); tracker.add(article, termIds); tracker.groups(articles);
 */
export class NearDuplicateTracker {
  private readonly textOf = new Map<string, Text>();
  private readonly byHash = new Map<string, Text[]>();
  private readonly holders = new Map<number, Text[]>();
  /** Texts to compare again before the groups are read. */
  private readonly stale = new Set<Text>();
  /** The groups last read, while no change has touched them since (see {@link groups}). */
  private lastGroups: DuplicateGroup[] | undefined;

  constructor(private readonly minContainment = DEFAULT_MIN_CONTAINMENT) {}

  /** Adds an article with its terms in order as numbers (below 2^26; see `termIdsOf`). */
  add(article: Article, sequence: Int32Array): void {
    if (this.textOf.has(article.id)) throw new Error(`near duplicates: ${article.id} is already tracked`);
    const key = hashSequence(sequence);
    const same = sequence.length > 1 ? this.byHash.get(key)?.find((text) => equalSequences(text.sequence, sequence)) : undefined;
    if (same !== undefined) {
      same.articleIds.add(article.id);
      this.textOf.set(article.id, same);
      this.lastGroups = undefined;
      return;
    }
    const text: Text = { sequence, bigrams: Float64Array.from(termBigrams(sequence)), articleIds: new Set([article.id]), near: new Set() };
    this.textOf.set(article.id, text);
    if (sequence.length > 1) appendTo(this.byHash, key, text);
    for (const bigram of text.bigrams) {
      const list = this.holders.get(bigram);
      if (list === undefined) {
        this.holders.set(bigram, [text]);
        continue;
      }
      list.push(text);
      // No longer rare: the pairs among its holders lose it.
      if (list.length === MAX_BIGRAM_SPREAD + 1) for (const holder of list) this.stale.add(holder);
    }
    this.stale.add(text);
  }

  /** Removes an article (by id); unknown ids are ignored. */
  remove(articleId: string): void {
    const text = this.textOf.get(articleId);
    if (text === undefined) return;
    this.textOf.delete(articleId);
    text.articleIds.delete(articleId);
    if (text.articleIds.size > 0 || text.near.size > 0) this.lastGroups = undefined;
    if (text.articleIds.size > 0) return;
    for (const bigram of text.bigrams) {
      const list = this.holders.get(bigram)!;
      list.splice(list.indexOf(text), 1);
      if (list.length === 0) this.holders.delete(bigram);
      // Rare again: the pairs among its holders gain it.
      else if (list.length === MAX_BIGRAM_SPREAD) for (const holder of list) this.stale.add(holder);
    }
    for (const other of text.near) other.near.delete(text);
    this.stale.delete(text);
    const key = hashSequence(text.sequence);
    const same = this.byHash.get(key);
    if (same !== undefined) {
      same.splice(same.indexOf(text), 1);
      if (same.length === 0) this.byHash.delete(key);
    }
  }

  /**
   * The groups of `articles` (the tracked articles, in corpus order): articles that report the
   * same story, canonical first, in the order of their first member. With `keptInOrder` (the
   * articles tracked when the groups were last read are in the same order relative to one another
   * in `articles`), the groups last read are given again when no change since has touched a
   * group: an article added or removed that has no near-duplicate costs no pass over the corpus.
   */
  groups(articles: readonly Article[], options: { readonly keptInOrder?: boolean } = {}): DuplicateGroup[] {
    for (const text of this.stale) this.compare(text);
    this.stale.clear();
    if (options.keptInOrder === true && this.lastGroups !== undefined) return this.lastGroups;
    this.lastGroups = this.groupsOf(articles);
    return this.lastGroups;
  }

  private groupsOf(articles: readonly Article[]): DuplicateGroup[] {
    const groupOf = new Map<Text, Article[]>();
    const groups: Article[][] = [];
    for (const article of articles) {
      const text = this.textOf.get(article.id);
      if (text === undefined || (text.near.size === 0 && text.articleIds.size < 2)) continue;
      let members = groupOf.get(text);
      if (members === undefined) {
        members = [];
        groups.push(members);
        // Every text connected to this one belongs to the group.
        const pending = [text];
        groupOf.set(text, members);
        while (pending.length > 0) {
          for (const other of pending.pop()!.near) {
            if (groupOf.has(other)) continue;
            groupOf.set(other, members);
            pending.push(other);
          }
        }
      }
      members.push(article);
    }
    return groups
      .filter((group) => group.length > 1)
      .map((group) => {
        const ordered = [...group].sort(compareAsOriginal);
        return { canonicalId: ordered[0]!.id, articleIds: ordered.map((article) => article.id) };
      });
  }

  /** Finds again which texts `text` is a near-duplicate of. */
  private compare(text: Text): void {
    const shared = new Map<Text, number>();
    for (const bigram of text.bigrams) {
      const list = this.holders.get(bigram)!;
      if (list.length > MAX_BIGRAM_SPREAD) continue;
      for (const other of list) if (other !== text) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    const near = new Set<Text>();
    for (const [other, count] of shared) {
      const smaller = Math.min(text.bigrams.length, other.bigrams.length);
      if (smaller > 0 && count / smaller >= this.minContainment) near.add(other);
    }
    if (near.size !== text.near.size || [...near].some((other) => !text.near.has(other))) this.lastGroups = undefined;
    for (const other of text.near) if (!near.has(other)) other.near.delete(text);
    for (const other of near) other.near.add(text);
    text.near.clear();
    for (const other of near) text.near.add(other);
  }
}

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
