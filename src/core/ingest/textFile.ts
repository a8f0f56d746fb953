/**
 * Article files of text: Markdown with YAML front matter (`.md`), or plain text whose first line is the title (`.txt`).
 * A hard-wrapped body is unwrapped into one line per paragraph ({@link unwrapHardWrappedLines}).
 */
import { parse as parseYaml } from 'yaml';
import { slugFromFileName } from './articleIds.js';
import { UnusableEntry, toArticle } from './articleFields.js';
import { DEFAULT_CORPUS_LIMITS, extensionOf, issue, type CorpusFile, type ParseOptions, type ParsedCorpus } from './corpusFormat.js';
import { SNIFF_BYTES, checkCorpusFileSize, checkLineLengths, decodeText, sniffFormat } from './fileBytes.js';
import { unwrapHardWrappedLines } from './hardWrap.js';
import type { Article } from '../types.js';

const FRONT_MATTER_PATTERN = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)/;

/**
 * The one article or the one issue of a `.md` or `.txt` file. Its bytes are checked before they
 * are decoded, in this order: size, UTF-16/UTF-32 byte-order marks, binary signatures, NUL bytes,
 * line length, then the text.
 */
export function parseTextFile(file: CorpusFile, options: ParseOptions): ParsedCorpus {
  const limits = { ...DEFAULT_CORPUS_LIMITS, ...options.limits };
  const problem =
    checkCorpusFileSize(file.name, file.bytes.length, options) ??
    sniffFormat(file.name, file.bytes.subarray(0, SNIFF_BYTES)) ??
    (file.bytes.includes(0) ? issue(file.name, 'binary', 'binary file (contains NUL bytes)') : undefined) ??
    checkLineLengths(file.name, file.bytes, limits.maxLineBytes);
  if (problem !== undefined) return { articles: [], issues: [problem] };
  const decoded = decodeText(file.name, file.bytes, options.encoding ?? 'utf-8');
  if (typeof decoded !== 'string') return { articles: [], issues: [decoded] };
  if (decoded.trim().length === 0) return { articles: [], issues: [issue(file.name, 'empty', 'empty file')] };
  try {
    const article = extensionOf(file.name) === '.md' ? parseMarkdown(file.name, decoded) : parsePlainText(file.name, decoded);
    return { articles: [article], issues: [] };
  } catch (error) {
    if (error instanceof UnusableEntry) return { articles: [], issues: [issue(file.name, error.kind, error.message)] };
    throw error;
  }
}

function parseMarkdown(name: string, text: string): Article {
  const match = FRONT_MATTER_PATTERN.exec(text);
  if (!match) {
    const opened = /^---[ \t]*\n/.test(text);
    throw new UnusableEntry('front-matter', opened ? 'bad front matter: no closing "---" line' : 'bad front matter: the file must start with a "---" block');
  }
  let fields: unknown;
  try {
    // An empty block is an empty record: the file is then reported for its missing title.
    fields = parseYaml(match[1] ?? '') ?? {};
  } catch (error) {
    // yaml's message is followed by a code frame, announced by a trailing colon.
    throw new UnusableEntry('front-matter', `bad front matter: ${firstLine(error instanceof Error ? error.message : String(error)).replace(/:$/, '')}`);
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    throw new UnusableEntry('front-matter', 'bad front matter: expected "key: value" lines');
  }
  return toArticle(name, fields as Record<string, unknown>, unwrapHardWrappedLines(text.slice(match[0].length)), slugFromFileName(name));
}

function parsePlainText(name: string, text: string): Article {
  const lines = text.split('\n');
  const titleIndex = lines.findIndex((line) => line.trim().length > 0);
  const title = lines[titleIndex] ?? '';
  return toArticle(name, { title }, unwrapHardWrappedLines(lines.slice(titleIndex + 1).join('\n')), slugFromFileName(name));
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
