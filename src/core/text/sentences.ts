/**
 * Sentence boundaries for English news text, as character ranges, so quotes stay verbatim.
 */
import type { TextRange } from '../types.js';

/** Words that end with a period without ending the sentence (compared lowercase, without the period). */
// biome-ignore format: packed word list
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm',
  'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'vs', 'inc', 'ltd', 'co', 'corp', 'dept', 'fig', 'approx', 'est',
  'al', 'cf', 'ed', 'eds', 'vol', 'pp', 'im',
]);

/**
 * A candidate end: terminal punctuation, any closing quotes or brackets, then whitespace.
 * Whether it really ends the sentence depends on the word before it and the text after it.
 */
const CANDIDATE_END = /[.!?…]+["'”’)\]]*(?=[ \t]+)/g;
const NEXT_STARTS_SENTENCE = /^[ \t]+["'“‘([]*[\p{Lu}\p{N}]/u;

/**
 * Splits a text into sentence ranges. A line break always ends a sentence (headlines, list items
 * and metadata lines stand alone); within a line, a period ends one unless it closes an
 * abbreviation (`Mr.`, `Oct.`), an initial (`J.`) or a dotted acronym (`U.S.`), or the next word
 * starts in lowercase. Ranges are trimmed and never empty; text between them is whitespace.
 *
 * @example splitSentences('Mr. Zarif met Lavrov. They talked.') // [{start:0,end:21},{start:22,end:34}]
 */
export function splitSentences(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const range of splitLine(line)) ranges.push({ start: lineStart + range.start, end: lineStart + range.end });
    lineStart += line.length + 1;
  }
  return ranges;
}

function splitLine(line: string): TextRange[] {
  const ranges: TextRange[] = [];
  let sentenceStart = 0;
  for (const match of line.matchAll(CANDIDATE_END)) {
    const end = match.index + match[0].length;
    if (!NEXT_STARTS_SENTENCE.test(line.slice(end))) continue;
    if (match[0].startsWith('.') && endsWithNonFinalPeriod(line.slice(sentenceStart, match.index + 1))) continue;
    pushTrimmed(ranges, line, sentenceStart, end);
    sentenceStart = end;
  }
  pushTrimmed(ranges, line, sentenceStart, line.length);
  return ranges;
}

/** Whether the text, which ends with a period, ends with an abbreviation, an initial or a dotted acronym. */
function endsWithNonFinalPeriod(text: string): boolean {
  const lastWord = /(\S+)\.$/u.exec(text)?.[1] ?? '';
  const bare = lastWord.replace(/^["'“‘([]+/u, '');
  if (/^\p{Lu}$/u.test(bare)) return true;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) return true;
  return ABBREVIATIONS.has(bare.toLowerCase());
}

function pushTrimmed(ranges: TextRange[], line: string, start: number, end: number): void {
  const slice = line.slice(start, end);
  const leading = slice.length - slice.trimStart().length;
  const trailing = slice.length - slice.trimEnd().length;
  if (start + leading < end - trailing) ranges.push({ start: start + leading, end: end - trailing });
}
