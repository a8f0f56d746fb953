/**
 * `npm run validate:corpus [-- PATH] [--encoding latin1] [--json]`: lists every corpus file that
 * cannot be used, with the reason, and exits 1 when there is any (0 when the whole corpus loads).
 * With `--json`: one object, `{ corpus, articles, issues: [{ file, kind, reason }] }`.
 */
import { parseArgs } from 'node:util';
import { readCorpus } from '../storage/corpusFolder.js';
import { describeCorpusIssues } from '../corpus/openCorpus.js';
import { readConfigOrExit } from '../environment.js';

const USAGE = 'Usage: npm run validate:corpus -- [PATH | --corpus PATH] [--encoding utf-8|latin1] [--json]';

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { corpus: { type: 'string' }, encoding: { type: 'string' }, json: { type: 'boolean' } } });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
}
const pathArgument = parsed.values.corpus ?? parsed.positionals[0];
const config = readConfigOrExit({
  ...(pathArgument === undefined ? {} : { CORPUS_DIR: pathArgument }),
  ...(parsed.values.encoding === undefined ? {} : { CORPUS_ENCODING: parsed.values.encoding }),
});
try {
  const { articles, issues } = (await readCorpus(config.corpusPath, config.corpusEncoding === undefined ? {} : { encoding: config.corpusEncoding })).corpus;
  if (parsed.values.json === true) {
    process.stdout.write(`${JSON.stringify({ corpus: config.corpusPath, articles: articles.length, issues })}\n`);
  } else {
    for (const line of describeCorpusIssues(issues)) process.stdout.write(`${line}\n`);
    process.stdout.write(`${config.corpusPath}: ${articles.length} article(s) usable, ${issues.length} issue(s)\n`);
  }
  process.exitCode = issues.length > 0 ? 1 : 0;
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
