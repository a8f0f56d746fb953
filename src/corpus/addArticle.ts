/**
 * Adding an article to the corpus folder from where a moderator is: a link, an uploaded file or a
 * local path. Fetches (through the guarded fetcher), extracts (the core's extractor), checks for
 * duplicates, writes one Markdown file atomically, and tells the live corpus which file changed.
 * Every refusal is a value with one short sentence; the folder is left as it was.
 */
import { randomBytes } from 'node:crypto';
import { link, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  articleFileName,
  canonicalUrl,
  decodeHtml,
  extractArticle,
  parseCorpusFile,
  renderArticleMarkdown,
  type Article,
  type ArticleContent,
  type ArticleMetadata,
  type CorpusIndex,
} from '../core/index.js';
import { passagesOfArticle } from '../core/indexing/corpusIndex.js';
import type { FetchRefusalKind, FetchResult } from '../fetch/fetchPage.js';

/** Largest file a moderator may add: 5 MiB. */
export const MAX_ADDED_FILE_BYTES = 5 * 1024 * 1024;

/** File types that can be added (a saved web page, an article file, a JSON Lines export). */
export const ADDABLE_EXTENSIONS = ['.html', '.htm', '.md', '.txt', '.jsonl'] as const;

/** What to add. */
export type AddInput =
  | { readonly kind: 'url'; readonly url: string }
  /** An uploaded or local file: its name (for its type) and its bytes. */
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array };

