/**
 * The people directory: every person the corpus names, with the forms of their name, the roles
 * the articles give them, and every mention, built once at load and updated for the articles
 * that change.
 *
 * The parts: `articlePeople.ts` (one article's people, read once per article object),
 * `mergePeople.ts` (the merge across articles), `personRecord.ts` (a person's fields, ids and
 * people named alongside), `personRoles.ts` (roles read around a name), `packedPeople.ts`
 * (mentions packed as numbers).
 */
import type { Article, TextRange } from '../types.js';
import { preparePeopleLookup } from '../lookup/findPerson.js';
import { nameWordKeys } from './nameMatching.js';
import { mentionCount, packMention, packPeople, withIdentity } from './packedPeople.js';
import { readArticlePeople, type RawMention } from './articlePeople.js';
import { type ClusterRef, mergeAcrossArticles, type MergedPerson } from './mergePeople.js';
import { addCoMentions, assignIds, personSlug, toPerson } from './personRecord.js';

/** An article's people before the merge, as the index snapshot saves and restores them. */
export { restoreArticlePeople, saveArticlePeople, type SavedArticlePeople } from './articlePeople.js';

/** One place where the corpus names a person. */
export interface PersonMention {
  readonly articleId: string;
  /** The name as written (`Javad Zarif`), or the role that stands for the person (`the Supreme Leader`). */
  readonly form: string;
  /** The sentence it stands in, verbatim; for an author, the byline. */
  readonly sentence: string;
  /** Where the name stands in {@link sentence}. */
  readonly highlight: TextRange;
  /** Where the name stands in the article's text; null for an author from the front matter. */
  readonly offset: number | null;
}

/** A role an article gives a person, with when it says so. */
export interface PersonRole {
  readonly role: string;
  readonly articleId: string;
  readonly date?: string;
}

/** A person according to the corpus. */
export interface Person {
  /** A readable slug of the canonical name, unique in the directory. */
  readonly id: string;
  /** The fullest form the corpus uses (`Mohammad Javad Zarif`). */
  readonly name: string;
  /** Every form of the name the corpus uses, canonical first. */
  readonly variants: readonly string[];
  readonly roles: readonly PersonRole[];
  /** Mentions in corpus order. */
  readonly mentions: readonly PersonMention[];
  /** Articles that mention the person, in corpus order. */
  readonly articleIds: readonly string[];
  readonly firstDate?: string;
  readonly lastDate?: string;
  /** People most often named in the same articles, most shared articles first. */
  readonly coMentioned: ReadonlyArray<{ readonly personId: string; readonly name: string; readonly articles: number }>;
}

/** Every person the corpus names, and each by id. */
export interface PeopleDirectory {
  /** People, most mentioned first (ties by name). */
  readonly people: readonly Person[];
  readonly byId: ReadonlyMap<string, Person>;
}

/**
 * Reads the people of the corpus: person names found in every sentence (see
 * `extractPeople`), the authors of the front matter, and roles that stand for a person in an
 * article that names them with that role. Forms of one name are merged: within an article a
 * surname joins the full name; across articles names merge when surnames agree (allowing spelling
 * variants) and given names do not contradict (see `compatibleNames`). A surname shared by
 * two different people is never merged into either.
 *
 * Cost: linear in the corpus text, plus pairwise comparison of distinct names.
 */
export function buildPeopleDirectory(articles: readonly Article[]): PeopleDirectory {
  const state: PeopleState = { persons: [], personsByKey: new Map(), clustersByKey: new Map(), clustersOf: new Map(), drafts: new Map() };
  const clusters: ClusterRef[] = [];
  for (const article of articles) clusters.push(...indexClusters(state, article));
  return assembleDirectory(articles, state, mergeAcrossArticles(clusters), state.drafts, corpusOrder(articles));
}

