/**
 * The re-ranking weights as one value, in the manner of MiniSearch's `BM25Params`: each field's
 * meaning, range and default. The defaults were tuned on SQuAD v1.1 dev (questions on its first
 * five articles; checked on the next five) and on the BBC news questions; the measurements behind
 * each value are in docs/experiments.md ("Retrieval constants, one row each"). Try other values with
 * `npm run tune` (bench/tune.ts) or `answerQuestion(index, question, { rerank: { … } })`.
 */

/**
 * How the second stage weighs what BM25 does not see. A relevance is the first-stage score
 * (scaled so the best candidate's is 1) plus {@link sentenceMatch} × the best sentence's share of
 * the question, plus {@link wordOrder} × the share of word pairs in order, plus
 * {@link answerKindBonus}, minus {@link missingNamePenalty}, all divided by
 * (1 + passage terms)^{@link lengthExponent}. Credits are shares of an exact match (0 to 1).
 */
export interface RerankWeights {
  /** Weight of the best sentence's share of the question, next to the first-stage score (at most 1). ≥ 0; default 2. */
  readonly sentenceMatch: number;
  /** Part of a sentence's share weighed by the terms' rarity in the corpus. 0–1; default 0.25. */
  readonly corpusRarityShare: number;
  /** Part of a sentence's share weighed by the terms' rarity among the candidates. 0–1; default 0.75. */
  readonly candidateRarityShare: number;
  /** A term's rarity among the candidates counts for at most this share of its rarity in the corpus (a common word says little even when few candidates hold it). > 0; default 0.5. */
  readonly candidateRarityCap: number;
  /** Weight of the share of the question's consecutive word pairs found side by side in the passage ("Super Bowl"). ≥ 0; default 1.5. */
  readonly wordOrder: number;
  /** Credit of two question terms side by side in the passage with the question's word between them left out ("Iranian deal" for "Iranian nuclear deal"). 0–1; default 0.75. */
  readonly skippedTermPairCredit: number;
  /** Bonus when the best sentence holds the kind of answer asked for (a number for "how many", a date for "when"). ≥ 0; default 0.75. */
  readonly answerKindBonus: number;
  /** Scores are divided by (1 + passage terms)^this: a long passage matches more words by chance. ≥ 0; default 0.15. */
  readonly lengthExponent: number;
  /** Credit of a near form (`expansion` for `expanding`: Porter leaves them apart). 0–1; default 1. */
  readonly nearFormCredit: number;
  /** Credit of a synonym (`vanquish` for `beat`) when the sentence holds neither the term nor a near form. 0–1; default 0.6. */
  readonly synonymCredit: number;
  /** Credit of a term the sentence lacks but its article's title holds (a headline is every sentence's context). 0–1; default 0.5. */
  readonly titleContextCredit: number;
  /** Credit of a term the passage lacks but an earlier passage of its article holds (a lead names who and what; later paragraphs say "he"). 0–1; default 0.5. */
  readonly articleContextCredit: number;
  /** Weight, next to its rarity, of a name of the question (a capitalised word other than the first) in a sentence's share. > 0; default 1.35. */
  readonly name: number;
  /** Weight, next to its rarity, of the question's focus noun ("What stadium…": the answer often lacks it) in a sentence's share. > 0; default 0.5. */
  readonly focusNoun: number;
  /** Taken off a candidate lacking a name of the question that most candidates hold (it is likely about something else). ≥ 0; default 0.3. */
  readonly missingNamePenalty: number;
  /** Share of the candidates that must hold a name for {@link missingNamePenalty} to apply. 0–1; default 0.5. */
  readonly sharedNameShare: number;
  /** Weight of what related words (by word vectors, when given) add to the best sentence's share, as {@link sentenceMatch} weighs the share itself. ≥ 0; default 0 (off: no gain on both halves of the question sets; see docs/experiments.md, "Related words (word vectors)"). */
  readonly relatedWords: number;
  /** Least cosine for a word to count as related to a question word (`demonstrators` for `protesters`: 0.73; `bank` for `lender`: 0.56, left out). −1–1; default 0.7. */
  readonly relatedWordsMinSimilarity: number;
}

/**
 * The weights Dossier answers with. See docs/experiments.md for the figures behind each value.
 *
 * @example answerQuestion(index, question, { rerank: { ...DEFAULT_RERANK_WEIGHTS, sentenceMatch: 2.5 } })
 */
export const DEFAULT_RERANK_WEIGHTS: RerankWeights = Object.freeze({
  sentenceMatch: 2,
  corpusRarityShare: 0.25,
  candidateRarityShare: 0.75,
  candidateRarityCap: 0.5,
  wordOrder: 1.5,
  skippedTermPairCredit: 0.75,
  answerKindBonus: 0.75,
  lengthExponent: 0.15,
  nearFormCredit: 1,
  synonymCredit: 0.6,
  titleContextCredit: 0.5,
  articleContextCredit: 0.5,
  name: 1.35,
  focusNoun: 0.5,
  missingNamePenalty: 0.3,
  sharedNameShare: 0.5,
  relatedWords: 0,
  relatedWordsMinSimilarity: 0.7,
});

/** The names of the weights, in declaration order (for tools that set them by name). */
export const RERANK_WEIGHT_NAMES = Object.freeze(Object.keys(DEFAULT_RERANK_WEIGHTS)) as readonly (keyof RerankWeights)[];

/**
 * The defaults with `overrides` merged over them. Throws a `RangeError` naming the weight when an
 * override is not a finite number (weights come from code or a tuning tool, not from users).
 *
 * @example resolveRerankWeights({ sentenceMatch: 2.5 }).wordOrder // 1.5
 */
export function resolveRerankWeights(overrides: Partial<RerankWeights> = {}): RerankWeights {
  for (const [name, value] of Object.entries(overrides)) {
    if (!(name in DEFAULT_RERANK_WEIGHTS)) throw new RangeError(`rerank weights: unknown weight "${name}"`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`rerank weights: ${name} must be a finite number, got ${String(value)}`);
  }
  return Object.keys(overrides).length === 0 ? DEFAULT_RERANK_WEIGHTS : { ...DEFAULT_RERANK_WEIGHTS, ...overrides };
}
