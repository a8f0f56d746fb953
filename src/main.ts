/**
 * Dossier's composition root: reads the settings, loads and indexes the corpus, then connects to
 * Discord when a token is set, or opens the local console when not.
 */
import { runConsole } from './cli/console.js';
import { describeCorpusIssues, openCorpus } from './corpus/openCorpus.js';
import { startBot } from './discord/bot.js';
import { readConfigOrExit } from './environment.js';
import { createLogger } from './log.js';

/** How long shutdown waits for interactions in flight. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const config = readConfigOrExit();
const { index, issues } = await openCorpus(config.corpusPath);

if (config.discordToken === undefined) {
  for (const line of describeCorpusIssues(issues)) process.stderr.write(`corpus issue: ${line}\n`);
  process.stdout.write(`No DISCORD_TOKEN set: opening the local console on ${index.articles.length} articles (type /help, or a question).\n`);
  await runConsole(index, { input: process.stdin, output: process.stdout, color: process.stdout.isTTY === true });
} else {
  const log = createLogger({ level: config.logLevel, pretty: config.logPretty });
  for (const issue of issues) log.warn({ file: issue.file, reason: issue.reason }, 'corpus file skipped');
  log.info({ articles: index.articles.length, passages: index.passages.length, version: index.version }, 'corpus indexed');
  try {
    const bot = await startBot({
      token: config.discordToken,
      index,
      log,
      ...(config.discordApiBase ? { apiBase: config.discordApiBase } : {}),
      ...(config.discordClientId ? { clientId: config.discordClientId } : {}),
      ...(config.discordGuildId ? { guildId: config.discordGuildId } : {}),
    });
    let stopping = false;
    const shutdown = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down');
      bot.stop(SHUTDOWN_TIMEOUT_MS).then(
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
  } catch (error) {
    log.fatal({ err: error }, 'could not start the bot');
    log.flush();
    process.exitCode = 1;
  }
}
