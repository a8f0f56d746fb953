/**
 * The people directory: every person the corpus names, with the forms of their name, the roles
 * the articles give them, and every mention, built once at load.
 */
import { slugify } from '../ingest/parseCorpus.js';
import { splitSentences } from '../text/sentences.js';
import type { Article, TextRange } from '../types.js';
import { extractPeople } from './extractPeople.js';
import { preparePeopleLookup } from '../lookup/findPerson.js';
import { compatibleNames, nameTokens, nameWordKeys, sameNameWord } from './nameMatching.js';
import { packMention, packPeople, withIdentity } from './packedPeople.js';

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

export interface PeopleDirectory {
  /** People, most mentioned first (ties by name). */
  readonly people: readonly Person[];
  readonly byId: ReadonlyMap<string, Person>;
}

const MAX_CO_MENTIONED = 5;

/** Head words of a role ("foreign minister", "ambassador to the U.N.", "Supreme Leader"). */
const ROLE_NOUNS = new Set([
  'minister', 'president', 'premier', 'chancellor', 'ambassador', 'envoy', 'representative', 'advisor', 'adviser',
  'spokesperson', 'spokesman', 'spokeswoman', 'secretary', 'leader', 'hawk', 'official', 'chief', 'director', 'head',
  'chairman', 'chairwoman', 'chair', 'commander', 'general', 'governor', 'senator', 'mayor', 'king', 'queen', 'prince',
  'ayatollah', 'analyst', 'editor', 'correspondent', 'reporter', 'diplomat', 'negotiator', 'deputy', 'founder', 'ceo',
  'counterpart', 'counterparts', 'researcher', 'professor', 'author', 'lawmaker', 'congressman', 'congresswoman',
  'judge', 'prosecutor', 'coach', 'captain', 'striker', 'manager', 'candidate', 'emir', 'sheikh', 'sultan', 'colonel',
]);
/** Lowercase words that may stand inside a role before its head word. */
const ROLE_MODIFIERS = new Set([
  'foreign', 'prime', 'deputy', 'special', 'former', 'senior', 'national', 'supreme', 'vice', 'acting', 'top',
  'defense', 'defence', 'security', 'state', 'interior', 'finance', 'economy', 'trade', 'energy', 'oil', 'nuclear',
  'chief', 'executive', 'general', 'military', 'presidential', 'political', 'assistant', 'associate', 'lead',
]);
const ROLE_CONNECTORS = new Set(['to', 'for', 'of', 'the', 'and', 'on']);
const ROLE_WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

interface RawMention extends PersonMention {
  readonly tokens: readonly string[];
  readonly role?: string;
}

/**
 * Reads the people of the corpus: person names found in every sentence (see
 * {@link extractPeople}), the authors of the front matter, and roles that stand for a person in an
 * article that names them with that role. Forms of one name are merged: within an article a
 * surname joins the full name; across articles names merge when surnames agree (allowing spelling
 * variants) and given names do not contradict (see {@link compatibleNames}). A surname shared by
 * two different people is never merged into either.
 *
 * Cost: linear in the corpus text, plus pairwise comparison of distinct names.
 */
