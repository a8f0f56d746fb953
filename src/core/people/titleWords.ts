/**
 * Titles, honorifics and roles typed before a name ("President Putin", "Mr. Lavrov", "Secretary
 * of State Pompeo", "the Russian foreign minister Sergei Lavrov"): words that are not part of the
 * name, so a lookup can set them aside.
 */
import { getLexicons } from './lexicon.js';
import { ROLE_HEADS } from './personRoles.js';
import { TITLES } from './wordLists.js';

/** Words that may stand inside a title or role without being its head ("of State", "the Russian foreign"). */
// biome-ignore format: packed word list
const TITLE_FILLERS = new Set([
  'the', 'a', 'an', 'of', 'for', 'to', 'on', 'and', 'in', 'at', 'former', 'ex', 'late', 'then', 'current', 'incoming',
  'outgoing', 'acting', 'interim', 'deputy', 'vice', 'prime', 'foreign', 'supreme', 'senior', 'special', 'national',
  'state', 'security', 'defense', 'defence', 'interior', 'finance', 'justice', 'top', 'chief', 'general', 'executive',
]);

/** Longest place or organisation phrase read inside a title ("United States", "State Department"), in words. */
const MAX_PHRASE_WORDS = 3;

/**
 * How many of the leading folded words of a typed name read as a title or role rather than the
 * name: each possible split, longest first, leaving at least one word for the name. A title is a
 * run of title and role words (`TITLES`, role heads, nouns for people), fillers, places,
 * nationalities, organisation words and single letters (`U.S.` folds to `u s`), holding at least
 * one title or role word. Words of a person's name are never in these lists' way: a split is only
 * a reading the lookup then tries.
 *
 * @example titleSplits(['secretary', 'of', 'state', 'mike', 'pompeo']) // [3, 1]
 */
export function titleSplits(tokens: readonly string[]): number[] {
  const lex = getLexicons();
  const splits: number[] = [];
  let sawHead = false;
  let index = 0;
  while (index < tokens.length - 1) {
    const phrase = phraseLength(tokens, index, lex.places, lex.organisations);
    if (phrase > 0) {
      index += phrase;
    } else {
      const word = tokens[index]!;
      const head = TITLES.has(word) || ROLE_HEADS.has(word) || lex.roles.has(word);
      const filler = TITLE_FILLERS.has(word) || word.length === 1 || lex.places.has(word) || lex.demonyms.has(word) || lex.headWords.has(word) || lex.organisations.has(word);
      if (!head && !filler) break;
      sawHead ||= head;
      index += 1;
    }
    if (sawHead && index < tokens.length) splits.push(index);
  }
  return splits.reverse();
}

/** The length of a place or organisation phrase of several words starting at `start`, or 0. */
function phraseLength(tokens: readonly string[], start: number, places: ReadonlySet<string>, organisations: ReadonlySet<string>): number {
  for (let length = Math.min(MAX_PHRASE_WORDS, tokens.length - 1 - start); length >= 2; length -= 1) {
    const phrase = tokens.slice(start, start + length).join(' ');
    if (places.has(phrase) || organisations.has(phrase)) return length;
  }
  return 0;
}
