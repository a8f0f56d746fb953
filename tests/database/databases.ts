/**
 * The two backends the store's tests run against. SQLite: a fresh file in a temporary folder.
 * PostgreSQL: a fresh database on the server `TEST_DATABASE_URL` names (`.ci/run` starts one);
 * when it is unset the PostgreSQL cases fail under CI (`CI` set) and are skipped, with the reason
 * printed, elsewhere: they never pass without running.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseLocation } from '../../src/config.js';
import type { Migration } from '../../src/database/migrations.js';
import { MIGRATIONS } from '../../src/database/migrations.js';
import { PostgresStore } from '../../src/database/postgresStore.js';
import type { QuestionRecord, QuestionStore } from '../../src/database/questionStore.js';
import { SqliteStore } from '../../src/database/sqliteStore.js';

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL']?.trim() || undefined;
export const RUNNING_IN_CI = (process.env['CI'] ?? '').length > 0;
export const POSTGRES_MISSING = 'TEST_DATABASE_URL is unset: set it to a PostgreSQL server the tests may create databases on (.ci/run starts one)';

/** A fresh, empty database of one backend; `open` makes a store on it (several stores may share it). */
export interface TestDatabase {
  readonly location: DatabaseLocation;
  open(migrations?: readonly Migration[]): QuestionStore;
  /** Runs one raw SQL statement on the database (for hand-made states and checks); resolves with its rows. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Closes the stores it opened and deletes the database. */
  dispose(): Promise<void>;
}

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** Why it cannot run here, when it cannot. */
  readonly missing: string | undefined;
  create(): Promise<TestDatabase>;
}

const sqlite: Backend = {
  name: 'sqlite',
  missing: undefined,
  async create() {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-store-'));
    const path = join(folder, 'data', 'dossier.db');
    const stores: QuestionStore[] = [];
    return {
      location: { kind: 'sqlite', path },
      open(migrations = MIGRATIONS) {
        const store = new SqliteStore(path, migrations);
        stores.push(store);
        return store;
      },
      async query(sql) {
        const db = new Database(path);
        try {
          const statement = db.prepare(sql);
          if (statement.reader) return statement.all() as Record<string, unknown>[];
          statement.run();
          return [];
        } finally {
          db.close();
        }
      },
      async dispose() {
        for (const store of stores) await store.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  },
};

/** The URL of another database on the same server. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const postgres: Backend = {
  name: 'postgres',
  missing: TEST_DATABASE_URL === undefined ? POSTGRES_MISSING : undefined,
  async create() {
    if (TEST_DATABASE_URL === undefined) throw new Error(POSTGRES_MISSING);
    const name = `dossier_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = withDatabase(TEST_DATABASE_URL, name);
    const stores: QuestionStore[] = [];
    return {
      location: { kind: 'postgres', url },
      open(migrations = MIGRATIONS) {
        const store = new PostgresStore(url, migrations);
        stores.push(store);
        return store;
      },
      async query(sql) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(sql)).rows as Record<string, unknown>[];
        } finally {
          await client.end();
        }
      },
      async dispose() {
        for (const store of stores) await store.close().catch(() => {});
        const cleaner = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await cleaner.connect();
        await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleaner.end();
      },
    };
  },
};

export const BACKENDS: readonly Backend[] = [sqlite, postgres];

if (postgres.missing !== undefined && !RUNNING_IN_CI) {
  console.warn(`PostgreSQL store tests skipped: ${postgres.missing}.`);
}

/**
 * Whether a backend's cases run: yes when available; under CI a missing backend throws (the
 * suite fails loudly); locally it is skipped (the reason is printed above).
 */
export function runsHere(backend: Backend): boolean {
  if (backend.missing === undefined) return true;
  if (RUNNING_IN_CI) throw new Error(`The ${backend.name} store tests cannot run under CI: ${backend.missing}.`);
  return false;
}

const HOUR = 60 * 60 * 1_000;
/** A fixed "now" for the fixtures: 2026-11-30 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 30, 12);

let sequence = 0;
/** A question record as the router makes it, with real questions about the bundled corpus. */
export function question(overrides: Partial<QuestionRecord> & Pick<QuestionRecord, 'question' | 'wordingKey'>): QuestionRecord {
  sequence += 1;
  return {
    id: `q${sequence.toString().padStart(6, '0')}${randomBytes(4).toString('hex')}`,
    askedAt: NOW - HOUR,
    place: '123456789012345678',
    outcome: 'answered',
    corpusVersion: 'c0ffee12',
    articleIds: ['russia-iran-deepening-relationship'],
    durationMs: 42,
    ...overrides,
  };
}

export { HOUR };
