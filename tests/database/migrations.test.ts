import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, LATEST_VERSION, MIGRATIONS } from '../../src/database/migrations.js';
import { BACKENDS, question, runsHere, type TestDatabase } from './databases.js';

describe.each(BACKENDS)('the $name migrations', (backend) => {
  const runs = runsHere(backend);
  let database: TestDatabase;
  const versions = async (): Promise<number[]> => (await database.query('SELECT version FROM schema_version ORDER BY version')).map((row) => Number(row['version']));

  beforeEach(async () => {
    if (runs) database = await backend.create();
  });
  afterEach(async () => {
    if (runs) await database.dispose();
  });

  it.runIf(runs)('brings an empty database to the newest version, one row per step', async () => {
    await database.open().migrate();
    expect(await versions()).toEqual(MIGRATIONS.map((migration) => migration.version));
  });

  it.runIf(runs)('creates the installation salt with the first step', async () => {
    await database.open(MIGRATIONS.slice(0, 1)).migrate();
    expect((await database.query("SELECT value FROM settings WHERE key = 'installation_salt'")).length).toBe(1);
  });

  it.runIf(runs)('brings a database at version 1 to the newest, keeping its questions and salt', async () => {
    const older = database.open(MIGRATIONS.slice(0, 1));
    await older.migrate();
    const salt = await older.installationSalt();
    await older.recordQuestions([question({ question: 'Oil sanctions?', wordingKey: 'oil sanction', outcome: 'declined' })]);
    await older.close();

    const current = database.open();
    await current.migrate();
    expect([await versions(), (await current.declinedGaps(0, 10)).map((gap) => gap.question), await current.installationSalt()]).toEqual([[1, 2], ['Oil sanctions?'], salt]);
  });

  it.runIf(runs)('does nothing when the database is already at the newest version', async () => {
    await database.open().migrate();
    await database.open().migrate();
    expect(await versions()).toEqual([1, 2]);
  });

  it.runIf(runs)('refuses a database newer than the code with one clear message', async () => {
    await database.open().migrate();
    await database.query(`INSERT INTO schema_version (version, description, applied_at) VALUES (${LATEST_VERSION + 1}, 'from the future', 0)`);
    // Where: the file, or the server and database without the user or password.
    const where = database.location.kind === 'sqlite' ? database.location.path : expect.stringMatching(/^postgres:\/\/[^@]+\/dossier_test_/);
    await expect(database.open().migrate()).rejects.toThrow(DatabaseTooNewError);
    await expect(database.open().migrate()).rejects.toMatchObject({
      where,
      message: expect.stringContaining(
        `is at schema version ${LATEST_VERSION + 1}, but this Dossier knows versions up to ${LATEST_VERSION}: run a newer Dossier, or point DATABASE_PATH / DATABASE_URL at another database.`,
      ),
    });
  });

  it.runIf(runs && backend.name === 'postgres')('migrates once when two hosts start together', async () => {
    await Promise.all([database.open().migrate(), database.open().migrate(), database.open().migrate()]);
    expect(await versions()).toEqual([1, 2]);
  });

  it.runIf(runs)('rolls back every step of a migration that fails half-way', async () => {
    const failing = [...MIGRATIONS, { version: LATEST_VERSION + 1, description: 'broken', up: async () => Promise.reject(new Error('disk full')) }];
    await expect(database.open(failing).migrate()).rejects.toThrow('disk full');
    expect(await database.query("SELECT 1 FROM settings WHERE key = 'installation_salt'").catch(() => 'no table')).toBe('no table');
  });
});
