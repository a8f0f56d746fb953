/**
 * Dossier's composition root: reads the settings, loads the corpus and its index (from the
 * snapshot when it fits), then connects to Discord when a token is set, or opens the local
 * console when not. With `SHARDS` set, it starts discord.js's ShardingManager instead, which runs
 * this same program once per shard. The bot and the console record questions and votes in the
 * question database (`RECORD_QUESTIONS`, `DATABASE_PATH`/`DATABASE_URL`), opened and migrated
 * here, with retention; at SIGTERM what is queued is written before exit.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runConsole } from './cli/console.js';
import type { Config } from './config.js';
import { corpusOptions, describeCorpusIssues, describeSnapshotProblem, openCorpus, type OpenedCorpus } from './corpus/openCorpus.js';
import { createArticleAdder, type AddOutcome, type ArticleAdder, type UndoOutcome } from './corpus/addArticle.js';
import { buildIndexInThread, buildIndexOffThread, buildSnapshotOffThread } from './corpus/buildIndexOffThread.js';
import { LiveCorpus, type ReloadReport } from './corpus/liveCorpus.js';
import { startBot } from './discord/bot.js';
import { startShards } from './discord/shards.js';
import { readConfigOrExit } from './environment.js';
import { fetchPage } from './fetch/fetchPage.js';
import { createLogger, type Logger } from './log.js';
import { QuestionMemory } from './questionMemory.js';

/**
 * How a shard process exits when Discord refuses it for good (rejected token, refused intents):
 * the manager then stops every shard and exits 1 instead of respawning it. 78 is sysexits'
 * EX_CONFIG.
 */
