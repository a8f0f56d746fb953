/**
 * Retrieval: a question in, ranked passages out, each with what it matched and how much of the
 * question that covers (the basis for deciding whether the corpus answers at all).
 */
import { tokenizeWords, toTerm } from '../text/analysis.js';
import type { CorpusIndex } from '../indexing/corpusIndex.js';
import { FIELD_BOOSTS } from '../indexing/corpusIndex.js';
import { normalizeForMatching, normalizeUserText } from '../text/normalize.js';
import { promoteAnswerBearing, rerankCandidates } from './rerank.js';
import type { Article, Passage } from '../types.js';

/** A question cut to a bounded cost: at most this many characters are read… */
export const MAX_QUERY_LENGTH = 500;
/** …and at most this many distinct terms searched. */
export const MAX_QUERY_TERMS = 16;
/** Terms shorter than this are matched exactly; longer ones tolerate typos (see {@link typoTolerance}). */
const MIN_FUZZY_TERM_LENGTH = 5;
/** Edits allowed in a term the corpus never uses, as a share of its length (MiniSearch's `fuzzy`, at most 2): one up to 9 letters, two beyond. */
const UNKNOWN_TERM_FUZZINESS = 0.2;
/**
 * Postings (passages holding a searched term) the first stage may read, about. A question's
 * common words ("year", "new", "people") hold thousands of passages in a large corpus, and
 * MiniSearch scores each; they weigh little in BM25, and re-ranking still reads them. On SQuAD
 * (2,389 passages) a budget of 540, the share of the corpus that 2,000 is of BBC's 8,834
 * passages, left R@1 as it was (0.747 against 0.746, tuning questions); 270 cost 0.004.
 */
const FIRST_STAGE_POSTINGS = 2_000;
/** A typo-tolerant match, or a near form (`expansion` for `expanding`), counts for this share of an exact one when measuring coverage. */
const FUZZY_MATCH_CREDIT = 0.7;
/**
 * MiniSearch candidates re-ranked per question. On SQuAD re-ranking the first 20, 30 or 50 gave
 * R@1 0.745, 0.746 and 0.746 (tuning questions), 0.820, 0.822 and 0.817 (held out): further
 * down, chance sentence matches start to outrank the first stage's judgement, at a higher cost.
 */
const CANDIDATES = 30;

/** A question as the index sees it. */
export interface AnalyzedQuery {
  /** The question as asked, trimmed (and cut to {@link MAX_QUERY_LENGTH}). */
  readonly text: string;
  /** Distinct search terms, in question order, at most {@link MAX_QUERY_TERMS}. */
  readonly terms: readonly string[];
  /** The word each term came from (first occurrence), to search with. */
  readonly words: readonly string[];
  /** Whether the question was cut to fit the limits. */
  readonly truncated: boolean;
}

/** A passage that matched a question. */
export interface PassageHit {
  readonly passage: Passage;
  readonly article: Article;
  /** Relevance after re-ranking; comparable only within one question. */
  readonly score: number;
  /** The question's terms found in the passage (exactly or within typo tolerance). */
  readonly matchedQueryTerms: readonly string[];
  /** The passage's own terms that matched, for highlighting. */
  readonly matchedPassageTerms: readonly string[];
  /**
   * Share of the question's weight (terms weighted by rarity in the corpus) that the passage
   * matches, from 0 to 1. Terms the corpus never uses weigh the most.
   */
  readonly coverage: number;
  /** Near-duplicate articles whose matching passage says the same (cited as "also reported by"). */
  readonly alsoReportedBy: readonly Article[];
}

/**
 * Cuts a question to a bounded cost and turns it into search terms: at most
 * {@link MAX_QUERY_LENGTH} characters, at most {@link MAX_QUERY_TERMS} distinct terms.
 *
 * @example analyzeQuery('Who replaced Brian Hook?').terms // ['replac', 'brian', 'hook']
 */
export function analyzeQuery(question: string): AnalyzedQuery {
  const trimmed = normalizeUserText(question);
  const text = trimmed.length > MAX_QUERY_LENGTH ? cutAtCodePoint(trimmed, MAX_QUERY_LENGTH) : trimmed;
  const terms: string[] = [];
  const words: string[] = [];
  let truncated = text.length < trimmed.length;
  for (const token of tokenizeWords(normalizeForMatching(text))) {
    const term = toTerm(token.word);
    if (term === null || terms.includes(term)) continue;
    if (terms.length === MAX_QUERY_TERMS) {
      truncated = true;
      break;
    }
    terms.push(term);
    words.push(token.word);
  }
  return { text, terms, words, truncated };
}

/**
 * Ranks passages for a question: MiniSearch (BM25, field boosts, typo tolerance for words the
 * corpus never uses) proposes {@link CANDIDATES} candidates from the question's words, its most
 * common ones left out when they would cost more than {@link FIRST_STAGE_POSTINGS}; then they are
 * re-ranked by how well their best sentence matches the whole question (see
 * {@link rerankCandidates}). A question term counts as matched when MiniSearch matched it, in any
 * field, or the passage's text holds it; a typo or a near form of it counts for a share of its
 * weight. When the question asks for a name, number or date that the first passage does not give
 * and another passage of its article close behind does, that one goes first (see
 * {@link promoteAnswerBearing}). Near-duplicate passages from rewritten articles are folded into
 * one hit, citing the original. Ties break by corpus order, so results are stable.
 * Cost: bounded by the postings budget and the candidates; a few milliseconds on 9,000 passages.
 *
 * @param limit - how many hits to return (default 10)
 * @example retrievePassages(index, analyzeQuery('Who replaced Brian Hook?'))[0].passage.text
 */
