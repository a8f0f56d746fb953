/**
 * `/add URL|PATH` in the console and `cli add URL|PATH`: a link is fetched, a path is read from
 * this machine (its size checked before it is read), and both go to the corpus's adder.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_ADDED_FILE_BYTES, type AddOutcome, type ArticleAdder } from '../corpus/addArticle.js';

/** Adds what `argument` names: a URL when it has a scheme (`https://…`, and `javascript:` to be refused), else a local file. */
export async function addFromArgument(adder: ArticleAdder, argument: string): Promise<AddOutcome> {
  const target = argument.trim();
  if (target.length === 0) return { kind: 'refused', refusal: 'bad-url', message: 'Give a link or a file to add, e.g. /add https://example.com/news/article.' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) return adder.add({ kind: 'url', url: target });
  try {
    const info = await stat(target);
    if (!info.isFile()) return { kind: 'refused', refusal: 'unsupported-file', message: `${target} is not a file: give an .html, .md, .txt or .jsonl file.` };
    if (info.size > MAX_ADDED_FILE_BYTES) return { kind: 'refused', refusal: 'too-large', message: `${target} is larger than 5 MiB: add the article's page or text alone.` };
    return adder.add({ kind: 'file', name: path.basename(target), bytes: await readFile(target) });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : error instanceof Error ? error.message : String(error);
    return { kind: 'refused', refusal: 'unsupported-file', message: `${target} cannot be read (${why}): give a link or a readable file.` };
  }
}
