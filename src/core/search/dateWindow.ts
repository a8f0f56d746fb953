/**
 * Dates asked for: a period (`after`, `before`) parsed from what a user typed, and the retrieval
 * stage under which passages of articles dated outside it count less. See docs/retrieval.md.
 */
import type { Article } from '../types.js';
import { compareRanking, type Candidate, type RetrievalStage } from './stage.js';

/**
 * A period of publication, as ISO days (`YYYY-MM-DD`): `after` is inclusive (on or after that
 * day), `before` exclusive (before that day). Either may be missing (open-ended).
 */
export interface DatePeriod {
  readonly after?: string;
  readonly before?: string;
}

/** A passage of an article dated outside the period (or undated) has its score multiplied by this. */
export const DATE_WINDOW_OUTSIDE_FACTOR = 0.5;

/** What {@link parseDatePeriod} returns: the period, or one short message for the user. */
export type DatePeriodParse = { readonly kind: 'period'; readonly period: DatePeriod } | { readonly kind: 'bad-period'; readonly message: string };

/**
 * The first day of a year (`2020`), month (`2020-08`) or day (`2020-08-07`) as `YYYY-MM-DD`, or
 * undefined when `value` is none of these or not a real day (`2020-02-30`). Surrounding spaces
 * are ignored. Pure, constant time.
 *
 * @example startOfPeriod('2020-08') // '2020-08-01'
 */
export function startOfPeriod(value: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (match === null) return undefined;
  const [, year, month = '01', day = '01'] = match;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) return undefined;
  return `${year}-${month}-${day}`;
}

/**
 * Parses the `after` and `before` a user typed (each a year, `YYYY-MM` or `YYYY-MM-DD`; missing
 * or blank means open-ended) into a {@link DatePeriod}: `after` is the start of its period
 * (inclusive), `before` the start of its period (exclusive), so `after 2020 before 2021` is the
 * year 2020. A bad value, or an `after` not earlier than `before`, gives one short message.
 *
 * @example parseDatePeriod({ after: '2020', before: '2021-06' }) // { kind: 'period', period: { after: '2020-01-01', before: '2021-06-01' } }
 * @example parseDatePeriod({ after: 'last year' }) // { kind: 'bad-period', message: 'after: expected a year, YYYY-MM or YYYY-MM-DD, got "last year"' }
 */
export function parseDatePeriod(values: { readonly after?: string | undefined; readonly before?: string | undefined }): DatePeriodParse {
  const period: { after?: string; before?: string } = {};
  for (const name of ['after', 'before'] as const) {
    const value = values[name];
    if (value === undefined || value.trim() === '') continue;
    const start = startOfPeriod(value);
    if (start === undefined) return { kind: 'bad-period', message: `${name}: expected a year, YYYY-MM or YYYY-MM-DD, got "${value.trim().slice(0, 40)}"` };
    period[name] = start;
  }
  if (period.after !== undefined && period.before !== undefined && period.after >= period.before) {
    return { kind: 'bad-period', message: `after (${period.after}) must be earlier than before (${period.before})` };
  }
  return { kind: 'period', period };
}

/** Whether a period limits anything (has `after` or `before`). */
export function isDatePeriodSet(period: DatePeriod | undefined): period is DatePeriod {
  return period !== undefined && (period.after !== undefined || period.before !== undefined);
}

/**
 * Whether an article falls in the period. Its date, as precise as known, counts from its start
 * (`2020-08` is 2020-08-01); an undated article is outside.
 */
export function isInPeriod(article: Article, period: DatePeriod): boolean {
  if (article.date === undefined) return false;
  const start = startOfPeriod(article.date);
  if (start === undefined) return false;
  return (period.after === undefined || start >= period.after) && (period.before === undefined || start < period.before);
}

/**
 * The `date-window` stage: a candidate whose article is outside `period` (or undated) has its
 * score multiplied by `outsideFactor` (default {@link DATE_WINDOW_OUTSIDE_FACTOR}), then the
 * candidates are sorted again. Nothing is removed, so a question still finds the nearest
 * passages. Insert it after `rerank`; `answerQuestion` does when given `period`. Linear in the candidates.
 *
 * @example insertStage(DEFAULT_STAGES, dateWindow({ after: '2020-01-01' }), { after: 'rerank' })
 */
export function dateWindow(period: DatePeriod, outsideFactor = DATE_WINDOW_OUTSIDE_FACTOR): RetrievalStage {
  return {
    name: 'date-window',
    run: (candidates, _question, { index }) =>
      candidates
        .map((candidate) => (isInPeriod(candidate.article, period) ? candidate : { ...candidate, score: candidate.score * outsideFactor }))
        .sort((a, b) => compareRanking(index, a, b)),
  };
}

/** "The latest": candidates scoring at least this share of the best one's count as comparably relevant… */
export const RECENCY_BAND = 0.85;
/** …and among them the newest article's score is raised by this share, the oldest's not at all (undated: not at all). */
export const RECENCY_BONUS = 0.15;

/**
 * The `prefer-recent` stage, for "the latest", "most recent": among the candidates scoring at
 * least `band` (default {@link RECENCY_BAND}) of the best score, a dated article's score is raised
 * by up to `bonus` (default {@link RECENCY_BONUS}), in proportion to how new its date is among
 * theirs (the newest the most, the oldest and undated ones not at all); then the candidates are
 * sorted again. Recency reorders comparably relevant passages only: a passage scoring less than
 * `band` of the best is never lifted past it. `answerQuestion` inserts it after `rerank` (after
 * `date-window` when there is one) when the question asks for the newest. Linear in the candidates.
 *
 * @example insertStage(DEFAULT_STAGES, recencyPreference(), { after: 'rerank' })
 */
export function recencyPreference(band = RECENCY_BAND, bonus = RECENCY_BONUS): RetrievalStage {
  return {
    name: 'prefer-recent',
    run: (candidates, _question, { index }) => {
      const top = candidates.reduce((best, candidate) => Math.max(best, candidate.score), 0);
      const comparable = (score: number): boolean => top > 0 && score >= band * top;
      const dates = [...new Set(candidates.flatMap((candidate) => (comparable(candidate.score) ? (startOfPeriod(candidate.article.date ?? '') ?? []) : [])))].sort();
      if (dates.length < 2) return candidates;
      const newness = (candidate: Candidate): number => {
        const start = startOfPeriod(candidate.article.date ?? '');
        return start === undefined ? 0 : dates.indexOf(start) / (dates.length - 1);
      };
      return candidates
        .map((candidate) => (comparable(candidate.score) ? { ...candidate, score: candidate.score * (1 + bonus * newness(candidate)) } : candidate))
        .sort((a, b) => compareRanking(index, a, b));
    },
  };
}
