/**
 * A run of capitalised words cut down to the name it may hold: without the titles before it
 * (`Supreme Leader Ali Khamenei`), a sentence-initial common word (`Despite`), descriptors
 * before a given name (`State John Kornblum`), a nationality or a day.
 */
import { PARTICLES, TITLES } from './wordLists.js';
import type { Lexicons } from './lexicon.js';
import { type Token, isSentenceInitial } from './nameTokens.js';
import { firstPart, isAnyGivenName, isDescriptor, isGivenNameAt, isPlaceOrNationality, isTitle } from './wordClasses.js';
import type { DocumentFacts } from './documentFacts.js';

/** A run cut down to the name it may hold, with what stood before it. */
export interface TrimmedRun {
  readonly from: number;
  readonly to: number;
  /** A title stood right before the name (`President`, `Mr.`). */
  readonly titled: boolean;
  /** A nationality or a country's possessive stood right before the name (`Australian Tom Moody`, `India 's Leander Paes`). */
  readonly nationalityBefore: boolean;
  /** The run is a title alone (`Emperor`, `King`): a name only if the document says so. */
  readonly titleOnly: boolean;
}

/**
 * Cuts a run down to the name it may hold: after the last title (`Supreme Leader Ali Khamenei`),
 * without sentence-initial common words (`Despite`), descriptors before a given name
 * (`State John Kornblum`, `Iran Robert Malley`) or a leading nationality or day (`Australian`,
 * `Friday`).
 */
export function trimRun(tokens: readonly Token[], runFrom: number, runTo: number, lex: Lexicons, facts: DocumentFacts): TrimmedRun | undefined {
  let from = runFrom;
  let to = runTo;
  let titled = isTitle(tokens[from - 1]);
  for (let index = to - 2; index >= from; index -= 1) {
    if (isTitle(tokens[index])) {
      from = index + 1;
      titled = true;
      break;
    }
  }
  // A title at the end (`South Carolina Gov .`), unless it is a surname after a given name (`John Major`).
  while (to - 1 > from && isTitle(tokens[to - 1]) && !isAnyGivenName(tokens[to - 2]!, lex)) to -= 1;
  while (from < to && isSentenceInitial(tokens, from) && isCommonAtStart(tokens, from, to, lex, facts)) from += 1;
  if (from >= to) return undefined;
  // `S. African`, `N. Korean`: an abbreviated compass point, not an initial.
  if (tokens[from]!.kind === 'initial' && to - from >= 2 && isPlaceOrNationality(tokens[from + 1]!, lex)) from += 2;
  if (from >= to) return undefined;
  if (!isGivenNameAt(tokens, from, to, lex) && tokens[from]!.kind !== 'initial') {
    for (let index = from + 1; index < to - 1; index += 1) {
      if (!isDescriptor(tokens[index - 1]!, lex)) break;
      if (isGivenNameAt(tokens, index, to, lex) || tokens[index]!.kind === 'initial') {
        from = index;
        break;
      }
    }
  }
  let nationalityBefore = isCountryPossessive(tokens, from, lex);
  while (to - from >= 2 && tokens[from]!.kind === 'word' && (lex.demonyms.has(tokens[from]!.lower) || lex.calendar.has(tokens[from]!.lower))) {
    nationalityBefore = lex.demonyms.has(tokens[from]!.lower);
    from += 1;
  }
  // A day after a name (`Jose Miguel Insulza Monday`).
  while (to - from >= 2 && lex.calendar.has(tokens[to - 1]!.lower)) to -= 1;
  while (to > from && PARTICLES.has(tokens[to - 1]!.text)) to -= 1;
  while (to - from >= 2 && PARTICLES.has(tokens[from]!.text) && from > runFrom) from += 1;
  if (from >= to) return undefined;
  return { from, to, titled, nationalityBefore, titleOnly: to - from === 1 && isTitle(tokens[from]) };
}

/** `India 's` right before the token at `index`. */
function isCountryPossessive(tokens: readonly Token[], index: number, lex: Lexicons): boolean {
  const possessive = tokens[index - 1];
  const country = tokens[index - 2];
  return possessive?.kind === 'possessive' && country !== undefined && (lex.places.has(country.lower) || country.kind === 'dotted');
}

/** Whether a sentence-initial token is an ordinary word, capitalised only by its position. */
function isCommonAtStart(tokens: readonly Token[], from: number, to: number, lex: Lexicons, facts: DocumentFacts): boolean {
  const token = tokens[from]!;
  if (token.kind !== 'word') return false;
  if (isGivenNameAt(tokens, from, to, lex)) return false;
  if (facts.personWords.has(token.lower)) return false;
  // `Guy Forget ( France )`: a given name that is also a word still opens a name.
  if (lex.weakGivenNames.has(firstPart(token.lower)) && to - from >= 2 && tokens[from + 1]!.kind === 'word') return false;
  // `Van der Westhuizen`, `De Wilde`: a capitalised particle opening a name.
  if (PARTICLES.has(token.lower) && to - from >= 2) return false;
  return lex.isCommon(token.lower) || facts.lowercaseWords.has(token.lower) || TITLES.has(token.lower);
}
