/**
 * Retrieval: a question in, ranked passages out, each with what it matched and how much of the
 * question that covers (the basis for deciding whether the corpus answers at all).
 */
import { tokenizeWords, toTerm } from './analysis.js';
import type { CorpusIndex } from './corpusIndex.js';
import { FIELD_BOOSTS } from './corpusIndex.js';
import { normalizeForMatching } from './normalize.js';
import type { Article, Passage } from './types.js';

/** A question cut to a bounded cost: at most this many characters are read… */
export const MAX_QUERY_LENGTH = 500;
/** …and at most this many distinct terms searched. */
export const MAX_QUERY_TERMS = 16;
/** Terms shorter than this are matched exactly; longer ones tolerate typos (one edit up to 9 letters, two beyond). */
const MIN_FUZZY_TERM_LENGTH = 5;
/** A typo-tolerant match counts for this share of an exact one when measuring coverage. */
const FUZZY_MATCH_CREDIT = 0.7;
/** MiniSearch candidates re-ranked per question. */
const CANDIDATES = 60;
/** Score bonus for each pair of consecutive question terms found next to each other in a passage. */
const PROXIMITY_BONUS = 0.15;

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
  const trimmed = question.trim();
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
 * Ranks passages for a question: MiniSearch (BM25, field boosts, typo tolerance) proposes
 * candidates, then they are re-ranked by how much of the question they cover and whether
 * question words stand together in them. Near-duplicate passages from rewritten articles are
 * folded into one hit, citing the original. Ties break by corpus order, so results are stable.
 *
 * @param limit - how many hits to return (default 10)
 * @example retrievePassages(index, analyzeQuery('Who replaced Brian Hook?'))[0].passage.text
 */
export function retrievePassages(index: CorpusIndex, query: AnalyzedQuery, limit = 10): PassageHit[] {
  if (query.terms.length === 0) return [];
  const weights = query.terms.map((term) => termWeight(index, term));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);

  const results = index.passageSearch.search(query.words.join(' '), {
    combineWith: 'OR',
    boost: FIELD_BOOSTS,
    fuzzy: (term) => (term.length >= MIN_FUZZY_TERM_LENGTH ? 0.2 : false),
    maxFuzzy: 2,
  });

  const candidates = results.slice(0, CANDIDATES).map((result) => {
    const passage = index.passageById.get(String(result.id))!;
    const article = index.articleById.get(passage.articleId)!;
    const passageTerms = new Set<string>(result.terms);
    let coveredWeight = 0;
    query.terms.forEach((term, position) => {
      if (!result.queryTerms.includes(term)) return;
      coveredWeight += (passageTerms.has(term) ? 1 : FUZZY_MATCH_CREDIT) * weights[position]!;
    });
    const coverage = totalWeight > 0 ? coveredWeight / totalWeight : 0;
    const adjacentPairs = countAdjacentPairs(query.terms, index.passageTerms.get(passage.id) ?? []);
    return {
      passage,
      article,
      score: result.score * (1 + PROXIMITY_BONUS * adjacentPairs),
      matchedQueryTerms: query.terms.filter((term) => result.queryTerms.includes(term)),
      matchedPassageTerms: result.terms,
      coverage,
    };
  });

  candidates.sort((a, b) => b.score - a.score || compareCorpusOrder(index, a.passage, b.passage));
  return foldNearDuplicates(index, candidates).slice(0, limit);
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

/** Counts consecutive question terms that stand within two words of each other in the passage. */
function countAdjacentPairs(queryTerms: readonly string[], passageTerms: readonly string[]): number {
  if (queryTerms.length < 2) return 0;
  const wanted = new Set(queryTerms);
  const positions = new Map<string, number[]>();
  passageTerms.forEach((term, position) => {
    if (!wanted.has(term)) return;
    const list = positions.get(term);
    if (list === undefined) positions.set(term, [position]);
    else list.push(position);
  });
  let pairs = 0;
  for (let index = 1; index < queryTerms.length; index += 1) {
    const before = positions.get(queryTerms[index - 1]!);
    const after = positions.get(queryTerms[index]!);
    if (before && after && before.some((a) => after.some((b) => Math.abs(b - a) <= 2))) pairs += 1;
  }
  return pairs;
}

type Candidate = Omit<PassageHit, 'alsoReportedBy'>;

/**
 * Folds each hit from a near-duplicate article into the group's best hit when the two passages
 * say the same thing; the canonical article's passage is the one shown, unless the other passage
 * covers more of the question (a rewrite's paragraph can contain the original's and add to it,
 * and the addition may be what was asked). The article not shown is named in `alsoReportedBy`.
 */
function foldNearDuplicates(index: CorpusIndex, candidates: readonly Candidate[]): PassageHit[] {
  const hits: Array<Candidate & { alsoReportedBy: Article[] }> = [];
  for (const candidate of candidates) {
    const group = index.duplicateGroupOf.get(candidate.article.id);
    const twin = group && hits.find((hit) => hit.article.id !== candidate.article.id && group.articleIds.includes(hit.article.id) && saySame(index, hit.passage, candidate.passage));
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
function saySame(index: CorpusIndex, a: Passage, b: Passage): boolean {
  const termsA = new Set(index.passageTerms.get(a.id));
  const termsB = new Set(index.passageTerms.get(b.id));
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
