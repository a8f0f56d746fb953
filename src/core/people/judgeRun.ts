/**
 * The judge of a candidate name: the evidence for a trimmed run being a person, summed into a
 * score, and the vetoes that make it an organisation, a place or a work. The weights (-1 to +2
 * a clue) and the threshold were set while reading the first half of CoNLL-2003 testa (see
 * docs/experiments.md, People).
 */
import { CELTIC_SURNAME, DETERMINERS, LEADER_NOUNS, ORG_WORDS, PLACE_HEAD_NOUNS, PLACE_PREFIXES, PLACE_PREPOSITIONS, SAYING_VERBS, SURNAME_ENDING } from './wordLists.js';
import type { Lexicons } from './lexicon.js';
import { type Token, findRuns } from './nameTokens.js';
import { firstPart, isCommonPlural, isGivenNameAt, isPlaceOrNationality, isRoleNoun } from './wordClasses.js';
import { type DocumentFacts, isParticleIn, nameWords } from './documentFacts.js';
import { type TrimmedRun, trimRun } from './trimRun.js';
import { bracketAfter, isOrdinal, isScorecardName, isStandalone } from './conllLayouts.js';

/** A run judged as a possible name: token range `[from, to)` and its evidence. */
export interface Candidate {
  readonly from: number;
  readonly to: number;
  /** Evidence for a person, summed; {@link PERSON_THRESHOLD} or more makes one. */
  readonly score: number;
  /** An organisation, a place, a nationality, or a run that looks like one: not a person on its own evidence. */
  readonly vetoed: boolean;
  /** Certainly not a person, whatever the document says. */
  readonly hardVetoed: boolean;
  /** Two words or more, or initials and a word. */
  readonly multiWord: boolean;
  /** Evidence strong enough on its own to vouch for the name's words elsewhere in the document. */
  readonly confirmed: boolean;
  /** Person-like enough to be carried by a list of confirmed names. */
  readonly listable: boolean;
}

/** The score that makes a person: one strong clue (a title, a given name first, an age) or two weaker ones. */
export const PERSON_THRESHOLD = 2;

/** Every run of name words in a sentence that holds a name once trimmed, judged. */
export function judgeSentence(tokens: readonly Token[], lex: Lexicons, facts: DocumentFacts): Candidate[] {
  const candidates: Candidate[] = [];
  for (const run of findRuns(tokens)) {
    const trimmed = trimRun(tokens, run.from, run.to, lex, facts);
    if (trimmed !== undefined) candidates.push(judgeRun(tokens, trimmed, lex, facts));
  }
  return candidates;
}

