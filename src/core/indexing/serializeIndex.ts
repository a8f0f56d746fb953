/**
 * Saving a built index and restoring it: what a start-up needs so that it does not chunk,
 * analyse, read people and index the corpus again. Pure: sections of JSON text in and out; the
 * adapter decides where they are stored and when a snapshot still fits the corpus.
 */
import MiniSearch, { type Options } from 'minisearch';
import { compactPostings } from './compactPostings.js';
import { restoreAbbreviationTable, saveAbbreviationTable } from './abbreviationPairs.js';
import {
  ArticleFields,
  assembleCorpusIndex,
  PASSAGE_INDEX_OPTIONS,
  rememberArticleTerms,
  TITLE_INDEX_OPTIONS,
  type CorpusIndex,
  type IndexedPassage,
  type IndexedTitle,
} from './corpusIndex.js';
import type { DuplicateGroup } from './nearDuplicates.js';
import { restoreArticlePeople, restorePeopleMerge, saveArticlePeople, savePeopleMerge, type PeopleDirectory, type Person, type SavedArticlePeople } from '../people/directory.js';
import { packedMentions, packPeople, type PackedMention } from '../people/packedPeople.js';
import { preparePeopleLookup } from '../lookup/findPerson.js';
import { TermTable } from './termTable.js';
import type { Article, Passage } from '../types.js';

/** Changes whenever the layout of the sections does. */
export const INDEX_SNAPSHOT_FORMAT = 4;

/** The parts of a snapshot, in the order they are written. */
export const INDEX_SNAPSHOT_SECTIONS = [
  'corpus',
  'passages',
  'terms',
  'people',
  'articlePeople',
  'peopleMerge',
  'duplicates',
  'abbreviations',
  'passageSearch',
  'titleSearch',
] as const;

/**
 * A saved index: one JSON text per part, so that each stays well below the engine's string length
 * limit even for a large corpus, and the two search indexes are exactly MiniSearch's own
 * serialisation (`toJSON`), restored with `MiniSearch.loadJSON` and the same options.
 * The articles themselves are not saved: they are parsed from the corpus at every start.
 */
export type IndexSnapshot = { readonly [Section in (typeof INDEX_SNAPSHOT_SECTIONS)[number]]: string };

interface CorpusSection {
  readonly version: string;
  readonly articleIds: readonly string[];
}

/** Passages by column; a passage's text is its article's text between `start` and `end`, unless given in `texts`. */
interface PassagesSection {
  readonly ids: readonly string[];
  readonly article: readonly number[];
  readonly position: readonly number[];
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly texts: Readonly<Record<string, string>>;
}

/** Each passage's terms as indexes into `vocabulary` (passage `n` owns `ids[offsets[n]]` up to `ids[offsets[n + 1]]`), and the document frequencies. */
interface TermsSection {
  readonly vocabulary: readonly string[];
  readonly offsets: readonly number[];
  readonly ids: readonly number[];
  /** Term and number of passages, for every term counted. */
  readonly documentFrequency: Readonly<Record<string, number>>;
}

/** A mention, as the directory packs it (see {@link PackedMention}). */
type SavedMention = PackedMention;

interface SavedPerson extends Omit<Person, 'mentions' | 'articleIds'> {
  readonly mentions: readonly SavedMention[];
  readonly articleIds: readonly number[];
}

/**
 * Turns an index into snapshot sections. Cost: linear in the index; for a few thousand articles
 * a few hundred milliseconds, most of it MiniSearch's serialisation.
 *
 * @example const snapshot = serializeCorpusIndex(buildCorpusIndex(articles));
 */
export function serializeCorpusIndex(index: CorpusIndex): IndexSnapshot {
  const articleIndex = new Map(index.articles.map((article, position) => [article.id, position]));
  const passages: PassagesSection = { ids: [], article: [], position: [], start: [], end: [], texts: {} };
  index.passages.forEach((passage, row) => {
    const article = index.articleById.get(passage.articleId)!;
    (passages.ids as string[]).push(passage.id);
    (passages.article as number[]).push(articleIndex.get(passage.articleId)!);
    (passages.position as number[]).push(passage.position);
    (passages.start as number[]).push(passage.start);
    (passages.end as number[]).push(passage.end);
    if (article.text.slice(passage.start, passage.end) !== passage.text) (passages.texts as Record<string, string>)[row] = passage.text;
  });
  const table = TermTable.from(index.passages.map((passage) => [passage.id, index.passageTerms.get(passage.id) ?? []] as const));
  const { vocabulary, offsets, ids } = table.toIds();
  const terms: TermsSection = { vocabulary, offsets, ids, documentFrequency: Object.fromEntries(index.documentFrequency) };

  const corpus: CorpusSection = { version: index.version, articleIds: index.articles.map((article) => article.id) };
  return {
    corpus: JSON.stringify(corpus),
    passages: JSON.stringify(passages),
    terms: JSON.stringify(terms),
    people: JSON.stringify(index.people.people.map((person) => savePerson(person, index, articleIndex))),
    // Each article's people before the merge: an update of the restored index reads only the changed articles' (see updateCorpusIndex).
    articlePeople: JSON.stringify(index.articles.map(saveArticlePeople)),
    // How those were merged into the people (null when the directory keeps no merge): the restored index's first update merges again only where it reaches.
    peopleMerge: JSON.stringify(savePeopleMerge(index.people, articleIndex) ?? null),
    duplicates: JSON.stringify(index.duplicateGroups),
    abbreviations: saveAbbreviationTable(index.abbreviations),
    passageSearch: JSON.stringify(index.passageSearch),
    titleSearch: JSON.stringify(index.titleSearch),
  };
}

