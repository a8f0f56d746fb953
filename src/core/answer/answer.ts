/**
 * Answer composition: from ranked passages to what the user reads — the sentence that answers,
 * quoted verbatim with the matched words marked, and numbered citations; or, when the corpus does
 * not cover the question, a plain "not covered" with the nearest passages.
 */
import { analyze } from '../text/analysis.js';
import type { CorpusIndex } from '../indexing/corpusIndex.js';
import { analyzeQuestion, termWeight, type AnalyzedQuestion } from '../search/question.js';
import { dateWindow, isDatePeriodSet, recencyPreference, type DatePeriod } from '../search/dateWindow.js';
import { isWrittenBy, type MetadataField } from '../search/metadataQuestions.js';
import { composeMetadataQuote } from './metadataAnswer.js';
import { DEFAULT_STAGES, insertStage, retrievePassages, type RetrievalOptions } from '../search/retrieve.js';
import type { SaidQuestion } from '../search/saidQuestions.js';
import { findSpeakerQuote } from '../search/saidQuotes.js';
import type { PassageHit } from '../search/stage.js';
import { splitSentences } from '../text/sentences.js';
import type { TextRange } from '../types.js';
import { judgeCoverage, MIN_ANSWER_COVERAGE } from './decline.js';

/** How many citations an answer lists by default. */
export const DEFAULT_CITATION_COUNT = 3;
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
  /**
   * Present when the quote is the cited article's metadata rather than its text, for a question
   * about the article itself ("Who published …?", "When did … report …?"): the field asked for
   * and its value, `null` when the article does not give it ({@link text} then says so).
   */
  readonly metadata?: { readonly field: MetadataField; readonly value: string | null };
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
  /** The period of publication applied ({@link AnswerOptions.period}, else the one the question states); present only when there is one. */
  readonly period?: DatePeriod;
  /** Where {@link period} came from: the caller's `options` (they win) or the `question`'s own words ("in 2020"). */
  readonly periodFrom?: 'options' | 'question';
  /** Present (true) when the question asked for the newest ("the latest") and newer articles were preferred among comparably relevant ones. */
  readonly prefersRecent?: true;
}

/** Tuning for {@link answerQuestion}: how many citations, when to decline, and how to retrieve ({@link RetrievalOptions}: re-ranking weights, stages). */
export interface AnswerOptions extends RetrievalOptions {
  /** Citations in the answer. Default {@link DEFAULT_CITATION_COUNT}. */
  readonly citations?: number;
  /** Extra hits kept for paging through more results. Default 6. */
  readonly moreCitations?: number;
  /** Least coverage to answer (see {@link judgeCoverage}). Default {@link MIN_ANSWER_COVERAGE}. */
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

  // A period the caller gives wins over one the question states.
  const periodFrom = isDatePeriodSet(options.period) ? 'options' : isDatePeriodSet(query.period ?? undefined) ? 'question' : undefined;
  const period = periodFrom === 'options' ? options.period : periodFrom === 'question' ? (query.period ?? undefined) : undefined;
  const stages = withDateStages(options.stages, period, query.prefersRecent);
  const hits = await retrievePassages(index, query, { ...options, ...(stages === undefined ? {} : { stages }), limit: citationCount + extra });
  const citations = hits.map((hit, position) => toCitation(hit, position + 1));
  const best = hits[0];
  const { covered, unmentioned } = judgeCoverage(index, query, best, { minCoverage });
  const abstained = best === undefined || !covered;
  return {
    query: query.text,
    abstained,
    quote: abstained ? null : (quoteMetadata(query, best) ?? quoteBestSentences(index, best, 1, query.said)),
    citations: citations.slice(0, citationCount),
    moreCitations: citations.slice(citationCount),
    truncated: query.truncated,
    ...(unmentioned === undefined ? {} : { unmentioned }),
    ...(period === undefined
      ? {}
      : { period: { ...(period.after === undefined ? {} : { after: period.after }), ...(period.before === undefined ? {} : { before: period.before }) } }),
    ...(periodFrom === undefined ? {} : { periodFrom }),
    ...(query.prefersRecent ? { prefersRecent: true as const } : {}),
  };
}

/** The stages with `date-window` (for a period) and `prefer-recent` (for "the latest") after `rerank`; unchanged (possibly undefined) when neither applies. */
function withDateStages(stages: AnswerOptions['stages'], period: DatePeriod | undefined, prefersRecent: boolean): AnswerOptions['stages'] {
  let result = stages;
  if (period !== undefined) result = insertStage(result ?? DEFAULT_STAGES, dateWindow(period), { after: 'rerank' });
  if (prefersRecent) result = insertStage(result ?? DEFAULT_STAGES, recencyPreference(), { after: period === undefined ? 'rerank' : 'date-window' });
  return result;
}

/**
 * For a question about the article itself, the best passage's article's metadata as the quote
 * (see {@link composeMetadataQuote}); undefined for other questions, and when the question names
 * a writer or outlet the article's byline does not bear ("When was Thoreau's essay published?").
 */
function quoteMetadata(query: AnalyzedQuestion, best: PassageHit): Quote | undefined {
  if (query.metadata === null || !isWrittenBy(best.article, query.metadata)) return undefined;
  return { ...composeMetadataQuote(best.article, query.metadata.field), citation: 1 };
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
 * For a question about what someone said, the sentence where the passage's best quotation of
 * that person starts is picked instead, when there is one ({@link findSpeakerQuote}).
 */
function quoteBestSentences(index: CorpusIndex, hit: PassageHit, citation: number, said?: SaidQuestion): Quote {
  const text = hit.passage.text;
  const matched = new Set(hit.matchedPassageTerms);
  const sentences = splitSentences(text);
  const scores = sentences.map((sentence) => {
    const terms = new Set(analyze(text.slice(sentence.start, sentence.end)).map((token) => token.term));
    let score = 0;
    for (const term of terms) if (matched.has(term)) score += termWeight(index, term);
    return score;
  });
  const spoken = said === undefined ? null : findSpeakerQuote(index, said, hit.passage);
  const spokenSentence = spoken === null ? -1 : sentences.findIndex((sentence) => sentence.end > spoken.quote.start);
  let bestIndex = Math.max(spokenSentence, 0);
  if (spokenSentence < 0) {
    scores.forEach((score, position) => {
      if (score > scores[bestIndex]!) bestIndex = position;
    });
  }
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
