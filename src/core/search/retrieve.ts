/**
 * Retrieval as a list of stages: a question in (analysed once), ranked passages out, each with
 * what it matched and how much of the question that covers (the basis for deciding whether the
 * corpus answers at all). See docs/retrieval.md.
 */
import type { CorpusIndex } from '../indexing/corpusIndex.js';
import { firstStage, DEFAULT_CANDIDATES, DEFAULT_FIRST_STAGE_POSTINGS } from './firstStage.js';
import { nearDuplicateFolding } from './fold.js';
import { promotion } from './promote.js';
import type { AnalyzedQuestion } from './question.js';
import { RELATED_WORDS_STAGE, relatedWordsStage } from './relatedWords.js';
import { lexicalRerank } from './rerank.js';
import { saidQuotes } from './saidQuotes.js';
import type { Candidate, PassageHit, RetrievalContext, RetrievalStage } from './stage.js';
import { resolveRerankWeights, type RerankWeights } from './weights.js';
import type { WordVectors } from '../text/wordVectors.js';

/**
 * Dossier's retrieval: the index proposes candidates (`first-stage`), lexical re-ranking scores
 * them again (`rerank`), for a question about what someone said the passages quoting them go up
 * (`said-quotes`), a passage of the first article that gives the kind of answer asked for
 * goes first (`promote-answer-bearing`), near-duplicates are folded (`fold-near-duplicates`).
 * Further scorers go after `rerank` ({@link insertStage}).
 */
export const DEFAULT_STAGES: readonly RetrievalStage[] = Object.freeze([firstStage, lexicalRerank, saidQuotes, promotion, nearDuplicateFolding]);

/** How to retrieve: every field optional, the defaults are Dossier's. */
export interface RetrievalOptions {
  /** Re-ranking weights to change, merged over {@link DEFAULT_RERANK_WEIGHTS}. */
  readonly rerank?: Partial<RerankWeights>;
  /** Candidates the first stage proposes for re-ranking (a positive integer). Default 30. */
  readonly candidates?: number;
  /** About how many postings the first stage may read before it leaves a question's most common terms to re-ranking (≥ 0). Default 2,000. */
  readonly firstStagePostings?: number;
  /** The stages, in order. Default {@link DEFAULT_STAGES}. */
  readonly stages?: readonly RetrievalStage[];
  /** Word vectors: when given, the `related-words` stage ({@link relatedWordsStage}) runs right after `rerank` (unless the stages have it). Default none. */
  readonly wordVectors?: WordVectors;
}

/**
 * The context every stage of one retrieval reads: the index, the weights with the caller's
 * overrides, the first stage's budget. Throws a `RangeError` on an option out of range (options
 * come from code, not from users).
 */
export function createRetrievalContext(index: CorpusIndex, options: RetrievalOptions = {}): RetrievalContext {
  const candidates = options.candidates ?? DEFAULT_CANDIDATES;
  const firstStagePostings = options.firstStagePostings ?? DEFAULT_FIRST_STAGE_POSTINGS;
  if (!Number.isInteger(candidates) || candidates < 1) throw new RangeError(`retrieval: candidates must be a positive integer, got ${candidates}`);
  if (!(firstStagePostings >= 0)) throw new RangeError(`retrieval: firstStagePostings must be 0 or more, got ${firstStagePostings}`);
  return { index, weights: resolveRerankWeights(options.rerank), candidates, firstStagePostings };
}

/**
 * Ranks passages for an analysed question by running the stages in order (default
 * {@link DEFAULT_STAGES}), then keeps the first `limit`. A synchronous stage runs without
 * waiting; only a stage that returns a Promise is awaited. Ties break by corpus order, so results
 * are stable. Cost: bounded by the first stage's postings budget and the candidates; a few
 * milliseconds on 9,000 passages with the default stages.
 *
 * @param limit - how many hits to return (default 10)
 * @example (await retrievePassages(index, analyzeQuestion(index, 'Who replaced Brian Hook?')))[0].passage.text
 */
export async function retrievePassages(index: CorpusIndex, question: AnalyzedQuestion, options: RetrievalOptions & { readonly limit?: number } = {}): Promise<PassageHit[]> {
  const hits = await runStages(withRelatedWords(options.stages ?? DEFAULT_STAGES, options.wordVectors), question, createRetrievalContext(index, options));
  return hits.slice(0, options.limit ?? 10);
}

/** Runs stages in order, each on the previous one's candidates (the first on none). */
export async function runStages(stages: readonly RetrievalStage[], question: AnalyzedQuestion, context: RetrievalContext): Promise<readonly Candidate[]> {
  let candidates: readonly Candidate[] = [];
  for (const stage of stages) {
    const result = stage.run(candidates, question, context);
    candidates = isPromise(result) ? await result : result;
  }
  return candidates;
}

/**
 * A copy of `stages` with `stage` inserted right after the stage named `after`. Throws a
 * `RangeError` when no stage has that name or one already has `stage`'s name.
 *
 * @example answerQuestion(index, question, { stages: insertStage(DEFAULT_STAGES, myScorer, { after: 'rerank' }) })
 */
export function insertStage(stages: readonly RetrievalStage[], stage: RetrievalStage, { after }: { readonly after: string }): RetrievalStage[] {
  const at = stages.findIndex((existing) => existing.name === after);
  if (at < 0) throw new RangeError(`retrieval: no stage named "${after}"`);
  if (stages.some((existing) => existing.name === stage.name)) throw new RangeError(`retrieval: a stage is already named "${stage.name}"`);
  return [...stages.slice(0, at + 1), stage, ...stages.slice(at + 1)];
}

/**
 * `stages` with the `related-words` stage inserted right after `rerank` when word vectors are
 * given; unchanged without vectors, or when they already have it.
 *
 * @example withRelatedWords(DEFAULT_STAGES, vectors).map((stage) => stage.name) // ['first-stage', 'rerank', 'related-words', …]
 */
export function withRelatedWords(stages: readonly RetrievalStage[], vectors: WordVectors | undefined): readonly RetrievalStage[] {
  if (vectors === undefined || stages.some((stage) => stage.name === RELATED_WORDS_STAGE)) return stages;
  return insertStage(stages, relatedWordsStage(vectors), { after: 'rerank' });
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
