/**
 * One migration history for both databases (SQLite and PostgreSQL). The statements are written in
 * the SQL both accept (`BIGINT`, `BOOLEAN`, `TEXT`, `?` placeholders that the PostgreSQL store
 * numbers), so the two schemas are the same. A `schema_version` table holds one row per applied
 * migration; migrations run at start inside one transaction, and a database newer than the code
 * is refused with {@link DatabaseTooNewError}.
 */
import { randomBytes } from 'node:crypto';

/** Runs one statement inside the migration's transaction; resolves with its rows (empty for DDL). */
export type RunStatement = (sql: string, params?: readonly unknown[]) => Promise<readonly Record<string, unknown>[]>;

/** One step of the history. Steps never change once released: a change is a new step. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  up(run: RunStatement): Promise<void>;
}

/** The key of the installation's salt in the `settings` table. */
export const INSTALLATION_SALT_KEY = 'installation_salt';

/** The history, oldest first. `version` counts from 1 without gaps. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'questions, votes, settings and the installation salt',
    async up(run) {
      await run('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
      await run('INSERT INTO settings (key, value) VALUES (?, ?)', [INSTALLATION_SALT_KEY, randomBytes(32).toString('base64url')]);
      await run(
        `CREATE TABLE questions (
          id TEXT PRIMARY KEY,
          asked_at BIGINT NOT NULL,
          question TEXT NOT NULL,
          wording_key TEXT NOT NULL,
          place TEXT NOT NULL,
          outcome TEXT NOT NULL,
          corpus_version TEXT NOT NULL,
          article_ids TEXT NOT NULL,
          duration_ms BIGINT NOT NULL
        )`,
      );
      await run(
        `CREATE TABLE votes (
          answer_id TEXT NOT NULL,
          voter_hash TEXT NOT NULL,
          helpful BOOLEAN NOT NULL,
          voted_at BIGINT NOT NULL,
          wording_key TEXT,
          PRIMARY KEY (answer_id, voter_hash)
        )`,
      );
    },
  },
  {
    version: 2,
    description: 'indexes for /gaps, /status and retention',
    async up(run) {
      // /gaps groups one outcome's questions by wording: this index is read alone (covering), in wording order.
      await run('CREATE INDEX questions_by_outcome_wording ON questions (outcome, wording_key, asked_at)');
      // /status counts a period's questions; retention deletes the oldest.
      await run('CREATE INDEX questions_by_time ON questions (asked_at)');
      // /gaps counts a period's votes by wording, and /status a period's votes: read alone (covering).
      await run('CREATE INDEX votes_by_time ON votes (voted_at, wording_key, helpful)');
    },
  },
];

/** The newest version this code knows. */
export const LATEST_VERSION = MIGRATIONS.length;

/** A database whose schema is newer than this code: refused rather than misread. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly where: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The question database (${where}) is at schema version ${found}, but this Dossier knows versions up to ${known}: run a newer Dossier, or point DATABASE_PATH / DATABASE_URL at another database.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** What a store gives the migration runner. */
export interface MigrationTarget {
  /** For messages: the file, or the PostgreSQL host and database (never a password). */
  readonly where: string;
  /** Runs one statement outside any transaction (reads the current version cheaply). */
  run: RunStatement;
  /** Runs `work` in one transaction that excludes other migrators (rolled back if it throws). */
  transaction(work: (run: RunStatement) => Promise<void>): Promise<void>;
  /** Whether a table exists. */
  hasTable(name: string): Promise<boolean>;
}

const CREATE_SCHEMA_VERSION = 'CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)';

/**
 * Brings a database up to the newest version of `migrations`: reads the version, and when steps are
 * missing applies them all in one transaction (re-reading the version inside it, so two hosts
 * starting together apply each step once). Throws {@link DatabaseTooNewError} for a newer database.
 * Returns the version before and after.
 */
export async function runMigrations(target: MigrationTarget, migrations: readonly Migration[] = MIGRATIONS): Promise<{ from: number; to: number }> {
  const known = migrations.length;
  const readVersion = async (run: RunStatement): Promise<number> => {
    const rows = await run('SELECT max(version) AS version FROM schema_version');
    return Number(rows[0]?.['version'] ?? 0);
  };
  if (await target.hasTable('schema_version')) {
    const found = await readVersion(target.run);
    if (found > known) throw new DatabaseTooNewError(target.where, found, known);
    if (found === known) return { from: found, to: found };
  }
  let from = 0;
  await target.transaction(async (run) => {
    await run(CREATE_SCHEMA_VERSION);
    from = await readVersion(run);
    if (from > known) throw new DatabaseTooNewError(target.where, from, known);
    for (const migration of migrations.slice(from)) {
      await migration.up(run);
      await run('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)', [migration.version, migration.description, Date.now()]);
    }
  });
  return { from, to: known };
}
