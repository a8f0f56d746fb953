/**
 * Settings, read from the environment (and `.env`) by the entry points only, validated in one
 * place: every missing or malformed key is reported at once, by name, never with a secret's value.
 */
import { CORPUS_ENCODINGS, parseEncodingName, type CorpusEncoding } from './core/ingest/parseCorpus.js';

/** Log levels pino understands. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Dossier's settings, after validation. */
export interface Config {
  /** Folder, or single `.md`/`.txt`/`.jsonl` file, holding the corpus. Default `corpus`. */
  readonly corpusPath: string;
  /** How the corpus files are encoded, when declared; absent: UTF-8. */
  readonly corpusEncoding?: CorpusEncoding;
  /**
   * Where the index snapshot is kept: absent, beside the corpus (`<corpus>/.dossier-index.json`);
   * a folder path; or `off`, never saved nor loaded.
   */
  readonly indexCache?: { readonly folder: string } | 'off';
  /** Whether a running bot reloads the corpus when its files change (default true; `/reload` works either way). */
  readonly watchCorpus: boolean;
  /** Run under discord.js's ShardingManager with this many shards (`auto`: as Discord recommends). */
  readonly shards?: number | 'auto';
  /** Set when this process is a shard started by the ShardingManager (which sets `SHARDING_MANAGER`, `SHARDS` and `SHARD_COUNT`). */
  readonly shardProcess?: { readonly ids: readonly number[]; readonly count: number };
  /** The bot's token; without it, Dossier opens the local console instead of connecting. */
  readonly discordToken?: string;
  /** The application id, needed to deploy slash commands. */
  readonly discordClientId?: string;
  /** A guild to deploy commands to instantly (for testing); without it they are deployed globally. */
  readonly discordGuildId?: string;
  /** Another Discord API base (a proxy, or the fake Discord of the end-to-end test). */
  readonly discordApiBase?: string;
  /** Roles (ids) whose members may add articles besides those who can manage the server (`ADD_ROLES`). */
  readonly addRoleIds: readonly string[];
  /** Whether `/add` may fetch pages on loopback and private addresses (`FETCH_ALLOW_PRIVATE`: intranets and tests). */
  readonly fetchAllowPrivate: boolean;
  readonly logLevel: LogLevel;
  /** Human-readable logs instead of JSON lines. */
  readonly logPretty: boolean;
  /** Whether questions and votes are recorded (`RECORD_QUESTIONS`, default on); off: no database is opened at all. */
  readonly recordQuestions: boolean;
  /** How many days records are kept (`RECORD_RETENTION_DAYS`, default {@link DEFAULT_RETENTION_DAYS}). */
  readonly recordRetentionDays: number;
  /** Where records go: SQLite in one file (`DATABASE_PATH`, default `data/dossier.db`) unless `DATABASE_URL` names a PostgreSQL. */
  readonly database: DatabaseLocation;
}

/** The question database: an SQLite file, or a PostgreSQL shared by several hosts. */
export type DatabaseLocation = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

/** Records older than this many days are deleted, at start and daily. */
export const DEFAULT_RETENTION_DAYS = 90;
/** Longer than this is surely a typo (about 100 years). */
const MAX_RETENTION_DAYS = 36_500;

/** One problem with one setting. */
export interface ConfigProblem {
  readonly key: string;
  readonly message: string;
}