/**
 * Rebuilds the index of `articles` from a snapshot of it, without analysing any text: the
 * result answers exactly as {@link buildCorpusIndex} would. The caller makes sure that the
 * snapshot was taken of these articles with this code (the adapter keys it by the corpus files'
 * hash and the code's); the article ids are checked again here.
 *
 * @throws Error (`index snapshot: …`) when a section is missing or malformed, or does not fit the articles
 */
export function restoreCorpusIndex(articles: readonly Article[], snapshot: IndexSnapshot): CorpusIndex {
  const steps = restoreInSteps(articles, snapshot);
  let loaded: MiniSearch<never> | undefined;
  for (;;) {
    const step = steps.next(loaded);
    if (step.done) return step.value;
    if (step.value === PAUSE) {
      loaded = undefined;
      continue;
    }
    try {
      loaded = MiniSearch.loadJSON(step.value.load, step.value.options);
    } catch (error) {
      throw searchIndexError(error);
    }
  }
}

/**
 * {@link restoreCorpusIndex}, in slices: it awaits `pause()` between the snapshot's sections and
 * loads the search indexes with MiniSearch's `loadJSONAsync`, so that a process restoring a large
 * index (a bot swapping in a reloaded corpus) keeps answering meanwhile. Same result.
 *
 * @param pause resolves when other work has had its turn (the adapter passes a `setImmediate`)
 */
export async function restoreCorpusIndexInSlices(articles: readonly Article[], snapshot: IndexSnapshot, pause: () => Promise<void>): Promise<CorpusIndex> {
  const steps = restoreInSteps(articles, snapshot);
  let loaded: MiniSearch<never> | undefined;
  for (;;) {
    const step = steps.next(loaded);
    if (step.done) return step.value;
    if (step.value === PAUSE) {
      loaded = undefined;
      await pause();
      continue;
    }
    try {
      loaded = await MiniSearch.loadJSONAsync(step.value.load, step.value.options);
    } catch (error) {
      throw searchIndexError(error);
    }
  }
}

/** Where restoring may let other work run. */
const PAUSE = 'pause';
/** A step of a restore: a pause, or a search index to load (the loaded index is passed back). */
type RestoreStep = typeof PAUSE | { readonly load: string; readonly options: Options<never> };

function searchIndexError(error: unknown): Error {
  return new Error(`index snapshot: a search index cannot be loaded (${error instanceof Error ? error.message : String(error)})`);
}

/**
 * The restore, as a sequence: it yields where the caller may pause, and asks the caller to load
 * each search index (synchronously or not), which is passed back to it.
 */
