/**
 * Folding of near-duplicates: a rewritten article's passage that says the same as a passage
 * already ranked is folded into it, and its article cited as "also reported by".
 */
import type { CorpusIndex } from '../indexing/corpusIndex.js';
import type { Passage } from '../types.js';
import type { Candidate, RetrievalStage } from './stage.js';

/** Two passages say the same when they share at least this share of the smaller one's distinct terms. */
const SAME_PASSAGE_SHARE = 0.5;

/** The folding stage: {@link foldNearDuplicates}. */
export const nearDuplicateFolding: RetrievalStage = {
  name: 'fold-near-duplicates',
  run: (candidates, _question, context) => foldNearDuplicates(context.index, candidates),
};

/**
 * Folds each candidate from a near-duplicate article into the group's best candidate when the two
 * passages say the same thing; the canonical article's passage is the one shown, unless the other
 * passage covers more of the question (a rewrite's paragraph can contain the original's and add
 * to it, and the addition may be what was asked). The article not shown is named in
 * `alsoReportedBy`; the group keeps the better candidate's score and place.
 * Cost: quadratic in the candidates of one duplicate group at most; each passage's term set is
 * built once.
 */
export function foldNearDuplicates(index: CorpusIndex, candidates: readonly Candidate[]): Candidate[] {
  const termSets = new Map<string, ReadonlySet<string>>();
  const termsOf = (passage: Passage): ReadonlySet<string> => {
    let terms = termSets.get(passage.id);
    if (terms === undefined) termSets.set(passage.id, (terms = new Set(index.passageTerms.get(passage.id))));
    return terms;
  };
  const hits: Candidate[] = [];
  for (const candidate of candidates) {
    const group = index.duplicateGroupOf.get(candidate.article.id);
    const twin =
      group &&
      hits.find((hit) => hit.article.id !== candidate.article.id && group.articleIds.includes(hit.article.id) && saySame(termsOf(hit.passage), termsOf(candidate.passage)));
    if (!twin || !group) {
      hits.push(candidate);
      continue;
    }
    const shown = showsBetter(candidate, twin, group.canonicalId) ? candidate : twin;
    const reporters = [...twin.alsoReportedBy, twin.article, candidate.article].filter(
      (article, position, all) => article.id !== shown.article.id && all.findIndex((other) => other.id === article.id) === position,
    );
    hits[hits.indexOf(twin)] = { ...shown, score: twin.score, alsoReportedBy: reporters };
  }
  return hits;
}

/** Whether the candidate's passage should be shown instead of its twin's: the canonical one, unless the other covers more of the question. */
function showsBetter(candidate: Candidate, twin: Candidate, canonicalId: string): boolean {
  if (candidate.coverage !== twin.coverage) return candidate.coverage > twin.coverage;
  return candidate.article.id === canonicalId;
}

/** Whether two passages share most of their terms (a rewrite of the same paragraph). */
function saySame(termsA: ReadonlySet<string>, termsB: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const term of termsA) if (termsB.has(term)) shared += 1;
  return shared / Math.max(1, Math.min(termsA.size, termsB.size)) >= SAME_PASSAGE_SHARE;
}
