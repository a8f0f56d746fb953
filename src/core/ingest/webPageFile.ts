/** Web pages saved from a browser (`.html`, `.htm`), read through the article extractor. */
import { slugFromFileName } from './articleIds.js';
import { UnusableEntry, toArticle } from './articleFields.js';
import { issue, type CorpusFile, type ParseOptions, type ParsedCorpus } from './corpusFormat.js';
import { decodeHtml } from './extract/decodeHtml.js';
import { extractArticle } from './extract/extractArticle.js';
import { SNIFF_BYTES, checkCorpusFileSize, sniffFormat } from './fileBytes.js';

/**
 * A saved web page: decoded with the charset it declares (the corpus encoding does not apply),
 * read through the article extractor. Its article's id comes from the file name, as for the other
 * formats; a page with no article in it is one `no-article` issue.
 */
export function parseWebPage(file: CorpusFile, options: ParseOptions): ParsedCorpus {
  const problem = checkCorpusFileSize(file.name, file.bytes.length, options) ?? sniffFormat(file.name, file.bytes.subarray(0, SNIFF_BYTES));
  if (problem !== undefined) return { articles: [], issues: [problem] };
  const html = decodeHtml(file.bytes);
  if (html.trim().length === 0) return { articles: [], issues: [issue(file.name, 'empty', 'empty file')] };
  const extraction = extractArticle(html);
  if (extraction.kind === 'no-article') return { articles: [], issues: [issue(file.name, 'no-article', extraction.reason)] };
  const { text, ...metadata } = extraction.article;
  try {
    return { articles: [toArticle(file.name, { ...metadata }, text, slugFromFileName(file.name))], issues: [] };
  } catch (error) {
    if (error instanceof UnusableEntry) return { articles: [], issues: [issue(file.name, error.kind, error.message)] };
    throw error;
  }
}