/**
 * The directory of `articles`, made from `previous` (the directory of the articles before the
 * change) by merging again only the people whose names the removed and added articles share
 * (their surnames' keys, transitively): others keep their merge, person and packed mentions.
 * The same directory as {@link buildPeopleDirectory}; `previous` stays usable but can no longer
 * be updated itself (what an update needs is handed to the new directory). A directory without
 * that (restored from a snapshot) is built again from each article's people.
 *
 * Cost: the changed articles' people and the people sharing their surnames, plus passes over the
 * people (ids, people named alongside, packing, lookups).
 *
 * @example const { people } = updatePeopleDirectory(index.people, articles, [removedArticle], [addedArticle]);
 */
export function updatePeopleDirectory(
  previous: PeopleDirectory,
  articles: readonly Article[],
  removed: readonly Article[],
  added: readonly Article[],
  order: ReadonlyMap<string, number> = corpusOrder(articles),
): PeopleUpdate {
  const state = peopleStateOf(previous);
  if (state === undefined) return { people: buildPeopleDirectory(articles) };
  peopleStates.delete(previous);
  const changedKeys = new Set<string>();
  for (const article of removed) {
    for (const cluster of state.clustersOf.get(article.id) ?? []) {
      for (const key of cluster.keys) {
        changedKeys.add(key);
        state.clustersByKey.get(key)?.delete(cluster);
      }
    }
    state.clustersOf.delete(article.id);
  }
  for (const article of added) for (const cluster of indexClusters(state, article)) for (const key of cluster.keys) changedKeys.add(key);

  // The part of the corpus to merge again: every cluster reachable from the changed keys through shared keys.
  const keys = new Set(changedKeys);
  const region = new Set<ClusterRef>();
  const pending = [...changedKeys];
  while (pending.length > 0) {
    for (const cluster of state.clustersByKey.get(pending.pop()!) ?? []) {
      if (region.has(cluster)) continue;
      region.add(cluster);
      for (const key of cluster.keys) {
        if (keys.has(key)) continue;
        keys.add(key);
        pending.push(key);
      }
    }
  }
  const dropped = new Set<MergedPerson>();
  for (const key of keys) for (const person of state.personsByKey.get(key) ?? []) dropped.add(person);
  for (const person of dropped) for (const key of person.keys) state.personsByKey.get(key)?.delete(person);

  const clusters = [...region].sort((a, b) => order.get(a.articleId)! - order.get(b.articleId)! || a.position - b.position);
  const merged = mergeAcrossArticles(clusters);
  const kept = state.persons.filter((person) => !dropped.has(person));
  // All people in the order a build creates them: longer names first, then by the corpus order of the cluster that started them.
  const creation = (person: MergedPerson): [number, number, number] => [
    person.tokens.length > 1 ? -person.tokens.length : 0,
    order.get(person.creator.articleId)!,
    person.creator.position,
  ];
  const all = [...kept, ...merged].map((person) => ({ person, key: creation(person) }));
  all.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  const drafts = state.drafts;
  for (const person of dropped) drafts.delete(person);
  const changedArticles = new Set<string>([...removed, ...added].map((article) => article.id));
  for (const person of [...dropped, ...merged]) for (const mention of person.mentions) changedArticles.add(mention.articleId);
  return {
    people: assembleDirectory(
      articles,
      { ...state, persons: [] },
      all.map((each) => each.person),
      drafts,
      order,
      changedArticles,
    ),
    changedArticles,
  };
}

/** What {@link updatePeopleDirectory} gives: the directory, and the articles whose people changed (when known: else any may have). */
export interface PeopleUpdate {
  readonly people: PeopleDirectory;
  /** Articles naming a person merged again (their people's names or mentions may differ), and the removed and added ones. */
  readonly changedArticles?: ReadonlySet<string>;
}

/** A person of a directory as an update reuses it: its fields before ids, and its packed form. */
interface Draft {
  readonly fields: Omit<Person, 'id' | 'coMentioned' | 'mentions'>;
  readonly mentionCount: number;
  /** The slug of the name, the base of the id. */
  readonly slug?: string;
  /** The mentions, for a person not packed yet. */
  readonly mentions?: readonly PersonMention[];
  readonly packed?: Person;
}

