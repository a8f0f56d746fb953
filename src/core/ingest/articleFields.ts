/**
 * From a file's or a line's fields and body to an {@link Article}: the title, id, date, URL and
 * other fields checked, the body tidied. A field that cannot be used throws {@link UnusableEntry},
 * which the format's parser turns into one issue.
 */
import { normalizeText } from '../text/normalize.js';
import { ID_PATTERN, MAX_ID_LENGTH } from './articleIds.js';
import type { Article, ArticleMetadata, CorpusIssueKind } from '../types.js';

const MAX_TITLE_LENGTH = 300;
const ISO_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Thrown inside the parser only, to turn one bad entry into one `CorpusIssue`. */
export class UnusableEntry extends Error {
  constructor(
    readonly kind: CorpusIssueKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The article of one file or line: `fields` as read from its front matter or JSON object
 * (`title`, `id`, `publisher`, `author`, `date`, `url`), `body` its text, `fallbackId` the id
 * when the fields give none. Throws {@link UnusableEntry} for a field that cannot be used.
 */
export function toArticle(source: string, fields: Record<string, unknown>, body: string, fallbackId: string): Article {
  const title = collapseSpaces(stringField(fields, 'title') ?? '');
  if (title.length === 0) throw new UnusableEntry('missing-title', 'missing title');
  if (title.length > MAX_TITLE_LENGTH) throw new UnusableEntry('bad-field', `title longer than ${MAX_TITLE_LENGTH} characters`);
  const id = stringField(fields, 'id') ?? fallbackId;
  if (!ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH) {
    throw new UnusableEntry('bad-id', `bad id "${truncateForMessage(id)}": use lowercase letters, digits and single hyphens, at most ${MAX_ID_LENGTH} characters`);
  }
  const text = tidyBody(body);
  if (text.length === 0) throw new UnusableEntry('no-text', 'no article text');
  const metadata: { -readonly [K in keyof ArticleMetadata]: ArticleMetadata[K] } = { id, title };
  const publisher = optionalLine(fields, 'publisher');
  const author = optionalLine(fields, 'author');
  const date = optionalDate(fields);
  const url = optionalUrl(fields);
  if (publisher !== undefined) metadata.publisher = publisher;
  if (author !== undefined) metadata.author = author;
  if (date !== undefined) metadata.date = date;
  if (url !== undefined) metadata.url = url;
  return { ...metadata, text, source };
}

/** A field as text (a finite number as its digits), or `undefined` when absent; anything else throws. */
export function stringField(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return normalizeText(value).trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new UnusableEntry('bad-field', `bad ${key}: expected text`);
}

function optionalLine(fields: Record<string, unknown>, key: string): string | undefined {
  const value = stringField(fields, key);
  return value === undefined || value.length === 0 ? undefined : collapseSpaces(value);
}

function optionalDate(fields: Record<string, unknown>): string | undefined {
  const date = optionalLine(fields, 'date');
  if (date === undefined) return undefined;
  const match = ISO_DATE_PATTERN.exec(date);
  const month = match?.[2] === undefined ? 1 : Number(match[2]);
  const day = match?.[3] === undefined ? 1 : Number(match[3]);
  const valid = match !== null && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
  if (!valid) throw new UnusableEntry('bad-date', `bad date "${truncateForMessage(date)}": use YYYY, YYYY-MM or YYYY-MM-DD`);
  return date;
}

function optionalUrl(fields: Record<string, unknown>): string | undefined {
  const url = optionalLine(fields, 'url');
  if (url === undefined) return undefined;
  if (!isSafeUrl(url)) throw new UnusableEntry('unsafe-url', `unsafe URL "${truncateForMessage(hidePassword(url))}": only absolute http(s) URLs without credentials`);
  return url;
}

/** The URL with the password of its user info replaced by `***`: the reason is logged, the password must not be. */
function hidePassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#]*@/i, '$1:***@');
}

/**
 * Whether a URL may be shown as a link: absolute `http:` or `https:`, with a host, without
 * user name or password, without spaces or control characters.
 *
 * @example isSafeUrl('https://example.com/a') // true; isSafeUrl('javascript:alert(1)') // false
 */
export function isSafeUrl(url: string): boolean {
  if (/[\s\p{Cc}<>"]/u.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.length > 0 && parsed.username === '' && parsed.password === '';
}

/** Trims each line's end, drops leading and trailing blank lines, keeps one blank line between paragraphs. */
function tidyBody(body: string): string {
  return body
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncateForMessage(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
