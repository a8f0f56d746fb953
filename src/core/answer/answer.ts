/**
 * Answer composition: from ranked passages to what the user reads — the sentence that answers,
 * quoted verbatim with the matched words marked, and numbered citations; or, when the corpus does
 * not cover the question, a plain "not covered" with the nearest passages.
 */
import { analyze, analyzeTerms } from '../text/analysis.js';
import { passagesOfArticle, type CorpusIndex } from '../indexing/corpusIndex.js';
import { analyzeQuestion, termWeight, type AnalyzedQuestion } from '../search/question.js';
import { dateWindow, isDatePeriodSet, type DatePeriod } from '../search/dateWindow.js';
import { DEFAULT_STAGES, insertStage, retrievePassages, type RetrievalOptions } from '../search/retrieve.js';
import type { PassageHit } from '../search/stage.js';
import { splitSentences } from '../text/sentences.js';
import type { TextRange } from '../types.js';

/** How many citations an answer lists by default. */
export const DEFAULT_CITATION_COUNT = 3;
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
 * answering article (see {@link unmentionedNameOrNumber}; figures in docs/experiments.md).
 */
const RARE_NAME_SHARE = 0.005;
/** A best sentence shorter than this is quoted with the sentence after it, for context. */
const MIN_QUOTE_LENGTH = 90;

/** A cited passage, numbered from 1 in the order of relevance. */
export interface Citation {
  readonly rank: number;
  readonly articleId: string;
  readonly passageId: string;
  readonly title: string;
  readonly publisher?: string;
  readonly author?: string;
  readonly date?: string;
  readonly url?: string;
  /** The passage, verbatim. */
  readonly excerpt: string;
  /** Where the question's words stand in {@link excerpt}. */
  readonly highlights: readonly TextRange[];
  /** Relevance, comparable only within one answer. */
  readonly score: number;
  /** Near-duplicate articles that report the same passage. */
  readonly alsoReportedBy: ReadonlyArray<{ readonly articleId: string; readonly title: string; readonly publisher?: string; readonly url?: string }>;
}

/** The quoted answer: a sentence or two from citation `citation`, verbatim. */
export interface Quote {
  readonly text: string;
  /** Where the question's words stand in {@link text}. */
  readonly highlights: readonly TextRange[];
  /** The rank of the citation the quote comes from. */
  readonly citation: number;
}

/** What Dossier says to a question. */
export interface Answer {
  readonly query: string;
  /** True when the corpus does not answer: {@link quote} is null and {@link citations} are the nearest passages. */
  readonly abstained: boolean;
  readonly quote: Quote | null;
  readonly citations: readonly Citation[];
  /** Further hits past the citations, for "more results". */
  readonly moreCitations: readonly Citation[];
  /** Whether the question was cut to fit the query limits. */
  readonly truncated: boolean;
  /** When abstained because of it: a rare name or number of the question, as written, that the nearest article never mentions. */
  readonly unmentioned?: string;
  /** The period of publication applied ({@link AnswerOptions.period}); present only when one was given. */
  readonly period?: DatePeriod;
}

/** Tuning for {@link answerQuestion}: how many citations, when to decline, and how to retrieve ({@link RetrievalOptions}: re-ranking weights, stages). */
export interface AnswerOptions extends RetrievalOptions {
  /** Citations in the answer. Default {@link DEFAULT_CITATION_COUNT}. */
  readonly citations?: number;
  /** Extra hits kept for paging through more results. Default 6. */
  readonly moreCitations?: number;
  /** Least coverage to answer. Default {@link MIN_ANSWER_COVERAGE}. */
  readonly minCoverage?: number;
  /**
   * Articles dated in this period are preferred: passages of the others (and of undated ones)
   * count `DATE_WINDOW_OUTSIDE_FACTOR` (0.5) as much, through a `date-window` stage inserted after
   * `rerank`. Default none (the stage is not run). Parse a user's values with `parseDatePeriod`.
   */
  readonly period?: DatePeriod;
}

/** Why a question cannot be searched at all. */
export type QuestionProblem = { readonly kind: 'empty-question' } | { readonly kind: 'no-searchable-words'; readonly query: string };

/**
 * Answers a question from the corpus: analyses it once ({@link analyzeQuestion}), runs the
 * retrieval stages ({@link retrievePassages}), then quotes the sentence (or two) of the best
 * passage that matches the most of the question, never text from elsewhere, or declines.
 * Deterministic for a given index and options. Asynchronous because a stage may be (a model
 * call); the default stages are synchronous.
 *
 * @returns an {@link Answer}, or a {@link QuestionProblem} when the question is empty or has only stop words
 * @example await answerQuestion(index, 'Who replaced Brian Hook?') // { abstained: false, quote: { text: 'On Thursday, Washington announced…' }, … }
 * @example await answerQuestion(index, question, { rerank: { sentenceMatch: 2.5 } })
 */
