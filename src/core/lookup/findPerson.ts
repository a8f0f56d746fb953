/**
 * Finding a person from what a user typed: a full name, a variant, part of a name ("javad"), in
 * any case, misspelled ("Lavrof", "Kamenei"), after a title or role ("President Putin", "the
 * Russian foreign minister Sergei Lavrov"), or fuller than the corpus writes it ("Mike Pompeo"
 * where the corpus says "Pompeo").
 */
import type { PeopleDirectory, Person } from '../people/directory.js';
import { normalizeUserText } from '../text/normalize.js';
import { compatibleNames, foldName, nameTokens, similarity, soundAlike } from '../people/nameMatching.js';
import { titleSplits } from '../people/titleWords.js';
import { mentionCount } from '../people/packedPeople.js';

/**
 * How a person was found: their name, a variant, part of a name, a similar spelling, or
 * `fuller-name`: given names before the surname the corpus writes alone ("Mike Pompeo" for
 * "Pompeo"; see `corpusForm`).
 */
export type PersonMatch = 'name' | 'variant' | 'partial' | 'similar' | 'fuller-name';

export type PersonLookup =
  | {
      readonly kind: 'found';
      readonly person: Person;
      readonly matchedBy: PersonMatch;
      /** The words typed before the name and read as a title or role, not as the name ("Secretary of State"). */
      readonly title?: string;
      /** For a `fuller-name` match: the form of the name the corpus writes ("Pompeo"). */
      readonly corpusForm?: string;
    }
  | { readonly kind: 'not-found'; readonly query: string; readonly suggestions: readonly Person[] };

/** Particles of Arabic, Dutch, German and Romance names, which the corpus may leave out ("al-Assad", "Assad"). */
const PARTICLES = new Set(['al', 'el', 'ad', 'as', 'ash', 'bin', 'ibn', 'abu', 'de', 'da', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'du']);

/** Least similarity for a misspelled name to count as a match. */
const MIN_SIMILAR = 0.84;
/** Similarity kept by two spellings that do not sound alike. */
const UNLIKE_SOUND_PENALTY = 0.9;
/** Least similarity for a name to be suggested. */
const MIN_SUGGESTION = 0.7;
const MATCH_RANK: Record<PersonMatch, number> = { name: 5, variant: 4, partial: 3, 'fuller-name': 2, similar: 1 };
/** Longest name query read (the `/who` option's limit): comparing longer text costs without helping. */
export const MAX_NAME_QUERY_LENGTH = 100;

interface Scored {
  readonly person: Person;
  readonly match: PersonMatch | null;
  readonly score: number;
}

/** A person with their names folded once, for lookups. */
interface Entry {
  readonly person: Person;
  /** Every variant folded, the canonical name first. */
  readonly names: readonly string[];
  /** The distinct words of those names. */
  readonly words: readonly string[];
}

/** What lookups search, built once per directory (see {@link preparePeopleLookup}). */
interface Lookup {
  readonly entries: readonly Entry[];
  /** Folded name or variant → the people who bear it. */
  readonly byName: ReadonlyMap<string, readonly Entry[]>;
  /** Name word → the people whose names contain it. */
  readonly byWord: ReadonlyMap<string, readonly Entry[]>;
  /** Every name word, sorted: the words a prefix starts are a contiguous run. */
  readonly words: readonly string[];
}

const lookups = new WeakMap<PeopleDirectory, Lookup>();
/** A person's folded names and their words, by their variants list: a directory updated from another shares the lists of the people it keeps. */
const foldedVariants = new WeakMap<readonly string[], { readonly names: readonly string[]; readonly words: readonly string[] }>();

/**
 * Folds every name of a directory once and indexes its words, so that a lookup costs what it
 * finds rather than a pass over everyone. Done when a directory is built or restored; lookups
 * on another directory prepare it on first use. Cost: linear in the names; tens of milliseconds
 * for thousands of people.
 */
