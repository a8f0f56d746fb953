/**
 * Person names in English news text, found with rules and word lists (no trained model).
 *
 * Capitalised runs of words are cut at titles, nationalities and place words, then judged on
 * evidence from the name itself (given names, initials, particles, surname shapes), from its
 * context (a title or a role word before it; `said`, `, who`, an age, a country or a minute in
 * brackets after it; its neighbours in a list of names) and from the rest of the document (a
 * surname alone is a person when the document names that person in full). Organisation and
 * place words veto a run. Headlines in capitals only show names the document confirms.
 *
 * Spans follow CoNLL-2003: no titles, no possessive `'s`, no trailing punctuation. The rules and
 * their weights were written while reading the first half of CoNLL-2003 testa (Reuters news,
 * 1996); the second half is held out (see docs/experiments.md, People). The layouts particular
 * to that newswire (results, scorecards, line-ups) are in `conllLayouts.ts`.
 *
 * The parts, in the order a sentence meets them: `nameTokens.ts` (tokens and runs of name
 * words), `trimRun.ts` (a run cut down to the name it may hold), `judgeRun.ts` (the evidence
 * weighed), `documentFacts.ts` (what the rest of the document vouches for); the word lists are in
 * `wordLists.ts` and `lexicon.ts`, the package data they are built from in `../packageData.ts`.
 */
import { NAME_PREFIX, TITLE_CASE_MINOR_WORDS } from './wordLists.js';
import { type Lexicons, getLexicons } from './lexicon.js';
import { type Token, tokenize } from './nameTokens.js';
import { isPlaceOrNationality } from './wordClasses.js';
import { type DocumentFacts, isKnownPerson, rememberPerson } from './documentFacts.js';
import { listGroups } from './conllLayouts.js';
import { type Candidate, judgeSentence, PERSON_THRESHOLD } from './judgeRun.js';

/** A person's name in a sentence: its character range and its text (`text === sentence.slice(start, end)`). */
export interface PersonSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface SentenceInfo {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** A headline or dateline in capitals: there capitalisation says nothing. */
  readonly capsMode: boolean;
  /** A headline or table heading in Title Case: capitalisation says little, so weak evidence is not enough. */
  readonly titleCase: boolean;
}

/**
 * A sentence's tokens, and whether it is written in capitals (60 % of its words or more) or in
 * Title Case (no lowercase word but the minor ones, four capitalised words or more, two of them
 * ordinary words).
 */
function describeSentence(text: string, lex: Lexicons): SentenceInfo {
  const tokens = tokenize(text);
  let letterWords = 0;
  let capitalWords = 0;
  let titleWords = 0;
  let lowercaseWords = 0;
  let commonCapitalised = 0;
  for (const token of tokens) {
    if (token.kind !== 'word' || token.text.length < 2) continue;
    letterWords += 1;
    if (token.allCaps) capitalWords += 1;
    else if (token.capitalised) {
      titleWords += 1;
      if (lex.isCommon(token.lower)) commonCapitalised += 1;
    } else if (!TITLE_CASE_MINOR_WORDS.has(token.lower)) lowercaseWords += 1;
  }
  const capsMode = capitalWords >= 1 && capitalWords >= 0.6 * letterWords;
  const titleCase = !capsMode && lowercaseWords === 0 && titleWords >= 4 && commonCapitalised >= 2;
  return { text, tokens, capsMode, titleCase };
}

/**
 * Finds the people named in each sentence of one document (a news article), as character
 * spans in that sentence. Titles (`President`, `Mr.`) are left out, as are a possessive `'s`
 * and trailing punctuation; organisations, places, nationalities and outlets are not people.
 *
 * The document matters: a surname alone counts as a person when the same document names that
 * person in full or shows the name with strong evidence elsewhere (`Simmons` after
 * `West Indian all-rounder Phil Simmons`), also in a headline written in capitals; a word seen
 * in lowercase elsewhere in the document is taken for a common word.
 *
 * Cost: linear in the document's length (two passes over its tokens), plus a one-off build of
 * the word lists on the first call (about half a second). Deterministic.
 *
 * @param document the sentences of one document, in order
 * @returns for each sentence, its people's spans in order of position
 * @example extractPeople(['Russian President Vladimir Putin met Supreme Leader Ali Khamenei.'])
 * // [[{ start: 18, end: 32, text: 'Vladimir Putin' }, { start: 52, end: 64, text: 'Ali Khamenei' }]]
 */
