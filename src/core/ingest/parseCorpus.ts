/**
 * Corpus parsing: bytes of corpus files in, articles and issues out. Pure: the loader reads the
 * files; this decides what they mean. A bad file never stops the good ones from loading.
 */
import { parse as parseYaml } from 'yaml';
import { decodeHtml } from './extract/decodeHtml.js';
import { extractArticle } from './extract/extractArticle.js';
import { normalizeText } from '../text/normalize.js';
import { decodeWindows1252 } from './windows1252.js';
import type { Article, ArticleMetadata, CorpusIssue, CorpusIssueKind } from '../types.js';

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

/** File extensions the corpus understands: `.html` and `.htm` are web pages saved from a browser. */
export const CORPUS_EXTENSIONS = ['.md', '.txt', '.jsonl', '.html', '.htm'] as const;

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

/**
 * The largest `.md` or `.txt` article file, in bytes: 4 MiB. The longest real articles are about
 * 100 KB (the BBC corpus's longest is 25 KB), so a bigger file is not one article (a book, a
 * database dump, a log); the loader checks the size before reading, so such a file costs nothing.
 * `.jsonl` exports have no file limit (they are streamed), only {@link MAX_JSON_LINE_BYTES}.
 */
export const MAX_ARTICLE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * The longest line of a `.md` or `.txt` file, in bytes: 256 KiB. Real paragraphs are a few KB
 * (the longest of the BBC corpus: 2.6 KB), and even a 100 KB article pasted as one line fits; a
 * longer line is minified or generated data, not prose, and would make one huge paragraph.
 */
export const MAX_LINE_BYTES = 256 * 1024;

/**
 * The longest line of a `.jsonl` export, in bytes: 512 KiB. A line holds a whole article and its
 * metadata, and JSON escaping (`\n`, `\"`, `\u00e9` for every accented letter) can double a long
 * article. A longer line is one `line-too-long` issue: its bytes are dropped as they stream in,
 * never held, and the lines after it still load.
 */
export const MAX_JSON_LINE_BYTES = 512 * 1024;

/** The size limits the parser applies (see {@link MAX_ARTICLE_FILE_BYTES} and the others). */
export interface CorpusLimits {
  /** Bytes of one `.md` or `.txt` file. */
  readonly maxFileBytes: number;
  /** Bytes of one line of a `.md` or `.txt` file. */
  readonly maxLineBytes: number;
  /** Bytes of one line of a `.jsonl` file. */
  readonly maxJsonLineBytes: number;
}

/** The limits used unless {@link ParseOptions.limits} says otherwise. */
export const DEFAULT_CORPUS_LIMITS: CorpusLimits = {
  maxFileBytes: MAX_ARTICLE_FILE_BYTES,
  maxLineBytes: MAX_LINE_BYTES,
  maxJsonLineBytes: MAX_JSON_LINE_BYTES,
};

/** Every {@link CorpusIssueKind}, for scripts and tests that check an issue's kind is a known one. */
export const CORPUS_ISSUE_KINDS = [
  'unreadable',
  'too-large',
  'line-too-long',
  'binary',
  'encoding',
  'empty',
  'front-matter',
  'bad-json',
  'missing-title',
  'bad-field',
  'bad-id',
  'bad-date',
  'unsafe-url',
  'no-text',
  'duplicate-id',
  'no-article',
] as const satisfies readonly CorpusIssueKind[];
// Fails to compile when a kind is added to the type but not to the list.
const EVERY_KIND_LISTED: Exclude<CorpusIssueKind, (typeof CORPUS_ISSUE_KINDS)[number]> extends never ? true : never = true;
void EVERY_KIND_LISTED;

/** How to parse corpus files. */
export interface ParseOptions {
  /** See {@link CORPUS_ENCODINGS}. Default `utf-8`. */
  readonly encoding?: CorpusEncoding;
  /** Other size limits (tests use small ones); default {@link DEFAULT_CORPUS_LIMITS}. */
  readonly limits?: Partial<CorpusLimits>;
}