/** What was saved, as the reply shows it: the article's metadata, and more. */
export interface AddedArticle extends ArticleMetadata {
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
export type AddRefusalKind = FetchRefusalKind | 'no-article' | 'unsupported-file' | 'bad-file' | 'duplicate' | 'read-only';

export type AddOutcome =
  | { readonly kind: 'added'; readonly added: AddedArticle }
  | { readonly kind: 'refused'; readonly refusal: AddRefusalKind; readonly message: string; readonly duplicateOf?: string };

export type UndoOutcome = { readonly kind: 'removed'; readonly file: string; readonly title?: string } | { readonly kind: 'refused'; readonly message: string };

/** Adds articles to one corpus folder, and removes an added one again (Undo). */
export interface ArticleAdder {
  add(input: AddInput): Promise<AddOutcome>;
  /** Removes a file this adder wrote, named as in {@link AddedArticle.file}; refuses any other path. */
  undo(file: string): Promise<UndoOutcome>;
}

/** The live corpus, as the adder needs it: {@link LiveCorpus} provides it. */
export interface ChangeableCorpus {
  /** The index in service. */
  readonly index: CorpusIndex;
  /** Applies the change of these files (relative to the corpus folder) to the index in service. */
  applyFileChanges(names: readonly string[], trigger: 'add' | 'undo'): Promise<{ readonly outcome: string; readonly error?: string }>;
}

export interface ArticleAdderOptions {
  /** The corpus folder new files are written to. */
  readonly corpusFolder: string;
  readonly corpus: ChangeableCorpus;
  /** Downloads a linked page: the guarded fetcher, with the bot's settings. */
  readonly fetchPage: (url: string) => Promise<FetchResult>;
  /** Called with every outcome (to log it). */
  readonly onOutcome?: (outcome: AddOutcome | UndoOutcome, input: AddInput | { readonly kind: 'undo'; readonly file: string }) => void;
}

/** How many people the reply names at most. */
const MAX_PEOPLE_SHOWN = 8;
/** A file this adder may remove: a title slug with `.md`, at the top of the corpus folder. */
const ADDED_FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/**
 * The adder of one corpus folder. Adding never overwrites a file (a taken name gets `-2`, `-3`…),
 * and writes atomically: a hidden temporary file in the same folder, then linked to its name, so a
 * crash never leaves half an article and the watcher never sees one.
 */
export function createArticleAdder(options: ArticleAdderOptions): ArticleAdder {
  const report = <T extends AddOutcome | UndoOutcome>(outcome: T, input: Parameters<NonNullable<ArticleAdderOptions['onOutcome']>>[1]): T => {
    options.onOutcome?.(outcome, input);
    return outcome;
  };
  return {
    async add(input) {
      return report(await addArticle(options, input), input);
    },
    async undo(file) {
      return report(await removeArticle(options, file), { kind: 'undo', file });
    },
  };
}

async function addArticle(options: ArticleAdderOptions, input: AddInput): Promise<AddOutcome> {
  const read = input.kind === 'url' ? await readLinkedPage(options, input.url) : readAddedFile(input.name, input.bytes);
  if (read.kind === 'refused') return read;
  const { article } = read;
  const duplicate = findSameUrl(options.corpus.index, [article.url, input.kind === 'url' ? input.url : undefined]);
  if (duplicate !== undefined) return alreadyInCorpus(duplicate);

  let taken: Set<string>;
  try {
    taken = new Set(await readdir(options.corpusFolder));
  } catch (error) {
    return refuseWrite(error);
  }
  const ids = options.corpus.index.articleById;
  const file = articleFileName(article.title, (name) => taken.has(name) || ids.has(name.slice(0, -'.md'.length)));
  const id = file.slice(0, -'.md'.length);
  const written = await writeNewFile(path.join(options.corpusFolder, file), renderArticleMarkdown({ ...article, id }));
  if (written !== undefined) return written;

  const applied = await options.corpus.applyFileChanges([file], 'add');
  const index = options.corpus.index;
  const served = index.articleById.get(id);
  if (applied.outcome === 'failed' || served === undefined) {
    return {
      kind: 'refused',
      refusal: 'bad-file',
      message: `The article was saved as ${file} but could not be served (${applied.error ?? 'see the corpus issues'}): check it with validate:corpus.`,
    };
  }
  return { kind: 'added', added: describeAdded(index, served, file) };
}

/** The article of a linked page, or why there is none. */
async function readLinkedPage(options: ArticleAdderOptions, url: string): Promise<{ kind: 'read'; article: ArticleContentDraft } | Extract<AddOutcome, { kind: 'refused' }>> {
  const canonical = canonicalUrl(url);
  if (canonical === undefined) return { kind: 'refused', refusal: 'bad-url', message: 'That is not a web link: give an http:// or https:// address.' };
  const known = findSameUrl(options.corpus.index, [url]);
  if (known !== undefined) return alreadyInCorpus(known);
  const page = await options.fetchPage(url);
  if (page.kind === 'refused') return page;
  if (page.mediaType === 'text/plain') return readArticleFile('page.txt', page.bytes, page.url);
  const extraction = extractArticle(decodeHtml(page.bytes, page.contentType), page.url);
  if (extraction.kind === 'no-article') return noArticle(extraction.reason);
  return { kind: 'read', article: { ...extraction.article, url: extraction.article.url ?? page.url } };
}

/** The article of an uploaded or local file, or why there is none. */
function readAddedFile(name: string, bytes: Uint8Array): { kind: 'read'; article: ArticleContentDraft } | Extract<AddOutcome, { kind: 'refused' }> {
  const extension = path.extname(name).toLowerCase();
  if (!(ADDABLE_EXTENSIONS as readonly string[]).includes(extension)) {
    return {
      kind: 'refused',
      refusal: 'unsupported-file',
      message: `Dossier cannot read ${extension || 'that kind of'} files: add an .html page, or an .md, .txt or .jsonl article.`,
    };
  }
  if (bytes.length > MAX_ADDED_FILE_BYTES) return { kind: 'refused', refusal: 'too-large', message: "That file is larger than 5 MiB: add the article's page or text alone." };
  if (extension === '.html' || extension === '.htm') {
    const extraction = extractArticle(decodeHtml(bytes));
    if (extraction.kind === 'no-article') return noArticle(extraction.reason);
    return { kind: 'read', article: extraction.article };
  }
  return readArticleFile(path.basename(name), bytes);
}

/** An article file (`.md`, `.txt`, `.jsonl`) read by the corpus parser itself, so what is added is what would load. */
function readArticleFile(name: string, bytes: Uint8Array, pageUrl?: string): { kind: 'read'; article: ArticleContentDraft } | Extract<AddOutcome, { kind: 'refused' }> {
  const parsed = parseCorpusFile({ name, bytes });
  const [first] = parsed.issues;
  if (first !== undefined) return { kind: 'refused', refusal: 'bad-file', message: `That file cannot be added: ${first.reason}.` };
  if (parsed.articles.length !== 1) {
    return {
      kind: 'refused',
      refusal: 'bad-file',
      message: `That file holds ${parsed.articles.length} articles: /add takes one at a time (copy a whole export into the corpus folder instead).`,
    };
  }
  const { id: _id, source: _source, ...article } = parsed.articles[0]!;
  return { kind: 'read', article: pageUrl !== undefined && article.url === undefined ? { ...article, url: pageUrl } : article };
}

/** An article before it has an id. */
type ArticleContentDraft = Omit<ArticleContent, 'id'>;

/** The article already in the corpus under one of these URLs (compared in canonical form), if any. */
function findSameUrl(index: CorpusIndex, urls: readonly (string | undefined)[]): Article | undefined {
  const wanted = new Set(urls.map((url) => (url === undefined ? undefined : canonicalUrl(url))).filter((url): url is string => url !== undefined));
  if (wanted.size === 0) return undefined;
  return index.articles.find((article) => article.url !== undefined && wanted.has(canonicalUrl(article.url) ?? ''));
}

function alreadyInCorpus(article: Article): Extract<AddOutcome, { kind: 'refused' }> {
  return { kind: 'refused', refusal: 'duplicate', message: `That page is already in the corpus as /source ${article.id}.`, duplicateOf: article.id };
}

function noArticle(reason: string): Extract<AddOutcome, { kind: 'refused' }> {
  return { kind: 'refused', refusal: 'no-article', message: `No article to add: ${reason.replace(/\.$/, '')}. Link the article's own page.` };
}

/** What the reply shows of an article now in service. */
function describeAdded(index: CorpusIndex, article: Article, file: string): AddedArticle {
  const people = index.people.people.filter((person) => person.articleIds.includes(article.id)).slice(0, MAX_PEOPLE_SHOWN);
  const group = index.duplicateGroupOf.get(article.id);
  const alsoReportedBy = (group?.articleIds ?? [])
    .filter((id) => id !== article.id)
    .map((id) => index.articleById.get(id))
    .filter((other): other is Article => other !== undefined)
    .map((other) => ({ id: other.id, title: other.title, ...(other.publisher === undefined ? {} : { publisher: other.publisher }) }));
  const { text: _text, source: _source, ...metadata } = article;
  return {
    ...metadata,
    file,
    passages: passagesOfArticle(index, article.id).length,
    people: people.map((person) => person.name),
    alsoReportedBy,
  };
}

/**
 * Writes a new file atomically without ever replacing one: the text goes to a hidden temporary
 * file in the same folder (ignored by the loader and the watcher), which is then linked to its
 * name (failing if the name was taken meanwhile) and removed. Returns the refusal, if it fails.
 */
async function writeNewFile(target: string, text: string): Promise<Extract<AddOutcome, { kind: 'refused' }> | undefined> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    try {
      await link(temporary, target);
    } catch (error) {
      // File systems without hard links: a rename, after checking again that the name is free.
      if (errorCode(error) !== 'EPERM' && errorCode(error) !== 'ENOTSUP') throw error;
      await rename(temporary, target);
    }
    return undefined;
  } catch (error) {
    return refuseWrite(error);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

function refuseWrite(error: unknown): Extract<AddOutcome, { kind: 'refused' }> {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return { kind: 'refused', refusal: 'read-only', message: 'The corpus folder is read-only: ask whoever runs the bot to make it writable.' };
  }
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return { kind: 'refused', refusal: 'read-only', message: 'The disk of the corpus folder is full: ask whoever runs the bot to free some space.' };
  if (code === 'EEXIST') return { kind: 'refused', refusal: 'read-only', message: 'Another article took that file name at the same moment: add it again.' };
  return { kind: 'refused', refusal: 'read-only', message: `The article could not be saved (${code ?? 'write error'}): ask whoever runs the bot to check the corpus folder.` };
}

async function removeArticle(options: ArticleAdderOptions, file: string): Promise<UndoOutcome> {
  if (!ADDED_FILE_NAME.test(file)) return { kind: 'refused', message: 'That is not an article file Dossier added: nothing was removed.' };
  const target = path.join(options.corpusFolder, file);
  let title: string | undefined;
  try {
    const parsed = parseCorpusFile({ name: file, bytes: await readFile(target) });
    title = parsed.articles[0]?.title;
    await unlink(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'refused', message: `${file} is no longer in the corpus: nothing to undo.` };
    return { kind: 'refused', message: refuseWrite(error).message.replace('be saved', 'be removed') };
  }
  await options.corpus.applyFileChanges([file], 'undo');
  return { kind: 'removed', file, ...(title === undefined ? {} : { title }) };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