function* restoreInSteps(articles: readonly Article[], snapshot: IndexSnapshot): Generator<RestoreStep, CorpusIndex, MiniSearch<never> | undefined> {
  for (const section of INDEX_SNAPSHOT_SECTIONS) {
    if (typeof snapshot[section] !== 'string') throw new Error(`index snapshot: the ${section} section is missing`);
  }
  const corpus = parseSection<CorpusSection>(snapshot, 'corpus');
  if (!Array.isArray(corpus.articleIds) || corpus.articleIds.length !== articles.length || corpus.articleIds.some((id, position) => articles[position]!.id !== id)) {
    throw new Error('index snapshot: taken of other articles');
  }

  const saved = parseSection<PassagesSection>(snapshot, 'passages');
  yield PAUSE;
  const passages: Passage[] = saved.ids.map((id, row) => {
    const article = articles[saved.article[row]!]!;
    const start = saved.start[row]!;
    const end = saved.end[row]!;
    return { id, articleId: article.id, position: saved.position[row]!, start, end, text: saved.texts[row] ?? article.text.slice(start, end) };
  });

  yield PAUSE;
  const terms = parseSection<TermsSection>(snapshot, 'terms');
  let passageTerms: TermTable;
  try {
    passageTerms = TermTable.fromIds(saved.ids, terms.vocabulary, terms.offsets, terms.ids);
  } catch (error) {
    throw new Error(`index snapshot: the terms section does not fit the passages (${error instanceof Error ? error.message : String(error)})`);
  }
  const documentFrequency = new Map(Object.entries(terms.documentFrequency));

  yield PAUSE;
  const people = restorePeople(parseSection<SavedPerson[]>(snapshot, 'people'), articles);
  const savedArticlePeople = parseSection<SavedArticlePeople[]>(snapshot, 'articlePeople');
  if (!Array.isArray(savedArticlePeople) || savedArticlePeople.length !== articles.length) throw new Error('index snapshot: the articlePeople section does not fit the articles');
  try {
    articles.forEach((article, position) => {
      restoreArticlePeople(article, savedArticlePeople[position]!);
    });
  } catch (error) {
    throw new Error(`index snapshot: the articlePeople section does not fit the articles (${error instanceof Error ? error.message : String(error)})`);
  }
  const peopleMerge = parseSection<number[][] | null>(snapshot, 'peopleMerge');
  if (peopleMerge !== null) {
    if (!Array.isArray(peopleMerge) || peopleMerge.length !== people.people.length || !peopleMerge.every((pairs) => Array.isArray(pairs) && pairs.every(Number.isInteger))) {
      throw new Error('index snapshot: the peopleMerge section does not fit the people');
    }
    restorePeopleMerge(people, articles, peopleMerge);
  }
  const duplicateGroups = parseSection<DuplicateGroup[]>(snapshot, 'duplicates');
  const abbreviations = restoreAbbreviationTable(snapshot.abbreviations);

  yield PAUSE;
  // Each article's terms for near-duplicate detection, as a build keeps them (see updateCorpusIndex).
  const fields = new ArticleFields();
  const termsByArticle = new Map<string, string[]>(articles.map((article) => [article.id, [...fields.titleTerms(article)]]));
  for (const passage of passages) termsByArticle.get(passage.articleId)!.push(...passageTerms.get(passage.id)!);
  for (const article of articles) rememberArticleTerms(article, termsByArticle.get(article.id)!);

  yield PAUSE;
  const passageSearch = (yield { load: snapshot.passageSearch, options: PASSAGE_INDEX_OPTIONS }) as unknown as MiniSearch<IndexedPassage>;
  yield PAUSE;
  const titleSearch = (yield { load: snapshot.titleSearch, options: TITLE_INDEX_OPTIONS }) as unknown as MiniSearch<IndexedTitle>;
  try {
    compactPostings(passageSearch);
    compactPostings(titleSearch);
  } catch (error) {
    throw searchIndexError(error);
  }
  if (passageSearch.documentCount !== passages.length || titleSearch.documentCount !== articles.length) {
    throw new Error('index snapshot: the search indexes do not hold the passages and articles');
  }

  return assembleCorpusIndex({
    articles,
    articleById: new Map(articles.map((article) => [article.id, article])),
    passages,
    passageTerms,
    documentFrequency,
    duplicateGroups,
    people,
    abbreviations,
    version: corpus.version,
    passageSearch,
    titleSearch,
  });
}

function parseSection<T>(snapshot: IndexSnapshot, section: (typeof INDEX_SNAPSHOT_SECTIONS)[number]): T {
  try {
    return JSON.parse(snapshot[section]) as T;
  } catch (error) {
    throw new Error(`index snapshot: the ${section} section is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function savePerson(person: Person, index: CorpusIndex, articleIndex: ReadonlyMap<string, number>): SavedPerson {
  const { id, name, variants, roles, firstDate, lastDate, coMentioned } = person;
  return {
    id,
    name,
    variants,
    roles,
    mentions: packedMentions(person, index.articles, articleIndex),
    articleIds: person.articleIds.map((id) => articleIndex.get(id)!),
    ...(firstDate === undefined ? {} : { firstDate }),
    ...(lastDate === undefined ? {} : { lastDate }),
    coMentioned,
  };
}

/** Restores the people, sharing strings where the JSON text repeats them: article ids, and the names of people named alongside. */
function restorePeople(saved: readonly SavedPerson[], articles: readonly Article[]): PeopleDirectory {
  const articleById = new Map(articles.map((article) => [article.id, article]));
  const savedById = new Map(saved.map((person) => [person.id, person]));
  let people: Person[];
  try {
    people = packPeople(
      saved.map((person) => ({
        ...person,
        roles: person.roles.map((role) => ({ ...role, articleId: articleById.get(role.articleId)?.id ?? role.articleId })),
        articleIds: person.articleIds.map((article) => articles[article]!.id),
        coMentioned: person.coMentioned.map((other) => {
          const named = savedById.get(other.personId);
          return named !== undefined && named.name === other.name ? { personId: named.id, name: named.name, articles: other.articles } : other;
        }),
      })),
      articles,
    );
  } catch (error) {
    throw new Error(`index snapshot: the people section does not fit the articles (${error instanceof Error ? error.message : String(error)})`);
  }
  const directory = { people, byId: new Map(people.map((person) => [person.id, person])) };
  preparePeopleLookup(directory);
  return directory;
}