/** Weighs the evidence for the run `[from, to)` being a person's name. */
function judgeRun(tokens: readonly Token[], run: TrimmedRun, lex: Lexicons, facts: DocumentFacts): Candidate {
  const { from, to, titled } = run;
  const name = tokens.slice(from, to);
  const words = nameWords(name);
  const phrase = name.map((token) => token.lower).join(' ');
  const first = name[0]!;
  const last = words[words.length - 1] ?? name[name.length - 1]!;
  const before = tokens[from - 1];
  const after = tokens[to];
  const initials = name.filter((token) => token.kind === 'initial' || token.kind === 'dotted').length;
  const multiWord = words.length >= 2 || (words.length >= 1 && initials >= 1);
  const givenFirst = multiWord && first !== last && isGivenNameAt(tokens, from, to, lex);
  const initialFirst = initials >= 1 && first.kind !== 'word' && words.length >= 1;
  const placeBefore = before !== undefined && PLACE_PREPOSITIONS.has(before.lower);
  const isUnknown = (token: Token): boolean =>
    !lex.isCommon(token.lower) && !lex.places.has(token.lower) && !lex.headWords.has(token.lower) && !facts.lowercaseWords.has(token.lower);

  // Evidence from the context, strong enough to override an ambiguous head word (`Tiger Woods`).
  let score = 0;
  let contextStrong = false;
  const bracketed = bracketAfter(tokens, to, lex);
  if (titled || isAge(tokens, to) || isYearOld(before) || bracketed === 'role') {
    score += 2;
    contextStrong = true;
  }
  if (bracketed === 'country') {
    score += multiWord ? 2 : 1;
    contextStrong ||= multiWord;
  }
  if (bracketed === 'minute' || isOrdinal(after)) {
    score += 2;
    contextStrong = true;
  }
  const roleBefore = before !== undefined && before.kind === 'word' && !before.capitalised && isRoleNoun(before.lower, lex);
  if (roleBefore) {
    score += multiWord ? 2 : 1.5;
    contextStrong ||= multiWord;
  }
  if (isScorecardName(tokens, from, to)) {
    score += 2;
    contextStrong = true;
  }
  if (givenFirst || initialFirst) score += 2;
  const strong = contextStrong || givenFirst || initialFirst;

  // Vetoes. Hard: organisation words, known organisations and places, nationalities, a title
  // of a work in quotes. Soft (overridden by strong context or by the document): ambiguous head
  // words and plural nouns at the end (`Grace Road`, `Bradford Bulls`), a title alone.
  // A single place name can still be a person the document has named (`MaliVai Washington`,
  // then `said Washington`), unless a preposition makes it a place (`in Washington`).
  const placeName = !titled && (lex.places.has(phrase) || words.every((token) => lex.places.has(token.lower)));
  const hardVetoed =
    words.length === 0 ||
    words.some((token) => ORG_WORDS.has(token.lower)) ||
    lex.organisations.has(phrase) ||
    (placeName && (words.length > 1 || placeBefore || !facts.personWords.has(last.lower))) ||
    (!titled && words.every((token) => lex.demonyms.has(token.lower) || lex.calendar.has(token.lower) || lex.places.has(token.lower)) && !placeName) ||
    after?.text === '&' ||
    isPlaceHeadAfter(tokens, to) ||
    isQuotedTitle(tokens, from, to) ||
    (multiWord && first.kind === 'word' && PLACE_PREFIXES.has(first.lower)) ||
    words.some((token) => /(?:ism|isms)$/u.test(token.lower)) ||
    (before?.lower === 'of' && tokens[from - 2] !== undefined && PLACE_HEAD_NOUNS.has(tokens[from - 2]!.lower)) ||
    (first.kind === 'word' && first.lower === 'the');
  const pluralLast = words.length >= 2 && isCommonPlural(last, lex) && !(givenFirst && lex.givenNames.has(firstPart(first.lower)));
  // A head word ends a place's or an organisation's name (`Grace Road`, `Kearney Park`), unless a
  // common given name or an initial starts a two-word name (`Ken Green`, `S. Law`).
  const strongGivenFirst = givenFirst && lex.givenNames.has(firstPart(first.lower));
  const headLast = words.length >= 2 && lex.headWords.has(last.lower) && (placeBefore || words.length >= 3 || !(strongGivenFirst || initialFirst));
  const softVetoed = run.titleOnly || placeName || (!contextStrong && (headLast || pluralLast));

  // Weaker evidence, for names without a marker.
  if (run.nationalityBefore) score += multiWord ? 1 : 0.75;
  if (multiWord && name.some((_, index) => isParticleIn(name, index))) score += 1;
  if (words.some((token) => CELTIC_SURNAME.test(token.text))) score += 1;
  if (lex.surnames.has(last.lower)) score += 1;
  if (!multiWord && lex.famous.has(last.lower) && isUnknown(last)) score += 2;
  if (SURNAME_ENDING.test(last.lower) && isUnknown(last)) score += 0.5;
  if (after !== undefined && after.kind === 'word' && SAYING_VERBS.has(after.lower)) score += 1;
  if (after?.text === ',' && tokens[to + 1]?.lower === 'who') score += 1.5;
  // `, Semyon Sharetsky , told Reuters`: a name in apposition before a verb of saying.
  if (before?.text === ',' && after?.text === ',' && tokens[to + 1]?.kind === 'word' && SAYING_VERBS.has(tokens[to + 1]!.lower)) score += 1;
  if (hasRoleApposition(tokens, to, lex)) score += 1.5;
  if (before !== undefined && before.kind === 'word' && SAYING_VERBS.has(before.lower) && (after === undefined || after.kind === 'punct')) score += 1;
  if (multiWord && after?.lower === 'of' && tokens[to + 1] !== undefined && isPlaceOrNationality(tokens[to + 1]!, lex)) score += 1;
  if (isStandalone(tokens, from, to)) score += 1;
  // A byline: `By Hamidreza Azizi, for Al-Monitor`.
  if (before?.lower === 'by' && from === 1) score += 1.5;
  // `the Assad regime`, `the Trump administration`, `the Dole campaign`.
  const leaderOf = !multiWord && after !== undefined && after.kind === 'word' && LEADER_NOUNS.has(after.lower) && !/(?:ist|ic)$/u.test(last.lower);
  if (leaderOf) score += 2;
  const leaderStrong = leaderOf && before?.lower === 'the';
  // Capitalised words that no lexicon knows are most often foreign names.
  if (multiWord && words.every(isUnknown)) score += 1;
  else if (!multiWord && words.every(isUnknown)) score += 0.5;
  if (!strong && !leaderStrong) {
    if (words.some((token) => facts.lowercaseWords.has(token.lower))) score -= 1;
    if (words.some((token) => lex.isCommon(token.lower) && !lex.givenNames.has(token.lower) && !lex.surnames.has(token.lower))) score -= 0.5;
    if (placeBefore) score -= 0.5;
    // `the Briton`, `a Fed`: a determiner makes a single word a common noun.
    if (!multiWord && !leaderOf && before !== undefined && DETERMINERS.has(before.lower)) score -= 1;
  }

  const vetoed = hardVetoed || softVetoed;
  const person = !vetoed && score >= PERSON_THRESHOLD;
  return {
    from,
    to,
    score,
    vetoed,
    hardVetoed,
    multiWord,
    confirmed: person && (strong || leaderStrong || score >= 3),
    listable: !hardVetoed && (multiWord || words.every((token) => lex.givenNames.has(token.lower) || !(lex.isCommon(token.lower) || facts.lowercaseWords.has(token.lower)))),
  };
}

