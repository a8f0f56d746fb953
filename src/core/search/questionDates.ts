/**
 * Dates written in a question ("in March 1987", "before 2018", "between 2016 and 2018", "the
 * latest"), read into the same period the `/ask after/before` options give. Relative words
 * ("this year", "last month") are not read: the core has no clock to anchor them.
 */
import type { TextRange } from '../types.js';
import type { DatePeriod } from './dateWindow.js';

/** What {@link readQuestionDates} finds in a question. */
export interface QuestionDates {
  /** The period the question states, or `null`. */
  readonly period: DatePeriod | null;
  /** Where the words read as the period stand in the question (they are not searched as topic words). */
  readonly spans: readonly TextRange[];
  /** Whether the question asks for the newest ("the latest", "most recent", "newest"). */
  readonly prefersRecent: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH = String.raw`(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t|tember|t?\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;
/** A month and year ("March 1987", "Oct. 2016") or a year; groups: month, year. */
const WHEN = String.raw`(?:(${MONTH})\s+)?(${YEAR})`;
/** The newest is asked for. */
const RECENT = /\b(?:latest|most\s+recent(?:ly)?|newest|most\s+up[- ]to[- ]date)\b/iu;
/** Words naming a piece of writing, which a bare year may qualify: "the 2020 analysis". */
const ARTICLE_NOUN = '(?:article|piece|editorial|report|analysis|story|column|op-ed|commentary|essay|feature|interview)s?';

type Bound = 'range' | 'between' | 'before' | 'after' | 'since';

/** Read in this order; the first that matches a part of the question wins that part. */
const PATTERNS: ReadonlyArray<{ readonly bound: Bound; readonly pattern: RegExp }> = [
  { bound: 'between', pattern: new RegExp(String.raw`\b(?:between\s+${WHEN}\s+and|from\s+${WHEN}\s+(?:to|until|till|through))\s+${WHEN}\b`, 'giu') },
  { bound: 'before', pattern: new RegExp(String.raw`\b(?:before|prior\s+to|earlier\s+than)\s+${WHEN}\b`, 'giu') },
  { bound: 'after', pattern: new RegExp(String.raw`\b(?:after|later\s+than)\s+${WHEN}\b`, 'giu') },
  { bound: 'since', pattern: new RegExp(String.raw`\b(?:since|from)\s+${WHEN}\b`, 'giu') },
  { bound: 'range', pattern: new RegExp(String.raw`\b(?:in|during|of)\s+${WHEN}\b(?![-–/]\d)`, 'giu') },
  // "a February 2020 analysis", "the 2016 piece"
  { bound: 'range', pattern: new RegExp(String.raw`\b${WHEN}\s+(?=${ARTICLE_NOUN}\b)`, 'giu') },
  // "in March 1987" without "in": a month and year anywhere
  { bound: 'range', pattern: new RegExp(String.raw`\b(${MONTH})\s+(${YEAR})\b`, 'giu') },
];

/**
 * Reads the period a question states, as a {@link DatePeriod}: "in 2020" and "in March 1987" are
 * that year or month, "before 2018" ends before 2018, "after 2019" starts in 2020, "since 2017"
 * starts in 2017, "between 2016 and 2018" (or "from 2016 to 2018") is 2016 to the end of 2018.
 * Several bounds combine ("after 2016 … before 2020"); contradictory ones give no period. Also
 * says whether the question asks for the newest ("the latest", "most recent"). A bare number
 * ("the 2016 election") is no period. Pure; linear in the question.
 *
 * @example readQuestionDates('In August 2020, who replaced Brian Hook?').period // { after: '2020-08-01', before: '2020-09-01' }
 */
export function readQuestionDates(question: string): QuestionDates {
  const spans: TextRange[] = [];
  let after: string | undefined;
  let before: string | undefined;
  const taken = (start: number, end: number): boolean => spans.some((span) => start < span.end && end > span.start);
  for (const { bound, pattern } of PATTERNS) {
    for (const match of question.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].trimEnd().length;
      if (taken(start, end)) continue;
      const groups = match.slice(1);
      const periods: Array<{ start: string; next: string }> = [];
      for (let at = 0; at + 1 < groups.length; at += 2) {
        if (groups[at + 1] !== undefined) periods.push(periodOf(groups[at], groups[at + 1]!));
      }
      const first = periods[0];
      const last = periods.at(-1);
      if (first === undefined || last === undefined) continue;
      spans.push({ start, end });
      if (bound === 'before') before = minimum(before, first.start);
      else if (bound === 'after') after = maximum(after, first.next);
      else if (bound === 'since') after = maximum(after, first.start);
      else {
        after = maximum(after, first.start);
        before = minimum(before, last.next);
      }
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const consistent = after === undefined || before === undefined || after < before;
  const period = (after === undefined && before === undefined) || !consistent ? null : { ...(after === undefined ? {} : { after }), ...(before === undefined ? {} : { before }) };
  return { period, spans: period === null ? [] : spans, prefersRecent: RECENT.test(question) };
}

/** The first day of a year or month and the first day after it, as `YYYY-MM-DD`. */
function periodOf(month: string | undefined, year: string): { start: string; next: string } {
  const monthIndex = month === undefined ? -1 : MONTHS.indexOf(month.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  const y = Number(year);
  if (monthIndex < 0) return { start: `${y}-01-01`, next: `${y + 1}-01-01` };
  const nextMonth = monthIndex === 11 ? { y: y + 1, m: 1 } : { y, m: monthIndex + 2 };
  return { start: `${y}-${pad(monthIndex + 1)}-01`, next: `${nextMonth.y}-${pad(nextMonth.m)}-01` };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function minimum(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}

function maximum(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}
