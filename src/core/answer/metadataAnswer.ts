/**
 * Answers to questions about an article itself ("Who published …?", "When did … report …?"):
 * the article's metadata, quoted as one line, with the article as the citation.
 */
import type { MetadataField } from '../search/metadataQuestions.js';
import type { Article, TextRange } from '../types.js';

/** The metadata line of an article, and where the value asked for stands in it. */
export interface MetadataQuote {
  /** "Published by Washington Free Beacon on 2020-08-07", or "The article gives no author. Published by …". */
  readonly text: string;
  /** The value asked for, in {@link text}; empty when the article does not give it. */
  readonly highlights: readonly TextRange[];
  /** The field asked for and its value, `null` when the article does not give it. */
  readonly metadata: { readonly field: MetadataField; readonly value: string | null };
}

const FIELD_NAMES: Readonly<Record<MetadataField, string>> = { publisher: 'publisher', author: 'author', date: 'date' };

/**
 * Quotes an article's metadata for a question about `field`: "Published by Al-Monitor on
 * 2020-08-07, by Jane Doe" (parts the article does not give are left out; a day is "on", a month
 * or year "in"), the value asked for highlighted. When the article does not give that field, the
 * line says so first ("The article gives no author.") rather than offering another value as the
 * answer. Pure; constant time.
 *
 * @example composeMetadataQuote({ publisher: 'VOA Editorials', date: '2022-07', … }, 'publisher').text // 'Published by VOA Editorials in 2022-07.'
 */
export function composeMetadataQuote(article: Pick<Article, 'publisher' | 'author' | 'date'>, field: MetadataField): MetadataQuote {
  const value = article[field] ?? null;
  let text = value === null ? `The article gives no ${FIELD_NAMES[field]}. ` : '';
  let highlight: TextRange | null = null;
  const append = (prefix: string, part: string, isAsked: boolean): void => {
    text += prefix;
    if (isAsked) highlight = { start: text.length, end: text.length + part.length };
    text += part;
  };
  const { publisher, date, author } = article;
  if (publisher !== undefined) append('Published by ', publisher, field === 'publisher');
  if (date !== undefined) append(publisher === undefined ? `Published ${onOrIn(date)} ` : ` ${onOrIn(date)} `, date, field === 'date');
  if (author !== undefined) append(publisher === undefined && date === undefined ? 'By ' : ', by ', author, field === 'author');
  text = text.trimEnd();
  if (!/[.!?]$/u.test(text)) text += '.';
  return { text, highlights: highlight === null ? [] : [highlight], metadata: { field, value } };
}

/** "on" before a day, "in" before a month or a year. */
function onOrIn(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/u.test(date) ? 'on' : 'in';
}
