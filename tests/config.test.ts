import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeConfigProblems, loadConfig, SETTINGS } from '../src/config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gx1y2z.config-test-secret';

describe('loadConfig', () => {
  it('runs the console on the bundled corpus with an empty environment', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      config: {
        corpusPath: 'corpus',
        watchCorpus: true,
        addRoleIds: [],
        fetchAllowPrivate: false,
        logLevel: 'info',
        logPretty: false,
        recordQuestions: true,
        recordRetentionDays: 90,
        database: { kind: 'sqlite', path: 'data/dossier.db' },
      },
    });
  });

  it('reads every setting when all are valid', () => {
    const result = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_BASE: 'http://127.0.0.1:8080/api',
      CORPUS_DIR: 'articles',
      CORPUS_WATCH: 'off',
      ADD_ROLES: '223456789012345678',
      FETCH_ALLOW_PRIVATE: 'true',
      LOG_LEVEL: 'debug',
      LOG_PRETTY: 'true',
      RECORD_QUESTIONS: 'off',
      RECORD_RETENTION_DAYS: '30',
      DATABASE_URL: 'postgres://dossier:secret@db.internal:5432/dossier',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        corpusPath: 'articles',
        watchCorpus: false,
        discordToken: TOKEN,
        discordClientId: '123456789012345678',
        discordGuildId: '876543210987654321',
        discordApiBase: 'http://127.0.0.1:8080/api',
        addRoleIds: ['223456789012345678'],
        fetchAllowPrivate: true,
        logLevel: 'debug',
        logPretty: true,
        recordQuestions: false,
        recordRetentionDays: 30,
        database: { kind: 'postgres', url: 'postgres://dossier:secret@db.internal:5432/dossier' },
      },
    });
  });

  it('treats empty and blank values as unset', () => {
    const result = loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '   ', LOG_LEVEL: '' });
    expect(result).toEqual(loadConfig({}));
  });

  it('trims the spaces around a value', () => {
    const result = loadConfig({ DISCORD_TOKEN: ` ${TOKEN}\n`, LOG_LEVEL: ' warn ' });
    expect(result.ok && result.config.discordToken).toBe(TOKEN);
    expect(result.ok && result.config.logLevel).toBe('warn');
  });

  it('reports a CORPUS_WATCH that is neither on nor off', () => {
    expect(loadConfig({ CORPUS_WATCH: 'sometimes' })).toEqual({ ok: false, problems: [{ key: 'CORPUS_WATCH', message: 'must be on or off, got "sometimes"' }] });
  });

  it('accepts 1 and 0 for LOG_PRETTY', () => {
    const on = loadConfig({ LOG_PRETTY: '1' });
    const off = loadConfig({ LOG_PRETTY: '0' });
    expect(on.ok && on.config.logPretty).toBe(true);
    expect(off.ok && off.config.logPretty).toBe(false);
  });

  it('reports every malformed setting at once, by name', () => {
    const result = loadConfig({
      DISCORD_TOKEN: 'Bot abc def',
      DISCORD_CLIENT_ID: 'my-app',
      DISCORD_GUILD_ID: '12345',
      DISCORD_API_BASE: 'ftp://proxy',
      LOG_LEVEL: 'loud',
      LOG_PRETTY: 'yes',
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.key)).toEqual([
      'DISCORD_TOKEN',
      'DISCORD_CLIENT_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_API_BASE',
      'LOG_LEVEL',
      'LOG_PRETTY',
    ]);
  });

  it('names the offending value of a setting that is not secret', () => {
    const result = loadConfig({ LOG_LEVEL: 'loud', DISCORD_GUILD_ID: '12345' });
    expect(result.ok ? [] : result.problems).toEqual([
      { key: 'DISCORD_GUILD_ID', message: 'must be a Discord id (17 to 20 digits), got "12345"' },
      { key: 'LOG_LEVEL', message: 'must be one of fatal, error, warn, info, debug, trace, silent, got "loud"' },
    ]);
  });

  it('never echoes the token it rejects', () => {
    const secret = `${TOKEN} trailing-secret-part`;
    const result = loadConfig({ DISCORD_TOKEN: secret });
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result) + (result.ok ? '' : describeConfigProblems(result.problems));
    expect(text).toContain('DISCORD_TOKEN');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('trailing-secret-part');
  });

  it('ignores environment variables that are not its settings', () => {
    const result = loadConfig({ PATH: '/usr/bin', HOME: '/root', NODE_ENV: 'production' });
    expect(result).toEqual(loadConfig({}));
  });
});

