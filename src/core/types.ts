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

/** A problem that makes a corpus file, or one entry of it, unusable. Collected, never thrown. */
export interface CorpusIssue {
  /** The file, as the loader named it; with `:line` for JSON Lines entries. */
  readonly file: string;
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
