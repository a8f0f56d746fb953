/**
 * The corpus loader: the only code that reads corpus files. It finds them, reads their bytes
 * and leaves every decision about their content to the core's parser.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS_EXTENSIONS, parseCorpus, type CorpusFile, type ParsedCorpus } from '../core/index.js';

/** Files in a corpus folder that are about the corpus, not articles of it. */
const NOT_ARTICLES = new Set(['readme.md', 'readme.txt']);

/**
 * Loads a corpus from a folder (every `.md`, `.txt` and `.jsonl` file in it and its subfolders,
 * except a `README`) or from one such file. Files that cannot be used become issues; the rest load.
 *
 * @throws Error when the path does not exist or is neither a folder nor a corpus file
 */
export async function loadCorpus(corpusPath: string): Promise<ParsedCorpus> {
  const info = await stat(corpusPath).catch(() => {
    throw new Error(`corpus: no such file or folder: ${corpusPath}`);
  });
  if (info.isFile()) {
    if (!isCorpusFileName(corpusPath)) throw new Error(`corpus: not a .md, .txt or .jsonl file: ${corpusPath}`);
    return parseCorpus([{ name: path.basename(corpusPath), bytes: await readFile(corpusPath) }]);
  }
  if (!info.isDirectory()) throw new Error(`corpus: not a file or folder: ${corpusPath}`);
  const entries = await readdir(corpusPath, { recursive: true, withFileTypes: true });
  const files: CorpusFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !isCorpusFileName(entry.name) || NOT_ARTICLES.has(entry.name.toLowerCase())) continue;
    const fullPath = path.join(entry.parentPath, entry.name);
    files.push({ name: path.relative(corpusPath, fullPath).split(path.sep).join('/'), bytes: await readFile(fullPath) });
  }
  return parseCorpus(files);
}

function isCorpusFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return CORPUS_EXTENSIONS.some((extension) => lower.endsWith(extension));
}
