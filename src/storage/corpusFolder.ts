/**
 * The corpus loader: the only code that reads corpus files. It finds them, reads each one once
 * (streaming `.jsonl` files piece by piece), fingerprints their bytes, and leaves every decision
 * about their content to the core's parser. Nothing about a file is thrown: a file that cannot be
 * read (permissions, a dangling or looping symbolic link, a FIFO) is one `unreadable` issue.
 */
import { createHash } from 'node:crypto';
import { createReadStream, type Dirent } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  CORPUS_EXTENSIONS,
  combineParsedFiles,
  createJsonLinesParser,
  parseCorpusFile,
  type CorpusEncoding,
  type CorpusIssue,
  type ParsedCorpus,
  type ParsedFile,
} from '../core/index.js';
import { checkCorpusFileSize } from '../core/ingest/parseCorpus.js';

/** Files in a corpus folder that are about the corpus, not articles of it. */
const NOT_ARTICLES = new Set(['readme.md', 'readme.txt']);
/** Editors' backup, swap and merge leftovers (`article.md.bak`, `.orig`, `.rej`, `.swp`, `.swo`, `.tmp`). */
const LEFTOVER_EXTENSION = /\.(?:bak|orig|rej|swp|swo|tmp)$/i;
/** Files read at once: enough to keep the disk busy, few enough to bound open files and memory. */
const READ_CONCURRENCY = 16;
/** Bytes per read of a `.jsonl` file. */
const STREAM_CHUNK_BYTES = 1 << 20;

export interface ReadOptions {
  /** How the files are encoded (see `CORPUS_ENCODINGS`); default `utf-8`. */
  readonly encoding?: CorpusEncoding;
}

/** A corpus as read from disk: the parsed corpus, and what identifies its files' content. */
export interface CorpusRead {
  readonly corpus: ParsedCorpus;
  /** Whether the corpus path is a folder (or one file). */
  readonly isFolder: boolean;
  /** SHA-256 (hex) of every corpus file's name and bytes, in name order: changes whenever a file does. */
  readonly fingerprint: string;
  readonly files: number;
  readonly bytes: number;
  /** Each file as read, in name order, then each subfolder that could not be read: what {@link readCorpusFiles} updates. */
  readonly reads: readonly CorpusFileRead[];
}

/** One corpus file as read: what it parsed to, and what identifies its bytes (for the fingerprint). */
export interface CorpusFileRead {
  readonly parsed: ParsedFile;
  readonly bytes: number;
  /** SHA-256 (hex) of its bytes; for a file that could not be read, its kind of problem. */
  readonly digest: string;
}

/**
 * Whether a file or folder name is skipped without a word (no issue, not loaded): hidden names
 * (`.draft.md`, `.git/`, `.dossier-cache/`, Vim's `.article.md.swp`, Emacs's `.#article.md`
 * lock) and editors' leftovers (`article.md~`, `#article.md#`, `article.md.bak`, `.orig`, `.rej`,
 * `.swp`, `.tmp`). Hidden folders are not even listed.
 *
 * @example isIgnoredName('.draft.md') // true; isIgnoredName('article.md~') // true; isIgnoredName('article.md') // false
 */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || (name.length > 1 && name.startsWith('#') && name.endsWith('#')) || LEFTOVER_EXTENSION.test(name);
}

/**
 * Reads a corpus from a folder (every `.md`, `.txt`, `.jsonl`, `.html` and `.htm` file in it and its subfolders,
 * except a `README`, hidden files and folders and editors' leftovers: see {@link isIgnoredName})
 * or from one such file. Files that cannot be used become issues; the rest load.
 *
 * Symbolic links: a link to a file is read as that file (named by the link); a dangling or
 * looping link is one `unreadable` issue; links to folders are not followed. A `.md` or `.txt`
 * file's size is checked (stat) before it is read, so an oversized one is never read.
 *
 * Each file is read once; `.jsonl` files are streamed and parsed line by line, so a large export
 * is never held whole, and a bad line is one issue among the good ones. The result carries the
 * fingerprint of the files' bytes (the key of the index snapshot).
 *
 * @throws Error when the path does not exist or is neither a folder nor a corpus file
 */