export function preparePeopleLookup(directory: PeopleDirectory): void {
  if (lookups.has(directory)) return;
  const byName = new Map<string, Entry[]>();
  const byWord = new Map<string, Entry[]>();
  const entries = directory.people.map((person): Entry => {
    let folded = foldedVariants.get(person.variants);
    if (folded === undefined) {
      const names = person.variants.map(foldName);
      folded = { names, words: [...new Set(names.flatMap((name) => name.split(' ')))] };
      foldedVariants.set(person.variants, folded);
    }
    const entry = { person, ...folded };
    for (const name of new Set(entry.names)) append(byName, name, entry);
    for (const word of entry.words) append(byWord, word, entry);
    return entry;
  });
  lookups.set(directory, { entries, byName, byWord, words: [...byWord.keys()].sort() });
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function lookupOf(directory: PeopleDirectory): Lookup {
  preparePeopleLookup(directory);
  return lookups.get(directory)!;
}

/**
 * Finds the person a query names. Exact names and variants win over partial matches, partial
 * matches over fuller names, fuller names over similar spellings; among equals, the most
 * mentioned person. The query as typed is tried first; then without the words before the name
 * that read as a title or role (see `titleSplits`), longest title first. A fuller name matches a
 * person when its last words are a form the corpus uses and its other words do not contradict
 * the given names the corpus knows ("Sergei Putin" finds no one: the corpus says "Vladimir Putin").
 *
 * @example findPerson(directory, 'Lavrof') // { kind: 'found', person: { name: 'Sergei Lavrov', … }, matchedBy: 'similar' }
 * @example findPerson(directory, 'President Putin') // { kind: 'found', person: { name: 'Vladimir Putin', … }, matchedBy: 'variant', title: 'President' }
 */
export function findPerson(directory: PeopleDirectory, query: string): PersonLookup {
  const typed = query.slice(0, MAX_NAME_QUERY_LENGTH);
  const ranked = rankPeople(directory, typed, false, 1);
  const best = ranked[0];
  if (best?.match && best.match !== 'similar') return { kind: 'found', person: best.person, matchedBy: best.match };
  const words = typed.split(/\s+/u).filter((word) => word.length > 0);
  const tokens = nameTokens(typed);
  // Each reading of the query: each title split, longest title first, then none; the best match wins, the earlier reading on ties.
  const readings = [
    ...titleSplits(tokens).map((split) => ({ title: titleText(words, split) as string | undefined, name: tokens.slice(split) })),
    { title: undefined, name: tokens },
  ];
  let found: Extract<PersonLookup, { kind: 'found' }> | undefined = best?.match === 'similar' ? { kind: 'found', person: best.person, matchedBy: 'similar' } : undefined;
  for (const reading of readings) {
    const candidates: Array<Extract<PersonLookup, { kind: 'found' }>> = [];
    if (reading.title !== undefined) {
      const top = rankPeople(directory, reading.name.join(' '), false, 1)[0];
      if (top?.match) candidates.push({ kind: 'found', person: top.person, matchedBy: top.match, title: reading.title });
    }
    const fuller = fullerNameMatch(lookupOf(directory), reading.name);
    if (fuller !== undefined) candidates.push({ kind: 'found', ...fuller, matchedBy: 'fuller-name', ...(reading.title === undefined ? {} : { title: reading.title }) });
    for (const candidate of candidates) if (found === undefined || MATCH_RANK[candidate.matchedBy] > MATCH_RANK[found.matchedBy]) found = candidate;
  }
  if (found !== undefined) return found;
  return {
    kind: 'not-found',
    query: normalizeUserText(query).slice(0, MAX_NAME_QUERY_LENGTH),
    suggestions: ranked
      .filter((entry) => entry.score >= MIN_SUGGESTION)
      .slice(0, 3)
      .map((entry) => entry.person),
  };
}

/**
 * The typed words that hold the first `count` folded words, as typed ("Secretary of State"): the
 * folded words of a typed word are counted until `count` is reached.
 */
function titleText(words: readonly string[], count: number): string {
  let folded = 0;
  let taken = 0;
  while (taken < words.length && folded < count) {
    folded += nameTokens(words[taken]!).length;
    taken += 1;
  }
  return words.slice(0, taken).join(' ');
}

/**
 * The person who bears a shorter form of the typed name: the same surname, and the form's other
 * words among the typed ones in order ("Pompeo" for "Mike Pompeo", "Sergei Lavrov" for "Sergei
 * Viktorovich Lavrov", "Assad" for "Bashar al-Assad"), when the typed given names contradict
 * none of the person's forms; the longest such form, then the most mentioned person.
 */
function fullerNameMatch(lookup: Lookup, typed: readonly string[]): { person: Person; corpusForm: string } | undefined {
  // Name particles set aside ("Bashar al-Assad" → bashar assad): the corpus may write the name without them.
  const tokens = typed.flatMap((token) => token.split('-')).filter((token) => token.length > 0 && !PARTICLES.has(token));
  const surname = tokens.at(-1);
  // A form as long as the typed name is fuller only for the particles it leaves out.
  const longest = tokens.join(' ') === typed.join(' ') ? tokens.length - 1 : tokens.length;
  if (surname === undefined || tokens.length < 2) return undefined;
  let best: { entry: Entry; form: string; words: number } | undefined;
  for (const entry of lookup.byWord.get(surname) ?? []) {
    if (!entry.names.every((name) => name.startsWith('the ') || compatibleNames(tokens, name.split(' ')))) continue;
    for (const form of entry.names) {
      const words = form.split(' ');
      if (words.at(-1) !== surname || words.length > longest || !isSubsequence(words, tokens)) continue;
      if (best === undefined || words.length > best.words || (words.length === best.words && mentionCount(entry.person) > mentionCount(best.entry.person))) {
        best = { entry, form, words: words.length };
      }
    }
  }
  if (best === undefined) return undefined;
  return { person: best.entry.person, corpusForm: best.entry.person.variants[best.entry.names.indexOf(best.form)] ?? best.form };
}

/** Whether `part` stands in `whole` in order, not necessarily side by side. */
function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let at = 0;
  for (const word of whole) if (at < part.length && word === part[at]) at += 1;
  return at === part.length;
}

