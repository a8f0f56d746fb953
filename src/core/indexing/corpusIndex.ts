/**
 * The searchable corpus: articles cut into passages, indexed with MiniSearch, plus what
 * retrieval needs beside the index (document frequencies, near-duplicate groups, a version).
 */
import MiniSearch, { type Options } from 'minisearch';
import { analyze, toTerm, tokenizeWords } from '../text/analysis.js';
import { buildAbbreviationTable, type AbbreviationTable } from './abbreviationPairs.js';
import { chunkArticle, type ChunkOptions } from '../ingest/chunk.js';
import { compactPostings } from './compactPostings.js';
import { NearDuplicateTracker, TERM_ID_LIMIT, type DuplicateGroup } from './nearDuplicates.js';
import { buildPeopleDirectory, type PeopleDirectory } from '../people/directory.js';
import { visitMentionPlaces } from '../people/packedPeople.js';
import { TermTable } from './termTable.js';
import type { Article, Passage } from '../types.js';

/** What MiniSearch indexes for each passage. */
export interface IndexedPassage {
  readonly id: string;
  readonly title: string;
  /**
   * Every form of the name of each person the passage mentions (`Sergei Lavrov`, `Sergey Lavrov`,
   * `Lavrov`): names weigh more than body words, and a question may use any variant.
   */
  readonly names: string;
  /** Publisher and author: "what did OSW publish" finds the article's passages. */
  readonly byline: string;
  readonly text: string;
}

/** What MiniSearch indexes for each article, to find one by its title. */
export interface IndexedTitle {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
}

/**
 * Field weights for passage search: a match in a title counts more than in body text. A name's
 * variants (`names`) add to the text's own mention of it, so they count for less: a variant the
 * text does not use is still found. The figures that chose 0.5 over 1 and 1.5 are in
 * docs/experiments.md (Retrieval, "Name variants").
 */
export const FIELD_BOOSTS = { title: 2, names: 0.5, byline: 1, text: 1 } as const;

/** The corpus, ready to answer questions. Build it once with {@link buildCorpusIndex}; it is read-only after. */
export interface CorpusIndex {
  /** Articles in corpus order (the order they were given). */
  readonly articles: readonly Article[];
  readonly articleById: ReadonlyMap<string, Article>;
  readonly passages: readonly Passage[];
  readonly passageById: ReadonlyMap<string, Passage>;
  /** Each passage's terms in order (analysed once, at build), for proximity and comparisons. */
  readonly passageTerms: ReadonlyMap<string, readonly string[]>;
  /** Number of passages each term occurs in, for weighting query terms. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  readonly duplicateGroups: readonly DuplicateGroup[];
  /** The people the corpus names (see {@link buildPeopleDirectory}). */
  readonly people: PeopleDirectory;
  /** The abbreviations the corpus defines ("the International Monetary Fund (IMF)"; see {@link buildAbbreviationTable}). */
  readonly abbreviations: AbbreviationTable;
  /** The group an article belongs to, for articles that have near-duplicates. */
  readonly duplicateGroupOf: ReadonlyMap<string, DuplicateGroup>;
  /** A short hash of every article's metadata and text: changes whenever the corpus does. */
  readonly version: string;
  /** @internal the passage index, used by retrieval */
  readonly passageSearch: MiniSearch<IndexedPassage>;
  /** @internal the title index, used to find articles */
  readonly titleSearch: MiniSearch<IndexedTitle>;
  /** @internal corpus order of each article, for stable tie-breaks */
  readonly articleOrder: ReadonlyMap<string, number>;
}

/** Query analysis: the same words and terms as the documents'. */
const QUERY_ANALYSIS = {
  tokenize: (text: string): string[] => tokenizeWords(text).map((token) => token.word),
  processTerm: (word: string): string | null => toTerm(word),
} as const;

/**
 * Documents are given to MiniSearch already analysed (terms joined by spaces), so each text is
 * analysed once at build, for the index, the term counts and near-duplicate detection alike.
 */
const PREANALYZED = {
  tokenize: (terms: string): string[] => terms.split(' '),
  processTerm: (term: string): string | null => (term.length > 0 ? term : null),
} as const;

/** @internal MiniSearch options of the passage index (given again to load a saved one). */
export const PASSAGE_INDEX_OPTIONS: Options<IndexedPassage> = { fields: ['title', 'names', 'byline', 'text'], ...PREANALYZED, searchOptions: QUERY_ANALYSIS };
/** @internal MiniSearch options of the title index (given again to load a saved one). */
export const TITLE_INDEX_OPTIONS: Options<IndexedTitle> = { fields: ['title', 'publisher'], ...QUERY_ANALYSIS, searchOptions: QUERY_ANALYSIS };