export async function readCorpus(corpusPath: string, options: ReadOptions = {}): Promise<CorpusRead> {
  const { files, folderIssues, isFolder } = await listCorpusFiles(corpusPath);
  const results = await mapConcurrently(files, READ_CONCURRENCY, (file) => readCorpusFile(file, options));
  // An unreadable subfolder is an issue too, in name order with the files' (it has no bytes to fingerprint).
  for (const issue of folderIssues) results.push(unusable(issue));
  return {
    corpus: combineParsedFiles(results.map((result) => result.parsed)),
    isFolder,
    fingerprint: fingerprintReads(results),
    files: files.length,
    bytes: results.reduce((sum, result) => sum + result.bytes, 0),
    reads: results,
  };
}

/**
 * The fingerprint of a corpus from its files as read, in the order {@link readCorpus} lists
 * them (files in name order, then unreadable subfolders): the same as `readCorpus` gives, without
 * reading any file again.
 */
export function fingerprintReads(reads: Iterable<CorpusFileRead>): string {
  const fingerprint = createHash('sha256');
  for (const read of reads) fingerprint.update(`${read.parsed.name}\u0000${read.bytes}\u0000${read.digest}\n`);
  return fingerprint.digest('hex');
}

/**
 * What {@link readCorpusFiles} found at a name: the file as read, `absent` when no corpus file
 * is there any more (removed, renamed, a name the loader skips), or `folder` when the name is a
 * folder (whose files the caller must list: read the whole corpus again).
 */
export type FileReadResult = CorpusFileRead | 'absent' | 'folder';

/**
 * Reads some files of a corpus again, by their names relative to the corpus (as the loader names
 * them, with `/`; a single-file corpus has the one name, its file's), each exactly as
 * {@link readCorpus} reads it: a name the loader would not list (skipped names, a `README`, other
 * extensions, a path through a linked folder) is `absent`. Cost: the named files only.
 *
 * @example await readCorpusFiles('corpus', ['new-deal.md']) // Map { 'new-deal.md' => { parsed, bytes, digest } }
 */
export async function readCorpusFiles(corpusPath: string, names: readonly string[], options: ReadOptions = {}): Promise<Map<string, FileReadResult>> {
  const info = await stat(corpusPath).catch(() => {
    throw new Error(`corpus: no such file or folder: ${corpusPath}`);
  });
  const found = new Map<string, FileReadResult>();
  await mapConcurrently([...new Set(names)], READ_CONCURRENCY, async (name) => {
    found.set(name, await readNamedFile(corpusPath, info.isDirectory(), name, options));
  });
  return found;
}

async function readNamedFile(corpusPath: string, isFolder: boolean, name: string, options: ReadOptions): Promise<FileReadResult> {
  if (!isFolder) return name === path.basename(corpusPath) ? readCorpusFile({ name, fullPath: corpusPath, isLink: false }, options) : 'absent';
  const parts = name.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || isIgnoredName(part))) return 'absent';
  const fullPath = path.join(corpusPath, ...parts);
  // Folders on the way must be real folders: the loader does not follow links to folders.
  for (let depth = 1; depth < parts.length; depth += 1) {
    const folder = await lstat(path.join(corpusPath, ...parts.slice(0, depth))).catch(() => undefined);
    if (folder === undefined || !folder.isDirectory()) return 'absent';
  }
  let entry;
  try {
    entry = await lstat(fullPath);
  } catch {
    return 'absent';
  }
  if (entry.isDirectory()) return 'folder';
  const fileName = parts.at(-1)!;
  if (!isCorpusFileName(fileName) || NOT_ARTICLES.has(fileName.toLowerCase())) return 'absent';
  return readCorpusFile({ name, fullPath, isLink: entry.isSymbolicLink() }, options);
}

interface FoundFile {
  /** As named in messages: the path relative to the corpus folder, with `/`. */
  readonly name: string;
  readonly fullPath: string;
  /** Listed as a symbolic link (followed when read). */
  readonly isLink: boolean;
}

type FileResult = CorpusFileRead;

