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

/** What one file gave, before the checks across files (see {@link combineParsedFiles}). */
export interface ParsedFile extends ParsedCorpus {
  /** The file, as the loader named it: files are combined in name order. */
  readonly name: string;
}

/** File extensions the corpus understands. */
export const CORPUS_EXTENSIONS = ['.md', '.txt', '.jsonl'] as const;

/**
 * How the bytes of corpus files are read. `utf-8` (the default): a file that is not valid UTF-8
 * is an issue. `latin1`: a file that is valid UTF-8 is still read as UTF-8 (ASCII is both, and a
 * corpus declared Latin-1 often holds UTF-8 files too: 646 of the BBC corpus's 2,225 write `£` in
 * UTF-8, one in Latin-1), any other as Latin-1 (Windows-1252, as browsers read `latin1`).
 */
export const CORPUS_ENCODINGS = ['utf-8', 'latin1'] as const;
export type CorpusEncoding = (typeof CORPUS_ENCODINGS)[number];

const ENCODING_LABELS: Readonly<Record<string, CorpusEncoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  latin1: 'latin1',
  'latin-1': 'latin1',
  'iso-8859-1': 'latin1',
  'windows-1252': 'latin1',
  cp1252: 'latin1',
};

/**
 * The encoding a label names (`utf-8`, `utf8`, `latin1`, `iso-8859-1`, `windows-1252`, any case),
 * or `undefined` for a label Dossier does not read.
 *
 * @example parseEncodingName('ISO-8859-1') // 'latin1'
 */
export function parseEncodingName(label: string): CorpusEncoding | undefined {
  return ENCODING_LABELS[label.trim().toLowerCase()];
}

/** How to parse corpus files. */
export interface ParseOptions {
  /** See {@link CORPUS_ENCODINGS}. Default `utf-8`. */
  readonly encoding?: CorpusEncoding;
}

const MAX_ID_LENGTH = 64;
const MAX_TITLE_LENGTH = 300;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const FRONT_MATTER_PATTERN = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)/;
const NEWLINE = 0x0a;

/** Thrown inside this module only, to turn one bad entry into one {@link CorpusIssue}. */
class UnusableEntry extends Error {}

/**
 * Parses every corpus file and checks the corpus as a whole (ids must be unique).
 * Files are taken in name order, so the first file to use an id keeps it.
 *
 * @example parseCorpus([{ name: 'a.txt', bytes: new TextEncoder().encode('Title\n\nText.') }])
 */
export function parseCorpus(files: readonly CorpusFile[], options: ParseOptions = {}): ParsedCorpus {
  return combineParsedFiles(files.map((file) => ({ name: file.name, ...parseCorpusFile(file, options) })));
}

/**
 * Joins the files' articles and issues in file name order, keeping the first article to use an
 * id and reporting the later ones. For loaders that parse files one at a time (see
 * {@link createJsonLinesParser}).
 */
export function combineParsedFiles(files: readonly ParsedFile[]): ParsedCorpus {
  const articles: Article[] = [];
  const issues: CorpusIssue[] = [];
  const fileById = new Map<string, string>();
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const parsed of sorted) {
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
 * whose first non-empty line is the title (`.txt`), or one article object a line (`.jsonl`, each
 * line on its own: a bad line is one issue, `file:line`, and the others still load).
 */
export function parseCorpusFile(file: CorpusFile, options: ParseOptions = {}): ParsedCorpus {
  const extension = extensionOf(file.name);
  if (extension === '.jsonl') {
    const parser = createJsonLinesParser(file.name, options);
    parser.push(file.bytes);
    const { articles, issues } = parser.finish();
    return { articles, issues };
  }
  const decoded = decodeText(file.name, file.bytes, options.encoding ?? 'utf-8');
  if (typeof decoded !== 'string') return { articles: [], issues: [decoded] };
  if (decoded.trim().length === 0) return { articles: [], issues: [{ file: file.name, reason: 'empty file' }] };
  try {
    const article = extension === '.md' ? parseMarkdown(file.name, decoded) : parsePlainText(file.name, decoded);
    return { articles: [article], issues: [] };
  } catch (error) {
    if (error instanceof UnusableEntry) return { articles: [], issues: [{ file: file.name, reason: error.message }] };
    throw error;
  }
}

/** Reads a JSON Lines file piece by piece: see {@link createJsonLinesParser}. */
export interface JsonLinesParser {
  /** Parses the complete lines of the next bytes of the file (any split: a line may span pushes). */
  push(bytes: Uint8Array): void;
  /** Parses the last line and returns the file's articles and issues. */
  finish(): ParsedFile;
}

/**
 * A parser for one JSON Lines file that takes its bytes in pieces, so that a loader can stream a
 * file of any size without holding it, or one string of it, in memory. Each line is decoded,
 * checked and parsed on its own: a line that is not valid text or not an article object is one
 * issue named `file:line`, and never stops the lines after it.
 *
 * @example const parser = createJsonLinesParser('wire.jsonl'); parser.push(bytes); parser.finish().articles
 */
export function createJsonLinesParser(name: string, options: ParseOptions = {}): JsonLinesParser {
  const encoding = options.encoding ?? 'utf-8';
  const articles: Article[] = [];
  const issues: CorpusIssue[] = [];
  let lineNumber = 0;
  // The start of a line that the pieces pushed so far have not finished.
  let pending: Uint8Array[] = [];

  const parseLine = (bytes: Uint8Array): void => {
    lineNumber += 1;
    const entryName = `${name}:${lineNumber}`;
    const line = decodeText(entryName, bytes, encoding);
    if (typeof line !== 'string') {
      issues.push(line);
      return;
    }
    if (line.trim().length === 0) return;
    try {
      articles.push(parseJsonLine(entryName, line));
    } catch (error) {
      if (!(error instanceof UnusableEntry)) throw error;
      issues.push({ file: entryName, reason: error.message });
    }
  };

  return {
    push(bytes) {
      let start = 0;
      for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
        const piece = bytes.subarray(start, end);
        if (pending.length > 0) {
          parseLine(concatBytes([...pending, piece]));
          pending = [];
        } else {
          parseLine(piece);
        }
        start = end + 1;
      }
      // Copied: the caller may reuse its buffer for the next piece.
      if (start < bytes.length) pending.push(bytes.slice(start));
    },
    finish() {
      if (pending.length > 0) parseLine(concatBytes(pending));
      pending = [];
      if (articles.length === 0 && issues.length === 0) issues.push({ file: name, reason: 'empty file' });
      return { name, articles, issues };
    },
  };
}

function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const joined = new Uint8Array(pieces.reduce((length, piece) => length + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.length;
  }
  return joined;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const latin1Decoder = new TextDecoder('windows-1252');

/** Decodes a file's (or a line's) bytes by the corpus encoding, or says why it cannot be read. */
function decodeText(name: string, bytes: Uint8Array, encoding: CorpusEncoding): string | CorpusIssue {
  if (bytes.includes(0)) return { file: name, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8Decoder.decode(bytes);
  } catch {
    if (encoding !== 'latin1') return { file: name, reason: 'not valid UTF-8 text' };
    text = latin1Decoder.decode(bytes);
  }
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

function parseJsonLine(entryName: string, line: string): Article {
  let fields: unknown;
  try {
    fields = JSON.parse(line);
  } catch {
    throw new UnusableEntry('not a JSON object');
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new UnusableEntry('not a JSON object');
  const record = fields as Record<string, unknown>;
  const title = typeof record['title'] === 'string' ? record['title'] : '';
  return toArticle(entryName, record, stringField(record, 'text') ?? '', slugify(title));
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
