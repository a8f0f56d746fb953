/**
 * What one token of a run is to a name: a title, a given name, a place or a nationality, a role
 * noun, a word that describes a name rather than belongs to it, a plural of an ordinary noun.
 */
import { ORG_WORDS, PARTICLES, TITLES } from './wordLists.js';
import type { Lexicons } from './lexicon.js';
import type { Token } from './nameTokens.js';

/** A capitalised title (`President`, `Vice-President`). */
export function isTitle(token: Token | undefined): boolean {
  if (token === undefined || token.kind !== 'word' || !token.capitalised) return false;
  return TITLES.has(token.lower) || (token.lower.includes('-') && token.lower.split('-').every((part) => TITLES.has(part)));
}

/** The part of a word before its first hyphen (`anne` for `Anne-Gaelle`). */
export function firstPart(lower: string): string {
  const hyphen = lower.indexOf('-');
  return hyphen < 0 ? lower : lower.slice(0, hyphen);
}

/**
 * Whether the token at `index` is a given name that starts a name running to `to`: a given name
 * followed by another name word; a given name that is also an ordinary word (`Frank`, `Rose`)
 * only before a word that is not one (`Frank Bruno`, not `Red Star`).
 */
export function isGivenNameAt(tokens: readonly Token[], index: number, to: number, lex: Lexicons): boolean {
  const token = tokens[index];
  if (token === undefined || token.kind !== 'word' || index + 1 >= to) return false;
  const lower = firstPart(token.lower);
  if (lex.givenNames.has(lower)) return true;
  if (!lex.weakGivenNames.has(lower)) return false;
  const next = tokens[index + 1]!;
  if (next.kind !== 'word' || isPlaceOrNationality(next, lex) || ORG_WORDS.has(next.lower)) return false;
  return !lex.isCommon(next.lower) || lex.surnames.has(next.lower);
}

/** Whether a token is in any list of given names, strong or weak. */
export function isAnyGivenName(token: Token, lex: Lexicons): boolean {
  const lower = firstPart(token.lower);
  return token.kind === 'word' && (lex.givenNames.has(lower) || lex.weakGivenNames.has(lower));
}

/** A place or a nationality (`Iran`, `Iranian`). */
export function isPlaceOrNationality(token: Token, lex: Lexicons): boolean {
  return token.kind === 'word' && (lex.places.has(token.lower) || lex.demonyms.has(token.lower));
}

/** Words that describe a name rather than belong to it: places, nationalities, organisations, common words. */
export function isDescriptor(token: Token, lex: Lexicons): boolean {
  if (token.kind === 'dotted') return true;
  if (token.kind !== 'word' || PARTICLES.has(token.lower)) return false;
  const lower = token.lower;
  return (
    lex.places.has(lower) ||
    lex.demonyms.has(lower) ||
    ORG_WORDS.has(lower) ||
    lex.headWords.has(lower) ||
    lex.calendar.has(lower) ||
    isTitle(token) ||
    (lex.isCommon(lower) && !lex.givenNames.has(lower))
  );
}

/** A noun for a person (`striker`, `spokesman`), or a hyphenated compound of one. */
export function isRoleNoun(lower: string, lex: Lexicons): boolean {
  if (lex.roles.has(lower)) return true;
  // `off-spinner`, `vice-captain`, `chief-of-staff`: a hyphenated compound of a role noun.
  if (!lower.includes('-')) return false;
  const parts = lower.split('-');
  return lex.roles.has(parts[parts.length - 1]!) || lex.roles.has(parts[0]!);
}

/** A capitalised plural of an ordinary noun (`Bulls`, `Counties`) that is not a known surname. */
export function isCommonPlural(token: Token, lex: Lexicons): boolean {
  if (!/[^s]s$/u.test(token.lower) || lex.surnames.has(token.lower)) return false;
  return lex.isCommon(token.lower) && lex.isCommon(token.lower.replace(/(?:ies)$/u, 'y').replace(/s$/u, ''));
}
