/**
 * The first stage: the index (MiniSearch: BM25, field boosts, typo tolerance for terms the corpus
 * never uses) proposes candidates from the question's terms.
 */
import { FIELD_BOOSTS, type CorpusIndex } from '../indexing/corpusIndex.js';
import type { Query } from 'minisearch';
import type { TermAlternative } from './alternatives.js';
import type { AnalyzedQuestion } from './question.js';
import { compareCorpusOrder, measureCoverage, type Candidate, type RetrievalContext, type RetrievalStage } from './stage.js';

/** MiniSearch candidates re-ranked per question (range 10–50 measured; see docs/experiments.md). */
export const DEFAULT_CANDIDATES = 30;
/** Postings the first stage may read, about: a question's most common terms are left to re-ranking beyond it (see docs/experiments.md). */
export const DEFAULT_FIRST_STAGE_POSTINGS = 2_000;
/** Terms shorter than this are matched exactly; longer ones the corpus never uses tolerate typos. */
const MIN_FUZZY_TERM_LENGTH = 5;
/** Edits allowed in a term the corpus never uses, as a share of its length (MiniSearch's `fuzzy`, at most 2): one up to 9 letters, two beyond. */
const UNKNOWN_TERM_FUZZINESS = 0.2;

/** The question's terms go to MiniSearch as they are: split on the spaces that join them, not analysed again. */
const ANALYZED_TERMS = {
  tokenize: (terms: string): string[] => terms.split(' '),
  processTerm: (term: string): string => term,
} as const;

/**
 * Proposes the first {@link RetrievalContext.candidates} passages for the question's terms, its
 * most common ones left out when they would cost more than {@link RetrievalContext.firstStagePostings}
 * postings (re-ranking still reads them in the candidates' text). Equal scores go in corpus order.
 * Its input candidates are ignored. Cost: bounded by the postings budget; a few milliseconds on
 * 9,000 passages.
 */
export const firstStage: RetrievalStage = {
  name: 'first-stage',
  run: (_candidates, question, context) => searchIndex(question, context),
};

function searchIndex(question: AnalyzedQuestion, context: RetrievalContext): Candidate[] {
  const { index } = context;
  if (question.terms.length === 0) return [];
  const searched = searchedTerms(question, context);
  const alternatives = question.alternatives.filter((alternative) => question.terms.some((term, position) => (alternative.covers >> position) & 1 && searched.includes(term)));
  const results = index.passageSearch.search(
    alternatives.length === 0 ? searched.join(' ') : { combineWith: 'OR', queries: [searched.join(' '), ...alternatives.map(alternativeQuery)] },
    { ...ANALYZED_TERMS, combineWith: 'OR', boost: FIELD_BOOSTS, fuzzy: (term) => typoTolerance(index, term), maxFuzzy: 2 },
  );
  if (alternatives.length > 0) for (const result of results) result.score = rescoreByQuestionTerms(question, alternatives, result.score, result.queryTerms);
  // Equal scores in corpus order: MiniSearch lists them in the order its postings hold them, which differs between an index built at once and one updated since (see updateCorpusIndex).
  results.sort((a, b) => b.score - a.score || compareCorpusOrder(index, index.passageById.get(String(a.id))!, index.passageById.get(String(b.id))!));
  return results.slice(0, context.candidates).map((result) => {
    const passage = index.passageById.get(String(result.id))!;
    const { matchedQueryTerms, coverage } = measureCoverage(question, result.terms, result.queryTerms);
    return {
      passage,
      article: index.articleById.get(passage.articleId)!,
      score: result.score,
      matchedQueryTerms,
      matchedPassageTerms: result.terms,
      approximateQueryTerms: result.queryTerms,
      coverage,
      alsoReportedBy: [],
    };
  });
}

/** An alternative form as a subquery: one word, or a name's words all required (each its own term, as the passage index holds them). */
function alternativeQuery(alternative: TermAlternative): Query {
  return alternative.terms.length === 1 ? alternative.terms[0]! : { combineWith: 'AND', fuzzy: false, queries: [alternative.terms.join(' ')] };
}

/**
 * A passage's score counted by the question terms it matches rather than the words searched:
 * MiniSearch multiplies a passage's score by the number of query words it matched, so a passage
 * holding "International Monetary Fund" for the question's "IMF" would count three words for one.
 */
function rescoreByQuestionTerms(question: AnalyzedQuestion, alternatives: readonly TermAlternative[], score: number, queryTerms: readonly string[]): number {
  const matched = new Set(queryTerms);
  let covered = 0;
  question.terms.forEach((term, position) => {
    if (matched.has(term)) covered |= 1 << position;
  });
  for (const alternative of alternatives) if (alternative.terms.every((term) => matched.has(term))) covered |= alternative.covers;
  let count = 0;
  for (let bits = covered; bits !== 0; bits &= bits - 1) count += 1;
  return (score / Math.max(1, queryTerms.length)) * Math.max(1, count);
}

/**
 * The terms the first stage searches: all of them, unless the question's most common terms would
 * make it read more than the postings budget; those are left to the second stage, which reads
 * them in the candidates' text. The rarest term is always searched.
 */
function searchedTerms(question: AnalyzedQuestion, context: RetrievalContext): string[] {
  const byRarity = question.terms.map((term, position) => ({ position, passages: context.index.documentFrequency.get(term) ?? 0 })).sort((a, b) => a.passages - b.passages);
  const searched = new Set<number>();
  let postings = 0;
  for (const { position, passages } of byRarity) {
    if (searched.size > 0 && postings + passages > context.firstStagePostings) break;
    searched.add(position);
    postings += passages;
  }
  return question.terms.filter((_, position) => searched.has(position));
}

/**
 * How many edits a term may differ by: none for a term the corpus uses or one shorter than
 * {@link MIN_FUZZY_TERM_LENGTH}; up to two (one per five letters) for a longer term the corpus
 * never uses, likely a typo ("replacd"). Known terms' neighbours are left to re-ranking's near
 * forms (see docs/experiments.md).
 */
function typoTolerance(index: CorpusIndex, term: string): number | false {
  return term.length >= MIN_FUZZY_TERM_LENGTH && !index.documentFrequency.has(term) ? UNKNOWN_TERM_FUZZINESS : false;
}
