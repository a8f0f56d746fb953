/**
 * Tries re-ranking weights on a question file with expected articles, without editing code:
 *
 *   npm run tune -- --questions FILE --corpus PATH [--encoding latin1] --weight NAME=V1,V2[,…] [--weight …]
 *                   [--tuning REGEX] [--held-out REGEX] [--json]
 *
 * Every combination of the listed values (a grid) is tried, with the other weights at their
 * defaults (`DEFAULT_RERANK_WEIGHTS`); the defaults themselves are always tried and marked `*`.
 * For each setting it prints R@1, R@3 and MRR (first 10 results) on the tuning half and on the
 * held-out half of the questions, scored as `npm run eval` scores them (bench/scoring.ts). The
 * halves are the questions whose expected article id matches `--tuning` (default `^squad-[0-4]-`,
 * the first five SQuAD articles) and `--held-out` (default `^squad-[5-9]-`, the next five): choose
 * on the tuning half, and keep a change only if the held-out half agrees.
 *
 * Example: npm run tune -- --questions ../shared/eval/squad/squad-dev-questions.jsonl
 *          --corpus ../shared/eval/squad/squad-corpus.jsonl --weight sentenceMatch=1.5,2,2.5
 */
import { parseArgs } from 'node:util';
import { answerQuestion, DEFAULT_RERANK_WEIGHTS, isQuestionProblem, parseEncodingName, RERANK_WEIGHT_NAMES, type CorpusIndex, type RerankWeights } from '../src/core/index.js';
import { describeCorpusIssues, openCorpus } from '../src/corpus/openCorpus.js';
import { hasArticleMatching, rankAt, RANKED, ranking, rankingFigures, rankOfExpected, readQuestions, round, type Question, type RankingFigures } from './scoring.js';

const USAGE = 'Usage: npm run tune -- --questions FILE --corpus PATH [--encoding utf-8|latin1] --weight NAME=V1,V2[,…] [--weight …] [--tuning REGEX] [--held-out REGEX] [--json]';

type WeightName = keyof RerankWeights;
type Setting = Partial<Record<WeightName, number>>;

const { values } = parseArgs({
  options: {
    questions: { type: 'string' },
    corpus: { type: 'string' },
    encoding: { type: 'string', default: 'utf-8' },
    weight: { type: 'string', multiple: true, default: [] },
    tuning: { type: 'string', default: '^squad-[0-4]-' },
    'held-out': { type: 'string', default: '^squad-[5-9]-' },
    json: { type: 'boolean', default: false },
  },
});

const problems: string[] = [];
const encoding = parseEncodingName(values.encoding!);
if (encoding === undefined) problems.push(`unknown --encoding "${values.encoding}": use utf-8 or latin1`);
if (values.questions === undefined) problems.push('--questions FILE is required');
if (values.corpus === undefined) problems.push('--corpus PATH is required');
const grid = readWeights(values.weight!);
const tuningFilter = readPattern('--tuning', values.tuning!);
const heldOutFilter = readPattern('--held-out', values['held-out']!);
if (problems.length > 0) {
  process.stderr.write(`${problems.map((problem) => `tune: ${problem}`).join('\n')}\n${USAGE}\n`);
  process.exit(2);
}

const questions = await readQuestions(values.questions!);
const tuning = questions.filter((question) => hasArticleMatching(question, tuningFilter!));
const heldOut = questions.filter((question) => hasArticleMatching(question, heldOutFilter!));
if (tuning.length === 0 || heldOut.length === 0) {
  process.stderr.write(`tune: ${tuning.length} tuning and ${heldOut.length} held-out questions: both halves need questions with articleIds matching --tuning and --held-out.\n`);
  process.exit(2);
}
const { index, issues } = await openCorpus(values.corpus!, { encoding: encoding! });
for (const line of describeCorpusIssues(issues)) process.stderr.write(`corpus issue: ${line}\n`);

