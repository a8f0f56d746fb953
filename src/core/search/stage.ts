/**
 * What a retrieval stage is: a step that takes the candidates in ranking order and returns them
 * again (scored anew, reordered, filtered or folded), reading the analysed question. The first
 * stage proposes candidates from none. A stage may be asynchronous (a model call).
 */
import type { CorpusIndex } from '../indexing/corpusIndex.js';
import type { Article, Passage } from '../types.js';
import type { AnalyzedQuestion } from './question.js';
import type { RerankWeights } from './weights.js';

/** A typo-tolerant match, or a near form (`expansion` for `expanding`), counts for this share of an exact one when measuring coverage. */
export const FUZZY_MATCH_CREDIT = 0.7;

/** A passage on its way through retrieval, and what it matched. */
export interface Candidate {
  readonly passage: Passage;
  readonly article: Article;
  /** Relevance so far; comparable only within one question. Each scorer sets it anew. */
  readonly score: number;
  /** The question's terms found in the passage (exactly, within typo tolerance or as a near form). */
  readonly matchedQueryTerms: readonly string[];
  /** The passage's own terms that matched exactly or within typo tolerance, for highlighting. */
  readonly matchedPassageTerms: readonly string[];
  /** Question terms matched only approximately so far: within typo tolerance, or as a near form (a term also in {@link matchedPassageTerms} is exact). */
  readonly approximateQueryTerms: readonly string[];
  /**
   * Share of the question's weight (terms weighted by rarity in the corpus) that the passage
   * matches, from 0 to 1; an approximate match counts for {@link FUZZY_MATCH_CREDIT}. Terms the
   * corpus never uses weigh the most.
   */
  readonly coverage: number;
  /** Near-duplicate articles whose matching passage says the same (cited as "also reported by"); filled by folding. */
  readonly alsoReportedBy: readonly Article[];
}

/** A passage that matched a question: a candidate that came out of the last stage. */
export type PassageHit = Candidate;

/** What every stage of one retrieval shares. */
export interface RetrievalContext {
  readonly index: CorpusIndex;
  /** The re-ranking weights in force (the defaults with the caller's overrides). */
  readonly weights: RerankWeights;
  /** How many candidates the first stage proposes. */
  readonly candidates: number;
  /** About how many postings the first stage may read. */
  readonly firstStagePostings: number;
}

/**
 * One step of retrieval. `run` returns the candidates in ranking order (best first); it must not
 * change the candidates it is given (return new objects). A scorer that sets `score` should also
 * sort; one that needs a model may return a Promise.
 *
 * @example
 * const byDate: RetrievalStage = {
 *   name: 'prefer-recent',
 *   run: (candidates) => [...candidates].sort((a, b) => (b.article.date ?? '').localeCompare(a.article.date ?? '')),
 * };
 */
export interface RetrievalStage {
  /** A short name, unique in a pipeline (used to insert stages next to it). */
  readonly name: string;
  run(candidates: readonly Candidate[], question: AnalyzedQuestion, context: RetrievalContext): readonly Candidate[] | Promise<readonly Candidate[]>;
}

/**
 * The question terms a candidate matches, and the share of the question's weight they cover: an
 * exact match (in `matchedPassageTerms`) counts fully, an approximate one for {@link FUZZY_MATCH_CREDIT}.
 * An alternative form ({@link AnalyzedQuestion.alternatives}) all of whose terms the passage
 * matched is an exact match of the terms it stands for ("IMF" of "International Monetary Fund"),
 * or an approximate one when it is only a near form ("Australian" of "Australia").
 */
export function measureCoverage(
  question: AnalyzedQuestion,
  matchedPassageTerms: readonly string[],
  approximateQueryTerms: readonly string[],
): { matchedQueryTerms: string[]; coverage: number } {
  const exact = new Set(matchedPassageTerms);
  let byAlternative = 0;
  let byNearAlternative = 0;
  for (const alternative of question.alternatives) {
    if (alternative.terms.every((term) => exact.has(term))) {
      if (alternative.near) byNearAlternative |= alternative.covers;
      else byAlternative |= alternative.covers;
    }
  }
  let coveredWeight = 0;
  const matchedQueryTerms = question.terms.filter((term, termPosition) => {
    const approximate = approximateQueryTerms.includes(term) || (byNearAlternative >> termPosition) & 1;
    const credit = exact.has(term) || (byAlternative >> termPosition) & 1 ? 1 : approximate ? FUZZY_MATCH_CREDIT : 0;
    coveredWeight += credit * question.termWeights[termPosition]!;
    return credit > 0;
  });
  return { matchedQueryTerms, coverage: question.totalWeight > 0 ? coveredWeight / question.totalWeight : 0 };
}

/** Ranking order: higher score first, ties in corpus order (article order, then passage position), so results are stable. */
export function compareRanking(index: CorpusIndex, a: Candidate, b: Candidate): number {
  return b.score - a.score || compareCorpusOrder(index, a.passage, b.passage);
}

export function compareCorpusOrder(index: CorpusIndex, a: Passage, b: Passage): number {
  return index.articleOrder.get(a.articleId)! - index.articleOrder.get(b.articleId)! || a.position - b.position;
}
