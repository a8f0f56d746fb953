/**
 * The decline rule: whether the corpus covers a question, judged from its best passage. Dossier
 * answers only when it does; otherwise it says the corpus does not cover the question and lists
 * the nearest passages. Pure: reads the index, the analysed question and the best hit.
 */
import { analyzeTerms } from '../text/analysis.js';
import { passagesOfArticle, type CorpusIndex } from '../indexing/corpusIndex.js';
import { termWeight, type AnalyzedQuestion } from '../search/question.js';
import type { PassageHit } from '../search/stage.js';

/**
 * The share of a question's weight the best passage must match for Dossier to answer outright.
 * Below it the question is about something the corpus does not say (see `npm run eval`)…
 */
export const MIN_ANSWER_COVERAGE = 0.5;
/**
 * …unless the passage matches at least {@link MIN_SPECIFIC_MATCHES} specific words of the question
 * and this lesser share: a paraphrase ("who took over from Brian Hook") uses words the corpus
 * never does, while an off-topic question matches one word at most by chance.
 */
export const MIN_PARAPHRASE_COVERAGE = 0.3;
export const MIN_SPECIFIC_MATCHES = 2;
/** A word is specific when fewer than about a third of passages use it (its weight is above ln 3). */
const SPECIFIC_TERM_WEIGHT = Math.log(3);
/**
 * A name or number of the question that at most this share of passages use must be in the
 * answering article (see {@link findUnmentionedNameOrNumber}; figures in docs/experiments.md).
 */
export const RARE_NAME_SHARE = 0.005;

/** Tuning for {@link judgeCoverage}. */
export interface DeclineOptions {
  /** Least share of the question's weight the best passage must match to answer outright. Default {@link MIN_ANSWER_COVERAGE}. */
  readonly minCoverage?: number;
}

/** What {@link judgeCoverage} decided. */
export interface CoverageJudgement {
  /** Whether the best passage covers the question: Dossier answers from it. */
  readonly covered: boolean;
  /** When not covered because of it: a rare name or number of the question, as written, that the best passage's article never mentions. */
  readonly unmentioned?: string;
}

/**
 * Judges whether the corpus covers a question, from its best passage (`undefined`: nothing
 * matched). Covered when the question names no rare name or number the passage's article never
 * mentions ({@link findUnmentionedNameOrNumber}) and the passage matches enough of the question
 * ({@link coversQuestion}). Cost: a set of the article's terms when the question has a rare name
 * or number the passage lacks, else constant; microseconds.
 *
 * @example judgeCoverage(index, analyzeQuestion(index, 'How many moons does Jupiter have?'), hits[0]) // { covered: false }
 */
export function judgeCoverage(index: CorpusIndex, question: AnalyzedQuestion, best: PassageHit | undefined, options: DeclineOptions = {}): CoverageJudgement {
  if (best === undefined) return { covered: false };
  const unmentioned = findUnmentionedNameOrNumber(index, question, best);
  if (unmentioned !== undefined) return { covered: false, unmentioned };
  return { covered: coversQuestion(index, best, options.minCoverage ?? MIN_ANSWER_COVERAGE) };
}

/**
 * Whether the best passage covers enough of the question to answer it: it matches `minCoverage`
 * ({@link MIN_ANSWER_COVERAGE} by default) of the question's weight, or
 * {@link MIN_PARAPHRASE_COVERAGE} with {@link MIN_SPECIFIC_MATCHES} specific words matched as they
 * are. A typo-tolerant match of a word the corpus never uses (`repot` matching `report`) is no
 * sign that the corpus is on topic. Cost: linear in the question's terms.
 *
 * @example coversQuestion(index, hits[0], MIN_ANSWER_COVERAGE) // true when half the question's weight matched
 */
export function coversQuestion(index: CorpusIndex, best: PassageHit, minCoverage: number = MIN_ANSWER_COVERAGE): boolean {
  if (best.coverage >= minCoverage) return true;
  const exactly = new Set(best.matchedPassageTerms);
  const specificMatches = best.matchedQueryTerms.filter((term) => exactly.has(term) && termWeight(index, term) > SPECIFIC_TERM_WEIGHT).length;
  return best.coverage >= Math.min(minCoverage, MIN_PARAPHRASE_COVERAGE) && specificMatches >= MIN_SPECIFIC_MATCHES;
}

/**
 * A rare name or number of the question that the best passage's article never mentions, as the
 * question wrote it, if any: "Who won the 2016 election?" is not answered by an article on the
 * 2004 one, nor "How many moons does Jupiter have?" by a passage on an actor called Moon, however
 * many of their other words match. A name is a capitalised word other than the question's first;
 * rare is used by at most {@link RARE_NAME_SHARE} of passages (a common one, `American`,
 * `November`, is often implied rather than written); the article's title and every passage
 * count. A name the corpus never uses is passed over: it is likelier misspelt ("Brian Hok").
 * Cost: linear in the article's passages when the question has such a word the passage lacks.
 *
 * @example findUnmentionedNameOrNumber(index, analyzeQuestion(index, 'Who won the 2016 election?'), hits[0]) // '2016'
 */
export function findUnmentionedNameOrNumber(index: CorpusIndex, question: AnalyzedQuestion, best: PassageHit): string | undefined {
  const firstWord = question.firstWord;
  const rareUpTo = Math.floor(RARE_NAME_SHARE * index.passages.length);
  const asked = question.terms.flatMap((term, position) => {
    const word = question.words[position]!;
    const isNumber = /\p{N}/u.test(word);
    const isName = /^\p{Lu}/u.test(word) && word !== firstWord;
    if (!(isName || isNumber) || best.matchedQueryTerms.includes(term)) return [];
    const passages = index.documentFrequency.get(term) ?? 0;
    return passages <= rareUpTo && (passages > 0 || isNumber) ? [{ term, word }] : [];
  });
  if (asked.length === 0) return undefined;
  const mentioned = new Set([...analyzeTerms(best.article.title), ...passagesOfArticle(index, best.article.id).flatMap((passage) => index.passageTerms.get(passage.id) ?? [])]);
  return asked.find(({ term }) => !mentioned.has(term))?.word;
}