async function listCorpusFiles(corpusPath: string): Promise<{ files: FoundFile[]; folderIssues: CorpusIssue[]; isFolder: boolean }> {
  const info = await stat(corpusPath).catch(() => {
    throw new Error(`corpus: no such file or folder: ${corpusPath}`);
  });
  if (info.isFile()) {
    if (!isCorpusFileName(corpusPath)) throw new Error(`corpus: not a .md, .txt, .jsonl or .html file: ${corpusPath}`);
    return { files: [{ name: path.basename(corpusPath), fullPath: corpusPath, isLink: false }], folderIssues: [], isFolder: false };
  }
  if (!info.isDirectory()) throw new Error(`corpus: not a file or folder: ${corpusPath}`);
  const files: FoundFile[] = [];
  const folderIssues: CorpusIssue[] = [];
  const nameOf = (fullPath: string): string => path.relative(corpusPath, fullPath).split(path.sep).join('/');
  // Walked by hand rather than with `readdir({ recursive: true })`: hidden folders (`.git/`) are
  // never listed, and an unreadable subfolder is one issue instead of an exception for the corpus.
  // Folders come from `Dirent.isDirectory()`, which does not follow links: no link loop is walked.
  const visit = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (folder === corpusPath) throw error;
      folderIssues.push({ file: `${nameOf(folder)}/`, kind: 'unreadable', reason: `cannot be read: ${describeReadError(error)}` });
      return;
    }
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      const fullPath = path.join(folder, entry.name);
      if (entry.isDirectory()) await visit(fullPath);
      else if (isCorpusFileName(entry.name) && !NOT_ARTICLES.has(entry.name.toLowerCase())) files.push({ name: nameOf(fullPath), fullPath, isLink: entry.isSymbolicLink() });
    }
  };
  await visit(corpusPath);
  return { files: files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), folderIssues, isFolder: true };
}

async function readCorpusFile(file: FoundFile, options: ReadOptions): Promise<FileResult> {
  const cannotRead = (why: string): FileResult => unusable({ file: file.name, kind: 'unreadable', reason: `cannot be read: ${why}` });
  let size: number;
  try {
    // Follows a link to its target: the size and kind checked are the target's.
    const info = await stat(file.fullPath);
    if (!info.isFile()) return cannotRead(info.isDirectory() ? 'a link to a folder (folders are not followed through links)' : 'not a regular file');
    size = info.size;
  } catch (error) {
    const code = errorCode(error);
    if (file.isLink && code === 'ENOENT') return cannotRead('broken symbolic link (its target does not exist)');
    return cannotRead(describeReadError(error));
  }
  // Checked before reading: an oversized article file is never read into memory.
  const tooLarge = checkCorpusFileSize(file.name, size, options);
  if (tooLarge !== undefined) return { ...unusable(tooLarge), bytes: size };
  const hash = createHash('sha256');
  try {
    if (!file.name.toLowerCase().endsWith('.jsonl')) {
      const bytes = await readFile(file.fullPath);
      hash.update(bytes);
      return { parsed: { name: file.name, ...parseCorpusFile({ name: file.name, bytes }, options) }, bytes: bytes.length, digest: hash.digest('hex') };
    }
    const parser = createJsonLinesParser(file.name, options);
    let streamed = 0;
    for await (const chunk of createReadStream(file.fullPath, { highWaterMark: STREAM_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      streamed += chunk.length;
      parser.push(chunk);
    }
    return { parsed: parser.finish(), bytes: streamed, digest: hash.digest('hex') };
  } catch (error) {
    // A read that fails part way (a disk error, a file removed under us): the file's articles so far are dropped.
    return cannotRead(describeReadError(error));
  }
}

/** A file (or folder) that gives no article, only its issue; fingerprinted by its kind of problem. */
function unusable(issue: CorpusIssue): FileResult {
  return { parsed: { name: issue.file, articles: [], issues: [issue] }, bytes: 0, digest: issue.kind };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** An I/O error in a few words for a moderator. */
function describeReadError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOENT':
      return 'the file disappeared while the corpus was read';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a folder, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Runs `task` on every item, at most `limit` at a time; results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function isCorpusFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return CORPUS_EXTENSIONS.some((extension) => lower.endsWith(extension));
}