export function retrievePassages(index: CorpusIndex, query: AnalyzedQuery, limit = 10): PassageHit[] {
  if (query.terms.length === 0) return [];
  const weights = query.terms.map((term) => termWeight(index, term));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);

  const results = index.passageSearch.search(firstStageWords(index, query).join(' '), {
    combineWith: 'OR',
    boost: FIELD_BOOSTS,
    fuzzy: (term) => typoTolerance(index, term),
    maxFuzzy: 2,
  });
  // Equal scores in corpus order: MiniSearch lists them in the order its postings hold them, which differs between an index built at once and one updated since (see updateCorpusIndex).
  results.sort((a, b) => b.score - a.score || compareCorpusOrder(index, index.passageById.get(String(a.id))!, index.passageById.get(String(b.id))!));
  const firstStage = results.slice(0, CANDIDATES).map((result) => ({ result, passage: index.passageById.get(String(result.id))!, score: result.score }));
  const reranked = rerankCandidates(index, query.text, query.terms, weights, firstStage);

  const candidates = firstStage.map(({ result, passage }, position) => {
    const { score, termsInText, nearTermsInText } = reranked[position]!;
    const exact = new Set<string>([...result.terms, ...termsInText]);
    let coveredWeight = 0;
    const matchedQueryTerms = query.terms.filter((term, termPosition) => {
      const approximate = result.queryTerms.includes(term) || nearTermsInText.includes(term);
      const credit = exact.has(term) ? 1 : approximate ? FUZZY_MATCH_CREDIT : 0;
      coveredWeight += credit * weights[termPosition]!;
      return credit > 0;
    });
    return {
      passage,
      article: index.articleById.get(passage.articleId)!,
      score,
      matchedQueryTerms,
      matchedPassageTerms: [...exact],
      coverage: totalWeight > 0 ? coveredWeight / totalWeight : 0,
    };
  });

  candidates.sort((a, b) => b.score - a.score || compareCorpusOrder(index, a.passage, b.passage));
  return foldNearDuplicates(index, promoteAnswerBearing(query.text, query.terms, candidates)).slice(0, limit);
}

/**
 * The words the first stage searches: all of them, unless the question's most common terms would
 * make it read more than {@link FIRST_STAGE_POSTINGS} postings; those are left to the second
 * stage, which reads them in the candidates' text. The rarest term is always searched.
 */
function firstStageWords(index: CorpusIndex, query: AnalyzedQuery): string[] {
  const byRarity = query.terms
    .map((term, position) => ({ position, passages: index.documentFrequency.get(term) ?? 0 }))
    .sort((a, b) => a.passages - b.passages);
  const searched = new Set<number>();
  let postings = 0;
  for (const { position, passages } of byRarity) {
    if (searched.size > 0 && postings + passages > FIRST_STAGE_POSTINGS) break;
    searched.add(position);
    postings += passages;
  }
  return query.words.filter((_, position) => searched.has(position));
}

/**
 * How many edits a query term may differ by: none for a term the corpus uses or one shorter than
 * {@link MIN_FUZZY_TERM_LENGTH}; up to two (one per five letters) for a longer term the corpus
 * never uses, likely a typo ("replacd"). Letting known terms match their neighbours too (one
 * edit) gave SQuAD R@1 0.744 against 0.746 (tuning questions): re-ranking's near forms already
 * find `expansion` for `expanding`, and fuzzy search of every long word costs query time.
 */
function typoTolerance(index: CorpusIndex, term: string): number | false {
  return term.length >= MIN_FUZZY_TERM_LENGTH && !index.documentFrequency.has(term) ? UNKNOWN_TERM_FUZZINESS : false;
}

/**
 * How much a term says about a passage: its inverse document frequency (BM25's form).
 * A term no passage contains gets the highest weight, since a question built on it is not covered.
 */
export function termWeight(index: CorpusIndex, term: string): number {
  const passages = index.passages.length;
  const frequency = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (passages - frequency + 0.5) / (frequency + 0.5));
}

type Candidate = Omit<PassageHit, 'alsoReportedBy'>;

/**
 * Folds each hit from a near-duplicate article into the group's best hit when the two passages
 * say the same thing; the canonical article's passage is the one shown, unless the other passage
 * covers more of the question (a rewrite's paragraph can contain the original's and add to it,
 * and the addition may be what was asked). The article not shown is named in `alsoReportedBy`.
 */
function foldNearDuplicates(index: CorpusIndex, candidates: readonly Candidate[]): PassageHit[] {
  // Each passage's term set is built once per question, not once per comparison.
  const termSets = new Map<string, ReadonlySet<string>>();
  const termsOf = (passage: Passage): ReadonlySet<string> => {
    let terms = termSets.get(passage.id);
    if (terms === undefined) termSets.set(passage.id, (terms = new Set(index.passageTerms.get(passage.id))));
    return terms;
  };
  const hits: Array<Candidate & { alsoReportedBy: Article[] }> = [];
  for (const candidate of candidates) {
    const group = index.duplicateGroupOf.get(candidate.article.id);
    const twin = group && hits.find((hit) => hit.article.id !== candidate.article.id && group.articleIds.includes(hit.article.id) && saySame(termsOf(hit.passage), termsOf(candidate.passage)));
    if (!twin || !group) {
      hits.push({ ...candidate, alsoReportedBy: [] });
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
  return shared / Math.max(1, Math.min(termsA.size, termsB.size)) >= 0.5;
}

function compareCorpusOrder(index: CorpusIndex, a: Passage, b: Passage): number {
  return (index.articleOrder.get(a.articleId)! - index.articleOrder.get(b.articleId)!) || a.position - b.position;
}

/** Cuts a string to at most `length` UTF-16 units without splitting a surrogate pair. */
function cutAtCodePoint(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
