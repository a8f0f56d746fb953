/**
 * Corpus parsing: bytes of corpus files in, articles and issues out. Pure: the loader reads the
 * files; this decides what they mean. A bad file never stops the good ones from loading.
 *
 * The parts: what the corpus accepts (`corpusFormat.ts`), the checks and decoding of a file's
 * bytes (`fileBytes.ts`), one module per format (`textFile.ts` for `.md` and `.txt`,
 * `jsonLines.ts`, `webPageFile.ts`), the fields of an article (`articleFields.ts`) and its id
 * (`articleIds.ts`). This module picks the format by extension and combines the files; it also
 * re-exports the parts' public names, so that callers import corpus parsing from one place.
 */
import { withSuffix } from './articleIds.js';
import { extensionOf, issue, type CorpusFile, type ParseOptions, type ParsedCorpus, type ParsedFile } from './corpusFormat.js';
import { createJsonLinesParser } from './jsonLines.js';
import { parseTextFile } from './textFile.js';
import { parseWebPage } from './webPageFile.js';
import type { Article, CorpusIssue } from '../types.js';

export {
  CORPUS_EXTENSIONS,
  CORPUS_ENCODINGS,
  CORPUS_ISSUE_KINDS,
  MAX_ARTICLE_FILE_BYTES,
  MAX_LINE_BYTES,
  MAX_JSON_LINE_BYTES,
  DEFAULT_CORPUS_LIMITS,
  parseEncodingName,
  type CorpusEncoding,
  type CorpusFile,
  type CorpusLimits,
  type ParseOptions,
  type ParsedCorpus,
  type ParsedFile,
} from './corpusFormat.js';
export { checkCorpusFileSize } from './fileBytes.js';
export { createJsonLinesParser, type JsonLinesParser } from './jsonLines.js';
export { isSafeUrl } from './articleFields.js';
export { slugify, withSuffix } from './articleIds.js';

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
 * before they are decoded, in this order: size (`MAX_ARTICLE_FILE_BYTES`), UTF-16/UTF-32
 * byte-order marks, binary signatures (PNG, JPEG, GIF, PDF, ZIP, gzip), NUL bytes, line length
 * (`MAX_LINE_BYTES`), then the text. A UTF-8 byte-order mark is dropped and CRLF line ends
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
  return parseTextFile(file, options);
}
