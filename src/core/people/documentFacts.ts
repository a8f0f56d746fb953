/**
 * What the whole document says about its words: those it writes in lowercase (common words
 * here) and those of the names it confirms as people, which vouch for the same names elsewhere
 * (`Simmons` after `West Indian all-rounder Phil Simmons`).
 */
import { PARTICLES, REGNAL_NUMBER } from './wordLists.js';
import type { Token } from './nameTokens.js';

/** What the whole document says about its words. */
export interface DocumentFacts {
  /** Words seen in lowercase in running text: common words here, whatever the lexicons say. */
  readonly lowercaseWords: ReadonlySet<string>;
  /** Words of names confirmed as people in this document (lowercase). */
  readonly personWords: Set<string>;
}

/** Adds a confirmed person's name words to the document's facts. */
export function rememberPerson(tokens: readonly Token[], facts: DocumentFacts): void {
  for (const token of nameWords(tokens)) facts.personWords.add(token.lower);
}

/**
 * Whether the document vouches for a name: every word belongs to confirmed people (`Simmons`,
 * `Nasser Hussain` again), or a two-word name ends with a confirmed surname (`Naina Yeltsin`).
 */
export function isKnownPerson(tokens: readonly Token[], facts: DocumentFacts): boolean {
  const words = nameWords(tokens);
  if (words.length === 0) return false;
  if (words.every((token) => facts.personWords.has(token.lower))) return true;
  const last = words[words.length - 1]!;
  return words.length === 2 && facts.personWords.has(last.lower) && tokens[0]!.kind === 'word' && !facts.lowercaseWords.has(tokens[0]!.lower);
}

/** The words of a name that identify its person: no initials, particles or suffixes. */
export function nameWords(name: readonly Token[]): Token[] {
  return name.filter((token, index) => token.kind === 'word' && !isParticleIn(name, index) && !REGNAL_NUMBER.test(token.text));
}

/** A particle inside a name, written either way (`van`, `Van`, `de`, `De`), followed by more of the name. */
export function isParticleIn(name: readonly Token[], index: number): boolean {
  const token = name[index]!;
  return token.kind === 'word' && PARTICLES.has(token.lower) && index < name.length - 1;
}
