/**
 * Promotion of the passage that gives the answer: a news lead restates the question and leaves
 * the answer to the paragraph after it ("A close associate of Mikhail Khodorkovsky has told a
 * court…", then "Platon Lebedev said…"); the lead matches the question's words better, but the
 * reader asked for the name.
 */
import { splitSentences } from '../text/sentences.js';
import { tokenizeWords, toTerm } from '../text/analysis.js';
import { AnswerKind, answerKindsOfWord, isNameWord } from './answerKinds.js';
import { questionTermsOf, type QuestionTerms } from './passageMatching.js';
import type { AnalyzedQuestion } from './question.js';
import type { RetrievalStage } from './stage.js';
import type { Passage } from '../types.js';

/** How far down the ranking promotion looks for a passage that holds the answer (2 and 5 measured; see docs/experiments.md). */
const ANSWER_BEARING_DEPTH = 3;

/** The promotion stage: {@link promoteAnswerBearing}. */
export const promotion: RetrievalStage = {
  name: 'promote-answer-bearing',
  run: (candidates, question) => promoteAnswerBearing(question, candidates),
};

/**
 * Puts first, when the question asks for a name ("who", "whom", "whose", "which"), a number or a
 * date, and the first passage holds no such word that the question does not already give, the
 * next passage of the same article within the first {@link ANSWER_BEARING_DEPTH} that does.
 * Other articles' order is kept, so the article cited first does not change (promoting another
 * article's passage cost R@1; see docs/experiments.md).
 *
 * @param ranked - passages in ranking order, each with its score
 * @returns the same passages, the promoted one moved to the front with the first one's score
 * @example promoteAnswerBearing(analyzeQuestion(index, 'Who told the court?'), ranked)[0].passage.position // 1: the paragraph that names him
 */
export function promoteAnswerBearing<T extends { readonly passage: Passage; readonly score: number }>(question: AnalyzedQuestion, ranked: readonly T[]): T[] {
  const first = ranked[0];
  const asked = question.askedKinds;
  if (first === undefined || asked === 0) return [...ranked];
  const questionTerms = questionTermsOf(question);
  if (holdsNewAnswer(first.passage.text, asked, questionTerms)) return [...ranked];
  const promoted = ranked
    .slice(1, ANSWER_BEARING_DEPTH)
    .find((other) => other.passage.articleId === first.passage.articleId && holdsNewAnswer(other.passage.text, asked, questionTerms));
  // The promoted passage takes the first one's score, so that scores still descend down the ranking.
  return promoted === undefined ? [...ranked] : [{ ...promoted, score: first.score }, ...ranked.filter((other) => other !== promoted)];
}

/**
 * Whether a passage's text holds a word of an asked kind that is not one of the question's terms
 * (nor a near form of one): a number (`24`, `seven`), a date (`1995`, `February`), or a name (a
 * capitalised word other than a sentence's first, not a month or weekday). Read from the text on
 * each call (tens of microseconds): it is asked of three passages a question at most.
 */
function holdsNewAnswer(text: string, asked: number, questionTerms: QuestionTerms): boolean {
  const sentences = splitSentences(text);
  let sentence = -1;
  for (const { word, start } of tokenizeWords(text)) {
    let firstOfSentence = false;
    while (sentence + 1 < sentences.length && sentences[sentence + 1]!.start <= start) {
      sentence += 1;
      firstOfSentence = true;
    }
    const kinds = answerKindsOfWord(word) | (!firstOfSentence && isNameWord(word) ? AnswerKind.name : 0);
    if ((kinds & asked) === 0) continue;
    const term = toTerm(word) ?? word.toLowerCase();
    if (questionTerms.indexOf(term) < 0 && questionTerms.nearIndexOf(term) < 0) return true;
  }
  return false;
}
