/**
 * The scriptable CLI: `ask`, `who`, `source`, `articles`, `add`, `export`, `gaps`, with `--json` for scripts.
 * `npm run --silent cli -- ask "Who replaced Brian Hook?" --json` prints one JSON object.
 */
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { startOfPeriod } from '../core/index.js';
import { createArticleAdder } from '../corpus/addArticle.js';
import { buildIndexInThread } from '../corpus/buildIndexOffThread.js';
import { LiveCorpus } from '../corpus/liveCorpus.js';
import { readCorpus } from '../storage/corpusFolder.js';
import { corpusOptions, describeCorpusIssues, describeSnapshotProblem, openCorpus } from '../corpus/openCorpus.js';
import { readConfigOrExit } from '../environment.js';
import { fetchPage } from '../fetch/fetchPage.js';
import { addFromArgument } from './addFromArgument.js';
import { gapsToJson, gapsToQuestionLines, renderGapsText } from './renderGaps.js';
import { addOutcomeToJson, articleToExportJson } from './renderJson.js';
import { renderAddText } from './renderText.js';
import { articlesReply, askReply, peopleReply, sourceReply, whoReply, type OutputFormat } from './replies.js';

const USAGE = `Usage: npm run cli -- <command> [arguments] [--json] [--corpus PATH] [--encoding latin1]

Commands:
  ask "question"        answer a question from the corpus, with citations
  ask                   answer one question per line of standard input
  who "name"            who a person is, according to the corpus
  who                   look up one name per line of standard input
  people                list the people the corpus names
  source "id or title"  show an article (by id, title or a few title words)
  articles              list the articles
  add URL|PATH          add an article: a web page's link, or a saved page (.html), .md, .txt or .jsonl file
  export                print the whole corpus as JSON lines (the loader's .jsonl form, plus "source")
  gaps                  the questions members asked that the corpus could not answer, and the
                        answers they voted unhelpful (from the question database; see README)
  help                  show this help

Options:
  --json         print JSON (one object per answer or name; see README)
  --after WHEN   ask: prefer articles dated on or after the start of WHEN (2020, 2020-08 or 2020-08-07)
  --before WHEN  ask: prefer articles dated before the start of WHEN
  --since DATE   gaps: only questions asked from DATE on (2026, 2026-11 or 2026-11-01)
  --questions    gaps: print the questions as a question file for npm run eval ({"q"} lines)
  --corpus PATH  corpus folder or file (default: CORPUS_DIR or ./corpus)
  --encoding ENC how the corpus files are encoded: utf-8 or latin1 (default: CORPUS_ENCODING or utf-8)`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        corpus: { type: 'string' },
        encoding: { type: 'string' },
        after: { type: 'string' },
        before: { type: 'string' },
        since: { type: 'string' },
        questions: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const [command = 'help', ...rest] = parsed.positionals;
  if (parsed.values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!['ask', 'who', 'people', 'source', 'articles', 'add', 'export', 'gaps'].includes(command)) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }

  const config = readConfigOrExit({
    ...(parsed.values.corpus === undefined ? {} : { CORPUS_DIR: parsed.values.corpus }),
    ...(parsed.values.encoding === undefined ? {} : { CORPUS_ENCODING: parsed.values.encoding }),
  });
  if (command === 'export') return exportCorpus(config);
  if (command === 'gaps') return printGaps(config, parsed.values.since, parsed.values.json ? 'json' : parsed.values.questions ? 'questions' : 'text');
  if (command === 'add') return addArticle(config, rest.join(' '), parsed.values.json ? 'json' : 'text');
  const { index, issues, snapshot } = await openCorpus(config.corpusPath, corpusOptions(config));
  for (const line of describeCorpusIssues(issues)) process.stderr.write(`corpus issue: ${line}\n`);
  const problem = describeSnapshotProblem(snapshot);
  if (problem !== undefined) process.stderr.write(`${problem}\n`);
  const format: OutputFormat = parsed.values.json ? 'json' : 'text';
  const argument = rest.join(' ');

  if (command === 'articles') return print(articlesReply(index, format));
  if (command === 'people') return print(peopleReply(index, format));
  if (command === 'source') return print(sourceReply(index, argument, format));
  const dates = { after: parsed.values.after, before: parsed.values.before };
  const reply = (line: string) => (command === 'who' ? whoReply(index, line, format) : askReply(index, line, format, undefined, dates));
  if (rest.length > 0) return print(await reply(argument));

  // One question (or name) per input line, answered in order in one process: a whole file at once.
  let allOk = true;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const answered = await reply(line);
    allOk &&= answered.ok;
    process.stdout.write(format === 'json' ? `${answered.output}\n` : `${answered.output}\n\n`);
  }
  return allOk ? 0 : 1;
}

