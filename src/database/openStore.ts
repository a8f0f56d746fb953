/**
 * Opens the question memory from the settings: the store (SQLite by default, PostgreSQL when
 * `DATABASE_URL` is set), migrated; the recording queue in front of it; and retention, which
 * deletes records older than `RECORD_RETENTION_DAYS` at start and daily. With `RECORD_QUESTIONS=off`
 * nothing is opened. A database that is down at start does not stop the bot: it is warned about
 * once and the queue retries; only a database newer than the code is refused (it throws).
 */
import type { Config, DatabaseLocation } from '../config.js';
import { DatabaseTooNewError } from './migrations.js';
import { PostgresStore } from './postgresStore.js';
import type { QuestionStore } from './questionStore.js';
import { createRecordingQueue, type RecordingQueue, type RecordingQueueOptions, type RecordingReport } from './recordingQueue.js';
import { SqliteStore } from './sqliteStore.js';

const DAY_MS = 24 * 60 * 60 * 1_000;

/** What {@link openStore} reports; the composition root maps it to its logger. */
export interface StoreHooks {
  /** Warnings: the database unavailable (once per outage, whether a write or retention failed), records lost at close. */
  readonly warn: RecordingReport;
  /** Recording resumed after an outage, old records deleted. */
  readonly info?: RecordingReport;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  /** How often retention runs after the start. Default one day. */
  readonly retentionIntervalMs?: number;
  /** Passed to the queue (tests shorten the delays). */
  readonly queue?: Omit<RecordingQueueOptions, 'store' | 'warn' | 'info'>;
}

/** An open question memory. */
export interface OpenedStore {
  readonly store: QuestionStore;
  /** Where the router and the console hand records: `enqueueQuestion`, `enqueueVote`, `flush`. */
  readonly queue: RecordingQueue;
  /**
   * The installation's salt for voter hashes (synchronous). Undefined only while the database has
   * been unreachable since the start: reading it then starts a background read, so a later vote finds it.
   */
  readonly salt: string | undefined;
  /** Deletes records older than the retention now; resolves with how many questions (0 when the database is unavailable: warned once, retried at the next run). */
  applyRetention(): Promise<number>;
  /** At shutdown: stops retention, flushes the queue (one attempt), closes the store. Never rejects. */
  close(): Promise<void>;
}

/** The store for a location, not yet migrated. */
export function createStore(location: DatabaseLocation): QuestionStore {
  return location.kind === 'postgres' ? new PostgresStore(location.url) : new SqliteStore(location.path);
}

/**
 * Opens the question memory, or resolves undefined when recording is off. Rejects only with
 * {@link DatabaseTooNewError} (a database newer than this code), whose message is for the operator.
 *
 * @example
 * const memory = await openStore(config, { warn: (message, fields) => log.warn(fields, message) });
 * memory?.queue.enqueueQuestion(record);
 * await memory?.close(); // at SIGTERM
 */
export async function openStore(config: Pick<Config, 'recordQuestions' | 'recordRetentionDays' | 'database'>, hooks: StoreHooks): Promise<OpenedStore | undefined> {
  if (!config.recordQuestions) return undefined;
  const now = hooks.now ?? Date.now;
  const store = createStore(config.database);
  const queue = createRecordingQueue({ ...hooks.queue, store, warn: hooks.warn, ...(hooks.info === undefined ? {} : { info: hooks.info }) });

  let salt: string | undefined;
  let available = true;
  try {
    await store.migrate();
    salt = await store.installationSalt();
  } catch (error) {
    if (error instanceof DatabaseTooNewError) {
      await store.close().catch(() => {});
      throw error;
    }
    available = false;
    queue.noteUnavailable(error);
  }

  const applyRetention = async (): Promise<number> => {
    const cutoff = now() - config.recordRetentionDays * DAY_MS;
    try {
      const deleted = await store.deleteOlderThan(cutoff);
      if (deleted > 0) hooks.info?.(`Deleted ${deleted.toLocaleString('en-US')} questions older than ${config.recordRetentionDays} days.`, queue.stats());
      return deleted;
    } catch (error) {
      // Reported as the queue reports a failed write: one warning per outage, however many things failed.
      queue.noteUnavailable(error);
      return 0;
    }
  };

  if (available) await applyRetention();
  const timer = setInterval(() => void applyRetention(), hooks.retentionIntervalMs ?? DAY_MS);
  timer.unref();

  let readingSalt: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  return {
    store,
    queue,
    get salt() {
      if (salt === undefined && readingSalt === undefined && closing === undefined) {
        readingSalt = store
          .installationSalt()
          .then((value) => {
            salt = value;
          })
          .catch(() => {})
          .finally(() => {
            readingSalt = undefined;
          });
      }
      return salt;
    },
    applyRetention,
    close() {
      closing ??= (async () => {
        clearInterval(timer);
        await readingSalt;
        await queue.close();
        await store.close().catch(() => {});
      })();
      return closing;
    },
  };
}