const settings = withDefaults(combinations(grid));
const names = [...grid.keys()];
const rows: Array<{ setting: Setting; isDefault: boolean; tuning: RankingFigures; heldOut: RankingFigures }> = [];
if (!values.json) {
  process.stdout.write(`questions: ${tuning.length} tuning (${values.tuning}), ${heldOut.length} held out (${values['held-out']}), from ${values.questions}\n`);
  process.stdout.write(`corpus: ${index.articles.length} articles, ${index.passages.length} passages; other weights at their defaults; * the defaults\n`);
  process.stdout.write(`${header(names)}\n`);
}
for (const setting of settings) {
  const row = { setting, isDefault: isDefault(setting), tuning: await score(index, tuning, setting), heldOut: await score(index, heldOut, setting) };
  rows.push(row);
  if (!values.json) process.stdout.write(`${formatRow(names, row)}\n`);
}
if (values.json) {
  const round4 = (figures: RankingFigures): RankingFigures => ({ r1: round(figures.r1, 4), r3: round(figures.r3, 4), mrr: round(figures.mrr, 4), count: figures.count });
  process.stdout.write(
    `${JSON.stringify({ questions: values.questions, corpus: values.corpus, rows: rows.map((row) => ({ ...row, tuning: round4(row.tuning), heldOut: round4(row.heldOut) })) })}\n`,
  );
}

/** R@1, R@3 and MRR of Dossier's answers with `setting` over the weights, on `asked`. */
async function score(on: CorpusIndex, asked: readonly Question[], setting: Setting): Promise<RankingFigures> {
  const result = ranking();
  for (const question of asked) {
    const answer = await answerQuestion(on, question.q, { moreCitations: RANKED - 3, rerank: setting });
    const cited = isQuestionProblem(answer) ? [] : [...answer.citations, ...answer.moreCitations];
    rankAt(result, rankOfExpected(on, question, cited));
  }
  return rankingFigures(result);
}

/** `--weight name=1,2,3` options as a map from weight to the values to try; problems are collected. */
function readWeights(options: readonly string[]): Map<WeightName, number[]> {
  const weights = new Map<WeightName, number[]>();
  if (options.length === 0) problems.push('give at least one --weight NAME=V1,V2');
  for (const option of options) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(option.trim());
    const name = match?.[1];
    if (match === null || name === undefined || !(RERANK_WEIGHT_NAMES as readonly string[]).includes(name)) {
      problems.push(`--weight "${option}": expected NAME=V1,V2 with NAME one of ${RERANK_WEIGHT_NAMES.join(', ')}`);
      continue;
    }
    const numbers = match[2]!.split(',').map((value) => Number(value.trim()));
    if (numbers.some((value) => !Number.isFinite(value))) {
      problems.push(`--weight "${option}": the values must be numbers separated by commas`);
      continue;
    }
    if (weights.has(name as WeightName)) problems.push(`--weight ${name} is given twice`);
    weights.set(name as WeightName, [...new Set(numbers)]);
  }
  return weights;
}

function readPattern(option: string, pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    problems.push(`${option} "${pattern}" is not a regular expression`);
    return undefined;
  }
}

/** Every combination of the values listed, the first weight varying slowest. */
function combinations(weights: ReadonlyMap<WeightName, readonly number[]>): Setting[] {
  let settings: Setting[] = [{}];
  for (const [name, tried] of weights) settings = settings.flatMap((setting) => tried.map((value) => ({ ...setting, [name]: value })));
  return settings;
}

/** The settings, with the defaults added in their place (by the first weight's value) when the grid does not hold them. */
function withDefaults(settings: readonly Setting[]): Setting[] {
  if (settings.some(isDefault)) return [...settings];
  const defaults: Setting = Object.fromEntries([...grid.keys()].map((name) => [name, DEFAULT_RERANK_WEIGHTS[name]]));
  return [...settings, defaults].sort((a, b) => compareSettings(a, b));
}

function compareSettings(a: Setting, b: Setting): number {
  for (const name of grid.keys()) if (a[name] !== b[name]) return a[name]! - b[name]!;
  return 0;
}

function isDefault(setting: Setting): boolean {
  return Object.entries(setting).every(([name, value]) => DEFAULT_RERANK_WEIGHTS[name as WeightName] === value);
}

function header(weightNames: readonly string[]): string {
  return `  ${weightNames.map((name) => name.padStart(Math.max(8, name.length))).join(' ')}   ${'tuning R@1   R@3   MRR'.padStart(24)}   ${'held out R@1   R@3   MRR'}`;
}

function formatRow(weightNames: readonly WeightName[], row: { setting: Setting; isDefault: boolean; tuning: RankingFigures; heldOut: RankingFigures }): string {
  const figures = (ranked: RankingFigures): string => [ranked.r1, ranked.r3, ranked.mrr].map((value) => value.toFixed(3).padStart(6)).join('');
  const weights = weightNames.map((name) => String(row.setting[name]).padStart(Math.max(8, name.length))).join(' ');
  return `${row.isDefault ? '*' : ' '} ${weights}   ${' '.repeat(6)}${figures(row.tuning)}   ${' '.repeat(8)}${figures(row.heldOut)}`;
}