/** What a directory keeps so that the next one is made by an update (see {@link updatePeopleDirectory}). */
interface PeopleState {
  persons: readonly MergedPerson[];
  readonly personsByKey: Map<string, Set<MergedPerson>>;
  readonly clustersByKey: Map<string, Set<ClusterRef>>;
  readonly clustersOf: Map<string, readonly ClusterRef[]>;
  readonly drafts: Map<MergedPerson, Draft>;
}

const peopleStates = new WeakMap<PeopleDirectory, PeopleState>();

/** Each article's position in `articles`, by id. */
function corpusOrder(articles: readonly Article[]): Map<string, number> {
  const order = new Map<string, number>();
  articles.forEach((article, position) => {
    order.set(article.id, position);
  });
  return order;
}
/** The state of a directory restored from a snapshot, made on first use (see {@link restorePeopleMerge}). */
const savedMerges = new WeakMap<PeopleDirectory, () => PeopleState | undefined>();

/** The state an update of `directory` starts from: kept, or made from the merge its snapshot saved; `undefined` when neither. */
function peopleStateOf(directory: PeopleDirectory): PeopleState | undefined {
  let state = peopleStates.get(directory);
  if (state !== undefined) return state;
  const restore = savedMerges.get(directory);
  if (restore === undefined) return undefined;
  savedMerges.delete(directory);
  state = restore();
  if (state !== undefined) peopleStates.set(directory, state);
  return state;
}

/**
 * Makes now the state an update of `directory` starts from, when it is to be made from a merge
 * restored from a snapshot (see {@link restorePeopleMerge}): the first update then costs what
 * later ones do. Nothing to do for a directory built or updated. Cost: a pass over the articles'
 * clusters and the people.
 */
export function preparePeopleUpdate(directory: PeopleDirectory): void {
  peopleStateOf(directory);
}

/**
 * How the merge across articles made each person of `directory`, for an index snapshot: per
 * person, in the directory's order, the article clusters merged into them as flattened
 * `[article number, cluster position]` pairs (numbers from `articleIndex`; positions among the
 * article's clusters as `saveArticlePeople` saves them), the cluster that started the person
 * first. With {@link restorePeopleMerge}, an index restored from the snapshot is updated as
 * cheaply as the one it was saved from. `undefined` when the directory keeps no merge (it was
 * updated since: its successor has it). Cost: a pass over the people and their clusters.
 *
 * @example savePeopleMerge(index.people, new Map(index.articles.map((article, n) => [article.id, n]))) // [[0, 1, 4, 0], [2, 0], …]
 */
export function savePeopleMerge(directory: PeopleDirectory, articleIndex: ReadonlyMap<string, number>): number[][] | undefined {
  const state = peopleStateOf(directory);
  if (state === undefined) return undefined;
  const clustersOf = new Map<Person, readonly ClusterRef[]>();
  for (const merged of state.persons) {
    const packed = state.drafts.get(merged)?.packed;
    if (packed !== undefined) clustersOf.set(packed, merged.clusters);
  }
  const saved: number[][] = [];
  for (const person of directory.people) {
    const clusters = clustersOf.get(person);
    if (clusters === undefined) return undefined;
    const pairs: number[] = [];
    for (const cluster of clusters) pairs.push(articleIndex.get(cluster.articleId)!, cluster.position);
    saved.push(pairs);
  }
  return saved;
}

/**
 * Gives a directory restored from a snapshot the merge {@link savePeopleMerge} saved, so that
 * its first update merges again only where the changed articles reach, as the directory it was
 * saved from would (instead of merging everyone again). `articles` are the restored index's
 * articles, with their people restored (`restoreArticlePeople`); the merge's state is made at the
 * first update (a pass over the articles' clusters and the people). A saved merge that does not fit
 * (a cluster named twice or never, a person's mention count other than their clusters') is not
 * used: that update builds the directory whole, with the same result.
 */
