/**
 * The database unavailable while questions keep coming: a read-only SQLite file, and a PostgreSQL
 * server stopped and started. Answers never wait for the database, so what is checked is that
 * every enqueue returns, one warning is given, and what waited is written once the database is back.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseLocation } from '../../src/config.js';
import { type OpenedStore, openStore } from '../../src/database/openStore.js';
import { SqliteStore } from '../../src/database/sqliteStore.js';
import { waitUntil } from '../support/waitUntil.js';
import { question, RUNNING_IN_CI } from './databases.js';
import { type OwnPostgres, ownPostgresMissing, startOwnPostgres } from './ownPostgres.js';

const QUEUE = { retryMinMs: 20, retryMaxMs: 200, flushIntervalMs: 20 };

const asked = (n: number) => question({ id: `answer-${n}`, question: `Who replaced Brian Hook? (${n})`, wordingKey: 'brian hook replace' });

/** Opens the memory with reports collected, as the bot does. */
async function openRecording(database: DatabaseLocation) {
  const warnings: string[] = [];
  const infos: string[] = [];
  const opened = await openStore(
    { recordQuestions: true, recordRetentionDays: 90, database },
    { warn: (message) => warnings.push(message), info: (message) => infos.push(message), queue: { ...QUEUE, maxPending: 50 } },
  );
  if (opened === undefined) throw new Error('recording is on');
  return { opened, warnings, infos };
}

/** Enqueues questions `from`…`to - 1` as a bot answering them would, a few milliseconds apart; counts enqueues that threw. */
async function askWhileDown(opened: OpenedStore, from: number, to: number): Promise<number> {
  let failed = 0;
  for (let n = from; n < to; n += 1) {
    try {
      opened.queue.enqueueQuestion(asked(n));
    } catch {
      failed += 1;
    }
    if (n % 10 === 0) await opened.queue.flush();
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return failed;
}

/**
 * Makes a file read-only: chmod for a user; for root (whom permissions do not stop), the
 * immutable attribute. Returns how to undo it, or undefined when neither works here.
 */
function makeReadOnly(path: string): (() => void) | undefined {
  const isRoot = process.getuid?.() === 0;
  try {
    if (isRoot) execFileSync('chattr', ['+i', path], { stdio: 'pipe' });
    else chmodSync(path, 0o444);
    closeSync(openSync(path, 'r+'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM' || (error as NodeJS.ErrnoException).code === 'EACCES') {
      return isRoot ? () => execFileSync('chattr', ['-i', path]) : () => chmodSync(path, 0o644);
    }
    return undefined;
  }
  return undefined;
}

describe('a read-only SQLite file', () => {
  let folder: string | undefined;
  let undo: (() => void) | undefined;
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    undo?.();
    await opened?.close();
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps accepting questions, warns once, drops only beyond its bound, and writes once the file is writable', async (context) => {
    folder = mkdtempSync(join(tmpdir(), 'dossier-readonly-'));
    const path = join(folder, 'dossier.db');
    const setup = new SqliteStore(path);
    await setup.migrate();
    await setup.close();
    undo = makeReadOnly(path);
    if (undo === undefined) {
      const reason = 'cannot make a file read-only here (root without chattr +i)';
      if (RUNNING_IN_CI) throw new Error(reason);
      console.warn(`Skipped: ${reason}.`);
      context.skip();
    }
    const recording = await openRecording({ kind: 'sqlite', path });
    opened = recording.opened;

    const failed = await askWhileDown(opened, 0, 80);
    expect([failed, recording.warnings.length, opened.queue.stats()]).toEqual([0, 1, { pending: 50, written: 0, dropped: 30, unavailable: true }]);

    undo?.();
    undo = undefined;
    await waitUntil(() => opened?.queue.stats().pending === 0);
    expect([(await opened.store.activity(0)).questions, recording.warnings.length, recording.infos]).toEqual([
      50,
      1,
      ['Recording questions resumed; 30 records were dropped while the database was unavailable.'],
    ]);
  });
});

describe('PostgreSQL stopped and started', () => {
  const missing = ownPostgresMissing();
  if (missing !== undefined && RUNNING_IN_CI) throw new Error(`The PostgreSQL stop/start test cannot run under CI: ${missing}.`);
  if (missing !== undefined) console.warn(`PostgreSQL stop/start test skipped: ${missing}.`);
  let cluster: OwnPostgres | undefined;
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.close();
    cluster?.destroy();
  });

  it.runIf(missing === undefined)('keeps accepting questions while the server is down and writes them after it is back', { timeout: 90_000 }, async () => {
    cluster = await startOwnPostgres();
    const recording = await openRecording({ kind: 'postgres', url: cluster.url });
    opened = recording.opened;
    await askWhileDown(opened, 0, 20);
    await opened.queue.flush();

    cluster.stop();
    const failed = await askWhileDown(opened, 20, 60);
    const warningsWhileDown = recording.warnings.length;
    cluster.start();

    await waitUntil(() => opened?.queue.stats().pending === 0);
    expect([failed, warningsWhileDown, (await opened.store.activity(0)).questions, opened.queue.stats().dropped]).toEqual([0, 1, 60, 0]);
  });
});