export type ConfigResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** What each setting means, for `.env.example` and error messages. */
export const SETTINGS = {
  DISCORD_TOKEN: 'the bot token (Developer Portal → your application → Bot → Reset Token); without it the local console opens',
  DISCORD_CLIENT_ID: 'the application id (Developer Portal → General Information), used by npm run deploy:commands',
  DISCORD_GUILD_ID: 'a server id to deploy the commands to instantly, for testing; leave empty to deploy globally',
  DISCORD_API_BASE: 'another Discord API base URL, e.g. a proxy; leave empty for Discord itself',
  CORPUS_DIR: 'the corpus folder, or one .md/.txt/.jsonl file; default corpus',
  CORPUS_ENCODING: `how the corpus files are encoded: ${CORPUS_ENCODINGS.join(' or ')} (files that are valid UTF-8 are still read as UTF-8); default utf-8`,
  CORPUS_WATCH: 'on to reload the corpus when its files change while the bot runs, off to reload only on /reload; default on',
  INDEX_CACHE_DIR: 'a folder for the index snapshot, or off to never save one; default beside the corpus (<corpus>/.dossier-index.json)',
  ADD_ROLES: 'role ids (comma-separated) whose members may /add articles, besides those who can manage the server; default none',
  FETCH_ALLOW_PRIVATE: 'true to let /add fetch pages on loopback and private addresses (an intranet, tests); default false: only public addresses',
  SHARDS: "run sharded under discord.js's ShardingManager: auto (as Discord recommends) or a number of shards; default one process, unsharded",
  RECORD_QUESTIONS: 'off to record no questions nor votes (then /gaps has nothing to show and no database is opened); default on',
  RECORD_RETENTION_DAYS: `how many days questions and votes are kept (older ones are deleted at start and daily), 1 to ${MAX_RETENTION_DAYS}; default ${DEFAULT_RETENTION_DAYS}`,
  DATABASE_PATH: 'the SQLite file where questions and votes are recorded, created with its folder; default data/dossier.db',
  DATABASE_URL: 'a PostgreSQL URL (postgres://user:password@host:5432/database) to record there instead of SQLite, when several hosts share one; default none',
  LOG_LEVEL: `one of ${LOG_LEVELS.join(', ')}; default info`,
  LOG_PRETTY: 'true for human-readable logs instead of JSON lines; default false',
} as const;

const SNOWFLAKE = /^\d{17,20}$/;
/** More shards than this is surely a typo (Discord recommends about one shard per 1,000 servers). */
const MAX_SHARDS = 1_000;