export function restorePeopleMerge(directory: PeopleDirectory, articles: readonly Article[], saved: ReadonlyArray<readonly number[]>): void {
  savedMerges.set(directory, () => stateFromSavedMerge(directory, articles, saved));
}

/** The update state of a restored directory from its saved merge; `undefined` when the merge does not fit the directory and articles. */
function stateFromSavedMerge(directory: PeopleDirectory, articles: readonly Article[], saved: ReadonlyArray<readonly number[]>): PeopleState | undefined {
  if (saved.length !== directory.people.length) return undefined;
  const state: PeopleState = { persons: [], personsByKey: new Map(), clustersByKey: new Map(), clustersOf: new Map(), drafts: new Map() };
  const byPosition: Array<Array<ClusterRef | undefined>> = [];
  let clusterCount = 0;
  for (const article of articles) {
    const refs = indexClusters(state, article);
    const slots: Array<ClusterRef | undefined> = [];
    for (const ref of refs) slots[ref.position] = ref;
    byPosition.push(slots);
    clusterCount += refs.length;
  }
  const persons: MergedPerson[] = [];
  const used = new Set<ClusterRef>();
  for (let index = 0; index < saved.length; index += 1) {
    const pairs = saved[index]!;
    const person = directory.people[index]!;
    if (pairs.length < 2 || pairs.length % 2 !== 0) return undefined;
    const clusters: ClusterRef[] = [];
    const mentions: RawMention[] = [];
    for (let at = 0; at < pairs.length; at += 2) {
      const cluster = byPosition[pairs[at]!]?.[pairs[at + 1]!];
      if (cluster === undefined || used.has(cluster)) return undefined;
      used.add(cluster);
      clusters.push(cluster);
      mentions.push(...cluster.mentions);
    }
    if (mentions.length !== mentionCount(person)) return undefined;
    const creator = clusters[0]!;
    const merged: MergedPerson = { mentions, tokens: creator.tokens, keys: creator.keys, creator, clusters };
    persons.push(merged);
    const { name, variants, roles, articleIds, firstDate, lastDate } = person;
    const fields = { name, variants, roles, articleIds, ...(firstDate === undefined ? {} : { firstDate }), ...(lastDate === undefined ? {} : { lastDate }) };
    state.drafts.set(merged, { fields, mentionCount: mentions.length, slug: personSlug(name), packed: person });
  }
  if (used.size !== clusterCount) return undefined;
  // In the order the merge creates people (as updatePeopleDirectory orders them): longer names first, then by the corpus order of the cluster that started them.
  const creation = (person: MergedPerson): number => (person.tokens.length > 1 ? -person.tokens.length : 0);
  const order = new Map(articles.map((article, index) => [article.id, index]));
  persons.sort((a, b) => creation(a) - creation(b) || order.get(a.creator.articleId)! - order.get(b.creator.articleId)! || a.creator.position - b.creator.position);
  setPersons(state, persons);
  return state;
}

/** Makes `persons` the merge state's people, indexed by their surname keys. */
function setPersons(state: PeopleState, persons: readonly MergedPerson[]): void {
  state.persons = persons;
  for (const person of persons) {
    for (const key of person.keys) {
      let set = state.personsByKey.get(key);
      if (set === undefined) state.personsByKey.set(key, (set = new Set()));
      set.add(person);
    }
  }
}

