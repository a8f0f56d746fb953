/**
 * Finding an article (for `/source`) and cutting its text into readable pages.
 */
import { tokenizeWords, toTerm } from '../text/analysis.js';
import type { CorpusIndex } from '../indexing/corpusIndex.js';
import { normalizeForMatching, normalizeUserText } from '../text/normalize.js';
import { splitSentences } from '../text/sentences.js';
import type { Article } from '../types.js';

/** Default page length in characters: a page fits a Discord message with room for a header. */
export const DEFAULT_PAGE_LENGTH = 1_600;

/** Longest article reference read (the `/source` option's limit): ids are at most 64, titles 300. */
export const MAX_ARTICLE_REFERENCE_LENGTH = 300;

/** How an article was found. */
export type ArticleMatch = 'id' | 'title' | 'title-words';

/** The article a reference names, or why there is none. */
export type ArticleLookup =
  | { readonly kind: 'found'; readonly article: Article; readonly matchedBy: ArticleMatch }
  | { readonly kind: 'unknown-article'; readonly reference: string; readonly suggestions: readonly Article[] };

/**
 * Finds the article a user means: by exact id, by exact title (ignoring case, accents and
 * punctuation), or else by the best match of a few title words.
 *
 * @example findArticle(index, 'deepening relationship') // { kind: 'found', article: { id: 'russia-iran-deepening-relationship', … }, matchedBy: 'title-words' }
 */
export function findArticle(index: CorpusIndex, reference: string): ArticleLookup {
  const wanted = normalizeUserText(reference).slice(0, MAX_ARTICLE_REFERENCE_LENGTH);
  const byId = index.articleById.get(wanted) ?? index.articleById.get(wanted.toLowerCase());
  if (byId) return { kind: 'found', article: byId, matchedBy: 'id' };
  const key = comparableTitle(wanted);
  const byTitle = index.articles.find((article) => comparableTitle(article.title) === key);
  if (byTitle) return { kind: 'found', article: byTitle, matchedBy: 'title' };
  const matches = searchTitles(index, wanted, 5);
  const best = matches[0];
  if (best && best.coverage >= 0.5) return { kind: 'found', article: best.article, matchedBy: 'title-words' };
  return { kind: 'unknown-article', reference: wanted, suggestions: matches.map((match) => match.article) };
}

/**
 * Articles whose title or publisher match the words given, best first (typo-tolerant,
 * prefix-matching as one types): the basis of title autocomplete. With no words, all articles
 * in corpus order.
 */
export function suggestArticles(index: CorpusIndex, partial: string, limit = 25): Article[] {
  if (partial.trim().length === 0) return index.articles.slice(0, limit);
  return searchTitles(index, partial, limit).map((match) => match.article);
}

function searchTitles(index: CorpusIndex, words: string, limit: number): Array<{ article: Article; coverage: number }> {
  const results = index.titleSearch.search(words, { prefix: true, fuzzy: (term) => (term.length >= 5 ? 0.2 : false), boost: { title: 2 }, combineWith: 'OR' });
  // Coverage counts every searchable word given, so one common word ("Iran") among unknown ones does not find an article.
  const queryTermCount = new Set(tokenizeWords(words).flatMap((token) => toTerm(token.word) ?? [])).size;
  return results
    .map((result) => ({ article: index.articleById.get(String(result.id))!, coverage: result.queryTerms.length / Math.max(1, queryTermCount), score: result.score }))
    .sort((a, b) => b.score - a.score || index.articleOrder.get(a.article.id)! - index.articleOrder.get(b.article.id)!)
    .slice(0, limit);
}

function comparableTitle(title: string): string {
  return normalizeForMatching(title)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Cuts an article's text into pages of at most `pageLength` characters, breaking between
 * paragraphs, else between sentences, else between words; never inside a word or a code point.
 * Every word of the article is on exactly one page, in order.
 *
 * @example paginateArticle(article).length // 2
 */
export function paginateArticle(article: Article, pageLength = DEFAULT_PAGE_LENGTH): string[] {
  const pieces = article.text.split(/\n\n+/).flatMap((paragraph) => splitToFit(paragraph, pageLength));
  const pages: string[] = [];
  let page = '';
  for (const piece of pieces) {
    const joined = page.length === 0 ? piece : `${page}\n\n${piece}`;
    if (joined.length <= pageLength) {
      page = joined;
      continue;
    }
    pages.push(page);
    page = piece;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Splits one paragraph into pieces no longer than `limit`: at sentences, then at spaces. */
function splitToFit(paragraph: string, limit: number): string[] {
  if (paragraph.length <= limit) return [paragraph];
  const pieces: string[] = [];
  let piece = '';
  let previousEnd = 0;
  for (const range of splitSentences(paragraph)) {
    const sentence = paragraph.slice(range.start, range.end);
    // Sentences are joined by the text's own separator: a line break inside a paragraph stays one.
    const joined = piece.length === 0 ? sentence : `${piece}${paragraph.slice(previousEnd, range.start)}${sentence}`;
    previousEnd = range.end;
    if (joined.length <= limit) {
      piece = joined;
      continue;
    }
    if (piece.length > 0) pieces.push(piece);
    piece = '';
    for (const word of sentence.length <= limit ? [sentence] : splitAtSpaces(sentence, limit)) {
      if (word.length > 0) pieces.push(word);
    }
    piece = pieces.pop() ?? '';
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

function splitAtSpaces(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf(' ', limit);
    if (cut <= 0) cut = isHighSurrogate(rest.charCodeAt(limit - 1)) ? limit - 1 : limit;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
