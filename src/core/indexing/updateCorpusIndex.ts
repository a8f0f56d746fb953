/**
 * Updating an index for a few changed articles at the cost of those articles, not of the corpus:
 * what a running bot does when an article is added, edited or removed.
 */
import {
  analyzedTerms,
  articlePassagesOf,
  ArticleFields,
  rememberArticlePassages,
  articleTermNumbers,
  assembleCorpusIndex,
  hashCorpus,
  indexedPassage,
  indexedTitle,
  keepDuplicateTracker,
  passageNames,
  passageNamesOf,
  takeDuplicateTracker,
  passagesOfArticle,
  prepareDuplicateTracker,
  rememberPassageNames,
  rememberArticleTerms,
  PASSAGE_INDEX_OPTIONS,
  TITLE_INDEX_OPTIONS,
  type CorpusIndex,
  type IndexedPassage,
  type IndexedTitle,
} from './corpusIndex.js';
import { chunkArticle, type ChunkOptions } from '../ingest/chunk.js';
import { preparePeopleUpdate, updatePeopleDirectory } from '../people/directory.js';
import { getLexicons } from '../people/lexicon.js';
import { updateAbbreviationTable } from './abbreviationPairs.js';
import { OverlayMap } from './overlayMap.js';
import { TermTable } from './termTable.js';
import type { Article, Passage } from '../types.js';
import { prepareSearchIndexUpdate, updateSearchIndex } from './updateSearchIndex.js';

/** A change of the corpus: articles taken out, articles put in, and the corpus after it. */
export interface CorpusIndexChange {
  /** Ids of the index's articles to take out; an article whose content changed is removed and added again. */
  readonly removed: readonly string[];
  /** New articles (or new versions of removed ones). */
  readonly added: readonly Article[];
  /**
   * Every article after the change, in corpus order: the index's articles less the removed ones,
   * plus the added ones, each once (the order an index built from scratch would be given).
   */
  readonly articles: readonly Article[];
}

/**
 * The index of `change.articles`, made from `index` by taking out the removed articles and
 * putting in the added ones: the same articles, passages, terms, people, near-duplicate groups,
 * version and answers as `buildCorpusIndex(change.articles)`, for about the changed articles'
 * work. Chunking, term analysis and the reading of people (the costly part) are done for the added
 * articles only; the passage and title indexes take out and put in the changed documents and
 * share every other term's postings with `index` (see `updateSearchIndex`); passages whose
 * people's names changed (a new article gives a person a new form of their name) are indexed
 * again. People are merged again only where the changed articles' surnames reach, near-duplicate
 * pairs compared again only for the changed articles, and the version combines kept per-article
 * hashes. The next update of the result is as cheap. An index is updated once: the search
 * indexes hand their document maps on, so updating `index` again throws (build instead).
 *
 * `index` is not changed and keeps answering: the new index is a separate value, to swap in one
 * assignment. It shares read-only parts with `index` (articles, passages, postings).
 *
 * Cost: linear in the changed articles' text, plus passes over the corpus's passages, people and
 * terms with small constants: a fraction of a build's time (the measured times are in
 * docs/experiments.md, "Incremental updates" and "Corpus files, passages and index").
 *
 * @param chunkOptions the options `index` was built with
 * @throws Error (`corpus index update: …`) when the change does not fit the index (an unknown id
 *   removed, an id added twice, `articles` not the index's articles less the removed plus the
 *   added); `search index update: …` when `index` was updated already
 * @example const next = updateCorpusIndex(index, { removed: [], added: [article], articles: [...index.articles, article] });
 */