/** Indexes an article's clusters by their surname keys (those with a name: a cluster of roles only joins no one). */
function indexClusters(state: PeopleState, article: Article): ClusterRef[] {
  const refs: ClusterRef[] = [];
  readArticlePeople(article).forEach((mentions, position) => {
    const tokens = mentions.reduce((best, mention) => (mention.tokens.length > best.length ? mention.tokens : best), [] as readonly string[]);
    if (tokens.length === 0) return;
    const ref: ClusterRef = { articleId: article.id, position, mentions, tokens, keys: nameWordKeys(tokens.at(-1)!) };
    refs.push(ref);
    for (const key of ref.keys) {
      let set = state.clustersByKey.get(key);
      if (set === undefined) state.clustersByKey.set(key, (set = new Set()));
      set.add(ref);
    }
  });
  state.clustersOf.set(article.id, refs);
  return refs;
}

/**
 * The directory of people merged in creation order: ids, people named alongside, order, packed
 * mentions. `drafts` holds the people of the previous directory that are kept (their person and
 * packed mentions are reused); the state given becomes the new directory's.
 */
function assembleDirectory(
  articles: readonly Article[],
  state: PeopleState,
  persons: readonly MergedPerson[],
  drafts: Map<MergedPerson, Draft>,
  order: ReadonlyMap<string, number>,
  changedArticles?: ReadonlySet<string>,
): PeopleDirectory {
  const dates = { get: (id: string): string | undefined => articles[order.get(id)!]?.date };
  const people = persons.map((merged) => {
    let draft = drafts.get(merged);
    if (draft === undefined) {
      const { mentions, ...fields } = toPerson(merged.mentions, order, dates);
      draft = { fields, mentionCount: mentions.length, mentions };
      drafts.set(merged, draft);
    }
    return {
      merged,
      draft,
      name: draft.fields.name,
      slug: draft.slug,
      articleIds: draft.fields.articleIds,
      mentionCount: draft.mentionCount,
      id: '',
      coMentioned: [] as Person['coMentioned'],
    };
  });
  assignIds(people);
  for (const person of people) if (person.draft.slug === undefined) drafts.set(person.merged, (person.draft = { ...person.draft, slug: person.slug! }));
  // After an update with every kept person's id unchanged, only people named in the changed articles (or new) can have others named alongside changed.
  const sameIds = changedArticles !== undefined && people.every((person) => person.draft.packed === undefined || person.draft.packed.id === person.id);
  if (!sameIds) addCoMentions(people);
  else {
    const stale = people.filter((person) => person.draft.packed === undefined || person.articleIds.some((id) => changedArticles.has(id)));
    for (const person of people) if (person.draft.packed !== undefined) person.coMentioned = person.draft.packed.coMentioned;
    addCoMentions(people, new Set(stale));
  }
  people.sort((a, b) => b.mentionCount - a.mentionCount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Mentions are kept as numbers into the articles' text (see packPeople), not as objects and strings; kept people keep theirs.
  const fresh = people.filter((person) => person.draft.packed === undefined);
  const packedFresh = packPeople(
    fresh.map((person) => ({
      ...person.draft.fields,
      id: person.id,
      coMentioned: person.coMentioned,
      mentions: person.draft.mentions!.map((mention) => packMention(mention, articles, order)),
    })),
    articles,
  );
  const packedOf = new Map(fresh.map((person, position) => [person, packedFresh[position]!]));
  const packed = people.map((person) => {
    const before = person.draft.packed;
    const made =
      before === undefined
        ? packedOf.get(person)!
        : before.id === person.id && sameCoMentioned(before.coMentioned, person.coMentioned)
          ? before
          : withIdentity(before, person.id, person.coMentioned);
    if (made !== before) {
      const { mentions: _decoded, ...fields } = person.draft;
      drafts.set(person.merged, { ...fields, packed: made });
    }
    return made;
  });
  setPersons(state, persons);
  const directory = { people: packed, byId: new Map(packed.map((person) => [person.id, person])) };
  peopleStates.set(directory, state);
  preparePeopleLookup(directory);
  return directory;
}

function sameCoMentioned(a: Person['coMentioned'], b: Person['coMentioned']): boolean {
  return (
    a.length === b.length && a.every((each, position) => each.personId === b[position]!.personId && each.name === b[position]!.name && each.articles === b[position]!.articles)
  );
}