const EXIT_SHARD_UNRECOVERABLE = 78;
/** How long shutdown waits for interactions in flight. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const config = readConfigOrExit();

if (config.discordToken === undefined) {
  const { index, issues, snapshot, files } = await openCorpus(config.corpusPath, corpusOptions(config));
  for (const line of describeCorpusIssues(issues)) process.stderr.write(`corpus issue: ${line}\n`);
  const problem = describeSnapshotProblem(snapshot);
  if (problem !== undefined) process.stderr.write(`${problem}\n`);
  process.stdout.write(`No DISCORD_TOKEN set: opening the local console on ${index.articles.length} articles (type /help, or a question).\n`);
  // Articles added with /add are served at once, as in the bot; the folder is not watched here.
  const corpus = new LiveCorpus(index, issues, { corpusPath: config.corpusPath, open: corpusOptions(config), buildIndex: buildIndexInThread, files });
  const adder = (await isFolder(config.corpusPath)) ? createAdder(config, corpus) : undefined;
  // The console has no logger: the question database's warnings go to standard error.
  const report = (message: string): void => void process.stderr.write(`${message}\n`);
  const recording = await openQuestionMemory(config, { warn: report, info: report, fatal: report });
  await runConsole(corpus, { input: process.stdin, output: process.stdout, color: process.stdout.isTTY === true }, adder, recording?.memory);
  await recording?.close();
  await corpus.close();
} else if (config.shards !== undefined) {
  await runShardManager(config, config.discordToken, config.shards);
} else {
  await runBot(config, config.discordToken);
}

async function runBot(config: Config, token: string): Promise<void> {
  const baseLog = createLogger({ level: config.logLevel, pretty: config.logPretty });
  const log = config.shardProcess ? baseLog.child({ shards: config.shardProcess.ids }) : baseLog;
  const opened = await openCorpus(config.corpusPath, corpusOptions(config));
  logOpenedCorpus(log, opened);
  const { index } = opened;
  if (index.articles.length === 0) {
    // A bot with nothing to quote would only ever say "not covered": refuse, so a supervisor shows it.
    log.fatal({ corpus: config.corpusPath }, 'no usable article in the corpus: fix the files listed above (npm run validate:corpus) or set CORPUS_DIR; not logging in');
    log.flush();
    process.exitCode = 1;
    return;
  }
  const corpus = new LiveCorpus(index, opened.issues, {
    corpusPath: config.corpusPath,
    open: corpusOptions(config),
    buildIndex: buildIndexOffThread,
    buildSnapshot: buildSnapshotOffThread,
    onReload: (report) => logReload(log, report),
    onSnapshotError: (error) => log.warn({ error }, 'index snapshot not saved after the reload: the next start rebuilds the index'),
    files: opened.files,
    onWatchError: (error) => log.warn({ err: error, corpus: config.corpusPath }, 'cannot watch the corpus for changes: use /reload after editing it'),
  });
  if (config.watchCorpus) corpus.watch();
  const recording = await openQuestionMemory(config, {
    warn: (message, fields) => log.warn(fields, message),
    info: (message, fields) => log.info(fields, message),
    fatal: (message) => {
      log.fatal(message);
      log.flush();
    },
  });
  if (recording !== undefined) log.info({ database: describeDatabase(config) }, 'recording questions and votes');
  try {
    const bot = await startBot({
      token,
      corpus,
      version: await readOwnVersion(),
      ...(recording ? { memory: recording.memory } : {}),
      log,
      // /add and Add to Dossier write to the corpus folder; a single-file corpus has nowhere to add.
      ...((await isFolder(config.corpusPath)) ? { adder: createAdder(config, corpus, log) } : {}),
      addRoleIds: config.addRoleIds,
      ...(config.discordApiBase ? { apiBase: config.discordApiBase } : {}),
      ...(config.discordClientId ? { clientId: config.discordClientId } : {}),
      ...(config.discordGuildId ? { guildId: config.discordGuildId } : {}),
      // Among shards, the first registers the guild's commands for all.
      registerGuildCommands: config.shardProcess === undefined || config.shardProcess.ids.includes(0),
      // A rejected token or refused intents, at login or later: the fatal line says what to fix;
      // exit 1 so that a supervisor shows it (a watched corpus would otherwise keep the process alive).
      onUnrecoverable: () => {
        log.flush();
        process.exit(config.shardProcess ? EXIT_SHARD_UNRECOVERABLE : 1);
      },
    });
    onShutdownSignal(log, async (timeoutMs) => {
      await corpus.close();
      await bot.stop(timeoutMs);
      // After the replies in flight: their records are queued; write them before exit.
      await recording?.close();
    });
  } catch (error) {
    log.fatal({ err: error }, 'could not start the bot');
    log.flush();
    process.exit(1);
  }
}

async function runShardManager(config: Config, token: string, shards: number | 'auto'): Promise<void> {
  const log = createLogger({ level: config.logLevel, pretty: config.logPretty }).child({ role: 'shard-manager' });
  // Built (or checked) once here, so that every shard restores the snapshot instead of building.
  logOpenedCorpus(log, await openCorpus(config.corpusPath, corpusOptions(config)));
  if (config.indexCache === 'off') log.warn('INDEX_CACHE_DIR=off: every shard builds the index itself');
  try {
    const running = await startShards({
      file: fileURLToPath(import.meta.url),
      token,
      shards,
      log,
      ...(config.discordApiBase ? { apiBase: config.discordApiBase } : {}),
      unrecoverableExitCode: EXIT_SHARD_UNRECOVERABLE,
      // Respawning a shard whose token was rejected would fail the same way, forever.
      onUnrecoverable: () => {
        log.flush();
        process.exit(1);
      },
    });
    log.info({ shards: running.count }, 'all shards ready');
    onShutdownSignal(log, () => running.stop());
  } catch (error) {
    log.fatal({ err: error }, 'could not start the shards');
    log.flush();
    process.exitCode = 1;
  }
}

/** Where the question database's messages go: the bot's logger, or the console's standard error. */
interface RecordingReports {
  readonly warn: (message: string, fields: object) => void;
  readonly info: (message: string, fields: object) => void;
  readonly fatal: (message: string) => void;
}

/**
 * Opens the question database (migrated, retention started) and the memory the front ends record
 * through; undefined when `RECORD_QUESTIONS=off`. A database that is down does not stop Dossier
 * (one warning, retried); one newer than this code does: exit 1 with the message saying so.
 */