/**
 * Validates settings from an environment-like record. Pure: the caller passes `process.env`.
 * Empty values count as unset.
 *
 * @example loadConfig({ LOG_LEVEL: 'loud' }) // { ok: false, problems: [{ key: 'LOG_LEVEL', message: '…' }] }
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const problems: ConfigProblem[] = [];
  const read = (key: keyof typeof SETTINGS): string | undefined => {
    const value = env[key]?.trim();
    return value === undefined || value.length === 0 ? undefined : value;
  };

  const discordToken = read('DISCORD_TOKEN');
  if (discordToken !== undefined && /\s/.test(discordToken)) {
    problems.push({ key: 'DISCORD_TOKEN', message: 'must not contain spaces (value not shown)' });
  }
  const discordClientId = read('DISCORD_CLIENT_ID');
  if (discordClientId !== undefined && !SNOWFLAKE.test(discordClientId)) {
    problems.push({ key: 'DISCORD_CLIENT_ID', message: `must be a Discord id (17 to 20 digits), got "${discordClientId}"` });
  }
  const discordGuildId = read('DISCORD_GUILD_ID');
  if (discordGuildId !== undefined && !SNOWFLAKE.test(discordGuildId)) {
    problems.push({ key: 'DISCORD_GUILD_ID', message: `must be a Discord id (17 to 20 digits), got "${discordGuildId}"` });
  }
  const discordApiBase = read('DISCORD_API_BASE');
  if (discordApiBase !== undefined && !/^https?:\/\/[^\s/]+/.test(discordApiBase)) {
    problems.push({ key: 'DISCORD_API_BASE', message: `must be an http(s) URL, got "${discordApiBase}"` });
  }
  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push({ key: 'LOG_LEVEL', message: `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"` });
  }
  const logPretty = read('LOG_PRETTY') ?? 'false';
  if (!['true', 'false', '1', '0'].includes(logPretty)) {
    problems.push({ key: 'LOG_PRETTY', message: `must be true or false, got "${logPretty}"` });
  }
  const corpusEncodingLabel = read('CORPUS_ENCODING');
  const corpusEncoding = corpusEncodingLabel === undefined ? undefined : parseEncodingName(corpusEncodingLabel);
  if (corpusEncodingLabel !== undefined && corpusEncoding === undefined) {
    problems.push({ key: 'CORPUS_ENCODING', message: `must be ${CORPUS_ENCODINGS.join(' or ')}, got "${corpusEncodingLabel}"` });
  }
  const corpusWatch = (read('CORPUS_WATCH') ?? 'on').toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(corpusWatch)) {
    problems.push({ key: 'CORPUS_WATCH', message: `must be on or off, got "${corpusWatch}"` });
  }
  const indexCacheDir = read('INDEX_CACHE_DIR');
  // discord.js starts each shard with SHARDS set to that shard's id: not a setting to validate.
  const shardProcess = env['SHARDING_MANAGER'] === 'true' ? readShardProcess(env) : undefined;
  const shardsValue = shardProcess ? undefined : read('SHARDS');
  const shards = shardsValue === undefined || shardsValue === 'auto' ? shardsValue : /^\d+$/.test(shardsValue) ? Number(shardsValue) : Number.NaN;
  if (typeof shards === 'number' && !(shards >= 1 && shards <= MAX_SHARDS)) {
    problems.push({ key: 'SHARDS', message: `must be auto or a number of shards from 1 to ${MAX_SHARDS}, got "${shardsValue}"` });
  }
  const addRoles = (read('ADD_ROLES') ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role.length > 0);
  const badRoles = addRoles.filter((role) => !SNOWFLAKE.test(role));
  if (badRoles.length > 0) {
    problems.push({ key: 'ADD_ROLES', message: `must be role ids (17 to 20 digits) separated by commas, got "${badRoles.join(', ')}"` });
  }
  const fetchAllowPrivate = (read('FETCH_ALLOW_PRIVATE') ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(fetchAllowPrivate)) {
    problems.push({ key: 'FETCH_ALLOW_PRIVATE', message: `must be true or false, got "${fetchAllowPrivate}"` });
  }
  const recordQuestions = (read('RECORD_QUESTIONS') ?? 'on').toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(recordQuestions)) {
    problems.push({ key: 'RECORD_QUESTIONS', message: `must be on or off, got "${recordQuestions}"` });
  }
  const retentionValue = read('RECORD_RETENTION_DAYS');
  const recordRetentionDays = retentionValue === undefined ? DEFAULT_RETENTION_DAYS : /^\d+$/.test(retentionValue) ? Number(retentionValue) : Number.NaN;
  if (!(recordRetentionDays >= 1 && recordRetentionDays <= MAX_RETENTION_DAYS)) {
    problems.push({ key: 'RECORD_RETENTION_DAYS', message: `must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, got "${retentionValue}"` });
  }
  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl)) {
    // The URL may hold a password: never echoed.
    problems.push({ key: 'DATABASE_URL', message: 'must be a PostgreSQL URL starting with postgres:// or postgresql:// (value not shown)' });
  }
  const databasePath = read('DATABASE_PATH');
  if (databasePath !== undefined && databaseUrl !== undefined) {
    problems.push({ key: 'DATABASE_PATH', message: 'cannot be set together with DATABASE_URL: choose SQLite (DATABASE_PATH) or PostgreSQL (DATABASE_URL)' });
  }
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    config: {
      corpusPath: read('CORPUS_DIR') ?? 'corpus',
      ...(corpusEncoding === undefined ? {} : { corpusEncoding }),
      ...(indexCacheDir === undefined ? {} : { indexCache: indexCacheDir.toLowerCase() === 'off' ? ('off' as const) : { folder: indexCacheDir } }),
      watchCorpus: ['on', 'true', '1'].includes(corpusWatch),
      ...(shards === undefined ? {} : { shards }),
      ...(shardProcess === undefined ? {} : { shardProcess }),
      ...(discordToken === undefined ? {} : { discordToken }),
      ...(discordClientId === undefined ? {} : { discordClientId }),
      ...(discordGuildId === undefined ? {} : { discordGuildId }),
      ...(discordApiBase === undefined ? {} : { discordApiBase }),
      addRoleIds: addRoles,
      fetchAllowPrivate: fetchAllowPrivate === 'true' || fetchAllowPrivate === '1',
      logLevel: logLevel as LogLevel,
      logPretty: logPretty === 'true' || logPretty === '1',
      recordQuestions: ['on', 'true', '1'].includes(recordQuestions),
      recordRetentionDays,
      database: databaseUrl === undefined ? { kind: 'sqlite', path: databasePath ?? 'data/dossier.db' } : { kind: 'postgres', url: databaseUrl },
    },
  };
}

/** The shards discord.js gave this process: `SHARDS` is an id or a JSON list of ids. */
function readShardProcess(env: Readonly<Record<string, string | undefined>>): { ids: number[]; count: number } {
  let ids: unknown;
  try {
    ids = JSON.parse(env['SHARDS'] ?? '0');
  } catch {
    ids = 0;
  }
  return { ids: (Array.isArray(ids) ? ids : [ids]).filter((id): id is number => Number.isInteger(id)), count: Number(env['SHARD_COUNT'] ?? 1) };
}

/** One line per problem, for standard error. */
export function describeConfigProblems(problems: readonly ConfigProblem[]): string {
  return ['Configuration problems (see .env.example):', ...problems.map((problem) => `  ${problem.key}: ${problem.message}`)].join('\n');
}
