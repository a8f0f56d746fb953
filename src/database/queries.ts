/**
 * The queries both stores run, in the SQL SQLite and PostgreSQL share (`?` placeholders, which the
 * PostgreSQL store numbers), and the mapping of their rows to the store's records. Keeping one copy
 * keeps the two backends' behaviour the same.
 */
import type { Activity, DeclinedGap, QuestionRecord, UnhelpfulGap, VoteRecord } from './questionStore.js';

/** How many of a wording's most recent answers are read to rank the articles they cited. */
export const CITATION_SAMPLE = 100;

export const SQL = {
  declinedGroups: `SELECT wording_key, count(*) AS count, max(asked_at) AS last
    FROM questions WHERE outcome = 'declined' AND asked_at >= ?
    GROUP BY wording_key ORDER BY count DESC, last DESC, wording_key LIMIT ?`,
  lastAsked: `SELECT question, article_ids FROM questions
    WHERE outcome = ? AND wording_key = ? AND asked_at >= ? ORDER BY asked_at DESC LIMIT 1`,
  // Votes carry their answer's wording (copied when recorded), so this reads the votes index alone:
  // joining a million questions per vote took seconds (see docs/experiments.md).
  unhelpfulGroups: `SELECT wording_key,
      count(*) FILTER (WHERE helpful) AS helpful,
      count(*) FILTER (WHERE NOT helpful) AS unhelpful
    FROM votes WHERE voted_at >= ? AND wording_key IS NOT NULL
    GROUP BY wording_key
    HAVING count(*) FILTER (WHERE NOT helpful) > count(*) FILTER (WHERE helpful)
    ORDER BY unhelpful DESC, helpful, wording_key LIMIT ?`,
  answeredCount: `SELECT count(*) AS count, max(asked_at) AS last FROM questions
    WHERE outcome = 'answered' AND wording_key = ? AND asked_at >= ?`,
  answeredCitations: `SELECT article_ids FROM questions
    WHERE outcome = 'answered' AND wording_key = ? AND asked_at >= ? ORDER BY asked_at DESC LIMIT ${CITATION_SAMPLE}`,
  questionActivity: `SELECT count(*) AS questions, count(*) FILTER (WHERE outcome = 'answered') AS answered
    FROM questions WHERE asked_at >= ?`,
  voteActivity: `SELECT count(*) FILTER (WHERE helpful) AS helpful, count(*) FILTER (WHERE NOT helpful) AS unhelpful
    FROM votes WHERE voted_at >= ?`,
  deleteOldVotes: 'DELETE FROM votes WHERE voted_at < ? OR answer_id IN (SELECT id FROM questions WHERE asked_at < ?)',
  deleteOldQuestions: 'DELETE FROM questions WHERE asked_at < ?',
  salt: 'SELECT value FROM settings WHERE key = ?',
} as const;

/** A question's columns, in the order of the INSERT statements. */
export function questionColumns(record: QuestionRecord): [string, number, string, string, string, string, string, string, number] {
  return [
    record.id,
    Math.round(record.askedAt),
    record.question,
    record.wordingKey,
    record.place,
    record.outcome,
    record.corpusVersion,
    JSON.stringify(record.articleIds),
    Math.max(0, Math.round(record.durationMs)),
  ];
}

/** The votes of a batch, the last of each member and answer winning (a later vote replaces an earlier one). */
export function lastVotes(votes: readonly VoteRecord[]): VoteRecord[] {
  const byKey = new Map<string, VoteRecord>();
  for (const vote of votes) {
    const key = `${vote.answerId}\u0000${vote.voterHash}`;
    byKey.delete(key);
    byKey.set(key, vote);
  }
  return [...byKey.values()];
}

/** The article ids stored as a JSON array; anything else reads as none. */
export function parseArticleIds(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Counts come back as numbers (SQLite) or strings (PostgreSQL's BIGINT). */
export function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** The articles a wording's answers cited: distinct, most cited first (ties: cited most recently first). */
export function rankCitations(rows: readonly Record<string, unknown>[]): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const id of new Set(parseArticleIds(row['article_ids']))) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** Reads the questions behind a gap; each backend supplies how to run one query. */
export type Query = (sql: string, params: readonly unknown[]) => Promise<readonly Record<string, unknown>[]>;

/** Declined wordings since `since`, most asked first, with the last asking's question and nearest article. */
export async function queryDeclinedGaps(query: Query, since: number, limit: number): Promise<DeclinedGap[]> {
  const groups = await query(SQL.declinedGroups, [since, limit]);
  const gaps: DeclinedGap[] = [];
  for (const group of groups) {
    const wordingKey = String(group['wording_key']);
    const [last] = await query(SQL.lastAsked, ['declined', wordingKey, since]);
    gaps.push({
      question: String(last?.['question'] ?? wordingKey),
      wordingKey,
      count: toNumber(group['count']),
      last: toNumber(group['last']),
      nearest: parseArticleIds(last?.['article_ids'])[0] ?? null,
    });
  }
  return gaps;
}

/** Answered wordings voted more unhelpful than helpful since `since`, most unhelpful first. */
export async function queryUnhelpfulGaps(query: Query, since: number, limit: number): Promise<UnhelpfulGap[]> {
  const groups = await query(SQL.unhelpfulGroups, [since, limit]);
  const gaps: UnhelpfulGap[] = [];
  for (const group of groups) {
    const wordingKey = String(group['wording_key']);
    const [totals] = await query(SQL.answeredCount, [wordingKey, since]);
    const [last] = await query(SQL.lastAsked, ['answered', wordingKey, since]);
    const citations = await query(SQL.answeredCitations, [wordingKey, since]);
    gaps.push({
      question: String(last?.['question'] ?? wordingKey),
      wordingKey,
      count: toNumber(totals?.['count']),
      helpful: toNumber(group['helpful']),
      unhelpful: toNumber(group['unhelpful']),
      articleIds: rankCitations(citations),
      last: toNumber(totals?.['last']),
    });
  }
  return gaps;
}

/** Questions and votes since `since`. */
export async function queryActivity(query: Query, since: number): Promise<Activity> {
  const [questions] = await query(SQL.questionActivity, [since]);
  const [votes] = await query(SQL.voteActivity, [since]);
  return {
    questions: toNumber(questions?.['questions']),
    answered: toNumber(questions?.['answered']),
    helpful: toNumber(votes?.['helpful']),
    unhelpful: toNumber(votes?.['unhelpful']),
  };
}