const MAX_ID_LENGTH = 64;
const MAX_TITLE_LENGTH = 300;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const FRONT_MATTER_PATTERN = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)/;
const NEWLINE = 0x0a;
/** Bytes at the start of a file that tell its format (byte-order marks, binary signatures). */
const SNIFF_BYTES = 512;

/** Thrown inside this module only, to turn one bad entry into one {@link CorpusIssue}. */
class UnusableEntry extends Error {
  constructor(
    readonly kind: CorpusIssueKind,
    message: string,
  ) {
    super(message);
  }
}

function issue(file: string, kind: CorpusIssueKind, reason: string): CorpusIssue {
  return { file, kind, reason };
}

/**
 * Parses every corpus file and checks the corpus as a whole (ids must be unique).
 * Files are taken in name order, so the first file to use an id keeps it, and later ones get a
 * derived id (see {@link combineParsedFiles}).
 *
 * @example parseCorpus([{ name: 'a.txt', bytes: new TextEncoder().encode('Title\n\nText.') }])
 */
export function parseCorpus(files: readonly CorpusFile[], options: ParseOptions = {}): ParsedCorpus {
  return combineParsedFiles(files.map((file) => ({ name: file.name, ...parseCorpusFile(file, options) })));
}

/**
 * Joins the files' articles and issues in file name order. The first article to use an id keeps
 * it; a later one loads under a derived id (`ID-2`, `ID-3`…) and is reported as `duplicate-id`. For loaders that parse files one at a time (see
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
      if (earlier === undefined) {
        fileById.set(article.id, article.source);
        articles.push(article);
        continue;
      }
      // Nothing is lost: the later article loads under the first free derived id, and is reported.
      let count = 2;
      while (fileById.has(withSuffix(article.id, count))) count += 1;
      const id = withSuffix(article.id, count);
      issues.push(issue(article.source, 'duplicate-id', `duplicate id "${article.id}" (already used by ${earlier}): loaded as "${id}"; give it an id of its own`));
      fileById.set(id, article.source);
      articles.push({ ...article, id });
    }
  }
  return { articles, issues };
}

/**
 * Parses one corpus file by its extension: Markdown with YAML front matter (`.md`), plain text
 * whose first non-empty line is the title (`.txt`), or one article object a line (`.jsonl`, each
 * line on its own: a bad line is one issue, `file:line`, and the others still load).
 *
 * A `.md` or `.txt` file gives exactly one article or exactly one issue. Its bytes are checked
 * before they are decoded, in this order: size ({@link MAX_ARTICLE_FILE_BYTES}), UTF-16/UTF-32
 * byte-order marks, binary signatures (PNG, JPEG, GIF, PDF, ZIP, gzip), NUL bytes, line length
 * ({@link MAX_LINE_BYTES}), then the text. A UTF-8 byte-order mark is dropped and CRLF line ends
 * read as LF. Cost: linear in the file's bytes.
 *
 * @example parseCorpusFile({ name: 'a.md', bytes: new Uint8Array() }).issues // [{ file: 'a.md', kind: 'empty', reason: 'empty file' }]
 */
export function parseCorpusFile(file: CorpusFile, options: ParseOptions = {}): ParsedCorpus {
  const extension = extensionOf(file.name);
  if (extension === '.jsonl') {
    const parser = createJsonLinesParser(file.name, options);
    parser.push(file.bytes);
    const { articles, issues } = parser.finish();
    return { articles, issues };
  }
  if (extension === '.html' || extension === '.htm') return parseWebPage(file, options);
  const limits = { ...DEFAULT_CORPUS_LIMITS, ...options.limits };
  const problem =
    checkCorpusFileSize(file.name, file.bytes.length, options) ??
    sniffFormat(file.name, file.bytes.subarray(0, SNIFF_BYTES)) ??
    (file.bytes.includes(0) ? issue(file.name, 'binary', 'binary file (contains NUL bytes)') : undefined) ??
    checkLineLengths(file.name, file.bytes, limits.maxLineBytes);
  if (problem !== undefined) return { articles: [], issues: [problem] };
  const decoded = decodeText(file.name, file.bytes, options.encoding ?? 'utf-8');
  if (typeof decoded !== 'string') return { articles: [], issues: [decoded] };
  if (decoded.trim().length === 0) return { articles: [], issues: [issue(file.name, 'empty', 'empty file')] };
  try {
    const article = extension === '.md' ? parseMarkdown(file.name, decoded) : parsePlainText(file.name, decoded);
    return { articles: [article], issues: [] };
  } catch (error) {
    if (error instanceof UnusableEntry) return { articles: [], issues: [issue(file.name, error.kind, error.message)] };
    throw error;
  }
}

