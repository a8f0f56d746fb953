/**
 * Dossier's composition root: reads the settings, loads and indexes the corpus, then connects to
 * Discord when a token is set, or opens the local console when not.
 */
import { runConsole } from './cli/console.js';
import { describeCorpusIssues, openCorpus } from './corpus/openCorpus.js';
import { readConfigOrExit } from './environment.js';

const config = readConfigOrExit();
const { index, issues } = await openCorpus(config.corpusPath);
for (const line of describeCorpusIssues(issues)) process.stderr.write(`corpus issue: ${line}\n`);

if (config.discordToken === undefined) {
  process.stdout.write(`No DISCORD_TOKEN set: opening the local console on ${index.articles.length} articles (type /help, or a question).\n`);
  await runConsole(index, { input: process.stdin, output: process.stdout, color: process.stdout.isTTY === true });
} else {
  process.stderr.write('DISCORD_TOKEN is set, but this build has no Discord adapter yet.\n');
  process.exitCode = 1;
}