describe('loadConfig: corpus encoding, index snapshot and shards', () => {
  it('reads a declared corpus encoding, by its usual names, in any case', () => {
    for (const [value, encoding] of [
      ['latin1', 'latin1'],
      ['ISO-8859-1', 'latin1'],
      ['windows-1252', 'latin1'],
      ['utf-8', 'utf-8'],
      ['UTF8', 'utf-8'],
    ] as const) {
      const result = loadConfig({ CORPUS_ENCODING: value });
      expect(result.ok && result.config.corpusEncoding, value).toBe(encoding);
    }
  });

  it('reports an encoding it cannot read, with the value', () => {
    expect(loadConfig({ CORPUS_ENCODING: 'utf-16' })).toEqual({ ok: false, problems: [{ key: 'CORPUS_ENCODING', message: 'must be utf-8 or latin1, got "utf-16"' }] });
  });

  it('keeps the index snapshot in a folder, or nowhere with off', () => {
    const folder = loadConfig({ INDEX_CACHE_DIR: '/var/cache/dossier' });
    expect(folder.ok && folder.config.indexCache).toEqual({ folder: '/var/cache/dossier' });
    const off = loadConfig({ INDEX_CACHE_DIR: 'OFF' });
    expect(off.ok && off.config.indexCache).toBe('off');
  });

  it('reads SHARDS as auto or a number of shards', () => {
    const auto = loadConfig({ SHARDS: 'auto' });
    expect(auto.ok && auto.config.shards).toBe('auto');
    const four = loadConfig({ SHARDS: '4' });
    expect(four.ok && four.config.shards).toBe(4);
  });

  it('reports a shard count that is not a whole number from 1 to 1,000', () => {
    for (const value of ['0', 'many', '2.5', '-1', '1001']) {
      expect(loadConfig({ SHARDS: value }), value).toEqual({
        ok: false,
        problems: [{ key: 'SHARDS', message: `must be auto or a number of shards from 1 to 1000, got "${value}"` }],
      });
    }
  });

  it('knows a shard process by what the ShardingManager sets, and does not take its shard id for a count', () => {
    const result = loadConfig({ SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '2', DISCORD_TOKEN: TOKEN });
    expect(result.ok && result.config.shardProcess).toEqual({ ids: [0], count: 2 });
    expect(result.ok && result.config.shards).toBeUndefined();
    const several = loadConfig({ SHARDING_MANAGER: 'true', SHARDS: '[2,3]', SHARD_COUNT: '4' });
    expect(several.ok && several.config.shardProcess).toEqual({ ids: [2, 3], count: 4 });
  });

  it('reports the new settings together with the others', () => {
    const result = loadConfig({ CORPUS_ENCODING: 'klingon', SHARDS: 'lots', LOG_LEVEL: 'loud' });
    expect(result.ok ? [] : result.problems.map((problem) => problem.key)).toEqual(['LOG_LEVEL', 'CORPUS_ENCODING', 'SHARDS']);
  });
});

describe('describeConfigProblems', () => {
  it('lists one problem a line under a heading that points to .env.example', () => {
    expect(
      describeConfigProblems([
        { key: 'LOG_LEVEL', message: 'must be one of fatal, error, warn, info, debug, trace, silent, got "loud"' },
        { key: 'LOG_PRETTY', message: 'must be true or false, got "yes"' },
      ]),
    ).toBe(
      'Configuration problems (see .env.example):\n  LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "loud"\n  LOG_PRETTY: must be true or false, got "yes"',
    );
  });
});