/**
 * A saved web page: decoded with the charset it declares (the corpus encoding does not apply),
 * read through the article extractor. Its article's id comes from the file name, as for the other
 * formats; a page with no article in it is one `no-article` issue.
 */
function parseWebPage(file: CorpusFile, options: ParseOptions): ParsedCorpus {
  const problem = checkCorpusFileSize(file.name, file.bytes.length, options) ?? sniffFormat(file.name, file.bytes.subarray(0, SNIFF_BYTES));
  if (problem !== undefined) return { articles: [], issues: [problem] };
  const html = decodeHtml(file.bytes);
  if (html.trim().length === 0) return { articles: [], issues: [issue(file.name, 'empty', 'empty file')] };
  const extraction = extractArticle(html);
  if (extraction.kind === 'no-article') return { articles: [], issues: [issue(file.name, 'no-article', extraction.reason)] };
  const { text, ...metadata } = extraction.article;
  try {
    return { articles: [toArticle(file.name, { ...metadata }, text, slugFromFileName(file.name))], issues: [] };
  } catch (error) {
    if (error instanceof UnusableEntry) return { articles: [], issues: [issue(file.name, error.kind, error.message)] };
    throw error;
  }
}

/**
 * The `too-large` issue of a `.md` or `.txt` file of `size` bytes over
 * {@link MAX_ARTICLE_FILE_BYTES}, or `undefined` (always for `.jsonl`, which has no file limit).
 * The loader calls it with the size it stats, before reading the file.
 *
 * @example checkCorpusFileSize('book.txt', 5_000_000)?.kind // 'too-large'
 */
export function checkCorpusFileSize(name: string, size: number, options: ParseOptions = {}): CorpusIssue | undefined {
  const max = options.limits?.maxFileBytes ?? MAX_ARTICLE_FILE_BYTES;
  if (extensionOf(name) === '.jsonl' || size <= max) return undefined;
  return issue(name, 'too-large', `file too large (${formatCount(size)} bytes; an article file may have at most ${formatSize(max)})`);
}

/** The `line-too-long` issue of the first line of `bytes` longer than `max` bytes, if any. */
function checkLineLengths(name: string, bytes: Uint8Array, max: number): CorpusIssue | undefined {
  if (bytes.length <= max) return undefined;
  let line = 1;
  for (let start = 0; start <= bytes.length; line += 1) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 ? bytes.length : newline;
    if (end - start > max) {
      return issue(name, 'line-too-long', `line ${line} too long (${formatCount(end - start)} bytes; a line may have at most ${formatSize(max)})`);
    }
    start = end + 1;
  }
  return undefined;
}

/** Formats that start with a known byte sequence and are never an article. */
const BINARY_SIGNATURES: ReadonlyArray<{ readonly bytes: readonly number[]; readonly format: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], format: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], format: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], format: 'GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], format: 'PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: 'ZIP archive, or a Word or OpenDocument file' },
  { bytes: [0x1f, 0x8b], format: 'gzip archive' },
];

/**
 * What the first bytes of a file say it is, when that is not something Dossier reads: UTF-32 or
 * UTF-16 (by the byte-order mark, or by the NUL of every other byte of Latin-script UTF-16
 * without one), or a binary format. Checked before NUL bytes, so that UTF-16 text is reported as
 * an encoding to change, not as a binary file.
 */
