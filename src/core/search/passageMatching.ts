/**
 * Passage matching for re-ranking and promotion: which of the question's terms a passage holds,
 * sentence by sentence — exactly, as a near form (`expansion` for `expanding`) or as a synonym —
 * which word pairs stand in the question's order, and which kinds of answer each sentence holds.
 */
import { analyzeTerms, tokenizeWords, toTerm } from '../text/analysis.js';
import type { CorpusIndex } from '../indexing/corpusIndex.js';
import { splitSentences } from '../text/sentences.js';
import { synonymTerms } from '../text/thesaurus.js';
import type { Passage } from '../types.js';
import { answerKindsOfWord } from './answerKinds.js';
import type { AnalyzedQuestion } from './question.js';
import type { TermAlternative } from './alternatives.js';

/** The shortest term that has near forms. */
const NEAR_FORM_MIN_LENGTH = 4;

/**
 * A question's terms, to look up a passage's terms in: exactly, or as a near form — two terms of
 * four letters or more of which one begins with the other (`east`, `eastward`), or that share
 * their first five letters (`expand`, `expans`) — or as a synonym ({@link synonymTerms}); and the
 * question's alternative forms ({@link TermAlternative}: "IMF" for "International Monetary Fund"),
 * which count as the terms they stand for. Built once per question ({@link questionTermsOf}).
 */
export class QuestionTerms {
  private readonly exact: Map<string, number>;
  private readonly byFirstFive = new Map<string, number>();
  private readonly byFirstFour = new Map<string, number>();
  private readonly fourLetter = new Map<string, number>();
  private readonly synonyms = new Map<string, number>();
  /** The alternatives by their first term: the rest of their terms, the question terms they stand for, their index. */
  private readonly alternativesByFirst = new Map<string, Array<{ readonly rest: readonly string[]; readonly covers: number; readonly near: boolean; readonly bit: number }>>();

  constructor(terms: readonly string[], alternatives: readonly TermAlternative[] = []) {
    alternatives.forEach(({ terms: [first, ...rest], covers, near }, alternativeIndex) => {
      if (first === undefined) return;
      const list = this.alternativesByFirst.get(first) ?? [];
      list.push({ rest, covers, near, bit: 1 << alternativeIndex });
      this.alternativesByFirst.set(first, list);
    });
    this.exact = new Map(terms.map((term, termIndex) => [term, termIndex]));
    terms.forEach((term, termIndex) => {
      for (const synonym of synonymTerms(term)) if (!this.exact.has(synonym)) setOnce(this.synonyms, synonym, termIndex);
    });
    terms.forEach((term, termIndex) => {
      if (term.length === NEAR_FORM_MIN_LENGTH) setOnce(this.fourLetter, term, termIndex);
      if (term.length > NEAR_FORM_MIN_LENGTH) {
        setOnce(this.byFirstFive, term.slice(0, NEAR_FORM_MIN_LENGTH + 1), termIndex);
        setOnce(this.byFirstFour, term.slice(0, NEAR_FORM_MIN_LENGTH), termIndex);
      }
    });
  }

  /** The index of the question term that `term` is, or -1. */
  indexOf(term: string): number {
    return this.exact.get(term) ?? -1;
  }

  /** The index of a question term of which `term` is a near form, or -1. */
  nearIndexOf(term: string): number {
    if (term.length < NEAR_FORM_MIN_LENGTH) return -1;
    if (term.length === NEAR_FORM_MIN_LENGTH) return this.byFirstFour.get(term) ?? -1;
    return this.byFirstFive.get(term.slice(0, NEAR_FORM_MIN_LENGTH + 1)) ?? this.fourLetter.get(term.slice(0, NEAR_FORM_MIN_LENGTH)) ?? -1;
  }

