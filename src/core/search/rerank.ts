/**
 * The second stage of retrieval: the passages the index proposes are scored again, on what BM25
 * does not see — whether one sentence holds the question's rare words together, whether they
 * stand in the question's order, how long the passage is, and whether that sentence holds the
 * kind of answer asked for (a number, a date). Within a sentence, the question's names weigh
 * more and the focus noun ("What stadium…") less, and a synonym counts for part of the word it
 * stands for; a passage lacking a name the other candidates share loses. The weights are a
 * {@link RerankWeights} value; the figures that chose them are in docs/experiments.md.
 */
import { passagesOfArticle, type CorpusIndex } from '../indexing/corpusIndex.js';
import type { Passage } from '../types.js';
import { exactTermsOf, matchPassage, questionTermsOf } from './passageMatching.js';
import type { AnalyzedQuestion, TermRole } from './question.js';
import { compareRanking, measureCoverage, type RetrievalStage } from './stage.js';
import { DEFAULT_RERANK_WEIGHTS, type RerankWeights } from './weights.js';

/** A passage proposed by the first stage, with its first-stage score. */
export interface RerankCandidate {
  readonly passage: Passage;
  readonly score: number;
}

/** A candidate's second-stage score, and the question terms its text holds. */
export interface RerankedCandidate {
  readonly score: number;
  /** Question terms the passage's text holds as they are. */
  readonly termsInText: readonly string[];
  /** Question terms the passage's text holds only in a near form (`expans` for `expand`). */
  readonly nearTermsInText: readonly string[];
  /** The terms of the question's alternative forms that the passage's text holds (`imf` for "International Monetary Fund"), to highlight. */
  readonly alternativeTermsInText: readonly string[];
}

/**
 * The lexical re-ranking stage: scores the candidates with {@link rerankCandidates} and the
 * context's weights, adds the terms their text holds to what they matched (a near form as an
 * approximate match), and sorts them (ties in corpus order).
 */
export const lexicalRerank: RetrievalStage = {
  name: 'rerank',
  run(candidates, question, context) {
    const reranked = rerankCandidates(context.index, question, candidates, context.weights);
    return candidates
      .map((candidate, position) => {
        const { score, termsInText, nearTermsInText, alternativeTermsInText } = reranked[position]!;
        const matchedPassageTerms = [...new Set([...candidate.matchedPassageTerms, ...termsInText, ...alternativeTermsInText])];
        const approximateQueryTerms = [...candidate.approximateQueryTerms, ...nearTermsInText];
        return { ...candidate, score, matchedPassageTerms, approximateQueryTerms, ...measureCoverage(question, matchedPassageTerms, approximateQueryTerms) };
      })
      .sort((a, b) => compareRanking(context.index, a, b));
  },
};

/**
 * Scores candidates again for a question; returns one result per candidate, in the same order.
 * The first-stage score is scaled so that the best candidate's is 1; added to it are the best
 * sentence's share of the question, the share of the question's word pairs found in order (also
 * with the question's word between them left out), and a bonus when that sentence holds the kind
 * of answer asked for; the sum is divided by a power of the passage's length.
 * A sentence's share is counted twice: with each term weighed by its rarity in the corpus, and
 * by its rarity among the candidates ("Tesla" tells apart nothing among passages all on Tesla),
 * both times weighed up for a name and down for the focus noun; a term the sentence lacks counts
 * for a share when its article's title or a passage before it holds it, or the sentence a synonym
 * of it. A candidate lacking a name of the question that most candidates hold loses
 * {@link RerankWeights.missingNamePenalty}. The question has at most 31 terms (bit sets).
 * Cost: linear in the terms of the candidates' articles; a fraction of a millisecond for 30
 * passages of news.
 *
 * @param weights - the weights (default {@link DEFAULT_RERANK_WEIGHTS})
 * @example rerankCandidates(index, analyzeQuestion(index, 'Who replaced Brian Hook?'), [{ passage, score: 3.2 }])[0].score
 */