export async function answerQuestion(index: CorpusIndex, question: string, options: AnswerOptions = {}): Promise<Answer | QuestionProblem> {
  const citationCount = options.citations ?? DEFAULT_CITATION_COUNT;
  const extra = options.moreCitations ?? 6;
  const minCoverage = options.minCoverage ?? MIN_ANSWER_COVERAGE;
  const query = analyzeQuestion(index, question);
  if (query.text.length === 0) return { kind: 'empty-question' };
  if (query.terms.length === 0) return { kind: 'no-searchable-words', query: query.text };

  const period = isDatePeriodSet(options.period) ? options.period : undefined;
  const stages = period === undefined ? options.stages : insertStage(options.stages ?? DEFAULT_STAGES, dateWindow(period), { after: 'rerank' });
  const hits = await retrievePassages(index, query, { ...options, ...(stages === undefined ? {} : { stages }), limit: citationCount + extra });
  const citations = hits.map((hit, position) => toCitation(hit, position + 1));
  const best = hits[0];
  const unmentioned = best === undefined ? undefined : unmentionedNameOrNumber(index, query, best);
  const abstained = best === undefined || unmentioned !== undefined || !coversQuestion(index, best, minCoverage);
  return {
    query: query.text,
    abstained,
    quote: abstained ? null : quoteBestSentences(index, best, 1),
    citations: citations.slice(0, citationCount),
    moreCitations: citations.slice(citationCount),
    truncated: query.truncated,
    ...(unmentioned === undefined ? {} : { unmentioned }),
    ...(period === undefined
      ? {}
      : { period: { ...(period.after === undefined ? {} : { after: period.after }), ...(period.before === undefined ? {} : { before: period.before }) } }),
  };
}

/**
 * Whether the best passage covers enough of the question to answer it: it matches
 * {@link MIN_ANSWER_COVERAGE} of the question's weight, or {@link MIN_PARAPHRASE_COVERAGE} with
 * {@link MIN_SPECIFIC_MATCHES} specific words matched as they are. A typo-tolerant match of a
 * word the corpus never uses (`repot` matching `report`) is no sign that the corpus is on topic.
 */
function coversQuestion(index: CorpusIndex, best: PassageHit, minCoverage: number): boolean {
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
 */
function unmentionedNameOrNumber(index: CorpusIndex, query: AnalyzedQuestion, best: PassageHit): string | undefined {
  const firstWord = query.firstWord;
  const rareUpTo = Math.floor(RARE_NAME_SHARE * index.passages.length);
  const asked = query.terms.flatMap((term, position) => {
    const word = query.words[position]!;
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

/** Whether a value returned by {@link answerQuestion} is a problem rather than an answer. */
export function isQuestionProblem(result: Answer | QuestionProblem): result is QuestionProblem {
  return 'kind' in result;
}

function toCitation(hit: PassageHit, rank: number): Citation {
  const { article, passage } = hit;
  return {
    rank,
    articleId: article.id,
    passageId: passage.id,
    title: article.title,
    ...(article.publisher === undefined ? {} : { publisher: article.publisher }),
    ...(article.author === undefined ? {} : { author: article.author }),
    ...(article.date === undefined ? {} : { date: article.date }),
    ...(article.url === undefined ? {} : { url: article.url }),
    excerpt: passage.text,
    highlights: findHighlights(passage.text, hit.matchedPassageTerms),
    score: Math.round(hit.score * 1000) / 1000,
    alsoReportedBy: hit.alsoReportedBy.map((other) => ({
      articleId: other.id,
      title: other.title,
      ...(other.publisher === undefined ? {} : { publisher: other.publisher }),
      ...(other.url === undefined ? {} : { url: other.url }),
    })),
  };
}

/**
 * Picks the sentence of the passage that matches the most question weight (rare words count
 * more; ties go to the earlier sentence) and quotes it, with the next sentence when it is short.
 */
function quoteBestSentences(index: CorpusIndex, hit: PassageHit, citation: number): Quote {
  const text = hit.passage.text;
  const matched = new Set(hit.matchedPassageTerms);
  const sentences = splitSentences(text);
  const scores = sentences.map((sentence) => {
    const terms = new Set(analyze(text.slice(sentence.start, sentence.end)).map((token) => token.term));
    let score = 0;
    for (const term of terms) if (matched.has(term)) score += termWeight(index, term);
    return score;
  });
  let bestIndex = 0;
  scores.forEach((score, position) => {
    if (score > scores[bestIndex]!) bestIndex = position;
  });
  const first = sentences[bestIndex] ?? { start: 0, end: text.length };
  const next = sentences[bestIndex + 1];
  const range = first.end - first.start < MIN_QUOTE_LENGTH && next !== undefined ? { start: first.start, end: next.end } : first;
  // A line break inside a quote is layout, not text (a heading run into its first sentence, a hard wrap the ingest kept).
  const quoted = text.slice(range.start, range.end).replace(/[ \t]*\n\s*/g, ' ');
  return { text: quoted, highlights: findHighlights(quoted, hit.matchedPassageTerms), citation };
}

/**
 * The ranges of words in `text` whose term is one of `terms`, sorted; neighbours separated only
 * by spaces are merged, so `Iran hawk` is marked as one phrase.
 */
export function findHighlights(text: string, terms: readonly string[]): TextRange[] {
  const wanted = new Set(terms);
  const ranges: TextRange[] = [];
  for (const token of analyze(text)) {
    if (!wanted.has(token.term)) continue;
    const previous = ranges.at(-1);
    if (previous !== undefined && /^[ \t]+$/.test(text.slice(previous.end, token.start))) {
      ranges[ranges.length - 1] = { start: previous.start, end: token.end };
    } else {
      ranges.push({ start: token.start, end: token.end });
    }
  }
  return ranges;
}