/** `export`: every article as one JSON line, in corpus order; issues go to standard error. */
async function exportCorpus(config: Config): Promise<number> {
  const { corpus } = await readCorpus(config.corpusPath, corpusOptions(config));
  for (const line of describeCorpusIssues(corpus.issues)) process.stderr.write(`corpus issue: ${line}\n`);
  for (const article of corpus.articles) {
    if (!process.stdout.write(`${JSON.stringify(articleToExportJson(article))}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  return 0;
}

/** `add URL|PATH`: saves one article in the corpus folder and updates the index snapshot; exit 0 when added, 1 when refused. */
async function addArticle(config: Config, argument: string, format: OutputFormat): Promise<number> {
  const isFolder = await stat(config.corpusPath).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    const message = `The corpus ${config.corpusPath} is not a folder: articles are added to a corpus folder (--corpus DIR).`;
    process.stdout.write(`${format === 'json' ? JSON.stringify({ error: message, kind: 'read-only' }) : `Not added: ${message}`}\n`);
    return 1;
  }
  const opened = await openCorpus(config.corpusPath, corpusOptions(config));
  const corpus = new LiveCorpus(opened.index, opened.issues, { corpusPath: config.corpusPath, open: corpusOptions(config), buildIndex: buildIndexInThread, files: opened.files });
  const adder = createArticleAdder({ corpusFolder: config.corpusPath, corpus, fetchPage: (url) => fetchPage(url, { allowPrivate: config.fetchAllowPrivate }) });
  const outcome = await addFromArgument(adder, argument);
  // The snapshot of the updated index is written after the article is served: wait for it before exiting.
  await corpus.close();
  process.stdout.write(`${format === 'json' ? JSON.stringify(addOutcomeToJson(outcome)) : renderAddText(outcome)}\n`);
  return outcome.kind === 'added' ? 0 : 1;
}

/** Wordings read of each kind for `gaps`. */
const GAPS_LIMIT = 10_000;

/**
 * `gaps`: the declined wordings and the answers voted unhelpful since `--since`, from the
 * question database (read only: no retention runs, nothing is recorded). Exit 0 with the report,
 * 1 when recording is off or the database cannot be read, 2 for a bad date.
 */
async function printGaps(config: Config, sinceArgument: string | undefined, format: 'text' | 'json' | 'questions'): Promise<number> {
  const since = sinceArgument === undefined ? null : startOfPeriod(sinceArgument);
  if (since === undefined) {
    process.stderr.write(`--since: expected a year, YYYY-MM or YYYY-MM-DD, got "${(sinceArgument ?? '').slice(0, 40)}".\n`);
    return 2;
  }
  if (!config.recordQuestions) {
    process.stderr.write('Questions are not recorded (RECORD_QUESTIONS=off): there is no report.\n');
    return 1;
  }
  // Loaded only for this command: the database drivers take a moment to load.
  const { createStore } = await import('../database/openStore.js');
  const store = createStore(config.database);
  try {
    await store.migrate();
    const from = since === null ? 0 : Date.parse(`${since}T00:00:00Z`);
    const [declined, unhelpful] = await Promise.all([store.declinedGaps(from, GAPS_LIMIT), store.unhelpfulGaps(from, GAPS_LIMIT)]);
    const report = { declined, unhelpful };
    const output = format === 'json' ? JSON.stringify(gapsToJson(report, since)) : format === 'questions' ? gapsToQuestionLines(report) : renderGapsText(report, since);
    if (output.length > 0) process.stdout.write(`${output}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`The question database cannot be read: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await store.close().catch(() => undefined);
  }
}

function print(reply: { output: string; ok: boolean }): number {
  process.stdout.write(`${reply.output}\n`);
  return reply.ok ? 0 : 1;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`dossier: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