  /**
   * The alternatives that start at `position` of `passageTerms` (their terms in order there), as
   * `covers` (the question terms they stand for, as bits), `nearCovers` (those that near forms
   * alone stand for: {@link TermAlternative.near}) and `alternatives` (bit `i` for alternative
   * `i`); all 0 when none does.
   */
  alternativesAt(passageTerms: readonly string[], position: number): { covers: number; nearCovers: number; alternatives: number } {
    const starting = this.alternativesByFirst.get(passageTerms[position]!);
    if (starting === undefined) return NO_ALTERNATIVE;
    let covers = 0;
    let nearCovers = 0;
    let alternatives = 0;
    for (const { rest, covers: stands, near, bit } of starting) {
      if (rest.every((term, offset) => passageTerms[position + 1 + offset] === term)) {
        if (near) nearCovers |= stands;
        else covers |= stands;
        alternatives |= bit;
      }
    }
    return { covers, nearCovers: nearCovers & ~covers, alternatives };
  }

  /** The index of a question term of which `term` is a synonym, or -1. */
  synonymIndexOf(term: string): number {
    return this.synonyms.get(term) ?? -1;
  }
}

const NO_ALTERNATIVE = { covers: 0, nearCovers: 0, alternatives: 0 } as const;

function setOnce(map: Map<string, number>, key: string, value: number): void {
  if (!map.has(key)) map.set(key, value);
}

const questionTermsCache = new WeakMap<AnalyzedQuestion, QuestionTerms>();

/** The question's terms as a {@link QuestionTerms}, built the first time a stage asks. */
export function questionTermsOf(question: AnalyzedQuestion): QuestionTerms {
  let questionTerms = questionTermsCache.get(question);
  if (questionTerms === undefined) questionTermsCache.set(question, (questionTerms = new QuestionTerms(question.terms, question.alternatives)));
  return questionTerms;
}

/** Where a passage's sentences start among its terms, and the kinds of answer each holds. */
interface PassageLayout {
  /** Index in the passage's terms of each sentence's first term, ascending. */
  readonly sentenceStarts: readonly number[];
  /** For each sentence, its {@link AnswerKind} number and date bits. */
  readonly sentenceAnswers: readonly number[];
  /** The terms of the passage's article title. */
  readonly titleTerms: readonly string[];
}

/**
 * Layouts are read from the passage text the first time a passage is a candidate and kept with
 * the index (which never changes after it is built): about 30 µs a passage, once.
 */
const layoutCache = new WeakMap<CorpusIndex, Map<string, PassageLayout>>();

/** Which question terms a passage holds (bit `i` for term `i`): overall and per sentence, exactly (or as an alternative form) and as near forms (and per sentence as synonyms), and as the second of a pair in order (with or without the term between); and which its article's title holds. */
export interface PassageMatch {
  readonly terms: number;
  readonly title: number;
  readonly nearTerms: number;
  readonly sentences: readonly number[];
  readonly nearSentences: readonly number[];
  readonly synonymSentences: readonly number[];
  /** For each sentence, the kinds of answer it holds ({@link AnswerKind} number and date bits). */
  readonly answers: readonly number[];
  /** Bit `i` set when term `i - 1` is followed directly by term `i` somewhere in the passage. */
  readonly pairs: number;
  /** Bit `i` set when term `i - 2` is followed directly by term `i` somewhere in the passage (term `i - 1` left out). */
  readonly skippedPairs: number;
  /** The passage's number of terms. */
  readonly length: number;
  /** Which of the question's alternative forms the passage holds (bit `i` for alternative `i`). */
  readonly alternatives: number;
}

