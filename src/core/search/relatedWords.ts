/**
 * Related words in re-ranking: a question asks about "protesters", the passage that answers says
 * "demonstrators". A scorer stage after `rerank` that, with word vectors ({@link WordVectors}),
 * gives each question word the passage does not hold its best cosine with a word of the sentence,
 * weighted by rarity. It changes scores only: what a candidate matched, and so its coverage (what
 * the decision to answer reads), stays exact — a related word alone never makes Dossier answer.
 */
import type { WordVectors } from '../text/wordVectors.js';
import { sentenceStartsOf } from './passageMatching.js';
import type { AnalyzedQuestion } from './question.js';
import { compareRanking, type RetrievalStage } from './stage.js';

/** The name of the related-words stage, for {@link insertStage}. */
export const RELATED_WORDS_STAGE = 'related-words';

/** A term with a digit (a year, an amount) has no related words worth crediting. */
const HAS_DIGIT = /\p{N}/u;

/**
 * The `related-words` stage: for each candidate, the best sentence's share of the question when
 * a question term the passage lacks counts for its cosine with the sentence's closest term (at
 * least {@link RerankWeights.relatedWordsMinSimilarity}), minus that share without them, times
 * {@link RerankWeights.relatedWords}, divided by (1 + passage terms)^{@link RerankWeights.lengthExponent},
 * is added to its score; then the candidates are sorted again. Names (a capitalised word of the
 * question) and numbers get no related words: `Iran` is not `Iraq`. Cosines are computed once per
 * question and passage term. Cost: about a millisecond for 30 candidates.
 *
 * @example insertStage(DEFAULT_STAGES, relatedWordsStage(vectors), { after: 'rerank' })
 */
export function relatedWordsStage(vectors: WordVectors): RetrievalStage {
  return {
    name: RELATED_WORDS_STAGE,
    run(candidates, question, context) {
      const { relatedWords: weight, relatedWordsMinSimilarity: minSimilarity, lengthExponent } = context.weights;
      const related = relatableTerms(vectors, question);
      if (weight === 0 || related.length === 0 || candidates.length === 0 || question.totalWeight <= 0) return candidates;
      const termIndex = new Map(question.terms.map((term, position) => [term, position]));
      // Each passage term's credit for each relatable question term (0 below the least similarity), computed once.
      const credits = new Map<string, Float32Array>();
      const creditsOf = (term: string): Float32Array => {
        let found = credits.get(term);
        if (found === undefined) {
          found = new Float32Array(related.length);
          const row = vectors.rowOf(term);
          if (row >= 0) {
            related.forEach(({ row: questionRow }, at) => {
              const similarity = vectors.cosineOfRows(questionRow, row);
              found![at] = similarity >= minSimilarity ? similarity : 0;
            });
          }
          credits.set(term, found);
        }
        return found;
      };
      const { index } = context;
      return candidates
        .map((candidate) => {
          const lacking = related.map(({ term }) => !candidate.matchedQueryTerms.includes(term));
          if (!lacking.includes(true)) return candidate;
          const passageTerms = index.passageTerms.get(candidate.passage.id) ?? [];
          const gain = bestSentenceGain(passageTerms, sentenceStartsOf(index, candidate.passage), question, termIndex, related, lacking, creditsOf);
          if (gain <= 0) return candidate;
          return { ...candidate, score: candidate.score + (weight * gain) / (1 + passageTerms.length) ** lengthExponent };
        })
        .sort((a, b) => compareRanking(index, a, b));
    },
  };
}

interface RelatableTerm {
  readonly term: string;
  /** Its position among the question's terms. */
  readonly position: number;
  /** Its row in the vectors. */
  readonly row: number;
}

/** The question's terms that may be credited through a related word: not names, no digits, with a vector. */
function relatableTerms(vectors: WordVectors, question: AnalyzedQuestion): RelatableTerm[] {
  return question.terms.flatMap((term, position) => {
    const row = vectors.rowOf(term);
    return question.termRoles[position] === 'name' || HAS_DIGIT.test(term) || row < 0 ? [] : [{ term, position, row }];
  });
}

/**
 * How much the best sentence's share of the question (terms weighed by rarity) grows when the
 * lacking relatable terms count for their best cosine with a term of the sentence: the best share
 * with related words minus the best without (both over the question's total weight).
 */
function bestSentenceGain(
  passageTerms: readonly string[],
  sentenceStarts: readonly number[],
  question: AnalyzedQuestion,
  termIndex: ReadonlyMap<string, number>,
  related: readonly RelatableTerm[],
  lacking: readonly boolean[],
  creditsOf: (term: string) => Float32Array,
): number {
  let bestExact = 0;
  let bestWithRelated = 0;
  const best = new Float32Array(related.length);
  const starts = sentenceStarts.length === 0 ? [0] : sentenceStarts;
  starts.forEach((start, sentence) => {
    const end = starts[sentence + 1] ?? passageTerms.length;
    const held = new Set<number>();
    best.fill(0);
    for (let at = sentence === 0 ? 0 : start; at < end; at += 1) {
      const term = passageTerms[at]!;
      const position = termIndex.get(term);
      if (position !== undefined) {
        held.add(position);
        continue;
      }
      const credits = creditsOf(term);
      for (let at2 = 0; at2 < related.length; at2 += 1) if (lacking[at2] && credits[at2]! > best[at2]!) best[at2] = credits[at2]!;
    }
    let exact = 0;
    for (const position of held) exact += question.termWeights[position]!;
    let soft = 0;
    related.forEach(({ position }, at) => {
      if (!held.has(position)) soft += best[at]! * question.termWeights[position]!;
    });
    bestExact = Math.max(bestExact, exact);
    bestWithRelated = Math.max(bestWithRelated, exact + soft);
  });
  return (bestWithRelated - bestExact) / question.totalWeight;
}
