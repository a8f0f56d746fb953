/**
 * The corpus loader: the only code that reads corpus files. It finds them, reads each one once
 * (streaming `.jsonl` files piece by piece), fingerprints their bytes, and leaves every decision
 * about their content to the core's parser.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  CORPUS_EXTENSIONS,
  combineParsedFiles,
  createJsonLinesParser,
  parseCorpusFile,
  type CorpusEncoding,
  type ParsedCorpus,
  type ParsedFile,
} from '../core/index.js';

/** Files in a corpus folder that are about the corpus, not articles of it. */
const NOT_ARTICLES = new Set(['readme.md', 'readme.txt']);
/** Files read at once: enough to keep the disk busy, few enough to bound open files and memory. */
const READ_CONCURRENCY = 16;
/** Bytes per read of a `.jsonl` file. */
const STREAM_CHUNK_BYTES = 1 << 20;

export interface LoadOptions {
  /** How the files are encoded (see `CORPUS_ENCODINGS`); default `utf-8`. */
  readonly encoding?: CorpusEncoding;
}

/** A corpus as read from disk: the parsed corpus, and what identifies its files' content. */
export interface ReadCorpus {
  readonly corpus: ParsedCorpus;
  /** Whether the corpus path is a folder (or one file). */
  readonly isFolder: boolean;
  /** SHA-256 (hex) of every corpus file's name and bytes, in name order: changes whenever a file does. */
  readonly fingerprint: string;
  readonly files: number;
  readonly bytes: number;
}

/**
 * Loads a corpus from a folder (every `.md`, `.txt` and `.jsonl` file in it and its subfolders,
 * except a `README`) or from one such file. Files that cannot be used become issues; the rest load.
 *
 * @throws Error when the path does not exist or is neither a folder nor a corpus file
 */
export async function loadCorpus(corpusPath: string, options: LoadOptions = {}): Promise<ParsedCorpus> {
  return (await readCorpus(corpusPath, options)).corpus;
}

/**
 * {@link loadCorpus}, with the fingerprint of the files' bytes (the key of the index snapshot).
 * Each file is read once; `.jsonl` files are streamed and parsed line by line, so a large export
 * is never held whole, and a bad line is one issue among the good ones.
 */
export async function readCorpus(corpusPath: string, options: LoadOptions = {}): Promise<ReadCorpus> {
  const { files, isFolder } = await listCorpusFiles(corpusPath);
  const results = await mapConcurrently(files, READ_CONCURRENCY, (file) => readCorpusFile(file, options));
  const fingerprint = createHash('sha256');
  for (const result of results) fingerprint.update(`${result.parsed.name}\u0000${result.bytes}\u0000${result.digest}\n`);
  return {
    corpus: combineParsedFiles(results.map((result) => result.parsed)),
    isFolder,
    fingerprint: fingerprint.digest('hex'),
    files: files.length,
    bytes: results.reduce((sum, result) => sum + result.bytes, 0),
  };
}

interface FoundFile {
  /** As named in messages: the path relative to the corpus folder, with `/`. */
  readonly name: string;
  readonly fullPath: string;
}

async function listCorpusFiles(corpusPath: string): Promise<{ files: FoundFile[]; isFolder: boolean }> {
  const info = await stat(corpusPath).catch(() => {
    throw new Error(`corpus: no such file or folder: ${corpusPath}`);
  });
  if (info.isFile()) {
    if (!isCorpusFileName(corpusPath)) throw new Error(`corpus: not a .md, .txt or .jsonl file: ${corpusPath}`);
    return { files: [{ name: path.basename(corpusPath), fullPath: corpusPath }], isFolder: false };
  }
  if (!info.isDirectory()) throw new Error(`corpus: not a file or folder: ${corpusPath}`);
  const entries = await readdir(corpusPath, { recursive: true, withFileTypes: true });
  const files: FoundFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !isCorpusFileName(entry.name) || NOT_ARTICLES.has(entry.name.toLowerCase())) continue;
    const fullPath = path.join(entry.parentPath, entry.name);
    files.push({ name: path.relative(corpusPath, fullPath).split(path.sep).join('/'), fullPath });
  }
  return { files: files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), isFolder: true };
}

async function readCorpusFile(file: FoundFile, options: LoadOptions): Promise<{ parsed: ParsedFile; bytes: number; digest: string }> {
  const hash = createHash('sha256');
  if (!file.name.toLowerCase().endsWith('.jsonl')) {
    const bytes = await readFile(file.fullPath);
    hash.update(bytes);
    return { parsed: { name: file.name, ...parseCorpusFile({ name: file.name, bytes }, options) }, bytes: bytes.length, digest: hash.digest('hex') };
  }
  const parser = createJsonLinesParser(file.name, options);
  let size = 0;
  for await (const chunk of createReadStream(file.fullPath, { highWaterMark: STREAM_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    parser.push(chunk);
  }
  return { parsed: parser.finish(), bytes: size, digest: hash.digest('hex') };
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