export function rerankCandidates(
  index: CorpusIndex,
  question: AnalyzedQuestion,
  candidates: readonly RerankCandidate[],
  weights: RerankWeights = DEFAULT_RERANK_WEIGHTS,
): RerankedCandidate[] {
  if (candidates.length === 0) return [];
  const { terms, termWeights } = question;
  const questionTerms = questionTermsOf(question);
  const matches = candidates.map((candidate) => matchPassage(index, candidate.passage, questionTerms));
  const roles = question.termRoles.map((role) => roleWeight(role, weights));

  // Rarity among the candidates, as BM25 would weigh it if they were the whole corpus, capped by rarity in the corpus.
  const localWeights = terms.map((_, termIndex) => {
    const containing = matches.reduce((count, match) => count + (((match.terms | match.nearTerms) >> termIndex) & 1), 0);
    const rarity = Math.log(1 + (candidates.length - containing + 0.5) / (containing + 0.5));
    return Math.min(rarity, weights.candidateRarityCap * termWeights[termIndex]!) * roles[termIndex]!;
  });
  // A sentence's share weighs names up and the focus noun down; word pairs keep plain rarity.
  const shareWeights = termWeights.map((weight, termIndex) => weight * roles[termIndex]!);
  const total = sum(termWeights);
  const shareTotal = sum(shareWeights);
  const localTotal = sum(localWeights);
  const asked = question.askedKinds;
  // Names of the question that most candidates hold: a candidate without one is likely off the question's subject.
  let sharedNames = 0;
  terms.forEach((_, termIndex) => {
    if (question.termRoles[termIndex] !== 'name') return;
    const holding = matches.reduce((count, match) => count + (((match.terms | match.nearTerms | match.title) >> termIndex) & 1), 0);
    if (holding >= weights.sharedNameShare * candidates.length) sharedNames |= 1 << termIndex;
  });
  const topScore = Math.max(...candidates.map((candidate) => candidate.score));
  // The question terms of each passage of the candidates' articles, read once per article.
  const articleTerms = new Map<string, number[]>();
  const termsBefore = (passage: Passage): number => {
    let masks = articleTerms.get(passage.articleId);
    if (masks === undefined) {
      masks = passagesOfArticle(index, passage.articleId).map((other) => exactTermsOf(index, other, questionTerms));
      articleTerms.set(passage.articleId, masks);
    }
    let before = 0;
    for (let position = 0; position < passage.position && position < masks.length; position += 1) before |= masks[position]!;
    return before;
  };

  return candidates.map((candidate, candidateIndex) => {
    const match = matches[candidateIndex]!;
    // Terms the passage lacks but an earlier passage of its article holds (the title's are credited as such).
    const context = termsBefore(candidate.passage) & ~(match.terms | match.title);
    let bestSentence = 0;
    let bestAnswers = 0;
    match.sentences.forEach((mask, sentence) => {
      const near = match.nearSentences[sentence]! & ~mask;
      const synonyms = match.synonymSentences[sentence]! & ~(mask | near);
      const titleOnly = match.title & ~(mask | near | synonyms);
      const contextOnly = context & ~(near | synonyms);
      const credited = (byTerm: readonly number[]): number =>
        sumWeights(mask, byTerm) +
        weights.nearFormCredit * sumWeights(near, byTerm) +
        weights.synonymCredit * sumWeights(synonyms, byTerm) +
        weights.titleContextCredit * sumWeights(titleOnly, byTerm) +
        weights.articleContextCredit * sumWeights(contextOnly, byTerm);
      const share =
        (shareTotal > 0 ? (weights.corpusRarityShare * credited(shareWeights)) / shareTotal : 0) +
        (localTotal > 0 ? (weights.candidateRarityShare * credited(localWeights)) / localTotal : 0);
      if (share > bestSentence) {
        bestSentence = share;
        bestAnswers = match.answers[sentence]!;
      }
    });
    let pairs = 0;
    for (let termIndex = 1; termIndex < terms.length; termIndex += 1) {
      if ((match.pairs >> termIndex) & 1) pairs += (termWeights[termIndex - 1]! + termWeights[termIndex]!) / 2;
      if ((match.skippedPairs >> termIndex) & 1) pairs += (weights.skippedTermPairCredit * (termWeights[termIndex - 2]! + termWeights[termIndex]!)) / 2;
    }
    const relevance =
      (topScore > 0 ? candidate.score / topScore : 0) +
      weights.sentenceMatch * bestSentence +
      weights.wordOrder * (total > 0 ? pairs / total : 0) +
      ((bestAnswers & asked) !== 0 ? weights.answerKindBonus : 0) -
      ((sharedNames & ~(match.terms | match.nearTerms | match.title | context)) !== 0 ? weights.missingNamePenalty : 0);
    return {
      score: relevance / (1 + match.length) ** weights.lengthExponent,
      termsInText: terms.filter((_, termIndex) => (match.terms >> termIndex) & 1),
      nearTermsInText: terms.filter((_, termIndex) => ((match.nearTerms & ~match.terms) >> termIndex) & 1),
      alternativeTermsInText: question.alternatives.flatMap((alternative, alternativeIndex) => ((match.alternatives >> alternativeIndex) & 1 ? alternative.terms : [])),
    };
  });
}

/** A term's weight next to its rarity in a sentence's share, by its role. */
function roleWeight(role: TermRole, weights: RerankWeights): number {
  return role === 'name' ? weights.name : role === 'focus' ? weights.focusNoun : 1;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The sum of the weights of the terms whose bits are set in `mask`. */
function sumWeights(mask: number, weights: readonly number[]): number {
  let total = 0;
  for (let termIndex = 0; termIndex < weights.length; termIndex += 1) if ((mask >> termIndex) & 1) total += weights[termIndex]!;
  return total;
}