/** `( 34 )` or `, 34 ,` right after a name: an age. */
function isAge(tokens: readonly Token[], index: number): boolean {
  const open = tokens[index];
  const value = tokens[index + 1];
  const close = tokens[index + 2];
  if (open === undefined || value === undefined || close === undefined || value.kind !== 'number' || !/^\d{2}$/u.test(value.text)) return false;
  const age = Number(value.text);
  if (age < 14 || age > 99) return false;
  return (open.text === '(' && close.text === ')') || (open.text === ',' && close.kind === 'punct' && /^(?:[,.;)]|--?)$/u.test(close.text));
}

/** `20-year-old` right before a name. */
function isYearOld(token: Token | undefined): boolean {
  return token !== undefined && /^\d{1,3}-year-old$/u.test(token.text);
}

/** `, the chairman of`, `, a former champion`: a role noun in apposition after the name, after lowercase words only. */
function hasRoleApposition(tokens: readonly Token[], index: number, lex: Lexicons): boolean {
  if (tokens[index]?.text !== ',') return false;
  for (let position = index + 1; position < tokens.length && position <= index + 4; position += 1) {
    const token = tokens[position]!;
    if (token.kind !== 'word' || token.capitalised) return false;
    if (isRoleNoun(token.lower, lex)) return true;
  }
  return false;
}

/** A run between quotes (`" Michael Collins "`): the title of a film, a book or a song. */
function isQuotedTitle(tokens: readonly Token[], from: number, to: number): boolean {
  const open = tokens[from - 1]?.text;
  const close = tokens[to]?.text;
  return open !== undefined && close !== undefined && /^["“'‘`]+$/u.test(open) && /^["”'’]+$/u.test(close);
}

/** `airport` or `presidential palace` (one lowercase word between) right after the name. */
function isPlaceHeadAfter(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index];
  if (next === undefined || next.kind !== 'word' || next.capitalised) return false;
  if (PLACE_HEAD_NOUNS.has(next.lower)) return true;
  const second = tokens[index + 1];
  return second !== undefined && second.kind === 'word' && !second.capitalised && PLACE_HEAD_NOUNS.has(second.lower) && /(?:al|ic|ian|ese)$/u.test(next.lower);
}
