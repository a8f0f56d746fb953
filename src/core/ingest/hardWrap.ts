/**
 * Joining the lines of hard-wrapped text (newswire feeds, plain-text exports), so that sentences,
 * quotes and highlights follow the sentence rather than the line.
 */

/** A text is judged hard-wrapped only when it has at least this many lines that run on into the next. */
const MIN_WRAPPED_LINES = 2;
/** …and when at least this share of its prose lines followed by another prose line are full to the wrap width. */
const MIN_WRAPPED_SHARE = 0.75;
/** …and when its wrap width is at least this many characters (verse and addresses are narrower). */
const MIN_WRAP_WIDTH = 45;
/** …and at most this many (a longer line is a paragraph on one line, broken by accident if at all). */
const MAX_WRAP_WIDTH = 150;
/** …and when at least this share of its continuation lines start with a lowercase letter or a digit (verse starts lines in capitals). */
const MIN_LOWERCASE_CONTINUATION_SHARE = 0.25;

/** A line that is structure, not prose: a list item, heading, quote, table row, fence, rule or setext underline. */
const STRUCTURAL_LINE = /^\s*(?:[-*+•]\s|\d{1,3}[.)]\s|#|>|\||```|~~~|[-=_*]{3,}\s*$)|\s\|\s|\|\s*$/u;
/** A Markdown hard line break: two trailing spaces or a backslash. */
const MARKDOWN_LINE_BREAK = /(?: {2,}|\\)$/;

/**
 * Unwraps hard-wrapped text: in a text whose prose lines are filled to a common width and broken
 * only where the next word would not fit, each such line is joined to the next with a space, and
 * an indented line (the newswire way of starting a paragraph) starts a paragraph of its own,
 * after a blank line. Anything else is kept as written: blank lines, short lines (a paragraph's
 * last line, a dateline, a sign-off), list items, headings, tables, quotes, fenced code, Markdown
 * hard line breaks (two trailing spaces or a backslash), and every line of a text that is not
 * hard-wrapped (one paragraph per line, verse, one sentence per line). Costs one pass over the text.
 *
 * @example unwrapHardWrappedLines('Comissaria Smith said there is still some\ndoubt about the crop, and exporters said\nthe harvest was over.') // 'Comissaria Smith said there is still some doubt about the crop, and exporters said the harvest was over.'
 */
export function unwrapHardWrappedLines(text: string): string {
  const lines = text.split('\n');
  const prose = markProseLines(lines);
  const pairs: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (prose[i] && prose[i + 1] && !isIndented(lines[i + 1]!) && !MARKDOWN_LINE_BREAK.test(lines[i]!)) pairs.push(i);
  }
  // Every prose line counts: in hard-wrapped text no line runs past the width, not even a paragraph's last.
  const width = Math.max(0, ...lines.filter((_, i) => prose[i]).map(visibleLength));
  const wrapped = pairs.filter((i) => isFull(lines[i]!, lines[i + 1]!, width));
  const lowercaseStarts = wrapped.filter((i) => /^\s*[\p{Ll}\p{N}]/u.test(lines[i + 1]!)).length;
  const hardWrapped =
    width >= MIN_WRAP_WIDTH &&
    width <= MAX_WRAP_WIDTH &&
    wrapped.length >= MIN_WRAPPED_LINES &&
    wrapped.length >= MIN_WRAPPED_SHARE * pairs.length &&
    lowercaseStarts >= MIN_LOWERCASE_CONTINUATION_SHARE * wrapped.length;
  if (!hardWrapped) return text;

  const joins = new Set(wrapped);
  let result = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (joins.has(i - 1)) {
      const previous = lines[i - 1]!.trimEnd();
      result = result.trimEnd() + (/\p{L}-$/u.test(previous) ? '' : ' ') + line.trimStart();
    } else if (prose[i - 1] && prose[i] && isIndented(line)) {
      result += `\n\n${line.trimStart()}`;
    } else {
      result += `\n${line}`;
    }
  }
  return result;
}

/** Whether each line is prose: not blank, not structure, not inside a fenced code block. */
function markProseLines(lines: readonly string[]): boolean[] {
  let inFence = false;
  return lines.map((line) => {
    const fence = /^\s*(?:```|~~~)/.test(line);
    if (fence) inFence = !inFence;
    return !fence && !inFence && line.trim().length > 0 && !STRUCTURAL_LINE.test(line);
  });
}

/** Whether the line was broken only because the next line's first word would not fit in the width. */
function isFull(line: string, next: string, width: number): boolean {
  const nextWord = /^\s*(\S+)/.exec(next)?.[1] ?? '';
  return visibleLength(line) + 1 + nextWord.length > width;
}

function isIndented(line: string): boolean {
  return /^[ \t]/.test(line);
}

function visibleLength(line: string): number {
  return line.trimEnd().length;
}
