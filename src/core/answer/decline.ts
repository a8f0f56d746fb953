/**
 * The decline rule: whether the corpus covers a question, judged from its best passage. Dossier
 * answers only when it does; otherwise it says the corpus does not cover the question and lists
 * the nearest passages. Pure: reads the index, the analysed question and the best hit.
 */
import { analyzeTerms, toTerm } from '../text/analysis.js';
import { passagesOfArticle, type CorpusIndex } from '../indexing/corpusIndex.js';
import { termWeight, type AnalyzedQuestion } from '../search/question.js';
import { FUZZY_MATCH_CREDIT, type PassageHit } from '../search/stage.js';

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

/**
 * Words that say which or how much, not what a question is about: superlatives, ordinals,
 * "record", "famous", "ever", "world". Any large archive holds them by chance ("the largest
 * ever recorded deficit" for "the largest pumpkin ever grown"), so they never count towards
 * covering a question ({@link measureTopicCoverage}), unless written as a name ("World Cup",
 * "First Bank"). Compared by term, so their other forms count as ordinary too (`recorded`, `records`).
 */
export const ORDINARY_QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    'first last second third record records famous ever world largest biggest smallest lowest highest longest shortest oldest youngest deepest tallest ' +
    'fastest slowest greatest best worst most least richest poorest heaviest hottest coldest newest latest earliest strongest busiest furthest ' +
    'farthest nearest closest cheapest top known all-time number new old big small large high low long short fast great good many much time times ' +
    'year years people'
  ).split(' '),
);
const ORDINARY_TERMS: ReadonlySet<string> = new Set([...ORDINARY_QUESTION_WORDS].flatMap((word) => toTerm(word) ?? []));

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
 * and of its topic ({@link coversQuestion}): words like "largest", "first" or "record" match some
 * passage of any large archive, so they do not make a question covered. Cost: a set of the article's terms when the question has a rare name
 * or number the passage lacks, else constant; microseconds.
 *
 * @example judgeCoverage(index, analyzeQuestion(index, 'How many moons does Jupiter have?'), hits[0]) // { covered: false }
 */
export function judgeCoverage(index: CorpusIndex, question: AnalyzedQuestion, best: PassageHit | undefined, options: DeclineOptions = {}): CoverageJudgement {
  if (best === undefined) return { covered: false };
  const unmentioned = findUnmentionedNameOrNumber(index, question, best);
  if (unmentioned !== undefined) return { covered: false, unmentioned };
  return { covered: coversQuestion(index, question, best, options.minCoverage ?? MIN_ANSWER_COVERAGE) };
}

/**
 * Whether the best passage covers enough of the question to answer it, measured twice: over all
 * the question's words (`best.coverage`) and over its topic words alone
 * ({@link measureTopicCoverage}: without {@link ORDINARY_QUESTION_WORDS}). Each must reach
 * `minCoverage` ({@link MIN_ANSWER_COVERAGE} by default), or {@link MIN_PARAPHRASE_COVERAGE} with
 * {@link MIN_SPECIFIC_MATCHES} specific topic words matched as they are. A typo-tolerant match of
 * a word the corpus never uses (`repot` matching `report`) is no sign that the corpus is on topic.
 * Cost: linear in the question's terms.
 *
 * @example coversQuestion(index, analyzeQuestion(index, 'What is the largest desert in Asia?'), hits[0]) // false: "largest" alone is no topic
 */
export function coversQuestion(index: CorpusIndex, question: AnalyzedQuestion, best: PassageHit, minCoverage: number = MIN_ANSWER_COVERAGE): boolean {
  const exactly = new Set(best.matchedPassageTerms);
  const isSpecificMatch = (term: string): boolean => exactly.has(term) && best.matchedQueryTerms.includes(term) && termWeight(index, term) > SPECIFIC_TERM_WEIGHT;
  const reaches = (coverage: number, specificMatches: number): boolean =>
    coverage >= minCoverage || (coverage >= Math.min(minCoverage, MIN_PARAPHRASE_COVERAGE) && specificMatches >= MIN_SPECIFIC_MATCHES);
  const topic = topicPositions(question).map((position) => question.terms[position]!);
  return reaches(best.coverage, question.terms.filter(isSpecificMatch).length) && reaches(measureTopicCoverage(question, best), topic.filter(isSpecificMatch).length);
}

/**
 * The share of the question's topic weight that the passage matches, from 0 to 1: as the
 * passage's `coverage`, but over the question's terms other than {@link ORDINARY_QUESTION_WORDS}
 * (names always count). A term matched only approximately counts {@link FUZZY_MATCH_CREDIT}. A
 * question made of ordinary words alone is measured on all of them. Cost: linear in the question's terms.
 *
 * @example measureTopicCoverage(analyzeQuestion(index, 'What is the largest desert in Asia?'), hit) // 0.41 for a passage matching "largest" and "Asia"
 */
export function measureTopicCoverage(question: AnalyzedQuestion, best: PassageHit): number {
  const exactly = new Set(best.matchedPassageTerms);
  let total = 0;
  let covered = 0;
  for (const position of topicPositions(question)) {
    const term = question.terms[position]!;
    const weight = question.termWeights[position]!;
    total += weight;
    if (best.matchedQueryTerms.includes(term)) covered += (exactly.has(term) ? 1 : FUZZY_MATCH_CREDIT) * weight;
  }
  return total > 0 ? covered / total : 0;
}

/** The positions of the question's topic terms: names, and words not in {@link ORDINARY_QUESTION_WORDS}; all its terms when every one is ordinary. */
function topicPositions(question: AnalyzedQuestion): number[] {
  const all = question.terms.map((_, position) => position);
  const topic = all.filter((position) => question.termRoles[position] === 'name' || !ORDINARY_TERMS.has(question.terms[position]!));
  return topic.length > 0 ? topic : all;
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
