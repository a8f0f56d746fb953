/**
 * Finding a person from what a user typed: a full name, a variant, part of a name ("javad"), in
 * any case, or misspelled ("Lavrof", "Kamenei").
 */
import type { PeopleDirectory, Person } from './directory.js';
import { foldName, similarity, soundAlike } from './nameMatching.js';

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

interface Scored {
  readonly person: Person;
  readonly match: PersonMatch | null;
  readonly score: number;
}

/**
 * Finds the person a query names. Exact names and variants win over partial matches, partial
 * matches over similar spellings; among equals, the most mentioned person.
 *
 * @example findPerson(directory, 'Lavrof') // { kind: 'found', person: { name: 'Sergei Lavrov', … }, matchedBy: 'similar' }
 */
export function findPerson(directory: PeopleDirectory, query: string): PersonLookup {
  const ranked = rankPeople(directory, query);
  const best = ranked[0];
  if (best?.match) return { kind: 'found', person: best.person, matchedBy: best.match };
  return {
    kind: 'not-found',
    query: query.trim(),
    suggestions: ranked.filter((entry) => entry.score >= MIN_SUGGESTION).slice(0, 3).map((entry) => entry.person),
  };
}

/**
 * People whose names match what has been typed so far, best match first, then most mentioned:
 * for autocomplete. With nothing typed, the most mentioned people.
 */
export function suggestPeople(directory: PeopleDirectory, partial: string, limit = 25): Person[] {
  if (foldName(partial).length === 0) return directory.people.slice(0, limit);
  return rankPeople(directory, partial, true)
    .filter((entry) => entry.match !== null)
    .slice(0, limit)
    .map((entry) => entry.person);
}

function rankPeople(directory: PeopleDirectory, query: string, prefixOfLastWord = false): Scored[] {
  const folded = foldName(query);
  const queryTokens = folded.split(' ').filter((token) => token.length > 0);
  if (queryTokens.length === 0) return [];
  const scored = directory.people.map((person) => scorePerson(person, folded, queryTokens, prefixOfLastWord));
  return scored.sort(
    (a, b) =>
      (b.match ? MATCH_RANK[b.match] : 0) - (a.match ? MATCH_RANK[a.match] : 0) ||
      b.score - a.score ||
      b.person.mentions.length - a.person.mentions.length ||
      (a.person.name < b.person.name ? -1 : 1),
  );
}

function scorePerson(person: Person, folded: string, queryTokens: readonly string[], prefixOfLastWord: boolean): Scored {
  const variants = person.variants.map(foldName);
  if (variants[0] === folded) return { person, match: 'name', score: 1 };
  if (variants.includes(folded)) return { person, match: 'variant', score: 1 };
  const words = [...new Set(variants.flatMap((variant) => variant.split(' ')))];
  const partial = queryTokens.every((token, index) =>
    words.some((word) => word === token || ((prefixOfLastWord ? index === queryTokens.length - 1 : true) && token.length >= 2 && word.startsWith(token))),
  );
  if (partial) return { person, match: 'partial', score: 1 };
  // Each typed word against its closest word of the name; the weakest pair decides. Spellings
  // that do not sound alike count for less, so "Hookman" is not taken for "Hook".
  let weakest = 1;
  for (const token of queryTokens) {
    let best = 0;
    for (const word of words) best = Math.max(best, similarity(token, word) * (soundAlike(token, word) ? 1 : UNLIKE_SOUND_PENALTY));
    weakest = Math.min(weakest, best);
  }
  const score = weakest;
  const match = score >= MIN_SIMILAR ? 'similar' : null;
  return { person, match, score };
}
