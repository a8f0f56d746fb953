/**
 * Adding an article to the corpus folder from where a moderator is: a link, an uploaded file or a
 * local path. Fetches (through the guarded fetcher), extracts (the core's extractor), checks for
 * duplicates, writes one Markdown file atomically, and tells the live corpus which file changed.
 * Every refusal is a value with one short sentence; the folder is left as it was.
 */
import type { Article } from '../core/index.js';

/** Largest file a moderator may add: 5 MiB. */
export const MAX_ADDED_FILE_BYTES = 5 * 1024 * 1024;

/** File types that can be added (a saved web page, an article file, a JSON Lines export). */
export const ADDABLE_EXTENSIONS = ['.html', '.htm', '.md', '.txt', '.jsonl'] as const;

/** What to add. */
export type AddInput =
  | { readonly kind: 'url'; readonly url: string }
  /** An uploaded or local file: its name (for its type) and its bytes. */
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array };

/** What was saved, as the reply shows it. */
export interface AddedArticle {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly author?: string;
  readonly date?: string;
  readonly url?: string;
  /** The file written, relative to the corpus folder (`russia-and-iran-sign-a-deal.md`). */
  readonly file: string;
  /** How many passages the article is cut into. */
  readonly passages: number;
  /** The people it names (most mentioned first). */
  readonly people: readonly string[];
  /** Near-duplicates already in the corpus (the same story from another outlet): saved anyway, reported. */
  readonly alsoReportedBy: readonly Pick<Article, 'id' | 'title' | 'publisher'>[];
}

/**
 * Why an article was not added:
 * - the fetcher's refusals (`bad-url`, `private-address`, `unresolvable`, `too-many-redirects`,
 *   `too-large`, `timeout`, `http-error`, `unsupported-type`, `network`);
 * - `no-article`: the page or file holds no article (a front page, an error page, a login wall, under 50 words);
 * - `unsupported-file`: not an `.html`, `.htm`, `.md`, `.txt` or `.jsonl` file;
 * - `bad-file`: a file the corpus would not load (the reason says why, as `validate:corpus` would);
 * - `duplicate`: its URL is already in the corpus (`duplicateOf` names the article);
 * - `read-only`: the corpus folder cannot be written.
 */
export type AddRefusalKind =
  | 'bad-url' | 'private-address' | 'unresolvable' | 'too-many-redirects' | 'too-large' | 'timeout' | 'http-error' | 'unsupported-type' | 'network'
  | 'no-article' | 'unsupported-file' | 'bad-file' | 'duplicate' | 'read-only';

export type AddOutcome =
  | { readonly kind: 'added'; readonly added: AddedArticle }
  | { readonly kind: 'refused'; readonly refusal: AddRefusalKind; readonly message: string; readonly duplicateOf?: string };

export type UndoOutcome =
  | { readonly kind: 'removed'; readonly file: string; readonly title?: string }
  | { readonly kind: 'refused'; readonly message: string };

/** Adds articles to one corpus folder, and removes an added one again (Undo). */
export interface ArticleAdder {
  add(input: AddInput): Promise<AddOutcome>;
  /** Removes a file this adder wrote, named as in {@link AddedArticle.file}; refuses any other path. */
  undo(file: string): Promise<UndoOutcome>;
}