export function updateCorpusIndex(index: CorpusIndex, change: CorpusIndexChange, chunkOptions: ChunkOptions = {}): CorpusIndex {
  const { articles } = change;
  const addedIds = new Set(change.added.map((article) => article.id));
  const removedArticles = change.removed.map((id) => index.articleById.get(id)!);
  const articleById = new Map<string, Article>();
  const articleOrder = new Map<string, number>();
  articles.forEach((article, position) => {
    articleById.set(article.id, article);
    articleOrder.set(article.id, position);
  });
  const keptInOrder = checkChange(index, change, articleById);

  const addedPassages = new Map<string, Passage[]>(change.added.map((article) => [article.id, chunkArticle(article, chunkOptions)]));
  const passagesByArticle = OverlayMap.of(articlePassagesOf(index)).withChanges(change.removed, addedPassages);
  const passages: Passage[] = [];
  for (const article of articles) for (const passage of passagesByArticle.get(article.id)!) passages.push(passage);

  const { people, changedArticles } = updatePeopleDirectory(index.people, articles, removedArticles, change.added, articleOrder);
  const namesBefore = passageNamesOf(index);
  const namesAfter = changedArticles === undefined ? passageNames(passages, people) : updatePassageNames(namesBefore, passagesByArticle, people, changedArticles, index);

  // What the passage index loses and gains: the changed articles' passages, and passages whose names changed.
  const fields = new ArticleFields();
  const removedDocuments: IndexedPassage[] = [];
  const addedDocuments: IndexedPassage[] = [];
  const removedPassageIds: string[] = [];
  const addedTerms: Array<[string, readonly string[]]> = [];
  for (const article of removedArticles) {
    for (const passage of passagesOfArticle(index, article.id)) {
      removedDocuments.push(indexedPassage(passage, article, index.passageTerms.get(passage.id)!, namesBefore.get(passage.id), fields));
      removedPassageIds.push(passage.id);
    }
  }
  for (const article of change.added) {
    const terms: string[] = [...fields.titleTerms(article)];
    for (const passage of addedPassages.get(article.id)!) {
      const passageTerms = analyzedTerms(passage.text);
      terms.push(...passageTerms);
      addedTerms.push([passage.id, passageTerms]);
      addedDocuments.push(indexedPassage(passage, article, passageTerms, namesAfter.get(passage.id), fields));
    }
    rememberArticleTerms(article, terms);
  }
  // Names change only in the passages of articles whose people changed (all, when that is not known), taken in corpus order.
  const renamed =
    changedArticles === undefined
      ? passages
      : [...changedArticles]
          .filter((id) => !addedIds.has(id) && articleById.has(id))
          .sort((a, b) => articleOrder.get(a)! - articleOrder.get(b)!)
          .flatMap((id) => passagesByArticle.get(id)!);
  for (const passage of renamed) {
    if (addedIds.has(passage.articleId)) continue;
    const before = namesBefore.get(passage.id);
    const after = namesAfter.get(passage.id);
    if ((before?.join('\n') ?? '') === (after?.join('\n') ?? '')) continue;
    const article = articleById.get(passage.articleId)!;
    const terms = index.passageTerms.get(passage.id)!;
    removedDocuments.push(indexedPassage(passage, article, terms, before, fields));
    addedDocuments.push(indexedPassage(passage, article, terms, after, fields));
  }

  const passageSearch = updateSearchIndex(index.passageSearch, PASSAGE_INDEX_OPTIONS, {
    removed: removedDocuments,
    added: addedDocuments,
    order: passages.map((passage) => passage.id),
  });
  const titleSearch = updateSearchIndex<IndexedTitle>(index.titleSearch, TITLE_INDEX_OPTIONS, {
    removed: removedArticles.map(indexedTitle),
    added: change.added.map(indexedTitle),
    order: articles.map((article) => article.id),
  });

  const documentFrequency = new Map(index.documentFrequency);
  for (const id of removedPassageIds) {
    for (const term of new Set(index.passageTerms.get(id))) {
      const count = documentFrequency.get(term)! - 1;
      if (count > 0) documentFrequency.set(term, count);
      else documentFrequency.delete(term);
    }
  }
  for (const [, terms] of addedTerms) for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const passageTerms =
    index.passageTerms instanceof TermTable
      ? index.passageTerms.withChanges(removedPassageIds, addedTerms)
      : TermTable.from(passages.map((passage) => [passage.id, addedTerms.find(([id]) => id === passage.id)?.[1] ?? index.passageTerms.get(passage.id)!] as const));

  const tracker = takeDuplicateTracker(index, (article) => articleTermNumbers(article) ?? keptArticleTerms(index, article, fields));
  for (const id of change.removed) tracker.remove(id);
  for (const article of change.added) tracker.add(article, articleTermNumbers(article)!);
  const duplicateGroups = tracker.groups(articles, { keptInOrder });

  const next = assembleCorpusIndex(
    {
      articles,
      articleById,
      passages,
      passageTerms,
      documentFrequency,
      duplicateGroups,
      people,
      abbreviations: updateAbbreviationTable(index.abbreviations, removedArticles, change.added),
      version: hashCorpus(articles),
      passageSearch,
      titleSearch,
    },
    {
      articleOrder,
      ...(duplicateGroups === index.duplicateGroups ? { duplicateGroupOf: index.duplicateGroupOf } : {}),
      passageById: OverlayMap.of(index.passageById).withChanges(
        removedPassageIds,
        [...addedPassages.values()].flat().map((passage) => [passage.id, passage] as const),
      ),
    },
  );
  rememberPassageNames(next, namesAfter);
  rememberArticlePassages(next, passagesByArticle);
  keepDuplicateTracker(next, tracker);
  return next;
}