/** @internal a text's terms, as the index analyses passages, titles, names and bylines */
export function analyzedTerms(text: string): string[] {
  return analyze(text).map((token) => token.term);
}

/**
 * Builds the index: chunks every article, indexes passages and titles, counts term frequencies,
 * groups near-duplicates and hashes the corpus. Cost: linear in the corpus text; about a second
 * for a few thousand articles. What is read per article (people, terms, hash) is kept with the
 * article object, so that {@link updateCorpusIndex} does not read it again.
 *
 * @example const index = buildCorpusIndex(parseCorpus(files).articles);
 */
export function buildCorpusIndex(articles: readonly Article[], chunkOptions: ChunkOptions = {}): CorpusIndex {
  const passages = articles.flatMap((article) => chunkArticle(article, chunkOptions));
  const articleById = new Map(articles.map((article) => [article.id, article]));

  const people = buildPeopleDirectory(articles);
  const namesByPassage = passageNames(passages, people);

  const passageSearch = new MiniSearch<IndexedPassage>(PASSAGE_INDEX_OPTIONS);
  const documentFrequency = new Map<string, number>();
  const passageTerms = new Map<string, readonly string[]>();
  const fields = new ArticleFields();
  passageSearch.addAll(
    passages.map((passage) => {
      const terms = analyzedTerms(passage.text);
      passageTerms.set(passage.id, terms);
      for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      return indexedPassage(passage, articleById.get(passage.articleId)!, terms, namesByPassage.get(passage.id), fields);
    }),
  );

  const titleSearch = new MiniSearch<IndexedTitle>(TITLE_INDEX_OPTIONS);
  titleSearch.addAll(articles.map(indexedTitle));
  // Both indexes are complete: their postings are packed (a fraction of the memory of MiniSearch's maps).
  compactPostings(passageSearch);
  compactPostings(titleSearch);

  const termsByArticle = new Map<string, string[]>(articles.map((article) => [article.id, [...fields.titleTerms(article)]]));
  for (const passage of passages) termsByArticle.get(passage.articleId)!.push(...passageTerms.get(passage.id)!);
  for (const article of articles) rememberArticleTerms(article, termsByArticle.get(article.id)!);
  const tracker = new NearDuplicateTracker();
  for (const article of articles) tracker.add(article, articleTermIds.get(article)!);
  const duplicateGroups = tracker.groups(articles);

  const index = assembleCorpusIndex({
    articles,
    articleById,
    passages,
    // Kept as term ids: a fraction of the memory of the arrays built above (see TermTable).
    passageTerms: TermTable.from(passageTerms),
    documentFrequency,
    duplicateGroups,
    people,
    abbreviations: buildAbbreviationTable(articles),
    version: hashCorpus(articles),
    passageSearch,
    titleSearch,
  });
  rememberPassageNames(index, namesByPassage);
  duplicateTrackers.set(index, tracker);
  return index;
}

/** What an index is made of; the rest ({@link assembleCorpusIndex}) is derived from it. */
export type CorpusIndexParts = Omit<CorpusIndex, 'passageById' | 'duplicateGroupOf' | 'articleOrder'>;

/**
 * An index from its parts, with the lookups derived from them (passages by id, each article's
 * near-duplicate group, corpus order): one place for building, updating and restoring an index.
 * `derived` gives those the caller has made already (an update makes them from the previous index's).
 */
export function assembleCorpusIndex(parts: CorpusIndexParts, derived: Partial<Pick<CorpusIndex, 'passageById' | 'articleOrder' | 'duplicateGroupOf'>> = {}): CorpusIndex {
  return {
    ...parts,
    passageById: derived.passageById ?? new Map(parts.passages.map((passage) => [passage.id, passage])),
    duplicateGroupOf: derived.duplicateGroupOf ?? groupsByArticle(parts.duplicateGroups),
    articleOrder: derived.articleOrder ?? new Map(parts.articles.map((article, order) => [article.id, order])),
  };
}

/** Each index's near-duplicate tracker, handed on to the index an update makes of it (see updateCorpusIndex). */
const duplicateTrackers = new WeakMap<CorpusIndex, NearDuplicateTracker>();

