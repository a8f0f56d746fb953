/**
 * The embedded question store: one SQLite file through better-sqlite3, in WAL mode (readers never
 * wait for the writer), each batch written in one transaction with prepared statements. The file
 * and its folder are created on first use. The connection is opened lazily and dropped after a
 * failed write, so that a file that was read-only (or a full disk) is reopened on the next attempt
 * and recording resumes when it is writable again.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type Migration, MIGRATIONS, type MigrationTarget, INSTALLATION_SALT_KEY, runMigrations } from './migrations.js';
import { type Query, SQL, lastVotes, queryActivity, queryDeclinedGaps, queryUnhelpfulGaps, questionColumns } from './queries.js';
import type { Activity, DeclinedGap, QuestionRecord, QuestionStore, UnhelpfulGap, VoteRecord } from './questionStore.js';

/** The default file, relative to the working folder. */
export const DEFAULT_DATABASE_PATH = 'data/dossier.db';

/** How long a write waits for another process's lock (several processes may share the file) before failing. */
const BUSY_TIMEOUT_MS = 5_000;

const INSERT_QUESTION = `INSERT INTO questions (id, asked_at, question, wording_key, place, outcome, corpus_version, article_ids, duration_ms)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;
// A vote carries its answer's wording, so that /gaps counts votes by wording without a join.
const UPSERT_VOTE = `INSERT INTO votes (answer_id, voter_hash, helpful, voted_at, wording_key)
  VALUES (?, ?, ?, ?, (SELECT wording_key FROM questions WHERE id = ? AND outcome = 'answered'))
  ON CONFLICT (answer_id, voter_hash) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`;

type Connection = Database.Database;

/**
 * A {@link QuestionStore} in one SQLite file. Every method is synchronous underneath (better-sqlite3),
 * wrapped in a promise for the common interface: a batch of 500 questions takes a few milliseconds.
 *
 * @example const store = new SqliteStore('data/dossier.db'); await store.migrate();
 */
export class SqliteStore implements QuestionStore {
  readonly kind = 'sqlite' as const;
  private connection: Connection | undefined;
  private migrated = false;
  /** Prepared statements of the open connection, by SQL text. */
  private statements = new Map<string, Database.Statement>();

  /** @param migrations the history to apply (tests pass a shorter one to make an older database). */
  constructor(
    readonly path: string = DEFAULT_DATABASE_PATH,
    private readonly migrations: readonly Migration[] = MIGRATIONS,
  ) {}

  async migrate(): Promise<void> {
    const db = this.open();
    try {
      await runMigrations(this.migrationTarget(db), this.migrations);
      this.migrated = true;
    } catch (error) {
      this.drop();
      throw error;
    }
  }

  async recordQuestions(records: readonly QuestionRecord[]): Promise<void> {
    if (records.length === 0) return;
    const db = await this.ready();
    this.write(db, () => {
      const insert = this.prepare(db, INSERT_QUESTION);
      for (const record of records) insert.run(...questionColumns(record));
    });
  }

  async recordVotes(votes: readonly VoteRecord[]): Promise<void> {
    if (votes.length === 0) return;
    const db = await this.ready();
    this.write(db, () => {
      const upsert = this.prepare(db, UPSERT_VOTE);
      for (const vote of lastVotes(votes)) upsert.run(vote.answerId, vote.voterHash, vote.helpful ? 1 : 0, Math.round(vote.votedAt), vote.answerId);
    });
  }

  async deleteOlderThan(cutoff: number): Promise<number> {
    const db = await this.ready();
    let deleted = 0;
    this.write(db, () => {
      this.prepare(db, SQL.deleteOldVotes).run(cutoff, cutoff);
      deleted = this.prepare(db, SQL.deleteOldQuestions).run(cutoff).changes;
    });
    return deleted;
  }

  async declinedGaps(since: number, limit: number): Promise<DeclinedGap[]> {
    return queryDeclinedGaps(this.query(await this.ready()), since, limit);
  }

  async unhelpfulGaps(since: number, limit: number): Promise<UnhelpfulGap[]> {
    return queryUnhelpfulGaps(this.query(await this.ready()), since, limit);
  }

  async activity(since: number): Promise<Activity> {
    return queryActivity(this.query(await this.ready()), since);
  }

  async installationSalt(): Promise<string> {
    const db = await this.ready();
    const row = this.prepare(db, SQL.salt).get(INSTALLATION_SALT_KEY) as { value: string } | undefined;
    if (row === undefined) throw new Error(`The question database (${this.path}) has no installation salt: its settings table was edited by hand.`);
    return row.value;
  }

  async close(): Promise<void> {
    this.drop();
  }

  /** The open, migrated connection (opening and migrating it when needed). */
  private async ready(): Promise<Connection> {
    if (!this.migrated || this.connection === undefined) await this.migrate();
    return this.connection as Connection;
  }

  private open(): Connection {
    if (this.connection !== undefined) return this.connection;
    if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
    const db = new Database(this.path, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL loses no committed transaction on a crash of the process, only on power loss.
      db.pragma('synchronous = NORMAL');
      // 64 MB of page cache (default 2 MB): indexes on random ids and wordings stay in memory at a million records.
      db.pragma('cache_size = -65536');
    } catch (error) {
      db.close();
      throw error;
    }
    this.connection = db;
    return db;
  }

  /** Forgets the connection: the next call reopens the file (it may have become writable). */
  private drop(): void {
    const db = this.connection;
    this.connection = undefined;
    this.migrated = false;
    this.statements = new Map();
    try {
      db?.close();
    } catch {
      // Closing a broken connection may fail; it is gone either way.
    }
  }

  /** Runs `work` in one transaction; a failure drops the connection before it is rethrown. */
  private write(db: Connection, work: () => void): void {
    try {
      db.transaction(work).immediate();
    } catch (error) {
      this.drop();
      throw error;
    }
  }

  private prepare(db: Connection, sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private query(db: Connection): Query {
    return async (sql, params) => this.prepare(db, sql).all(...params) as Record<string, unknown>[];
  }

  private migrationTarget(db: Connection): MigrationTarget {
    const run = async (sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
      statement.run(...params);
      return [];
    };
    return {
      where: this.path,
      run,
      hasTable: async (name) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined,
      transaction: async (work) => {
        db.exec('BEGIN IMMEDIATE');
        try {
          await work(run);
          db.exec('COMMIT');
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      },
    };
  }
}
