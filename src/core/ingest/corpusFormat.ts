/**
 * What the corpus accepts: its file extensions and encodings, the size limits of a file and a
 * line, and every kind of issue a file can have. The parser's shared vocabulary.
 */
import type { Article, CorpusIssue, CorpusIssueKind } from '../types.js';

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

/** What one file gave, before the checks across files (see `combineParsedFiles`). */
export interface ParsedFile extends ParsedCorpus {
  /** The file, as the loader named it: files are combined in name order. */
  readonly name: string;
}

/** File extensions the corpus understands: `.html` and `.htm` are web pages saved from a browser. */
export const CORPUS_EXTENSIONS = ['.md', '.txt', '.jsonl', '.html', '.htm'] as const;

/**
 * How the bytes of corpus files are read. `utf-8` (the default): a file that is not valid UTF-8
 * is an issue. `latin1`: a file that is valid UTF-8 is still read as UTF-8 (ASCII is both, and a
 * corpus declared Latin-1 often holds UTF-8 files too; see docs/experiments.md, "Corpus files,
 * passages and index"), any other as Latin-1 (Windows-1252, as browsers read `latin1`).
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
 * 100 KB, so a bigger file is not one article (a book, a database dump, a log); the loader checks
 * the size before reading, so such a file costs nothing. `.jsonl` exports have no file limit
 * (they are streamed), only {@link MAX_JSON_LINE_BYTES}. See docs/experiments.md, "Corpus files,
 * passages and index".
 */
export const MAX_ARTICLE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * The longest line of a `.md` or `.txt` file, in bytes: 256 KiB. Real paragraphs are a few KB,
 * and even a 100 KB article pasted as one line fits; a longer line is minified or generated data,
 * not prose, and would make one huge paragraph. See docs/experiments.md, "Corpus files,
 * passages and index".
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

/** One issue of a file or entry. */
export function issue(file: string, kind: CorpusIssueKind, reason: string): CorpusIssue {
  return { file, kind, reason };
}

/** A file name's extension, lowercase with its dot (`.md`), or `''`. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}