/** Matches a passage's terms (as indexed) against the question's, sentence by sentence. Cost: linear in the passage's terms. */
export function matchPassage(index: CorpusIndex, passage: Passage, questionTerms: QuestionTerms): PassageMatch {
  const passageTerms = index.passageTerms.get(passage.id) ?? [];
  const layout = layoutOf(index, passage);
  const sentences = layout.sentenceStarts.map(() => 0);
  const nearSentences = layout.sentenceStarts.map(() => 0);
  const synonymSentences = layout.sentenceStarts.map(() => 0);
  let terms = 0;
  let nearTerms = 0;
  let pairs = 0;
  let skippedPairs = 0;
  let alternatives = 0;
  let sentence = -1;
  let previous = -2;
  passageTerms.forEach((term, termIndex) => {
    while (sentence + 1 < layout.sentenceStarts.length && layout.sentenceStarts[sentence + 1]! <= termIndex) sentence += 1;
    const alternative = questionTerms.alternativesAt(passageTerms, termIndex);
    alternatives |= alternative.alternatives;
    terms |= alternative.covers;
    nearTerms |= alternative.nearCovers;
    if (sentence >= 0) {
      sentences[sentence]! |= alternative.covers;
      nearSentences[sentence]! |= alternative.nearCovers;
    }
    const queryIndex = questionTerms.indexOf(term);
    if (queryIndex < 0) {
      previous = -2;
      const nearIndex = questionTerms.nearIndexOf(term);
      if (nearIndex >= 0) {
        nearTerms |= 1 << nearIndex;
        if (sentence >= 0) nearSentences[sentence]! |= 1 << nearIndex;
        return;
      }
      const synonymIndex = questionTerms.synonymIndexOf(term);
      if (synonymIndex >= 0 && sentence >= 0) synonymSentences[sentence]! |= 1 << synonymIndex;
      return;
    }
    terms |= 1 << queryIndex;
    if (sentence >= 0) sentences[sentence]! |= 1 << queryIndex;
    if (queryIndex === previous + 1) pairs |= 1 << queryIndex;
    if (previous >= 0 && queryIndex === previous + 2) skippedPairs |= 1 << queryIndex;
    previous = queryIndex;
  });
  let title = 0;
  layout.titleTerms.forEach((term, termIndex) => {
    const queryIndex = questionTerms.indexOf(term);
    if (queryIndex >= 0) title |= 1 << queryIndex;
    const alternative = questionTerms.alternativesAt(layout.titleTerms, termIndex);
    title |= alternative.covers | alternative.nearCovers;
  });
  return { terms, title, nearTerms, sentences, nearSentences, synonymSentences, answers: layout.sentenceAnswers, pairs, skippedPairs, length: passageTerms.length, alternatives };
}

/** Which question terms a passage's text holds as they are, or as an alternative form (near forms included: a passage before the one ranked only lends it context; bit `i` for term `i`). */
export function exactTermsOf(index: CorpusIndex, passage: Passage, questionTerms: QuestionTerms): number {
  let mask = 0;
  const passageTerms = index.passageTerms.get(passage.id) ?? [];
  passageTerms.forEach((term, termIndex) => {
    const queryIndex = questionTerms.indexOf(term);
    if (queryIndex >= 0) mask |= 1 << queryIndex;
    const alternative = questionTerms.alternativesAt(passageTerms, termIndex);
    mask |= alternative.covers | alternative.nearCovers;
  });
  return mask;
}

/** Where each sentence of a passage starts among its indexed terms (ascending), read once per passage and kept with the index. */
export function sentenceStartsOf(index: CorpusIndex, passage: Passage): readonly number[] {
  return layoutOf(index, passage).sentenceStarts;
}

function layoutOf(index: CorpusIndex, passage: Passage): PassageLayout {
  let layouts = layoutCache.get(index);
  if (layouts === undefined) {
    layouts = new Map();
    layoutCache.set(index, layouts);
  }
  let layout = layouts.get(passage.id);
  if (layout === undefined) {
    layout = readLayout(passage.text, index.articleById.get(passage.articleId)?.title ?? '');
    layouts.set(passage.id, layout);
  }
  return layout;
}

/** Reads a passage's sentences the way the index read its terms ({@link tokenizeWords} then {@link toTerm}). */
function readLayout(text: string, title: string): PassageLayout {
  const sentences = splitSentences(text);
  const sentenceStarts: number[] = [];
  const sentenceAnswers: number[] = [];
  let sentence = -1;
  let termCount = 0;
  for (const { word, start } of tokenizeWords(text)) {
    while (sentence + 1 < sentences.length && sentences[sentence + 1]!.start <= start) {
      sentence += 1;
      sentenceStarts.push(termCount);
      sentenceAnswers.push(0);
    }
    if (sentence >= 0) sentenceAnswers[sentence]! |= answerKindsOfWord(word);
    if (toTerm(word) !== null) termCount += 1;
  }
  return { sentenceStarts, sentenceAnswers, titleTerms: analyzeTerms(title) };
}