export function buildPeopleDirectory(articles: readonly Article[]): PeopleDirectory {
  const state: PeopleState = { persons: [], personsByKey: new Map(), clustersByKey: new Map(), clustersOf: new Map(), drafts: new Map() };
  const clusters: ClusterRef[] = [];
  for (const article of articles) clusters.push(...indexClusters(state, article));
  return assembleDirectory(articles, state, mergeAcrossArticles(clusters), state.drafts);
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
export function updatePeopleDirectory(previous: PeopleDirectory, articles: readonly Article[], removed: readonly Article[], added: readonly Article[]): PeopleUpdate {
  const state = peopleStates.get(previous);
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

  const order = new Map(articles.map((article, index) => [article.id, index]));
  const clusters = [...region].sort((a, b) => order.get(a.articleId)! - order.get(b.articleId)! || a.position - b.position);
  const merged = mergeAcrossArticles(clusters);
  const kept = state.persons.filter((person) => !dropped.has(person));
  // All people in the order a build creates them: longer names first, then by the corpus order of the cluster that started them.
  const creation = (person: MergedPerson): [number, number, number] => [person.tokens.length > 1 ? -person.tokens.length : 0, order.get(person.creator.articleId)!, person.creator.position];
  const all = [...kept, ...merged].map((person) => ({ person, key: creation(person) }));
  all.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  const drafts = state.drafts;
  for (const person of dropped) drafts.delete(person);
  const changedArticles = new Set<string>([...removed, ...added].map((article) => article.id));
  for (const person of [...dropped, ...merged]) for (const mention of person.mentions) changedArticles.add(mention.articleId);
  return { people: assembleDirectory(articles, { ...state, persons: [] }, all.map((each) => each.person), drafts, changedArticles), changedArticles };
}

/** What {@link updatePeopleDirectory} gives: the directory, and the articles whose people changed (when known: else any may have). */
export interface PeopleUpdate {
  readonly people: PeopleDirectory;
  /** Articles naming a person merged again (their people's names or mentions may differ), and the removed and added ones. */
  readonly changedArticles?: ReadonlySet<string>;
}

/** One article's cluster of mentions of one person, with the name it is merged by. */
interface ClusterRef {
  readonly articleId: string;
  /** Its position among its article's clusters. */
  readonly position: number;
  readonly mentions: readonly RawMention[];
  /** Its fullest name's tokens. */
  readonly tokens: readonly string[];
  /** The keys of its surname (see `nameWordKeys`): clusters sharing none never meet in the merge. */
  readonly keys: readonly string[];
}

/** A person as the merge across articles makes them. */
interface MergedPerson {
  readonly mentions: RawMention[];
  /** The fullest name of the cluster that started the person, and its surname's keys. */
  readonly tokens: readonly string[];
  readonly keys: readonly string[];
  readonly creator: ClusterRef;
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
function assembleDirectory(articles: readonly Article[], state: PeopleState, persons: readonly MergedPerson[], drafts: Map<MergedPerson, Draft>, changedArticles?: ReadonlySet<string>): PeopleDirectory {
  const order = new Map(articles.map((article, index) => [article.id, index]));
  const dates = new Map(articles.map((article) => [article.id, article.date]));
  const people = persons.map((merged) => {
    let draft = drafts.get(merged);
    if (draft === undefined) {
      const { mentions, ...fields } = toPerson(merged.mentions, order, dates);
      draft = { fields, mentionCount: mentions.length, mentions };
      drafts.set(merged, draft);
    }
    return { merged, draft, name: draft.fields.name, slug: draft.slug, articleIds: draft.fields.articleIds, mentionCount: draft.mentionCount, id: '', coMentioned: [] as Person['coMentioned'] };
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
    fresh.map((person) => ({ ...person.draft.fields, id: person.id, coMentioned: person.coMentioned, mentions: person.draft.mentions!.map((mention) => packMention(mention, articles, order)) })),
    articles,
  );
  const packedOf = new Map(fresh.map((person, position) => [person, packedFresh[position]!]));
  const packed = people.map((person) => {
    const before = person.draft.packed;
    const made = before === undefined ? packedOf.get(person)! : before.id === person.id && sameCoMentioned(before.coMentioned, person.coMentioned) ? before : withIdentity(before, person.id, person.coMentioned);
    if (made !== before) {
      const { mentions: _decoded, ...fields } = person.draft;
      drafts.set(person.merged, { ...fields, packed: made });
    }
    return made;
  });
  state.persons = persons;
  for (const person of persons) {
    for (const key of person.keys) {
      let set = state.personsByKey.get(key);
      if (set === undefined) state.personsByKey.set(key, (set = new Set()));
      set.add(person);
    }
  }
  const directory = { people: packed, byId: new Map(packed.map((person) => [person.id, person])) };
  peopleStates.set(directory, state);
  preparePeopleLookup(directory);
  return directory;
}

function sameCoMentioned(a: Person['coMentioned'], b: Person['coMentioned']): boolean {
  return a.length === b.length && a.every((each, position) => each.personId === b[position]!.personId && each.name === b[position]!.name && each.articles === b[position]!.articles);
}

/**
 * Each article's people as read before the merge across articles (the costly part: names found
 * in every sentence), kept while the article object lives, so that a directory built again for a
 * corpus with a few articles changed (see `updateCorpusIndex`) reads only those. Articles are
 * immutable values, so an article object's people never change.
 */
const articlePeople = new WeakMap<Article, readonly RawMention[][]>();

/** The mentions of one article grouped by person, read once per article object (see {@link articlePeople}). */
function readArticlePeople(article: Article): readonly RawMention[][] {
  let clusters = articlePeople.get(article);
  if (clusters === undefined) articlePeople.set(article, (clusters = clusterArticle(article)));
  return clusters;
}

/**
 * A mention as an index snapshot keeps it: the offset in the article (-1: none); the sentence as
 * its start in the article's text (when it is that slice) or as text; the sentence's length; the
 * highlight's start and end in the sentence; the form (null: the highlighted part of the
 * sentence); the role (null: none); the name's tokens.
 */
type SavedMention = readonly [offset: number, sentence: number | string, length: number, start: number, end: number, form: string | null, role: string | null, tokens: readonly string[]];

/** An article's people as read before the merge across articles, as an index snapshot keeps them (see {@link saveArticlePeople}). */
export type SavedArticlePeople = ReadonlyArray<ReadonlyArray<SavedMention>>;

/**
 * An article's people as read before the merge across articles, for an index snapshot: restored
 * with {@link restoreArticlePeople}, they spare an index restored from the snapshot reading the
 * people of every article again at its first update. Reads them if not read yet.
 *
 * @example JSON.stringify(index.articles.map(saveArticlePeople))
 */
export function saveArticlePeople(article: Article): SavedArticlePeople {
  return readArticlePeople(article).map((cluster) =>
    cluster.map((mention): SavedMention => {
      const sentenceStart = mention.offset === null ? -1 : mention.offset - mention.highlight.start;
      const inText = sentenceStart >= 0 && article.text.startsWith(mention.sentence, sentenceStart);
      const form = mention.sentence.slice(mention.highlight.start, mention.highlight.end) === mention.form ? null : mention.form;
      return [mention.offset ?? -1, inText ? sentenceStart : mention.sentence, mention.sentence.length, mention.highlight.start, mention.highlight.end, form, mention.role ?? null, mention.tokens];
    }),
  );
}

/**
 * Keeps an article's people as saved by {@link saveArticlePeople}, as if read from the article.
 *
 * @throws Error when a mention does not fit the article's text
 * @example articles.forEach((article, position) => restoreArticlePeople(article, saved[position]));
 */
export function restoreArticlePeople(article: Article, saved: SavedArticlePeople): void {
  const clusters = saved.map((cluster) =>
    cluster.map(([offset, sentenceAt, length, start, end, form, role, tokens]): RawMention => {
      if (typeof sentenceAt === 'number' && (sentenceAt < 0 || sentenceAt + length > article.text.length)) throw new Error(`people: a mention is outside the text of ${article.id}`);
      const sentence = typeof sentenceAt === 'number' ? article.text.slice(sentenceAt, sentenceAt + length) : sentenceAt;
      if (!Array.isArray(tokens) || start < 0 || end > sentence.length) throw new Error(`people: a mention of ${article.id} is malformed`);
      return { articleId: article.id, form: form ?? sentence.slice(start, end), sentence, highlight: { start, end }, offset: offset < 0 ? null : offset, tokens, ...(role === null ? {} : { role }) };
    }),
  );
  articlePeople.set(article, clusters);
}

/** The mentions of one article grouped by person: full names with their surnames and role titles. */
function clusterArticle(article: Article): RawMention[][] {
  const sentences = splitSentences(article.text);
  const texts = sentences.map((range) => article.text.slice(range.start, range.end));
  const spans = extractPeople(texts);
  const mentions: RawMention[] = [];
  spans.forEach((sentenceSpans, index) => {
    const sentence = texts[index]!;
    const sentenceStart = sentences[index]!.start;
    sentenceSpans.forEach((span, position) => {
      const tokens = nameTokens(span.text);
      if (tokens.length === 0) return;
      // A role stops at the name before it ("minister Javad Zarif and Russian foreign minister Sergei Lavrov").
      const previousEnd = position > 0 ? sentenceSpans[position - 1]!.end : 0;
      const role = roleBefore(sentence, span.start, previousEnd) ?? roleAfter(sentence, span.end);
      mentions.push({
        articleId: article.id,
        form: span.text,
        sentence,
        highlight: { start: span.start, end: span.end },
        offset: sentenceStart + span.start,
        tokens,
        ...(role === undefined ? {} : { role }),
      });
    });
  });
  if (article.author) {
    for (const author of article.author.split(/\s*(?:,|&|\band\b)\s*/u).filter((name) => name.length > 0)) {
      const byline = `Author of “${article.title}”`;
      mentions.push({ articleId: article.id, form: author, sentence: byline, highlight: { start: 0, end: 0 }, offset: null, tokens: nameTokens(author), role: 'author' });
    }
  }

  // Full names first, so that a surname joins the person it abbreviates.
  const clusters: RawMention[][] = [];
  const byLength = [...mentions].sort((a, b) => b.tokens.length - a.tokens.length);
  for (const mention of byLength) {
    const candidates = clusters.filter((cluster) => cluster.some((other) => compatibleNames(mention.tokens, other.tokens)));
    if (candidates.length === 1) candidates[0]!.push(mention);
    else clusters.push([mention]);
  }
  for (const cluster of clusters) cluster.push(...roleTitleMentions(article, cluster, mentions));
  return clusters;
}

/** A person's most recent role, preferring any other to "author": for one-line labels. */
export function latestRole(person: Pick<Person, 'roles'>): string | undefined {
  const dated = [...person.roles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return dated.find((role) => role.role !== 'author')?.role ?? dated[0]?.role;
}

/**
 * Merges article clusters that name the same person; a bare surname shared by several people
 * stays apart. People are looked up by their surname's keys, so the cost grows with the corpus,
 * not with its square.
 */
function mergeAcrossArticles(clusters: readonly ClusterRef[]): MergedPerson[] {
  interface Candidate extends MergedPerson {
    /** Position in `people`: candidates are tried in the order people were found. */
    readonly order: number;
  }
  const people: Candidate[] = [];
  const bySurname = new Map<string, Candidate[]>();
  const candidates = (keys: readonly string[]): Candidate[] => {
    const found = new Set<Candidate>();
    for (const key of keys) for (const person of bySurname.get(key) ?? []) found.add(person);
    return [...found].sort((a, b) => a.order - b.order);
  };
  const add = (cluster: ClusterRef): void => {
    const person: Candidate = { mentions: [...cluster.mentions], tokens: cluster.tokens, keys: cluster.keys, creator: cluster, order: people.length };
    people.push(person);
    for (const key of cluster.keys) {
      const list = bySurname.get(key);
      if (list === undefined) bySurname.set(key, [person]);
      else list.push(person);
    }
  };

  const surnameOnly: ClusterRef[] = [];
  // Longest names first (a stable sort: clusters of equal length stay in corpus order).
  for (const cluster of [...clusters].sort((a, b) => b.tokens.length - a.tokens.length)) {
    const { tokens } = cluster;
    if (tokens.length === 1) {
      surnameOnly.push(cluster);
      continue;
    }
    const match = candidates(cluster.keys).find((person) => compatibleNames(tokens, person.tokens));
    if (match) match.mentions.push(...cluster.mentions);
    else add(cluster);
  }
  for (const cluster of surnameOnly) {
    const { tokens } = cluster;
    const nearby = candidates(cluster.keys);
    const matches = nearby.filter((person) => person.tokens.length > 1 && compatibleNames(tokens, person.tokens));
    if (matches.length === 1) {
      matches[0]!.mentions.push(...cluster.mentions);
      continue;
    }
    const sameSurname = nearby.find((person) => person.tokens.length === 1 && sameNameWord(person.tokens[0]!, tokens[0]!));
    if (sameSurname && matches.length === 0) sameSurname.mentions.push(...cluster.mentions);
    else add(cluster);
  }
  return people.map(({ order: _order, ...person }) => person);
}

function toPerson(mentions: RawMention[], order: ReadonlyMap<string, number>, dates: ReadonlyMap<string, string | undefined>): Person & { id: string; coMentioned: Person['coMentioned'] } {
  const sorted = [...mentions].sort((a, b) => order.get(a.articleId)! - order.get(b.articleId)! || (a.offset ?? -1) - (b.offset ?? -1));
  const names = sorted.filter((mention) => !/^the\s/iu.test(mention.form));
  const counts = new Map<string, number>();
  for (const mention of names) counts.set(mention.form, (counts.get(mention.form) ?? 0) + 1);
  const byPreference = [...counts.keys()].sort(
    (a, b) => nameTokens(b).length - nameTokens(a).length || counts.get(b)! - counts.get(a)! || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  const name = byPreference[0] ?? sorted[0]!.form;
  const variants = [name, ...[...new Set(sorted.map((mention) => mention.form))].filter((form) => form !== name)];
  const roles: PersonRole[] = [];
  const rolesSeen = new Set<string>();
  for (const mention of sorted) {
    if (mention.role === undefined) continue;
    const key = `${mention.articleId}\u0000${mention.role.toLowerCase()}`;
    if (rolesSeen.has(key)) continue;
    rolesSeen.add(key);
    const date = dates.get(mention.articleId);
    roles.push({ role: mention.role, articleId: mention.articleId, ...(date === undefined ? {} : { date }) });
  }
  const articleIds = [...new Set(sorted.map((mention) => mention.articleId))];
  const articleDates = articleIds.map((id) => dates.get(id)).filter((date): date is string => date !== undefined).sort();
  return {
    id: '',
    name,
    variants,
    roles,
    mentions: sorted.map(({ articleId, form, sentence, highlight, offset }) => ({ articleId, form, sentence, highlight, offset })),
    articleIds,
    ...(articleDates.length > 0 ? { firstDate: articleDates[0]!, lastDate: articleDates.at(-1)! } : {}),
    coMentioned: [],
  };
}

function assignIds(people: Array<{ readonly name: string; slug?: string | undefined; id: string }>): void {
  const used = new Set<string>();
  for (const person of people) {
    const base = (person.slug ??= slugify(person.name) || 'person');
    let id = base;
    for (let suffix = 2; used.has(id); suffix += 1) id = `${base}-${suffix}`;
    used.add(id);
    person.id = id;
  }
}

interface CoMentionable {
  readonly id: string;
  readonly name: string;
  readonly articleIds: readonly string[];
  readonly mentionCount: number;
  coMentioned: Person['coMentioned'];
}

/** Sets the people most often named alongside each person (of `only`, when given: the others keep theirs). */
function addCoMentions(people: CoMentionable[], only?: ReadonlySet<CoMentionable>): void {
  let wanted: Set<string> | undefined;
  if (only !== undefined) {
    wanted = new Set();
    for (const person of only) for (const id of person.articleIds) wanted.add(id);
  }
  const byArticle = new Map<string, CoMentionable[]>();
  for (const person of people) {
    for (const id of person.articleIds) {
      if (wanted !== undefined && !wanted.has(id)) continue;
      const list = byArticle.get(id);
      if (list === undefined) byArticle.set(id, [person]);
      else list.push(person);
    }
  }
  for (const person of only ?? people) {
    const shared = new Map<CoMentionable, number>();
    for (const id of person.articleIds) for (const other of byArticle.get(id) ?? []) if (other !== person) shared.set(other, (shared.get(other) ?? 0) + 1);
    person.coMentioned = [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || b[0].mentionCount - a[0].mentionCount || (a[0].name < b[0].name ? -1 : 1))
      .slice(0, MAX_CO_MENTIONED)
      .map(([other, articles]) => ({ personId: other.id, name: other.name, articles }));
  }
}

/**
 * The role written just before a name: "Iranian foreign minister", "U.S. ambassador to the U.N.",
 * "National Security Advisor". Read backwards over capitalised words, acronyms, role words and
 * connectors, up to punctuation, another word or `from` (the end of the previous name); kept
 * only if it holds a role word.
 */
export function roleBefore(sentence: string, nameStart: number, from = 0): string | undefined {
  const words = [...sentence.slice(from, nameStart).matchAll(ROLE_WORD)].map((match) => ({ text: match[0], start: from + match.index, end: from + match.index + match[0].length }));
  let first = words.length;
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = words[index]!;
    const gap = sentence.slice(word.end, index + 1 < words.length ? words[index + 1]!.start : nameStart);
    if (!/^\s+$/u.test(gap) && !(gap === '' && index === words.length - 1)) break;
    if (!isRoleWord(word.text)) break;
    first = index;
  }
  const taken = words.slice(first);
  while (taken.length > 0 && ROLE_CONNECTORS.has(taken[0]!.text.toLowerCase())) taken.shift();
  if (!taken.some((word) => ROLE_NOUNS.has(stripPossessive(word.text).toLowerCase()))) return undefined;
  return sentence.slice(taken[0]!.start, taken.at(-1)!.end);
}

/** An appositive role after a name: "Ned Price, the State Department spokesperson, said". */
export function roleAfter(sentence: string, nameEnd: number): string | undefined {
  const match = /^,\s+((?:the|a|an)\s+)?([^,.;:“”"()]{3,80}?)(?=,|\.(?:\s|$)|;)/u.exec(sentence.slice(nameEnd));
  const phrase = match?.[2]?.trim();
  if (!phrase) return undefined;
  const words = phrase.split(/\s+/u);
  if (words.length > 8 || !words.every(isRoleWord)) return undefined;
  return words.some((word) => ROLE_NOUNS.has(stripPossessive(word).toLowerCase())) ? phrase : undefined;
}

function isRoleWord(word: string): boolean {
  const bare = stripPossessive(word);
  const lower = bare.toLowerCase();
  if (ROLE_NOUNS.has(lower) || ROLE_MODIFIERS.has(lower) || ROLE_CONNECTORS.has(lower)) return true;
  return /^\p{Lu}/u.test(bare);
}

function stripPossessive(word: string): string {
  return word.replace(/['’]s$/u, '');
}

/**
 * Mentions of a person by a capitalised title of two or more words ("the Supreme Leader") in an
 * article that gives them that title right before their name, when no one else there has it.
 */
function roleTitleMentions(article: Article, cluster: readonly RawMention[], all: readonly RawMention[]): RawMention[] {
  const titles = new Set<string>();
  for (const mention of cluster) {
    const title = /((?:\p{Lu}[\p{L}-]*\s+)+\p{Lu}[\p{L}-]*)$/u.exec(mention.role ?? '')?.[1];
    if (title && ROLE_NOUNS.has(title.split(/\s+/u).at(-1)!.toLowerCase())) titles.add(title);
  }
  const found: RawMention[] = [];
  let sentences: TextRange[] | undefined;
  for (const title of titles) {
    const holders = all.filter((mention) => mention.role?.endsWith(title));
    if (holders.some((mention) => !cluster.includes(mention))) continue;
    const pattern = new RegExp(`\\bthe ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b(?!\\s+\\p{Lu})`, 'gu');
    for (const match of article.text.matchAll(pattern)) {
      sentences ??= splitSentences(article.text);
      const sentence = sentences.find((range) => range.start <= match.index && match.index < range.end)!;
      const text = article.text.slice(sentence.start, sentence.end);
      const start = match.index - sentence.start;
      found.push({ articleId: article.id, form: match[0], sentence: text, highlight: { start, end: start + match[0].length }, offset: match.index, tokens: [] });
    }
  }
  return found;
}