function sniffFormat(name: string, head: Uint8Array): CorpusIssue | undefined {
  const startsWith = (prefix: readonly number[]): boolean => prefix.length <= head.length && prefix.every((byte, index) => head[index] === byte);
  if (startsWith([0xff, 0xfe, 0x00, 0x00]) || startsWith([0x00, 0x00, 0xfe, 0xff])) return issue(name, 'encoding', 'UTF-32: save as UTF-8');
  if (startsWith([0xff, 0xfe]) || startsWith([0xfe, 0xff]) || looksLikeUtf16(head)) return issue(name, 'encoding', 'UTF-16: save as UTF-8');
  const binary = BINARY_SIGNATURES.find((signature) => startsWith(signature.bytes));
  return binary === undefined ? undefined : issue(name, 'binary', `binary file (${binary.format})`);
}

/** Whether the bytes look like UTF-16 without a byte-order mark: a NUL in most high bytes, none in the low ones. */
function looksLikeUtf16(head: Uint8Array): boolean {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let pair = 0; pair < pairs; pair += 1) {
    if (head[2 * pair] === 0) evenNuls += 1;
    if (head[2 * pair + 1] === 0) oddNuls += 1;
  }
  const mostly = (count: number): boolean => count >= pairs * 0.75;
  return (mostly(oddNuls) && evenNuls === 0) || (mostly(evenNuls) && oddNuls === 0);
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
 * issue named `file:line`, and never stops the lines after it. A line over
 * {@link MAX_JSON_LINE_BYTES} is one `line-too-long` issue: its bytes are dropped as they come,
 * so memory stays bounded by that limit whatever the file holds. A file that starts like UTF-16,
 * UTF-32 or a binary format is one issue for the whole file.
 *
 * @example const parser = createJsonLinesParser('wire.jsonl'); parser.push(bytes); parser.finish().articles
 */
export function createJsonLinesParser(name: string, options: ParseOptions = {}): JsonLinesParser {
  const encoding = options.encoding ?? 'utf-8';
  const maxLineBytes = options.limits?.maxJsonLineBytes ?? MAX_JSON_LINE_BYTES;
  const articles: Article[] = [];
  const issues: CorpusIssue[] = [];
  let lineNumber = 0;
  // The start of a line that the pieces pushed so far have not finished (at most maxLineBytes).
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  // While a line over the limit is being dropped: its length so far; otherwise -1.
  let dropping = -1;
  // The first bytes of the file, kept until there are enough to tell its format.
  let head: Uint8Array[] | undefined = [];
  let headLength = 0;
  // Set when the file's first bytes show it is not JSON Lines text at all: its one issue.
  let rejected: CorpusIssue | undefined;

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
      issues.push(issue(entryName, error.kind, error.message));
    }
  };

  const reportLongLine = (length: number): void => {
    lineNumber += 1;
    issues.push(issue(`${name}:${lineNumber}`, 'line-too-long', `line too long (${formatCount(length)} bytes; a JSON line may have at most ${formatSize(maxLineBytes)})`));
  };

  const feed = (bytes: Uint8Array): void => {
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
      const piece = bytes.subarray(start, end);
      if (dropping >= 0) reportLongLine(dropping + piece.length);
      else if (pendingLength + piece.length > maxLineBytes) reportLongLine(pendingLength + piece.length);
      else parseLine(pending.length > 0 ? concatBytes([...pending, piece]) : piece);
      pending = [];
      pendingLength = 0;
      dropping = -1;
      start = end + 1;
    }
    const rest = bytes.length - start;
    if (rest === 0) return;
    if (dropping >= 0) {
      dropping += rest;
    } else if (pendingLength + rest > maxLineBytes) {
      // Too long already: count the rest of the line's bytes until its newline, keep none.
      dropping = pendingLength + rest;
      pending = [];
      pendingLength = 0;
    } else {
      // Copied: the caller may reuse its buffer for the next piece.
      pending.push(bytes.slice(start));
      pendingLength += rest;
    }
  };

  const endHead = (): void => {
    if (head === undefined) return;
    const bytes = concatBytes(head);
    head = undefined;
    rejected = sniffFormat(name, bytes);
    if (rejected === undefined) feed(bytes);
  };

  return {
    push(bytes) {
      if (rejected !== undefined) return;
      if (head !== undefined) {
        if (headLength === 0 && bytes.length >= SNIFF_BYTES) {
          // The common case (a whole file, or a large read): no need to copy the head.
          head = undefined;
          rejected = sniffFormat(name, bytes.subarray(0, SNIFF_BYTES));
          if (rejected === undefined) feed(bytes);
          return;
        }
        head.push(bytes.slice());
        headLength += bytes.length;
        if (headLength >= SNIFF_BYTES) endHead();
        return;
      }
      feed(bytes);
    },
    finish() {
      endHead();
      if (rejected !== undefined) return { name, articles: [], issues: [rejected] };
      if (dropping >= 0) reportLongLine(dropping);
      else if (pending.length > 0) parseLine(concatBytes(pending));
      pending = [];
      pendingLength = 0;
      dropping = -1;
      if (articles.length === 0 && issues.length === 0) issues.push(issue(name, 'empty', 'empty file'));
      return { name, articles, issues };
    },
  };
}

