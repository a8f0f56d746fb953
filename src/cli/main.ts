/**
 * The scriptable CLI: `ask`, `source`, `articles`, with `--json` for scripts.
 * `npm run --silent cli -- ask "Who replaced Brian Hook?" --json` prints one JSON object.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { corpusOptions, describeCorpusIssues, describeSnapshotProblem, openCorpus } from '../corpus/openCorpus.js';
import { readConfigOrExit } from '../environment.js';
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
  help                  show this help

Options:
  --json         print JSON (one object per answer or name; see README)
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
  if (!['ask', 'who', 'people', 'source', 'articles'].includes(command)) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }

  const config = readConfigOrExit({
    ...(parsed.values.corpus === undefined ? {} : { CORPUS_DIR: parsed.values.corpus }),
    ...(parsed.values.encoding === undefined ? {} : { CORPUS_ENCODING: parsed.values.encoding }),
  });
  const { index, issues, snapshot } = await openCorpus(config.corpusPath, corpusOptions(config));
  for (const line of describeCorpusIssues(issues)) process.stderr.write(`corpus issue: ${line}\n`);
  const problem = describeSnapshotProblem(snapshot);
  if (problem !== undefined) process.stderr.write(`${problem}\n`);
  const format: OutputFormat = parsed.values.json ? 'json' : 'text';
  const argument = rest.join(' ');

  if (command === 'articles') return print(articlesReply(index, format));
  if (command === 'people') return print(peopleReply(index, format));
  if (command === 'source') return print(sourceReply(index, argument, format));
  const reply = command === 'who' ? whoReply : askReply;
  if (rest.length > 0) return print(reply(index, argument, format));

  // One question (or name) per input line, answered in order in one process: a whole file at once.
  let allOk = true;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const reply = (command === 'who' ? whoReply : askReply)(index, line, format);
    allOk &&= reply.ok;
    process.stdout.write(format === 'json' ? `${reply.output}\n` : `${reply.output}\n\n`);
  }
  return allOk ? 0 : 1;
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