/**
 * @internal the near-duplicate tracker of `index`, taken from it (an index updated from it gets it);
 * made from the index's articles when it has none (an index restored from a snapshot)
 */
export function takeDuplicateTracker(index: CorpusIndex, termIdsOf: (article: Article) => Int32Array): NearDuplicateTracker {
  let tracker = duplicateTrackers.get(index);
  duplicateTrackers.delete(index);
  if (tracker === undefined) {
    tracker = new NearDuplicateTracker();
    for (const article of index.articles) tracker.add(article, termIdsOf(article));
  }
  return tracker;
}

/** @internal makes the near-duplicate tracker of an index that has none (one restored from a snapshot), from each article's terms, and keeps it */
export function prepareDuplicateTracker(index: CorpusIndex, termIdsOf: (article: Article) => Int32Array): void {
  if (duplicateTrackers.has(index)) return;
  const tracker = takeDuplicateTracker(index, termIdsOf);
  // Compared now, not at the first update.
  tracker.groups(index.articles);
  duplicateTrackers.set(index, tracker);
}

/** @internal gives an index its near-duplicate tracker */
export function keepDuplicateTracker(index: CorpusIndex, tracker: NearDuplicateTracker): void {
  duplicateTrackers.set(index, tracker);
}

/** Each index's passage names (see {@link passageNames}), as its passage index holds them. */
const passageNamesOfIndex = new WeakMap<CorpusIndex, ReadonlyMap<string, readonly string[]>>();

/** @internal keeps the passage names an index was built with */
export function rememberPassageNames(index: CorpusIndex, names: ReadonlyMap<string, readonly string[]>): void {
  passageNamesOfIndex.set(index, names);
}

/** @internal the passage names an index holds: kept at build or update, else read from its people once */
export function passageNamesOf(index: CorpusIndex): ReadonlyMap<string, readonly string[]> {
  let names = passageNamesOfIndex.get(index);
  if (names === undefined) passageNamesOfIndex.set(index, (names = passageNames(index.passages, index.people)));
  return names;
}

/** @internal the group of each article that has near-duplicates */
export function groupsByArticle(groups: readonly DuplicateGroup[]): Map<string, DuplicateGroup> {
  const groupOf = new Map<string, DuplicateGroup>();
  for (const group of groups) for (const id of group.articleIds) groupOf.set(id, group);
  return groupOf;
}

/** @internal an article's analysed title and byline, analysed once per build or update */
export class ArticleFields {
  private readonly titles = new Map<Article, string[]>();
  private readonly bylines = new Map<Article, string>();

  titleTerms(article: Article): readonly string[] {
    let terms = this.titles.get(article);
    if (terms === undefined) this.titles.set(article, (terms = analyzedTerms(article.title)));
    return terms;
  }

  bylineTerms(article: Article): string {
    let byline = this.bylines.get(article);
    if (byline === undefined) {
      byline = analyzedTerms([article.publisher, article.author].filter((part) => part !== undefined).join('\n')).join(' ');
      this.bylines.set(article, byline);
    }
    return byline;
  }
}

/** @internal what the passage index holds for one passage (the same for a build and an update) */
export function indexedPassage(passage: Passage, article: Article, terms: readonly string[], names: readonly string[] | undefined, fields: ArticleFields): IndexedPassage {
  return {
    id: passage.id,
    title: fields.titleTerms(article).join(' '),
    names: analyzedTerms(names?.join('\n') ?? '').join(' '),
    byline: fields.bylineTerms(article),
    text: terms.join(' '),
  };
}

/** @internal what the title index holds for one article */
export function indexedTitle(article: Article): IndexedTitle {
  return { id: article.id, title: article.title, publisher: article.publisher ?? '' };
}

/**
 * For each passage, the name variants of the people it mentions: people in the directory's
 * order, each mention placed in the first passage (in `passages` order) whose span holds it.
 * `passages` must hold every passage of their articles; with `articleIds`, only people named in
 * those articles are read. Cost: linear in the mentions read and the passages.
 *
 * @internal
 */