function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  if (pieces.length === 0) return new Uint8Array();
  const joined = new Uint8Array(pieces.reduce((length, piece) => length + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.length;
  }
  return joined;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's (or a line's) bytes by the corpus encoding, or says why it cannot be read. */
function decodeText(name: string, bytes: Uint8Array, encoding: CorpusEncoding): string | CorpusIssue {
  if (bytes.includes(0)) return issue(name, 'binary', 'binary file (contains NUL bytes)');
  let text: string;
  try {
    text = utf8Decoder.decode(bytes);
  } catch {
    if (encoding !== 'latin1') return issue(name, 'encoding', 'not valid UTF-8 text');
    text = decodeWindows1252(bytes);
  }
  return normalizeText(text);
}

function parseMarkdown(name: string, text: string): Article {
  const match = FRONT_MATTER_PATTERN.exec(text);
  if (!match) {
    const opened = /^---[ \t]*\n/.test(text);
    throw new UnusableEntry('front-matter', opened ? 'bad front matter: no closing "---" line' : 'bad front matter: the file must start with a "---" block');
  }
  let fields: unknown;
  try {
    // An empty block is an empty record: the file is then reported for its missing title.
    fields = parseYaml(match[1] ?? '') ?? {};
  } catch (error) {
    // yaml's message is followed by a code frame, announced by a trailing colon.
    throw new UnusableEntry('front-matter', `bad front matter: ${firstLine(error instanceof Error ? error.message : String(error)).replace(/:$/, '')}`);
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    throw new UnusableEntry('front-matter', 'bad front matter: expected "key: value" lines');
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
    throw new UnusableEntry('bad-json', 'not a JSON object');
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new UnusableEntry('bad-json', 'not a JSON object');
  const record = fields as Record<string, unknown>;
  const title = typeof record['title'] === 'string' ? record['title'] : '';
  return toArticle(entryName, record, stringField(record, 'text') ?? '', slugify(title));
}

function toArticle(source: string, fields: Record<string, unknown>, body: string, fallbackId: string): Article {
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

function stringField(fields: Record<string, unknown>, key: string): string | undefined {
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

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/** `1048576` → `1,048,576`. */
function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A limit in bytes as people say it: `4 MiB`, `256 KiB`, or `1,000 bytes`. */
function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${formatCount(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${formatCount(bytes / 1024)} KiB`;
  return `${formatCount(bytes)} bytes`;
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

/**
 * An id (or a file name's stem) with the suffix of its `count`-th use: `iran-talks`,
 * `iran-talks-2`, `iran-talks-3`… shortened at a hyphen where needed so that the whole stays
 * within the 64 characters of an id.
 *
 * @example withSuffix('iran-talks', 2) // 'iran-talks-2'
 */
export function withSuffix(stem: string, count: number): string {
  if (count <= 1) return stem;
  const suffix = `-${count}`;
  let base = stem;
  while (base.length + suffix.length > MAX_ID_LENGTH && base.includes('-')) base = base.slice(0, base.lastIndexOf('-'));
  return `${base.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
}
