/**
 * The data that flows through Dossier's core: corpus → passages → index → hits → answer.
 * Every type here is plain data (no Discord, no files), so adapters can render or serialise it.
 */

/** What a corpus file says about an article, besides its text. */
export interface ArticleMetadata {
  /** A readable, URL-safe slug, unique in the corpus (`russia-iran-deepening-relationship`). */
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly author?: string;
  /** ISO date, as precise as known: `2020-08-07`, `2020-08` or `2016`. */
  readonly date?: string;
  /** An absolute http(s) URL. */
  readonly url?: string;
}

/** One article of the corpus: its metadata and its text, paragraphs separated by blank lines. */
export interface Article extends ArticleMetadata {
  readonly text: string;
  /** The corpus file the article came from, as the loader named it (for messages, never for display). */
  readonly source: string;
}

/**
 * What kind of problem a {@link CorpusIssue} is, for scripts and tests (the `reason` is for people):
 *
 * - `unreadable`: the file could not be read: permission denied, a dangling or looping symbolic
 *   link, not a regular file (a FIFO, a device).
 * - `too-large`: a `.md` or `.txt` file over the size limit (it is not read at all).
 * - `line-too-long`: a `.md`/`.txt` file with a line over the line limit, or a `.jsonl` line over
 *   the JSON line limit (that line only; the other lines still load).
 * - `binary`: not text: a known binary format (PNG, JPEG, PDF, ZIP…) or NUL bytes.
 * - `encoding`: text in an encoding Dossier does not read: UTF-16 or UTF-32, or bytes that are
 *   not UTF-8 in a corpus that does not declare Latin-1.
 * - `empty`: nothing but whitespace (a `.jsonl` file: nothing but blank lines).
 * - `front-matter`: a `.md` file whose front matter is missing, not closed, not YAML, or not
 *   `key: value` lines.
 * - `bad-json`: a `.jsonl` line that is not a JSON object.
 * - `missing-title`: no title.
 * - `bad-field`: a field that is not text, or a title over the length limit.
 * - `bad-id`: an `id` that is not a slug (lowercase letters, digits, single hyphens, at most 64).
 * - `bad-date`: a `date` that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or not a real day.
 * - `unsafe-url`: a `url` that is not an absolute `http(s)` URL without credentials
 *   (`javascript:`, `data:`, `file:`, `https://user:pass@host/`…).
 * - `no-text`: a title but no article text.
 * - `duplicate-id`: an id another file (earlier in name order) already uses; the article still
 *   loads, under a derived id (`ID-2`).
 * - `no-article`: an `.html` page with no article in it (a front page, an error page, a login
 *   wall, under 50 words of article text).
 */
export type CorpusIssueKind =
  | 'unreadable'
  | 'too-large'
  | 'line-too-long'
  | 'binary'
  | 'encoding'
  | 'empty'
  | 'front-matter'
  | 'bad-json'
  | 'missing-title'
  | 'bad-field'
  | 'bad-id'
  | 'bad-date'
  | 'unsafe-url'
  | 'no-text'
  | 'duplicate-id'
  | 'no-article';

/** A problem that makes a corpus file, or one entry of it, unusable. Collected, never thrown. */
export interface CorpusIssue {
  /** The file, as the loader named it; with `:line` for JSON Lines entries. */
  readonly file: string;
  /** What kind of problem it is (see {@link CorpusIssueKind}). */
  readonly kind: CorpusIssueKind;
  /** Why, in a few words for the moderator who fixes the file (`bad date "2020-13-01": use …`). */
  readonly reason: string;
}

/** A few consecutive sentences of one article: the unit that is indexed, ranked and quoted. */
export interface Passage {
  /** `articleId#n`: stable as long as the article's text does not change. */
  readonly id: string;
  readonly articleId: string;
  /** 0-based position of the passage in its article. */
  readonly position: number;
  /** Character offsets of the passage in the article's text. */
  readonly start: number;
  readonly end: number;
  /** The verbatim text of the passage. */
  readonly text: string;
}

/** A half-open character range `[start, end)` in some text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}
