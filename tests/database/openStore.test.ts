import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../src/database/migrations.js';
import { type OpenedStore, openStore } from '../../src/database/openStore.js';
import { BACKENDS, HOUR, NOW, question, runsHere, type TestDatabase } from './databases.js';

const DAY = 24 * HOUR;
const quiet = { warn: () => {} };

describe('openStore with recording off', () => {
  it('opens no database at all', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-off-'));
    const path = join(folder, 'data', 'dossier.db');
    const opened = await openStore({ recordQuestions: false, recordRetentionDays: 90, database: { kind: 'sqlite', path } }, quiet);
    expect([opened, existsSync(join(folder, 'data'))]).toEqual([undefined, false]);
    rmSync(folder, { recursive: true, force: true });
  });
});

describe('openStore on SQLite', () => {
  it('creates the database file and its folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-open-'));
    const path = join(folder, 'nested', 'data', 'dossier.db');
    const opened = await openStore({ recordQuestions: true, recordRetentionDays: 90, database: { kind: 'sqlite', path } }, quiet);
    await opened?.close();
    expect(existsSync(path)).toBe(true);
    rmSync(folder, { recursive: true, force: true });
  });

  it('goes on with one warning when the file cannot be created, keeping what is queued', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-open-'));
    writeFileSync(join(folder, 'data'), 'a file where the folder should be');
    const warnings: string[] = [];
    const opened = await openStore(
      { recordQuestions: true, recordRetentionDays: 90, database: { kind: 'sqlite', path: join(folder, 'data', 'dossier.db') } },
      { warn: (message) => warnings.push(message), queue: { retryMinMs: 10, retryMaxMs: 20 } },
    );
    opened?.queue.enqueueQuestion(question({ question: 'Who replaced Brian Hook?', wordingKey: 'brian hook replace' }));
    await opened?.queue.flush();
    expect([warnings.length, opened?.salt, opened?.queue.stats().pending]).toEqual([1, undefined, 1]);
    await opened?.close();
    rmSync(folder, { recursive: true, force: true });
  });
});

describe.each(BACKENDS)('openStore on $name', (backend) => {
  const runs = runsHere(backend);
  let database: TestDatabase | undefined;
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.close();
    await database?.dispose();
    opened = undefined;
    database = undefined;
  });

  const settings = (db: TestDatabase) => ({ recordQuestions: true, recordRetentionDays: 90, database: db.location });

  it.runIf(runs)('deletes the questions older than the retention at start', async () => {
    database = await backend.create();
    const before = database.open();
    await before.migrate();
    await before.recordQuestions([
      question({ question: 'Who replaced Brian Hook?', wordingKey: 'brian hook replace', askedAt: NOW - 91 * DAY }),
      question({ question: 'Who mediates between Russia and Iran?', wordingKey: 'iran mediate russia', askedAt: NOW - 89 * DAY }),
    ]);
    opened = await openStore(settings(database), { ...quiet, now: () => NOW });
    expect((await opened?.store.activity(0))?.questions).toBe(1);
  });

  it.runIf(runs)('deletes old questions again at each retention run while it is open', async () => {
    database = await backend.create();
    let now = NOW;
    opened = await openStore(settings(database), { ...quiet, now: () => now, retentionIntervalMs: 20 });
    await opened?.store.recordQuestions([question({ question: 'Who replaced Brian Hook?', wordingKey: 'brian hook replace', askedAt: NOW - DAY })]);
    now = NOW + 90 * DAY;
    for (let waited = 0; (await opened?.store.activity(0))?.questions !== 0 && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await opened?.store.activity(0))?.questions).toBe(0);
  });

  it.runIf(runs)('gives the installation salt to hash voters with', async () => {
    database = await backend.create();
    opened = await openStore(settings(database), quiet);
    expect(opened?.salt).toBe(await opened?.store.installationSalt());
  });

  it.runIf(runs)('refuses a database newer than the code', async () => {
    database = await backend.create();
    await database.open().migrate();
    await database.query("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', 0)");
    await expect(openStore(settings(database), quiet)).rejects.toThrow(DatabaseTooNewError);
  });
});
