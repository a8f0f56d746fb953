/**
 * `npm run cli -- gaps` and the console's `/gaps`: the questions the corpus could not answer and
 * the answers voted unhelpful, as text, as one JSON object (`--json`), or as a question file for
 * `npm run eval` (`--questions`: one `{ "q" }` per line).
 */
import type { GapsReport } from '../questionMemory.js';

/** `--json`: exactly this shape (README, "JSON shapes"; every field in docs/json.md). */
export interface GapsJson {
  /** The first day counted (`YYYY-MM-DD`), or null for every record kept. */
  readonly since: string | null;
  readonly declined: ReadonlyArray<{ readonly question: string; readonly count: number; readonly last: string; readonly nearest: string | null }>;
  readonly unhelpful: ReadonlyArray<{
    readonly question: string;
    readonly count: number;
    readonly helpful: number;
    readonly unhelpful: number;
    readonly articleIds: readonly string[];
  }>;
}

/** The report as `--json` prints it; `last` is an ISO 8601 time in UTC. */
export function gapsToJson(report: GapsReport, since: string | null): GapsJson {
  return {
    since,
    declined: report.declined.map((gap) => ({ question: gap.question, count: gap.count, last: new Date(gap.last).toISOString(), nearest: gap.nearest })),
    unhelpful: report.unhelpful.map((gap) => ({ question: gap.question, count: gap.count, helpful: gap.helpful, unhelpful: gap.unhelpful, articleIds: [...gap.articleIds] })),
  };
}

/**
 * The report's questions as a question file for `npm run eval` (`{"q": …}` per line): the
 * declined first, then those voted unhelpful, each question once. Empty when there are none.
 */
export function gapsToQuestionLines(report: GapsReport): string {
  const questions = [...new Set([...report.declined, ...report.unhelpful].map((gap) => gap.question))];
  return questions.map((q) => JSON.stringify({ q })).join('\n');
}

/** The report as text for a terminal: one block per kind, one line per wording. */
export function renderGapsText(report: GapsReport, since: string | null): string {
  const period = since === null ? 'in the records kept' : `since ${since}`;
  if (report.declined.length === 0 && report.unhelpful.length === 0) return `No question went unanswered and no answer was voted unhelpful ${period}.`;
  const day = (at: number): string => new Date(at).toISOString().slice(0, 10);
  const lines = [`What members asked that the corpus lacks, ${period} (most asked first):`];
  if (report.declined.length > 0) {
    lines.push('', `Declined (${report.declined.length}):`);
    for (const gap of report.declined) {
      lines.push(`  ${gap.count}× "${gap.question}" (last ${day(gap.last)}) — nearest: ${gap.nearest ?? 'none'}`);
    }
  }
  if (report.unhelpful.length > 0) {
    lines.push('', `Voted unhelpful (${report.unhelpful.length}):`);
    for (const gap of report.unhelpful) {
      const cited = gap.articleIds.length > 0 ? gap.articleIds.join(', ') : 'none';
      lines.push(`  ${gap.count}× "${gap.question}" (last ${day(gap.last)}) — 👎 ${gap.unhelpful} 👍 ${gap.helpful} — cited: ${cited}`);
    }
  }
  return lines.join('\n');
}
