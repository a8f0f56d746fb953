/**
 * The shared question store: PostgreSQL through a `pg` pool, for a bot whose shards run on several
 * hosts. Same schema and queries as SQLite (one migration history); a batch is one statement
 * (`unnest` of arrays), so a batch of 500 questions is one round trip. When the server is down,
 * calls reject (after at most {@link CONNECT_TIMEOUT_MS}) and the recording queue retries; the
 * pool reconnects by itself when it is back.
 */
import pg from 'pg';
import { type Migration, MIGRATIONS, type MigrationTarget, INSTALLATION_SALT_KEY, runMigrations } from './migrations.js';
import { type Query, SQL, lastVotes, queryActivity, queryDeclinedGaps, queryUnhelpfulGaps, questionColumns } from './queries.js';
import type { Activity, DeclinedGap, QuestionRecord, QuestionStore, UnhelpfulGap, VoteRecord } from './questionStore.js';

/** How long to wait for a connection before a call fails (the queue retries later). */
export const CONNECT_TIMEOUT_MS = 5_000;
/** Connections per process: writes come in batches from one queue, reads from moderators' commands. */
const POOL_SIZE = 4;
/** One lock number for migrations, so that hosts starting together migrate one after the other. */
const MIGRATION_LOCK = 1_701_700_017;

const INSERT_QUESTIONS = `INSERT INTO questions (id, asked_at, question, wording_key, place, outcome, corpus_version, article_ids, duration_ms)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[])
  ON CONFLICT (id) DO NOTHING`;
// A vote carries its answer's wording, so that /gaps counts votes by wording without a join.
const UPSERT_VOTES = `INSERT INTO votes (answer_id, voter_hash, helpful, voted_at, wording_key)
  SELECT v.answer_id, v.voter_hash, v.helpful, v.voted_at,
    (SELECT q.wording_key FROM questions q WHERE q.id = v.answer_id AND q.outcome = 'answered')
  FROM unnest($1::text[], $2::text[], $3::boolean[], $4::bigint[]) AS v (answer_id, voter_hash, helpful, voted_at)
  ON CONFLICT (answer_id, voter_hash) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`;

/** `?` placeholders (the shared SQL) numbered as PostgreSQL wants them (`$1`, `$2`…). */
export function numberPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/** The host, port and database of a URL, for messages: never the user or password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres (DATABASE_URL)';
  }
}

/**
 * A {@link QuestionStore} in PostgreSQL. Migrates lazily on first use (and again after a failed
 * attempt), so that a bot started while the server is down records once it is up.
 *
 * @example const store = new PostgresStore('postgres://dossier@db.internal/dossier'); await store.migrate();
 */
export class PostgresStore implements QuestionStore {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private migrated = false;
  private readonly where: string;

  /** @param migrations the history to apply (tests pass a shorter one to make an older database). */
  constructor(
    url: string,
    private readonly migrations: readonly Migration[] = MIGRATIONS,
  ) {
    this.where = describeDatabaseUrl(url);
    this.pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, idleTimeoutMillis: 30_000 });
    // An idle connection that the server closes (a restart) emits 'error' on the pool: without a
    // listener Node would crash the bot. The next query opens a fresh connection.
    this.pool.on('error', () => {});
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await runMigrations(this.migrationTarget(client), this.migrations);
      this.migrated = true;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      // A connection that failed is destroyed rather than returned to the pool (it may be broken).
      client.release(failure);
    }
  }

  async recordQuestions(records: readonly QuestionRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.ready();
    const columns: unknown[][] = Array.from({ length: 9 }, () => []);
    for (const record of records) {
      questionColumns(record).forEach((value, index) => {
        columns[index]?.push(value);
      });
    }
    await this.pool.query(INSERT_QUESTIONS, columns);
  }

  async recordVotes(votes: readonly VoteRecord[]): Promise<void> {
    if (votes.length === 0) return;
    await this.ready();
    const last = lastVotes(votes);
    await this.pool.query(UPSERT_VOTES, [
      last.map((vote) => vote.answerId),
      last.map((vote) => vote.voterHash),
      last.map((vote) => vote.helpful),
      last.map((vote) => Math.round(vote.votedAt)),
    ]);
  }

  async deleteOlderThan(cutoff: number): Promise<number> {
    await this.ready();
    const client = await this.pool.connect();
    let deleted = 0;
    try {
      await client.query('BEGIN');
      await client.query(numberPlaceholders(SQL.deleteOldVotes), [cutoff, cutoff]);
      deleted = (await client.query(numberPlaceholders(SQL.deleteOldQuestions), [cutoff])).rowCount ?? 0;
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      client.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    client.release();
    return deleted;
  }

  async declinedGaps(since: number, limit: number): Promise<DeclinedGap[]> {
    await this.ready();
    return queryDeclinedGaps(this.query, since, limit);
  }

  async unhelpfulGaps(since: number, limit: number): Promise<UnhelpfulGap[]> {
    await this.ready();
    return queryUnhelpfulGaps(this.query, since, limit);
  }

  async activity(since: number): Promise<Activity> {
    await this.ready();
    return queryActivity(this.query, since);
  }

  async installationSalt(): Promise<string> {
    const [row] = await (await this.readyQuery())(SQL.salt, [INSTALLATION_SALT_KEY]);
    if (row === undefined) throw new Error(`The question database (${this.where}) has no installation salt: its settings table was edited by hand.`);
    return String(row['value']);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private readonly query: Query = async (sql, params) => (await this.pool.query(numberPlaceholders(sql), [...params])).rows as Record<string, unknown>[];

  private async readyQuery(): Promise<Query> {
    await this.ready();
    return this.query;
  }

  private async ready(): Promise<void> {
    if (!this.migrated) await this.migrate();
  }

  private migrationTarget(client: pg.PoolClient): MigrationTarget {
    const run = async (sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> =>
      (await client.query(numberPlaceholders(sql), [...params])).rows as Record<string, unknown>[];
    return {
      where: this.where,
      run,
      hasTable: async (name) => (await client.query('SELECT to_regclass($1) AS name', [name])).rows[0]?.name !== null,
      transaction: async (work) => {
        await client.query('BEGIN');
        try {
          await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
          await work(run);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      },
    };
  }
}
