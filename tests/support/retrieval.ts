/**
 * Small corpora for the retrieval stages' tests: one-passage articles, each stage's view of a
 * question (re-ranking scores alone, or the whole pipeline's hits).
 */
import type { CorpusIndex } from '../../src/core/indexing/corpusIndex.js';
import { analyzeQuestion } from '../../src/core/search/question.js';
import { rerankCandidates } from '../../src/core/search/rerank.js';
import { retrievePassages } from '../../src/core/search/retrieve.js';
import type { PassageHit } from '../../src/core/search/stage.js';
import type { Article, Passage } from '../../src/core/types.js';

/** An article titled "Report <id>". */
export function article(id: string, text: string): Article {
  return { id, title: `Report ${id}`, text, source: `${id}.md` };
}

/** Re-ranks every passage of the index for a question, first-stage scores all equal: the second stage alone decides. */
export function rerankEvery(index: CorpusIndex, question: string): Array<{ passage: Passage; score: number }> {
  const candidates = index.passages.map((passage) => ({ passage, score: 1 }));
  const reranked = rerankCandidates(index, analyzeQuestion(index, question), candidates);
  return candidates.map(({ passage }, position) => ({ passage, score: reranked[position]!.score }));
}

/** Each article's re-ranking score, for articles of one passage. */
export function rerankAll(index: CorpusIndex, question: string): Map<string, number> {
  return new Map(rerankEvery(index, question).map(({ passage, score }) => [passage.articleId, score]));
}

/** Each passage's re-ranking score by passage id, for articles of several passages. */
export function rerankPassages(index: CorpusIndex, question: string): Map<string, number> {
  return new Map(rerankEvery(index, question).map(({ passage, score }) => [passage.id, score]));
}

/** The passages retrieval ranks first for a question, with the default stages. */
export function retrieve(index: CorpusIndex, question: string, limit?: number): Promise<PassageHit[]> {
  return retrievePassages(index, analyzeQuestion(index, question), limit === undefined ? {} : { limit });
}
