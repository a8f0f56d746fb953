import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, isQuestionProblem } from '../../../src/core/answer/answer.js';
import type { CorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { analyzeQuestion } from '../../../src/core/search/question.js';
import { DEFAULT_STAGES, insertStage, retrievePassages } from '../../../src/core/search/retrieve.js';
import { compareRanking, type Candidate, type RetrievalStage } from '../../../src/core/search/stage.js';
import { DEFAULT_RERANK_WEIGHTS, resolveRerankWeights } from '../../../src/core/search/weights.js';
import { ask } from '../../support/answering.js';
import { SEED, seedIndex } from '../../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

const QUESTION = 'What did Russia and Iran agree about sanctions?';

/**
 * A scorer as a model call would be: asynchronous (it answers on a later turn of the event loop),
 * it rates each passage, here by whether it comes from the VOA editorial, and sorts by its rating.
 */
const preferVoa: RetrievalStage = {
  name: 'prefer-voa',
  async run(candidates, _question, context) {
    const ratings = await new Promise<number[]>((resolve) => {
      setTimeout(() => resolve(candidates.map((candidate) => (candidate.article.id === SEED.voaDeepening ? 1 : 0))), 0);
    });
    return candidates
      .map((candidate, position): Candidate => ({ ...candidate, score: candidate.score + 100 * ratings[position]! }))
      .sort((a, b) => compareRanking(context.index, a, b));
  },
};

describe('the retrieval stages', () => {
  it('runs the first stage, re-ranking, said-quotes, promotion and folding, in that order, by default', () => {
    expect(DEFAULT_STAGES.map((stage) => stage.name)).toEqual(['first-stage', 'rerank', 'said-quotes', 'promote-answer-bearing', 'fold-near-duplicates']);
  });

  it('lets an asynchronous scorer added after re-ranking change which article is cited first', async () => {
    const before = await ask(index, QUESTION);
    expect(before.citations[0]?.articleId).not.toBe(SEED.voaDeepening);
    const after = await ask(index, QUESTION, { stages: insertStage(DEFAULT_STAGES, preferVoa, { after: 'rerank' }) });
    expect(after.citations[0]?.articleId).toBe(SEED.voaDeepening);
  });

  it('gives each stage the previous stage’s candidates', async () => {
    const seen: string[][] = [];
    const record: RetrievalStage = {
      name: 'record',
      run: (candidates) => {
        seen.push(candidates.map((candidate) => candidate.passage.id));
        return candidates.slice(0, 2);
      },
    };
    const stages = insertStage(DEFAULT_STAGES, record, { after: 'rerank' });
    const hits = await retrievePassages(index, analyzeQuestion(index, QUESTION), { stages });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.length).toBeGreaterThan(2);
    expect(hits.length).toBeLessThanOrEqual(2);
  });

  it('passes on a scorer’s failure as a rejected answer', async () => {
    const failing: RetrievalStage = { name: 'failing', run: () => Promise.reject(new Error('model unavailable')) };
    await expect(answerQuestion(index, QUESTION, { stages: insertStage(DEFAULT_STAGES, failing, { after: 'rerank' }) })).rejects.toThrow('model unavailable');
  });

  it('refuses to insert a stage after one that is not there, or under a name already taken', () => {
    expect(() => insertStage(DEFAULT_STAGES, preferVoa, { after: 'bm25' })).toThrow('no stage named "bm25"');
    expect(() => insertStage(DEFAULT_STAGES, { ...preferVoa, name: 'rerank' }, { after: 'rerank' })).toThrow('already named "rerank"');
  });
});

describe('the re-ranking weights', () => {
  it('answers with the default weights when none are given or an empty set is', async () => {
    expect(await answerQuestion(index, QUESTION, { rerank: {} })).toEqual(await answerQuestion(index, QUESTION));
    expect(await answerQuestion(index, QUESTION, { rerank: { ...DEFAULT_RERANK_WEIGHTS } })).toEqual(await answerQuestion(index, QUESTION));
  });

  it('scores passages otherwise when a weight is changed', async () => {
    const defaults = await ask(index, QUESTION);
    const changed = await ask(index, QUESTION, { rerank: { sentenceMatch: 0, wordOrder: 0 } });
    expect(changed.citations.map((citation) => citation.score)).not.toEqual(defaults.citations.map((citation) => citation.score));
  });

  it('merges a partial set of weights over the defaults', () => {
    expect(resolveRerankWeights({ sentenceMatch: 2.5 })).toEqual({ ...DEFAULT_RERANK_WEIGHTS, sentenceMatch: 2.5 });
  });

  it('refuses an unknown weight or one that is not a finite number, naming it', () => {
    expect(() => resolveRerankWeights({ sentenceMatsh: 1 } as never)).toThrow('unknown weight "sentenceMatsh"');
    expect(() => resolveRerankWeights({ wordOrder: Number.NaN })).toThrow('wordOrder must be a finite number');
  });

  it('refuses a number of candidates that is not a positive integer', async () => {
    const question = analyzeQuestion(index, QUESTION);
    await expect(retrievePassages(index, question, { candidates: 0 })).rejects.toThrow('candidates must be a positive integer');
  });
});

describe('answerQuestion', () => {
  it('reports a question without words as a problem, not an answer', async () => {
    const result = await answerQuestion(index, 'what is the');
    expect(isQuestionProblem(result) && result.kind).toBe('no-searchable-words');
  });
});
