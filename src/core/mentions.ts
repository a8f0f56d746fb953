/**
 * Mentions of a name in the corpus: the sentences that name a person (or anything), with their
 * articles. The basis of `/who` until a people directory exists, and of name autocomplete.
 */
import { analyze } from './analysis.js';
import type { CorpusIndex } from './corpusIndex.js';
import { findNames } from './corpusIndex.js';
import { analyzeQuery } from './retrieve.js';
import { splitSentences } from './sentences.js';
import type { Article, TextRange } from './types.js';

/** A sentence that names what was asked for. */
export interface Mention {
  readonly article: Article;
  readonly passageId: string;
  readonly sentence: string;
  readonly highlights: readonly TextRange[];
}

/** The sentences naming a person, and how the corpus writes the name. */
export interface MentionReport {
  readonly query: string;
  /** Distinct spellings of capitalised names in the mentions that contain the asked words (`Elliott Abrams`, `Elliot Abrams`). */
  readonly variants: readonly string[];
  readonly mentions: readonly Mention[];
  /** How many articles mention it. */
  readonly articleCount: number;
}

/** Longest words matched with one typo (`Elliot` ↔ `Elliott`); shorter words must match exactly. */
const MIN_TYPO_LENGTH = 5;

/**
 * Finds the sentences that contain every word of `name` (one typo allowed in longer words), in
 * corpus order, at most `limit`. Cost: one index search plus the matching passages' sentences.
 *
 * @example findMentions(index, 'Abrams').mentions[0].sentence // 'On Thursday, Washington announced the replacement…'
 */
export function findMentions(index: CorpusIndex, name: string, limit = 20): MentionReport {
  const query = analyzeQuery(name);
  if (query.terms.length === 0) return { query: query.text, variants: [], mentions: [], articleCount: 0 };
  const results = index.passageSearch.search(query.words.join(' '), {
    combineWith: 'AND',
    fields: ['names', 'text'],
    fuzzy: (term) => (term.length >= MIN_TYPO_LENGTH ? 1 : false),
  });
  const passages = results
    .map((result) => index.passageById.get(String(result.id))!)
    .sort((a, b) => index.articleOrder.get(a.articleId)! - index.articleOrder.get(b.articleId)! || a.position - b.position);

  const mentions: Mention[] = [];
  const variants = new Set<string>();
  for (const passage of passages) {
    for (const range of splitSentences(passage.text)) {
      const sentence = passage.text.slice(range.start, range.end);
      const tokens = analyze(sentence);
      const matching = tokens.filter((token) => query.terms.some((term) => sameWord(term, token.term)));
      if (!query.terms.every((term) => matching.some((token) => sameWord(term, token.term)))) continue;
      for (const found of findNames(sentence)) {
        if (query.terms.some((term) => analyze(found).some((token) => sameWord(term, token.term)))) variants.add(found);
      }
      mentions.push({
        article: index.articleById.get(passage.articleId)!,
        passageId: passage.id,
        sentence,
        highlights: matching.map((token) => ({ start: token.start, end: token.end })),
      });
    }
  }
  return {
    query: query.text,
    variants: [...variants].sort(),
    mentions: mentions.slice(0, limit),
    articleCount: new Set(mentions.map((mention) => mention.article.id)).size,
  };
}

/**
 * Names in the corpus (runs of capitalised words) that start with, or contain a word starting
 * with, `partial`; most mentioned first. For autocomplete.
 */
export function suggestNames(index: CorpusIndex, partial: string, limit = 25): string[] {
  const counts = nameCounts(index);
  const wanted = partial.trim().toLowerCase();
  return [...counts.entries()]
    .filter(([name]) => wanted.length === 0 || name.toLowerCase().split(/\s+/).some((word) => word.startsWith(wanted)) || name.toLowerCase().startsWith(wanted))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([name]) => name);
}

const nameCountCache = new WeakMap<CorpusIndex, Map<string, number>>();

function nameCounts(index: CorpusIndex): Map<string, number> {
  const cached = nameCountCache.get(index);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const passage of index.passages) {
    for (const name of findNames(passage.text)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  nameCountCache.set(index, counts);
  return counts;
}

function sameWord(queryTerm: string, term: string): boolean {
  if (queryTerm === term) return true;
  return queryTerm.length >= MIN_TYPO_LENGTH && term.length >= MIN_TYPO_LENGTH && withinOneEdit(queryTerm, term);
}

/** Whether two strings differ by at most one insertion, deletion or substitution. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
