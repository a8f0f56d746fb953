/** JSON Lines exports (`.jsonl`): one article object a line, read as the bytes stream in. */
import { slugify } from './articleIds.js';
import { UnusableEntry, stringField, toArticle } from './articleFields.js';
import { MAX_JSON_LINE_BYTES, issue, type ParseOptions, type ParsedFile } from './corpusFormat.js';
import { NEWLINE, SNIFF_BYTES, concatBytes, decodeText, formatCount, formatSize, sniffFormat } from './fileBytes.js';
import { unwrapHardWrappedLines } from './hardWrap.js';
import { normalizeText } from '../text/normalize.js';
import type { Article, CorpusIssue } from '../types.js';

/** Reads a JSON Lines file piece by piece: see {@link createJsonLinesParser}. */
export interface JsonLinesParser {
  /** Parses the complete lines of the next bytes of the file (any split: a line may span pushes). */
  push(bytes: Uint8Array): void;
  /** Parses the last line and returns the file's articles and issues. */
  finish(): ParsedFile;
}

/**
 * A parser for one JSON Lines file that takes its bytes in pieces, so that a loader can stream a
 * file of any size without holding it, or one string of it, in memory. Each line is decoded,
 * checked and parsed on its own: a line that is not valid text or not an article object is one
 * issue named `file:line`, and never stops the lines after it. A line over
 * {@link MAX_JSON_LINE_BYTES} is one `line-too-long` issue: its bytes are dropped as they come,
 * so memory stays bounded by that limit whatever the file holds. A file that starts like UTF-16,
 * UTF-32 or a binary format is one issue for the whole file.
 *
 * @example const parser = createJsonLinesParser('wire.jsonl'); parser.push(bytes); parser.finish().articles
 */
export function createJsonLinesParser(name: string, options: ParseOptions = {}): JsonLinesParser {
  const encoding = options.encoding ?? 'utf-8';
  const maxLineBytes = options.limits?.maxJsonLineBytes ?? MAX_JSON_LINE_BYTES;
  const articles: Article[] = [];
  const issues: CorpusIssue[] = [];
  let lineNumber = 0;
  // The start of a line that the pieces pushed so far have not finished (at most maxLineBytes).
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  // While a line over the limit is being dropped: its length so far; otherwise -1.
  let dropping = -1;
  // The first bytes of the file, kept until there are enough to tell its format.
  let head: Uint8Array[] | undefined = [];
  let headLength = 0;
  // Set when the file's first bytes show it is not JSON Lines text at all: its one issue.
  let rejected: CorpusIssue | undefined;

  const parseLine = (bytes: Uint8Array): void => {
    lineNumber += 1;
    const entryName = `${name}:${lineNumber}`;
    const line = decodeText(entryName, bytes, encoding);
    if (typeof line !== 'string') {
      issues.push(line);
      return;
    }
    if (line.trim().length === 0) return;
    try {
      articles.push(parseJsonLine(entryName, line));
    } catch (error) {
      if (!(error instanceof UnusableEntry)) throw error;
      issues.push(issue(entryName, error.kind, error.message));
    }
  };

  const reportLongLine = (length: number): void => {
    lineNumber += 1;
    issues.push(issue(`${name}:${lineNumber}`, 'line-too-long', `line too long (${formatCount(length)} bytes; a JSON line may have at most ${formatSize(maxLineBytes)})`));
  };

  const feed = (bytes: Uint8Array): void => {
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
      const piece = bytes.subarray(start, end);
      if (dropping >= 0) reportLongLine(dropping + piece.length);
      else if (pendingLength + piece.length > maxLineBytes) reportLongLine(pendingLength + piece.length);
      else parseLine(pending.length > 0 ? concatBytes([...pending, piece]) : piece);
      pending = [];
      pendingLength = 0;
      dropping = -1;
      start = end + 1;
    }
    const rest = bytes.length - start;
    if (rest === 0) return;
    if (dropping >= 0) {
      dropping += rest;
    } else if (pendingLength + rest > maxLineBytes) {
      // Too long already: count the rest of the line's bytes until its newline, keep none.
      dropping = pendingLength + rest;
      pending = [];
      pendingLength = 0;
    } else {
      // Copied: the caller may reuse its buffer for the next piece.
      pending.push(bytes.slice(start));
      pendingLength += rest;
    }
  };

  const endHead = (): void => {
    if (head === undefined) return;
    const bytes = concatBytes(head);
    head = undefined;
    rejected = sniffFormat(name, bytes);
    if (rejected === undefined) feed(bytes);
  };

  return {
    push(bytes) {
      if (rejected !== undefined) return;
      if (head !== undefined) {
        if (headLength === 0 && bytes.length >= SNIFF_BYTES) {
          // The common case (a whole file, or a large read): no need to copy the head.
          head = undefined;
          rejected = sniffFormat(name, bytes.subarray(0, SNIFF_BYTES));
          if (rejected === undefined) feed(bytes);
          return;
        }
        head.push(bytes.slice());
        headLength += bytes.length;
        if (headLength >= SNIFF_BYTES) endHead();
        return;
      }
      feed(bytes);
    },
    finish() {
      endHead();
      if (rejected !== undefined) return { name, articles: [], issues: [rejected] };
      if (dropping >= 0) reportLongLine(dropping);
      else if (pending.length > 0) parseLine(concatBytes(pending));
      pending = [];
      pendingLength = 0;
      dropping = -1;
      if (articles.length === 0 && issues.length === 0) issues.push(issue(name, 'empty', 'empty file'));
      return { name, articles, issues };
    },
  };
}

/** One line's article object; its id defaults to its title's slug. */
function parseJsonLine(entryName: string, line: string): Article {
  let fields: unknown;
  try {
    fields = JSON.parse(line);
  } catch {
    throw new UnusableEntry('bad-json', 'not a JSON object');
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new UnusableEntry('bad-json', 'not a JSON object');
  const record = fields as Record<string, unknown>;
  const title = typeof record['title'] === 'string' ? record['title'] : '';
  const text = stringField(record, 'text') ?? '';
  // Unwrapped before the text is trimmed: a wire story's first line keeps its indentation, and with it the wrap width.
  return toArticle(entryName, record, typeof record.text === 'string' ? unwrapHardWrappedLines(normalizeText(record.text)) : text, slugify(title));
}
