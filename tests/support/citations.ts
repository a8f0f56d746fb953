/**
 * Checks on answers shared by the core and CLI tests.
 */
import { analyzeTerms } from '../../src/core/text/analysis.js';
import type { Citation, CorpusIndex } from '../../src/core/index.js';

/** Share of the smaller excerpt's distinct terms that the other excerpt also has. */
export function termOverlap(a: string, b: string): number {
  const termsA = new Set(analyzeTerms(a));
  const termsB = new Set(analyzeTerms(b));
  let shared = 0;
  for (const term of termsA) if (termsB.has(term)) shared += 1;
  return shared / Math.max(1, Math.min(termsA.size, termsB.size));
}

/**
 * Pairs of citations that quote the same story twice: two articles of one near-duplicate group
 * whose excerpts are mostly the same words (a rewrite of the same paragraph).
 */
export function repeatedStories(index: CorpusIndex, citations: readonly Citation[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  citations.forEach((a, position) => {
    for (const b of citations.slice(position + 1)) {
      const group = index.duplicateGroupOf.get(a.articleId);
      const twins = a.articleId !== b.articleId && group !== undefined && group.articleIds.includes(b.articleId);
      if (twins && termOverlap(a.excerpt, b.excerpt) >= 0.5) pairs.push([a.passageId, b.passageId]);
    }
  });
  return pairs;
}