async function openQuestionMemory(config: Config, reports: RecordingReports): Promise<{ readonly memory: QuestionMemory; close(): Promise<void> } | undefined> {
  if (!config.recordQuestions) return undefined;
  let opened;
  try {
    // Loaded only when recording: the database drivers take a moment to load.
    const { openStore } = await import('./database/openStore.js');
    opened = await openStore(config, { warn: reports.warn, info: reports.info });
  } catch (error) {
    reports.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  if (opened === undefined) return undefined;
  const store = opened;
  const memory = new QuestionMemory({
    sink: store.queue,
    store: store.store,
    salt: () => store.salt,
    onError: (error) => reports.warn('recording a question failed; the answer went on', { error: error instanceof Error ? error.message : String(error) }),
  });
  return { memory, close: () => store.close() };
}

/** The question database for a log line: the SQLite path, or `postgres` (its URL may hold a password). */
function describeDatabase(config: Config): string {
  return config.database.kind === 'sqlite' ? config.database.path : 'postgres';
}

function logOpenedCorpus(log: Logger, { index, issues, snapshot }: OpenedCorpus): void {
  for (const issue of issues) log.warn({ file: issue.file, kind: issue.kind, reason: issue.reason }, 'corpus file skipped');
  const problem = describeSnapshotProblem(snapshot);
  if (problem !== undefined) log.warn({ snapshot: snapshot.path }, problem);
  log.info(
    {
      articles: index.articles.length,
      passages: index.passages.length,
      version: index.version,
      index: snapshot.outcome === 'restored' ? 'restored from snapshot' : `built (${snapshot.reason})`,
      snapshot: snapshot.path,
      loadMs: Math.round(snapshot.timings.loadMs),
      indexMs: Math.round(snapshot.timings.indexMs),
      ...(snapshot.timings.saveMs === undefined ? {} : { saveMs: Math.round(snapshot.timings.saveMs) }),
    },
    'corpus indexed',
  );
}

/** One log line per reload: what changed, the version in service, and the corpus's issues. */
function logReload(log: Logger, report: ReloadReport): void {
  const fields = {
    trigger: report.trigger,
    outcome: report.outcome,
    previousVersion: report.previousVersion,
    version: report.version,
    added: report.changes.added,
    changed: report.changes.changed,
    removed: report.changes.removed,
    ...(report.keptFiles.length > 0 ? { keptPreviousVersion: report.keptFiles } : {}),
    issues: report.issues.map((issue) => `${issue.file}: ${issue.reason}`),
    ...(report.indexing === undefined ? {} : { indexing: report.indexing }),
    ms: Math.round(report.durationMs),
  };
  if (report.outcome === 'failed') log.error({ ...fields, error: report.error }, 'corpus reload failed: the previous corpus stays in service');
  else if (report.outcome === 'unchanged') log.info(fields, 'corpus reloaded: no article changed');
  else log.info(fields, 'corpus reloaded: new index in service');
  for (const file of report.keptFiles) log.warn({ file }, 'corpus file no longer parses: its previous version stays in service');
  if (report.snapshotError !== undefined) log.warn({ error: report.snapshotError }, 'index snapshot not saved after the reload: the next start rebuilds the index');
}

/** The adder of the corpus folder: fetches with the configured address rules; logs every outcome (refusals with their kind). */
function createAdder(config: Config, corpus: LiveCorpus, log?: Logger): ArticleAdder {
  return createArticleAdder({
    corpusFolder: config.corpusPath,
    corpus,
    fetchPage: (url) => fetchPage(url, { allowPrivate: config.fetchAllowPrivate }),
    onOutcome: (outcome, input) => log && logAddOutcome(log, outcome, input),
  });
}

function logAddOutcome(
  log: Logger,
  outcome: AddOutcome | UndoOutcome,
  input: { readonly kind: string; readonly url?: string; readonly name?: string; readonly file?: string },
): void {
  const asked = {
    input: input.kind,
    ...(input.url === undefined ? {} : { url: input.url }),
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.file === undefined ? {} : { file: input.file }),
  };
  if (outcome.kind === 'added') log.info({ ...asked, id: outcome.added.id, file: outcome.added.file, passages: outcome.added.passages }, 'article added');
  else if (outcome.kind === 'removed') log.info({ ...asked, file: outcome.file }, 'added article removed (undo)');
  else log.warn({ ...asked, ...('refusal' in outcome ? { refusal: outcome.refusal } : {}), reason: outcome.message }, 'article not added');
}

async function isFolder(corpusPath: string): Promise<boolean> {
  return stat(corpusPath).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/** Dossier's version, from its package.json (beside `src/` when run from sources, two levels up once built). */
async function readOwnVersion(): Promise<string> {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(await readFile(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'dossier' && manifest.version !== undefined) return manifest.version;
    } catch {
      // Not there: try the next place.
    }
  }
  return 'unknown';
}

/** On SIGTERM or SIGINT: stop (at most {@link SHUTDOWN_TIMEOUT_MS} for work in flight), then exit 0, or 1 if stopping failed. */
function onShutdownSignal(log: Logger, stop: (timeoutMs: number) => Promise<void>): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    stop(SHUTDOWN_TIMEOUT_MS).then(
      () => {
        log.flush();
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        log.flush();
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
