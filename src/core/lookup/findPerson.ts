/**
 * Finding a person from what a user typed: a full name, a variant, part of a name ("javad"), in
 * any case, or misspelled ("Lavrof", "Kamenei").
 */
import type { PeopleDirectory, Person } from '../people/directory.js';
import { normalizeUserText } from '../text/normalize.js';
import { foldName, similarity, soundAlike } from '../people/nameMatching.js';
import { mentionCount } from '../people/packedPeople.js';

/** How a person was found. */
export type PersonMatch = 'name' | 'variant' | 'partial' | 'similar';

export type PersonLookup =
  | { readonly kind: 'found'; readonly person: Person; readonly matchedBy: PersonMatch }
  | { readonly kind: 'not-found'; readonly query: string; readonly suggestions: readonly Person[] };

/** Least similarity for a misspelled name to count as a match. */
const MIN_SIMILAR = 0.84;
/** Similarity kept by two spellings that do not sound alike. */
const UNLIKE_SOUND_PENALTY = 0.9;
/** Least similarity for a name to be suggested. */
const MIN_SUGGESTION = 0.7;
const MATCH_RANK: Record<PersonMatch, number> = { name: 4, variant: 3, partial: 2, similar: 1 };
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
 * matches over similar spellings; among equals, the most mentioned person.
 *
 * @example findPerson(directory, 'Lavrof') // { kind: 'found', person: { name: 'Sergei Lavrov', … }, matchedBy: 'similar' }
 */
export function findPerson(directory: PeopleDirectory, query: string): PersonLookup {
  const ranked = rankPeople(directory, query, false, 1);
  const best = ranked[0];
  if (best?.match) return { kind: 'found', person: best.person, matchedBy: best.match };
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
