/**
 * Corpus parsing: bytes of corpus files in, articles and issues out. Pure: the loader reads the
 * files; this decides what they mean. A bad file never stops the good ones from loading.
 */
import { parse as parseYaml } from 'yaml';
import { normalizeText } from './normalize.js';
import type { Article, ArticleMetadata, CorpusIssue } from './types.js';

/** A corpus file as the loader found it. */
export interface CorpusFile {
  /** How to name the file in messages (a path relative to the corpus). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The articles that could be used, and one issue for each file or entry that could not. */
export interface ParsedCorpus {
  readonly articles: readonly Article[];
  readonly issues: readonly CorpusIssue[];
}

/** File extensions the corpus understands. */
export const CORPUS_EXTENSIONS = ['.md', '.txt', '.jsonl'] as const;

const MAX_ID_LENGTH = 64;
const MAX_TITLE_LENGTH = 300;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const FRONT_MATTER_PATTERN = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)/;

/** Thrown inside this module only, to turn one bad entry into one {@link CorpusIssue}. */
class UnusableEntry extends Error {}

/**
 * Parses every corpus file and checks the corpus as a whole (ids must be unique).
 * Files are taken in name order, so the first file to use an id keeps it.
 *
 * @example parseCorpus([{ name: 'a.txt', bytes: new TextEncoder().encode('Title\n\nText.') }])
 */
export function parseCorpus(files: readonly CorpusFile[]): ParsedCorpus {
  const articles: Article[] = [];
  const issues: CorpusIssue[] = [];
  const fileById = new Map<string, string>();
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of sorted) {
    const parsed = parseCorpusFile(file);
    issues.push(...parsed.issues);
    for (const article of parsed.articles) {
      const earlier = fileById.get(article.id);
      if (earlier !== undefined) {
        issues.push({ file: article.source, reason: `duplicate id "${article.id}" (already used by ${earlier})` });
        continue;
      }
      fileById.set(article.id, article.source);
      articles.push(article);
    }
  }
  return { articles, issues };
}

/**
 * Parses one corpus file by its extension: Markdown with YAML front matter (`.md`), plain text
 * whose first non-empty line is the title (`.txt`), or one article object a line (`.jsonl`).
 */
export function parseCorpusFile(file: CorpusFile): ParsedCorpus {
  const decoded = decodeText(file);
  if (typeof decoded !== 'string') return { articles: [], issues: [decoded] };
  const extension = extensionOf(file.name);
  try {
    if (extension === '.jsonl') return parseJsonLines(file.name, decoded);
    const article = extension === '.md' ? parseMarkdown(file.name, decoded) : parsePlainText(file.name, decoded);
    return { articles: [article], issues: [] };
  } catch (error) {
    if (error instanceof UnusableEntry) return { articles: [], issues: [{ file: file.name, reason: error.message }] };
    throw error;
  }
}

function decodeText(file: CorpusFile): string | CorpusIssue {
  if (file.bytes.includes(0)) return { file: file.name, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    return { file: file.name, reason: 'not valid UTF-8 text' };
  }
  if (text.trim().length === 0) return { file: file.name, reason: 'empty file' };
  return normalizeText(text);
}

function parseMarkdown(name: string, text: string): Article {
  const match = FRONT_MATTER_PATTERN.exec(text);
  if (!match) {
    const opened = /^---[ \t]*\n/.test(text);
    throw new UnusableEntry(opened ? 'bad front matter: no closing "---" line' : 'bad front matter: the file must start with a "---" block');
  }
  let fields: unknown;
  try {
    // An empty block is an empty record: the file is then reported for its missing title.
    fields = parseYaml(match[1] ?? '') ?? {};
  } catch (error) {
    // yaml's message is followed by a code frame, announced by a trailing colon.
    throw new UnusableEntry(`bad front matter: ${firstLine(error instanceof Error ? error.message : String(error)).replace(/:$/, '')}`);
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    throw new UnusableEntry('bad front matter: expected "key: value" lines');
  }
  return toArticle(name, fields as Record<string, unknown>, text.slice(match[0].length), slugFromFileName(name));
}

function parsePlainText(name: string, text: string): Article {
  const lines = text.split('\n');
  const titleIndex = lines.findIndex((line) => line.trim().length > 0);
  const title = lines[titleIndex] ?? '';
  return toArticle(name, { title }, lines.slice(titleIndex + 1).join('\n'), slugFromFileName(name));
}

function parseJsonLines(name: string, text: string): ParsedCorpus {
  const articles: Article[] = [];
  const issues: CorpusIssue[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim().length === 0) return;
    const entryName = `${name}:${index + 1}`;
    try {
      let fields: unknown;
      try {
        fields = JSON.parse(line);
      } catch {
        throw new UnusableEntry('not a JSON object');
      }
      if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new UnusableEntry('not a JSON object');
      const record = fields as Record<string, unknown>;
      const title = typeof record['title'] === 'string' ? record['title'] : '';
      articles.push(toArticle(entryName, record, stringField(record, 'text') ?? '', slugify(title)));
    } catch (error) {
      if (!(error instanceof UnusableEntry)) throw error;
      issues.push({ file: entryName, reason: error.message });
    }
  });
  if (articles.length === 0 && issues.length === 0) issues.push({ file: name, reason: 'empty file' });
  return { articles, issues };
}

function toArticle(source: string, fields: Record<string, unknown>, body: string, fallbackId: string): Article {
  const title = collapseSpaces(stringField(fields, 'title') ?? '');
  if (title.length === 0) throw new UnusableEntry('missing title');
  if (title.length > MAX_TITLE_LENGTH) throw new UnusableEntry(`title longer than ${MAX_TITLE_LENGTH} characters`);
  const id = stringField(fields, 'id') ?? fallbackId;
  if (!ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH) {
    throw new UnusableEntry(`bad id "${truncateForMessage(id)}": use lowercase letters, digits and single hyphens, at most ${MAX_ID_LENGTH} characters`);
  }
  const text = tidyBody(body);
  if (text.length === 0) throw new UnusableEntry('no article text');
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

function stringField(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return normalizeText(value).trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new UnusableEntry(`bad ${key}: expected text`);
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
  if (!valid) throw new UnusableEntry(`bad date "${truncateForMessage(date)}": use YYYY, YYYY-MM or YYYY-MM-DD`);
  return date;
}

function optionalUrl(fields: Record<string, unknown>): string | undefined {
  const url = optionalLine(fields, 'url');
  if (url === undefined) return undefined;
  if (!isSafeUrl(url)) throw new UnusableEntry(`unsafe URL "${truncateForMessage(url)}": only absolute http(s) URLs without credentials`);
  return url;
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

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function truncateForMessage(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** The id of a file's article: its path in the corpus without the extension (`business/001.txt` → `business-001`). */
function slugFromFileName(name: string): string {
  return slugify(name.replace(/\.[^./]*$/, ''));
}

/**
 * Makes a readable id from a title or file name: folded to ASCII, lowercase, hyphenated,
 * cut at a word boundary to fit the id length.
 *
 * @example slugify('The Russian-Iranian Alliance that wasn’t') // 'the-russian-iranian-alliance-that-wasnt'
 */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug.length === 0 ? word : `${slug}-${word}`;
    if (next.length > MAX_ID_LENGTH) break;
    slug = next;
  }
  return slug;
}