describe('who may add articles, and what may be fetched', () => {
  it('reads the roles that may add articles as a list of ids', () => {
    const result = loadConfig({ ADD_ROLES: '123456789012345678, 223456789012345678 ' });
    expect(result.ok && result.config.addRoleIds).toEqual(['123456789012345678', '223456789012345678']);
  });

  it('refuses a role that is a name instead of an id, naming it', () => {
    expect(loadConfig({ ADD_ROLES: '123456789012345678,Editors' })).toEqual({
      ok: false,
      problems: [{ key: 'ADD_ROLES', message: 'must be role ids (17 to 20 digits) separated by commas, got "Editors"' }],
    });
  });

  it('fetches only public addresses unless FETCH_ALLOW_PRIVATE is true', () => {
    const byDefault = loadConfig({});
    const allowed = loadConfig({ FETCH_ALLOW_PRIVATE: 'true' });
    expect([byDefault.ok && byDefault.config.fetchAllowPrivate, allowed.ok && allowed.config.fetchAllowPrivate]).toEqual([false, true]);
  });
});

describe('where questions are recorded', () => {
  it('records in the SQLite file DATABASE_PATH names', () => {
    const result = loadConfig({ DATABASE_PATH: '/var/lib/dossier/questions.db' });
    expect(result.ok && result.config.database).toEqual({ kind: 'sqlite', path: '/var/lib/dossier/questions.db' });
  });

  it('accepts a postgresql:// URL as well as postgres://', () => {
    const result = loadConfig({ DATABASE_URL: 'postgresql://dossier@127.0.0.1/dossier' });
    expect(result.ok && result.config.database).toEqual({ kind: 'postgres', url: 'postgresql://dossier@127.0.0.1/dossier' });
  });

  it('refuses a DATABASE_URL that is not PostgreSQL without echoing it, since it may hold a password', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/dossier' })).toEqual({
      ok: false,
      problems: [{ key: 'DATABASE_URL', message: 'must be a PostgreSQL URL starting with postgres:// or postgresql:// (value not shown)' }],
    });
  });

  it('refuses DATABASE_PATH and DATABASE_URL together', () => {
    expect(loadConfig({ DATABASE_PATH: 'data/dossier.db', DATABASE_URL: 'postgres://127.0.0.1/dossier' })).toEqual({
      ok: false,
      problems: [{ key: 'DATABASE_PATH', message: 'cannot be set together with DATABASE_URL: choose SQLite (DATABASE_PATH) or PostgreSQL (DATABASE_URL)' }],
    });
  });

  it('turns recording off with RECORD_QUESTIONS=off', () => {
    const result = loadConfig({ RECORD_QUESTIONS: 'off' });
    expect(result.ok && result.config.recordQuestions).toBe(false);
  });

  it('refuses a RECORD_QUESTIONS that is neither on nor off', () => {
    expect(loadConfig({ RECORD_QUESTIONS: 'sometimes' })).toEqual({ ok: false, problems: [{ key: 'RECORD_QUESTIONS', message: 'must be on or off, got "sometimes"' }] });
  });

  it('refuses a retention that is not a whole number of days', () => {
    expect(loadConfig({ RECORD_RETENTION_DAYS: '3 months' })).toEqual({
      ok: false,
      problems: [{ key: 'RECORD_RETENTION_DAYS', message: 'must be a whole number of days from 1 to 36500, got "3 months"' }],
    });
  });

  it('refuses a retention of zero days', () => {
    const result = loadConfig({ RECORD_RETENTION_DAYS: '0' });
    expect(result.ok ? [] : result.problems.map((problem) => problem.key)).toEqual(['RECORD_RETENTION_DAYS']);
  });
});

describe('SETTINGS', () => {
  it('documents every key loadConfig reads', () => {
    expect(Object.keys(SETTINGS).sort()).toEqual([
      'ADD_ROLES',
      'CORPUS_DIR',
      'CORPUS_ENCODING',
      'CORPUS_WATCH',
      'DATABASE_PATH',
      'DATABASE_URL',
      'DISCORD_API_BASE',
      'DISCORD_CLIENT_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_TOKEN',
      'FETCH_ALLOW_PRIVATE',
      'INDEX_CACHE_DIR',
      'LOG_LEVEL',
      'LOG_PRETTY',
      'RECORD_QUESTIONS',
      'RECORD_RETENTION_DAYS',
      'SHARDS',
    ]);
  });

  it('is what .env.example documents, key by key', async () => {
    const example = await readFile(new URL('../.env.example', import.meta.url), 'utf8');
    const keys = [...example.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]);
    expect(keys.sort()).toEqual(Object.keys(SETTINGS).sort());
  });
});
