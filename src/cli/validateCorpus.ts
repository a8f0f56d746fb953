/**
 * `npm run validate:corpus [-- PATH]`: lists every corpus file that cannot be used, with the
 * reason, and exits 1 when there is any (0 when the whole corpus loads).
 */
import { loadCorpus } from '../corpus/loadCorpus.js';
import { describeCorpusIssues } from '../corpus/openCorpus.js';
import { readConfigOrExit } from '../environment.js';

const [pathArgument] = process.argv.slice(2).filter((argument) => argument !== '--corpus');
const config = readConfigOrExit(pathArgument === undefined ? {} : { CORPUS_DIR: pathArgument });
try {
  const { articles, issues } = await loadCorpus(config.corpusPath);
  for (const line of describeCorpusIssues(issues)) process.stdout.write(`${line}\n`);
  process.stdout.write(`${config.corpusPath}: ${articles.length} article(s) usable, ${issues.length} issue(s)\n`);
  process.exitCode = issues.length > 0 ? 1 : 0;
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
