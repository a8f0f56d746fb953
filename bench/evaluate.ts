/**
 * Answer quality on a question file: `npm run eval -- --questions FILE [--corpus PATH] [--verbose]`.
 *
 * Question lines are JSON objects with `q` and one of:
 * - `titles` (the top citation's title should start with one of them) and/or `expect` (one of these
 *   phrases should appear in the answer or the top excerpt) — the development set's format;
 * - `articleIds` (the top citation should be one of them; R@3: among the citations) — SQuAD's;
 * - `abstain: true` (the corpus does not cover it: Dossier should decline).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { answerQuestion, isQuestionProblem, type Answer, type CorpusIndex } from '../src/core/index.js';
import { describeCorpusIssues, openCorpus } from '../src/corpus/openCorpus.js';

interface Question {
  readonly id?: string;
  readonly q: string;
  readonly titles?: readonly string[];
  readonly expect?: readonly string[];
  readonly articleIds?: readonly string[];
  readonly abstain?: boolean;
}

interface Tally {
  count: number;
  passed: number;
}

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: '../shared/eval/dev-questions.jsonl' },
    corpus: { type: 'string', default: 'corpus' },
    verbose: { type: 'boolean', default: false },
    limit: { type: 'string' },
  },
});

const questions = (await readFile(values.questions!, 'utf8'))
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as Question)
  .slice(0, values.limit === undefined ? undefined : Number(values.limit));
const started = performance.now();
const { index, issues } = await openCorpus(values.corpus!);
const indexedIn = performance.now() - started;
for (const line of describeCorpusIssues(issues)) process.stderr.write(`corpus issue: ${line}\n`);

const tallies = { hitAt1: tally(), recallAt3: tally(), phrase: tally(), declined: tally(), answered: tally() };
const failures: string[] = [];
const answeringStarted = performance.now();
for (const question of questions) {
  const result = answerQuestion(index, question.q);
  const answer: Answer | null = isQuestionProblem(result) ? null : result;
  const abstained = answer === null || answer.abstained;
  if (question.abstain) {
    record(tallies.declined, abstained, question, 'answered an off-topic question', answer);
    continue;
  }
  record(tallies.answered, !abstained, question, 'declined an answerable question', answer);
  const top = answer?.citations[0];
  if (question.titles || question.articleIds) {
    const hit = top !== undefined && matchesArticle(index, question, top.articleId, top.title);
    record(tallies.hitAt1, hit, question, `top citation is ${top?.articleId ?? 'missing'}`, answer);
  }
  if (question.articleIds) {
    const found = answer?.citations.some((citation) => matchesArticle(index, question, citation.articleId, citation.title)) ?? false;
    tallies.recallAt3.count += 1;
    if (found) tallies.recallAt3.passed += 1;
  }
  if (question.expect) {
    const haystack = `${answer?.quote?.text ?? ''}\n${top?.excerpt ?? ''}`.toLowerCase();
    const found = !abstained && question.expect.some((phrase) => haystack.includes(phrase.toLowerCase()));
    record(tallies.phrase, found, question, `no expected phrase (${question.expect.join(' | ')})`, answer);
  }
}
const answeringMs = performance.now() - answeringStarted;

const lines = [
  `questions: ${questions.length} from ${values.questions}`,
  `corpus: ${index.articles.length} articles, ${index.passages.length} passages (version ${index.version}), indexed in ${indexedIn.toFixed(0)} ms`,
  share('hit@1 (top citation from an expected article)', tallies.hitAt1),
  share('R@3 (an expected article among the citations)', tallies.recallAt3),
  share('expected phrase in the answer or top excerpt', tallies.phrase),
  share('answerable questions answered', tallies.answered),
  share('off-topic questions declined', tallies.declined),
  `answering: ${(answeringMs / Math.max(1, questions.length)).toFixed(2)} ms a question`,
];
process.stdout.write(`${lines.filter((line) => line.length > 0).join('\n')}\n`);
if (failures.length > 0) process.stdout.write(`\nmisses (${failures.length}):\n${failures.slice(0, values.verbose ? undefined : 20).join('\n')}\n`);

function tally(): Tally {
  return { count: 0, passed: 0 };
}

function record(target: Tally, passed: boolean, question: Question, why: string, answer: Answer | null): void {
  target.count += 1;
  if (passed) target.passed += 1;
  else failures.push(`  ${question.id ?? ''} ${question.q} — ${why}${answer?.quote ? ` — quoted: ${answer.quote.text.slice(0, 100)}` : ''}`);
}

function matchesArticle(index: CorpusIndex, question: Question, articleId: string, title: string): boolean {
  if (question.articleIds?.includes(articleId)) return true;
  const group = index.duplicateGroupOf.get(articleId);
  const titles = [title, ...(group?.articleIds ?? []).map((id) => index.articleById.get(id)!.title)];
  return question.titles?.some((prefix) => titles.some((candidate) => candidate.toLowerCase().startsWith(prefix.toLowerCase()))) ?? false;
}

function share(label: string, target: Tally): string {
  if (target.count === 0) return '';
  return `${label}: ${(target.passed / target.count).toFixed(3)} (${target.passed}/${target.count})`;
}