/**
 * Readies `index` for {@link updateCorpusIndex}: makes now what its first update would otherwise
 * make over the whole corpus, so that the first update costs what later ones do. An index
 * restored from a snapshot keeps only what answering needs: this makes the people merge's
 * working state (from the merge the snapshot saved), each passage's names, the near-duplicate
 * tracker and each article's passages; for any index, the search indexes' field lengths in
 * corpus order; and it loads the lexicons that reading an added article's
 * people needs (loaded on first use, else). For an index built or updated, only the lexicons may
 * be missing. Answers are unchanged; a second call costs nothing.
 *
 * Cost: passes over the corpus's passages, people and their mentions, and each article's terms
 * (seconds at 35,000 articles; see docs/performance.md, "Live updates"), plus loading the
 * lexicons (about half a second, once per process).
 *
 * @example const index = restoreCorpusIndex(articles, snapshot); prepareIndexUpdate(index); // then the first /add is as fast as the next
 */
export function prepareIndexUpdate(index: CorpusIndex): void {
  getLexicons();
  preparePeopleUpdate(index.people);
  articlePassagesOf(index);
  passageNamesOf(index);
  const fields = new ArticleFields();
  prepareDuplicateTracker(index, (article) => articleTermNumbers(article) ?? keptArticleTerms(index, article, fields));
  // Each article's hash, kept for the version of the next index.
  hashCorpus(index.articles);
  prepareSearchIndexUpdate(
    index.passageSearch,
    index.passages.map((passage) => passage.id),
  );
  prepareSearchIndexUpdate(
    index.titleSearch,
    index.articles.map((article) => article.id),
  );
}

/** The passage names after a change that touched the people of `changed` articles only: those articles' passages named again, the others' kept. */
function updatePassageNames(
  before: ReadonlyMap<string, readonly string[]>,
  passagesByArticle: ReadonlyMap<string, readonly Passage[]>,
  people: CorpusIndex['people'],
  changed: ReadonlySet<string>,
  index: CorpusIndex,
): OverlayMap<string, readonly string[]> {
  const removed: string[] = [];
  for (const id of changed) for (const passage of passagesOfArticle(index, id)) removed.push(passage.id);
  // Each changed article's passages (a mention is placed among its own article's passages only).
  const changedPassages: Passage[] = [];
  for (const id of changed) for (const passage of passagesByArticle.get(id) ?? []) changedPassages.push(passage);
  return OverlayMap.of(before).withChanges(removed, passageNames(changedPassages, people, changed));
}

/** The terms of an article of `index` (title, then passages) as numbers, for an index restored from a snapshot (which keeps none). */
function keptArticleTerms(index: CorpusIndex, article: Article, fields: ArticleFields): Int32Array {
  const terms = [...fields.titleTerms(article)];
  for (const passage of passagesOfArticle(index, article.id)) terms.push(...index.passageTerms.get(passage.id)!);
  rememberArticleTerms(article, terms);
  return articleTermNumbers(article)!;
}

/**
 * Checks that the change fits the index; tells whether the articles kept are in the same order
 * relative to one another as in the index.
 *
 * @param articleById the change's articles by id (fewer than the articles when an id is listed twice)
 */
function checkChange(index: CorpusIndex, change: CorpusIndexChange, articleById: ReadonlyMap<string, Article>): boolean {
  const fail = (why: string): never => {
    throw new Error(`corpus index update: ${why}`);
  };
  const removed = new Set<string>();
  for (const id of change.removed) {
    if (!index.articleById.has(id)) fail(`no article ${id} to remove`);
    if (removed.has(id)) fail(`${id} removed twice`);
    removed.add(id);
  }
  const added = new Map<string, Article>();
  for (const article of change.added) {
    if (added.has(article.id)) fail(`${article.id} added twice`);
    if (index.articleById.has(article.id) && !removed.has(article.id)) fail(`${article.id} is already in the index`);
    added.set(article.id, article);
  }
  if (articleById.size !== change.articles.length) {
    const seen = new Set<string>();
    for (const article of change.articles) {
      if (seen.has(article.id)) fail(`${article.id} listed twice in the articles`);
      seen.add(article.id);
    }
  }
  let keptInOrder = true;
  let lastKept = -1;
  for (const article of change.articles) {
    const kept = index.articleById.get(article.id) === article && !removed.has(article.id);
    if (!kept && added.get(article.id) !== article) fail(`${article.id} is in the articles but neither kept nor added`);
    if (!kept) continue;
    const before = index.articleOrder.get(article.id)!;
    if (before < lastKept) keptInOrder = false;
    lastKept = before;
  }
  if (articleById.size !== index.articles.length - removed.size + added.size) fail("the articles are not the index's less the removed plus the added");
  return keptInOrder;
}