export function extractPeople(document: readonly string[]): PersonSpan[][] {
  const lex = getLexicons();
  const sentences = document.map((text) => describeSentence(text, lex));
  const lowercaseWords = new Set<string>();
  for (const sentence of sentences) {
    if (sentence.capsMode) continue;
    for (const token of sentence.tokens) if (token.kind === 'word' && /^\p{Ll}/u.test(token.text) && !NAME_PREFIX.test(token.text)) lowercaseWords.add(token.lower);
  }
  const facts: DocumentFacts = { lowercaseWords, personWords: new Set() };

  // Pass 1: judge every run on its own evidence and remember the people it confirms; pass 2
  // judges again, knowing them (a sentence-initial `Levy` is no longer a common word).
  for (const sentence of sentences) {
    if (sentence.capsMode) continue;
    for (const candidate of judgeSentence(sentence.tokens, lex, facts)) if (candidate.confirmed) rememberPerson(sentence.tokens.slice(candidate.from, candidate.to), facts);
  }
  return sentences.map((sentence) => {
    if (sentence.capsMode) return spansInCapitals(sentence, lex, facts);
    const tokens = sentence.tokens;
    const candidates = judgeSentence(tokens, lex, facts);
    const judged = candidates.map((candidate) => ({
      candidate,
      person:
        (!candidate.vetoed && candidate.score >= PERSON_THRESHOLD && (candidate.confirmed || !sentence.titleCase)) ||
        (!candidate.hardVetoed && isKnownPerson(tokens.slice(candidate.from, candidate.to), facts)),
    }));
    // Items of a list of names are names too (`Billy Andrade , Duffy Waldorf and Jesper Parnevik`).
    // Where the items are separated by countries in brackets (`Alex Zanardi ( Italy ) , Reynard
    // Honda , 53.980`), a line of results mixes people with teams or cars: only a mostly-people
    // list carries its other items.
    for (const group of listGroups(tokens, candidates, lex)) {
      const members = group.members.map((position) => judged[position]!);
      const people = members.filter((member) => member.person).length;
      if (people === 0) continue;
      const mostly = people >= 2 && people * 2 >= members.length;
      for (const member of members) {
        const { candidate } = member;
        if (candidate.hardVetoed || !candidate.listable) continue;
        if (mostly || (!group.countryGaps && candidate.multiWord && candidate.score >= 1)) member.person = true;
      }
    }
    const spans: PersonSpan[] = [];
    for (let index = 0; index < judged.length; index += 1) {
      const { candidate, person } = judged[index]!;
      // A nickname between a given name and a surname is part of the name (`Roberto " Hands of Stone " Duran`).
      const surname = nicknameSurname(tokens, candidate, judged, index, lex);
      if (surname !== undefined && (person || judged[surname]!.person || lex.givenNames.has(tokens[candidate.to - 1]!.lower))) {
        const start = tokens[candidate.from]!.start;
        const end = tokens[judged[surname]!.candidate.to - 1]!.end;
        spans.push({ start, end, text: sentence.text.slice(start, end) });
        index = surname;
        continue;
      }
      if (!person) continue;
      const start = tokens[candidate.from]!.start;
      const end = tokens[candidate.to - 1]!.end;
      spans.push({ start, end, text: sentence.text.slice(start, end) });
    }
    return spans;
  });
}

/**
 * The index of the candidate that completes a name after a nickname in quotes or brackets
 * (`Hector " Macho " Camacho`, `James ( Leo ) Nichols`), when the candidate at `index` ends with
 * a given name.
 */
function nicknameSurname(tokens: readonly Token[], candidate: Candidate, judged: ReadonlyArray<{ candidate: Candidate }>, index: number, lex: Lexicons): number | undefined {
  const open = tokens[candidate.to];
  const given = tokens[candidate.to - 1]!;
  if (open === undefined || !/^(?:["“(]|'')$/u.test(open.text)) return undefined;
  if (given.kind !== 'word' || !(lex.givenNames.has(given.lower) || lex.weakGivenNames.has(given.lower))) return undefined;
  const closing = open.text === '(' ? ')' : open.text === '“' ? '”' : open.text;
  let close = candidate.to + 1;
  while (close < tokens.length && close <= candidate.to + 5 && tokens[close]!.text !== closing) close += 1;
  if (close === candidate.to + 1 || tokens[close]?.text !== closing) return undefined;
  // A nickname is words, at least one capitalised, and no place (`( Germany )` is a country).
  const nickname = tokens.slice(candidate.to + 1, close);
  if (!nickname.every((token) => token.kind === 'word' || token.kind === 'dotted') || !nickname.some((token) => token.capitalised)) return undefined;
  if (nickname.some((token) => isPlaceOrNationality(token, lex))) return undefined;
  for (let next = index + 1; next < judged.length; next += 1) {
    const surname = judged[next]!.candidate;
    if (surname.from === close + 1) return surname.hardVetoed || surname.multiWord ? undefined : next;
    if (surname.from > close + 1) return undefined;
  }
  return undefined;
}

/** People in a headline written in capitals: only names the document confirms elsewhere. */
function spansInCapitals(sentence: SentenceInfo, lex: Lexicons, facts: DocumentFacts): PersonSpan[] {
  const spans: PersonSpan[] = [];
  const tokens = sentence.tokens;
  const isKnown = (token: Token | undefined): boolean => token !== undefined && token.kind === 'word' && facts.personWords.has(token.lower);
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    const givenBeforeKnown = token.kind === 'word' && lex.givenNames.has(token.lower) && isKnown(tokens[index + 1]);
    if (!isKnown(token) && !givenBeforeKnown) {
      index += 1;
      continue;
    }
    let to = index + 1;
    while (isKnown(tokens[to])) to += 1;
    const end = tokens[to - 1]!.end;
    spans.push({ start: token.start, end, text: sentence.text.slice(token.start, end) });
    index = to;
  }
  return spans;
}