/**
 * People whose names match what has been typed so far, best match first, then most mentioned:
 * for autocomplete. With nothing typed, the most mentioned people. Cost: the names that match
 * the words typed; similar spellings are only looked for when fewer than `limit` names match.
 */
export function suggestPeople(directory: PeopleDirectory, partial: string, limit = 25): Person[] {
  if (foldName(partial.slice(0, MAX_NAME_QUERY_LENGTH)).length === 0) return directory.people.slice(0, limit);
  return rankPeople(directory, partial, true, limit)
    .filter((entry) => entry.match !== null)
    .slice(0, limit)
    .map((entry) => entry.person);
}

/**
 * The people a query may name, best first: exact names and variants, then partial matches, then
 * (only when fewer than `wanted` were found) similar spellings, and people whose names are merely
 * close enough to be suggested.
 */
function rankPeople(directory: PeopleDirectory, query: string, prefixOfLastWord: boolean, wanted: number): Scored[] {
  const folded = foldName(query);
  const queryTokens = folded.split(' ').filter((token) => token.length > 0);
  if (queryTokens.length === 0) return [];
  const lookup = lookupOf(directory);

  const found = new Map<Entry, Scored>();
  for (const entry of lookup.byName.get(folded) ?? []) found.set(entry, { person: entry.person, match: entry.names[0] === folded ? 'name' : 'variant', score: 1 });
  for (const entry of partialMatches(lookup, queryTokens, prefixOfLastWord)) {
    if (!found.has(entry)) found.set(entry, { person: entry.person, match: 'partial', score: 1 });
  }
  const scored = [...found.values()];
  if (scored.length < wanted) scored.push(...similarSpellings(lookup, queryTokens, found));
  return scored.sort(
    (a, b) =>
      (b.match ? MATCH_RANK[b.match] : 0) - (a.match ? MATCH_RANK[a.match] : 0) ||
      b.score - a.score ||
      mentionCount(b.person) - mentionCount(a.person) ||
      (a.person.name < b.person.name ? -1 : 1),
  );
}

/** People with a name word for every typed word: equal, or starting with it where a prefix is allowed (two letters at least). */
function partialMatches(lookup: Lookup, queryTokens: readonly string[], prefixOfLastWord: boolean): Set<Entry> {
  let matches: Set<Entry> | undefined;
  for (const [index, token] of queryTokens.entries()) {
    const prefix = (prefixOfLastWord ? index === queryTokens.length - 1 : true) && token.length >= 2;
    const holders = new Set<Entry>();
    for (const word of prefix ? wordsStartingWith(lookup.words, token) : [token]) {
      for (const entry of lookup.byWord.get(word) ?? []) if (matches === undefined || matches.has(entry)) holders.add(entry);
    }
    matches = holders;
    if (matches.size === 0) break;
  }
  return matches ?? new Set();
}

function wordsStartingWith(sorted: readonly string[], prefix: string): string[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const words: string[] = [];
  for (let index = low; index < sorted.length && sorted[index]!.startsWith(prefix); index += 1) words.push(sorted[index]!);
  return words;
}

/**
 * Everyone not found otherwise whose name is close enough to suggest: each typed word against
 * its closest word of the name, the weakest pair deciding. Spellings that do not sound alike
 * count for less, so "Hookman" is not taken for "Hook". Each typed word is compared once with
 * each distinct name word, not once per person.
 */
function similarSpellings(lookup: Lookup, queryTokens: readonly string[], found: ReadonlyMap<Entry, Scored>): Scored[] {
  const closeness = queryTokens.map((token) => {
    const close = new Map<string, number>();
    for (const word of lookup.words) {
      const raw = similarity(token, word);
      // Below the suggestion threshold the exact value never matters: such a name is not shown.
      if (raw >= MIN_SUGGESTION) close.set(word, raw * (soundAlike(token, word) ? 1 : UNLIKE_SOUND_PENALTY));
    }
    return close;
  });
  const similar: Scored[] = [];
  for (const entry of lookup.entries) {
    if (found.has(entry)) continue;
    let weakest = 1;
    for (const close of closeness) {
      let best = 0;
      for (const word of entry.words) best = Math.max(best, close.get(word) ?? 0);
      weakest = Math.min(weakest, best);
    }
    if (weakest >= MIN_SUGGESTION) similar.push({ person: entry.person, match: weakest >= MIN_SIMILAR ? 'similar' : null, score: weakest });
  }
  return similar;
}