export function passageNames(passages: readonly Passage[], people: PeopleDirectory, articleIds?: ReadonlySet<string>): Map<string, string[]> {
  const byArticle = new Map<string, Passage[]>();
  for (const passage of passages) {
    const list = byArticle.get(passage.articleId);
    if (list === undefined) byArticle.set(passage.articleId, [passage]);
    else list.push(passage);
  }
  const names = new Map<string, string[]>();
  for (const person of people.people) {
    // Only the given articles' passages: people named nowhere else are skipped without reading their mentions.
    if (articleIds !== undefined && !person.articleIds.some((id) => articleIds.has(id))) continue;
    visitMentionPlaces(person, (articleId, offset) => {
      if (offset === null) return;
      const passage = byArticle.get(articleId)?.find((candidate) => candidate.start <= offset && offset < candidate.end);
      if (!passage) return;
      let list = names.get(passage.id);
      if (list === undefined) names.set(passage.id, (list = []));
      for (const variant of person.variants) if (!list.includes(variant)) list.push(variant);
    });
  }
  return names;
}

/** Numbers for terms, shared by every index: near-duplicate detection compares articles' terms as numbers. */
const termNumbers = new Map<string, number>();
/** Each article's title and passage terms as numbers, kept while the article object lives. */
const articleTermIds = new WeakMap<Article, Int32Array>();

/** @internal keeps an article's terms (title, then passages) for near-duplicate detection */
export function rememberArticleTerms(article: Article, terms: readonly string[]): void {
  articleTermIds.set(
    article,
    Int32Array.from(terms, (term) => {
      let id = termNumbers.get(term);
      if (id === undefined) {
        if (termNumbers.size >= TERM_ID_LIMIT) throw new Error('corpus index: too many distinct terms');
        termNumbers.set(term, (id = termNumbers.size));
      }
      return id;
    }),
  );
}

/** @internal an article's terms as numbers, if kept (see {@link rememberArticleTerms}) */
export function articleTermNumbers(article: Article): Int32Array | undefined {
  return articleTermIds.get(article);
}

/** Each article's passages in order, per index: built the first time they are asked for (the index never changes after it is built). */
const articlePassagesCache = new WeakMap<CorpusIndex, ReadonlyMap<string, readonly Passage[]>>();

/**
 * The passages of an article, in order; empty for an unknown id. The first call on an index
 * groups all its passages by article (linear in the passages); later calls are a lookup.
 */
export function passagesOfArticle(index: CorpusIndex, articleId: string): readonly Passage[] {
  return articlePassagesOf(index).get(articleId) ?? [];
}

/** @internal each article's passages in order (see {@link passagesOfArticle}) */
export function articlePassagesOf(index: CorpusIndex): ReadonlyMap<string, readonly Passage[]> {
  let byArticle = articlePassagesCache.get(index);
  if (byArticle === undefined) {
    const lists = new Map<string, Passage[]>();
    for (const passage of index.passages) {
      const list = lists.get(passage.articleId);
      if (list === undefined) lists.set(passage.articleId, [passage]);
      else list.push(passage);
    }
    for (const list of lists.values()) list.sort((a, b) => a.position - b.position);
    byArticle = lists;
    articlePassagesCache.set(index, byArticle);
  }
  return byArticle;
}

/** @internal gives an index its articles' passages, when they are known (an update knows them) */
export function rememberArticlePassages(index: CorpusIndex, byArticle: ReadonlyMap<string, readonly Passage[]>): void {
  articlePassagesCache.set(index, byArticle);
}

/** Each article's hash (two 32-bit FNV-1a values), kept while the article object lives. */
const articleHashes = new WeakMap<Article, readonly [number, number]>();

function hashArticle(article: Article): readonly [number, number] {
  let hash = articleHashes.get(article);
  if (hash !== undefined) return hash;
  const text = [article.id, article.title, article.publisher, article.author, article.date, article.url, article.text].join('\u0000');
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
  }
  hash = [first >>> 0, second >>> 0];
  articleHashes.set(article, hash);
  return hash;
}

/**
 * A short, stable hash of the corpus content: eight hex digits shown in replies so that a user
 * can tell which corpus answered. Each article's metadata and text is hashed (FNV-1a, 32 bits,
 * twice with different seeds) once per article object, then the articles' hashes in order: a
 * corpus with one article changed costs one article's hashing.
 *
 * @example hashCorpus(index.articles) // '3f9a0c2b1d'
 */
export function hashCorpus(articles: readonly Article[]): string {
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ 0x5bd1e995;
  for (const article of articles) {
    for (const part of hashArticle(article)) {
      first = Math.imul(first ^ part, 0x01000193);
      second = Math.imul(second ^ part, 0x5bd1e995);
    }
  }
  return ((first >>> 0).toString(16).padStart(8, '0') + (second >>> 0).toString(16).padStart(8, '0')).slice(0, 10);
}
