/**
 * Answer quality on a question file:
 * `npm run eval -- --questions FILE [--corpus PATH] [--encoding latin1] [--articles REGEX] [--json] [--verbose]`.
 *
 * Question lines are JSON objects with `q` and one of:
 * - `titles` (the top citation's title should start with one of them) and/or `expect` (one of these
 *   phrases should appear in the answer or the top excerpt) — the development set's format;
 * - `articleIds` (the top citation should be one of them) — SQuAD's. For these, R@1, R@3 and MRR
 *   are printed for Dossier next to two baselines run in the same process on the same corpus, one
 *   document per article (`fields: ['title', 'text']`), searching the question as typed: plain
 *   MiniSearch with its defaults, and MiniSearch with Porter stemming and stop words (natural's
 *   stemmer and English list in `processTerm`), the best-ranking JavaScript library setting
 *   measured in the issue (R@1 0.785 on all 10,570 SQuAD dev questions);
 * - `abstain: true` (the corpus does not cover it: Dossier should decline).
 *
 * For questions with `expect` phrases, both baselines are also run over paragraphs (one document
 * per paragraph, titled with its article's title): the share whose top paragraph holds a phrase
 * stands next to Dossier's share whose answer or top passage does.
 *
 * When questions carry a `kind` (and a `half`, `tuning` or `held-out`), a table follows with, for
 * each kind and half: R@1 for Dossier and both baselines, the expected phrase found (Dossier's
 * answer or top excerpt; the baselines' top paragraph), answerable questions answered and
 * off-topic ones declined (bench/questions/README.md describes the kind files).
 *
 * `--corpus` may be given several times, to answer from one index over all of them (a large archive
 * made of the corpora at hand); the n-th `--encoding` applies to the n-th `--corpus` (utf-8 when
 * missing). `--scale N` indexes N copies of every article with distinct ids, as `npm run bench`
 * does: copies add passages but no vocabulary.
 *
 * Dossier answers with the word vectors the bot uses (`data/word-vectors.bin`, for related words);
 * `--vectors off` answers without them, `--vectors FILE` with another file. `--weight NAME=VALUE`
 * (repeatable) changes a re-ranking weight (`RerankWeights`), as `npm run tune` does.
 *
 * `--articles REGEX` keeps only the questions with an expected article id matching it (for
 * example `^squad-[0-4]-`, the questions on the first five SQuAD articles). `--json` prints one
 * object with every figure instead of the text.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import {
  answerQuestion,
  buildCorpusIndex,
  isQuestionProblem,
  parseEncodingName,
  resolveRerankWeights,
  type Answer,
  type Article,
  type CorpusIndex,
  type CorpusIssue,
  type RerankWeights,
} from '../src/core/index.js';
import { describeCorpusIssues, openCorpus } from '../src/corpus/openCorpus.js';
import { readCorpus } from '../src/storage/corpusFolder.js';
import { readWordVectorsFile } from '../src/storage/wordVectorsFile.js';
import {
  figuresByKindAndHalf,
  matchesArticle,
  rankAt,
  RANKED,
  ranking,
  rankingFigures,
  rankOfExpected,
  readQuestions,
  round,
  type GroupFigures,
  type Question,
  type QuestionOutcome,
  type Ranking,
  type RankingFigures,
  type Share,
} from './scoring.js';

interface Tally {
  count: number;
  passed: number;
}

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: '../shared/eval/dev-questions.jsonl' },
    corpus: { type: 'string', multiple: true, default: ['corpus'] },
    encoding: { type: 'string', multiple: true, default: ['utf-8'] },
    scale: { type: 'string', default: '1' },
    articles: { type: 'string' },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    limit: { type: 'string' },
    vectors: { type: 'string' },
    weight: { type: 'string', multiple: true, default: [] },
  },
});

const corpusPaths = values.corpus!;
const encodings = corpusPaths.map((_, position) => parseEncodingName(values.encoding![position] ?? 'utf-8'));
if (encodings.some((encoding) => encoding === undefined)) {
  process.stderr.write(`Unknown --encoding ${values.encoding!.join(', ')}: use utf-8 or latin1.\n`);
  process.exit(2);
}
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1) {
  process.stderr.write(`--scale must be a whole number from 1, not ${values.scale}.\n`);
  process.exit(2);
}
const rerank: Partial<Record<keyof RerankWeights, number>> = {};
for (const setting of values.weight!) {
  const [name = '', value = ''] = setting.split('=');
  rerank[name as keyof RerankWeights] = Number(value);
}
try {
  resolveRerankWeights(rerank);
} catch (error) {
  process.stderr.write(`--weight: ${(error as Error).message}\n`);
  process.exit(2);
}
const vectorsLoad = values.vectors === 'off' ? null : await readWordVectorsFile(values.vectors);
if (vectorsLoad?.kind === 'unavailable') process.stderr.write(`warning: ${vectorsLoad.reason}; answering without related words\n`);
const wordVectors = vectorsLoad?.kind === 'loaded' ? vectorsLoad.vectors : undefined;
const vectorsLine = `word vectors: ${wordVectors === undefined ? 'none' : `${vectorsLoad!.path} (${wordVectors.size} words)`}${values.weight!.length > 0 ? `; weights ${values.weight!.join(' ')}` : ''}`;
const articleFilter = values.articles === undefined ? null : new RegExp(values.articles, 'u');
const questions = (await readQuestions(values.questions!, articleFilter)).slice(0, values.limit === undefined ? undefined : Number(values.limit));
const started = performance.now();
const { index, issues } = corpusPaths.length === 1 && scale === 1 ? await openCorpus(corpusPaths[0]!, { encoding: encodings[0]! }) : await openCorpora();
const indexedIn = performance.now() - started;
for (const line of describeCorpusIssues(issues)) process.stderr.write(`corpus issue: ${line}\n`);

const tallies = { hitAt1: tally(), phrase: tally(), declined: tally(), answered: tally() };
const dossier = ranking();
const failures: string[] = [];
/** Dossier's result on each question, for the table by kind and half. */
const dossierResults = new Map<Question, { answered: boolean; rank?: number; phraseFound?: boolean }>();
const answeringStarted = performance.now();
for (const question of questions) {
  const result = await answerQuestion(index, question.q, { moreCitations: RANKED - 3, rerank, ...(wordVectors === undefined ? {} : { wordVectors }) });
  const answer: Answer | null = isQuestionProblem(result) ? null : result;
  const abstained = answer === null || answer.abstained;
  const outcome: { answered: boolean; rank?: number; phraseFound?: boolean } = { answered: !abstained };
  dossierResults.set(question, outcome);
  if (question.abstain) {
    record(tallies.declined, abstained, question, 'answered an off-topic question', answer);
    continue;
  }
  record(tallies.answered, !abstained, question, 'declined an answerable question', answer);
  const top = answer?.citations[0];
  if (question.articleIds) {
    const ranked = [...(answer?.citations ?? []), ...(answer?.moreCitations ?? [])];
    const rank = rankOfExpected(index, question, ranked);
    rankAt(dossier, rank);
    outcome.rank = rank;
    if (rank !== 1)
      failures.push(`  ${question.id ?? ''} ${question.q} — top citation is ${top?.articleId ?? 'missing'}${answer?.quote ? ` — quoted: ${answer.quote.text.slice(0, 100)}` : ''}`);
  } else if (question.titles) {
    const hit = top !== undefined && matchesArticle(index, question, top.articleId, top.title);
    record(tallies.hitAt1, hit, question, `top citation is ${top?.articleId ?? 'missing'}`, answer);
  }
  if (question.expect) {
    const haystack = `${answer?.quote?.text ?? ''}\n${top?.excerpt ?? ''}`.toLowerCase();
    const found = !abstained && question.expect.some((phrase) => haystack.includes(phrase.toLowerCase()));
    outcome.phraseFound = found;
    record(tallies.phrase, found, question, `no expected phrase (${question.expect.join(' | ')})`, answer);
  }
}
const answeringMs = performance.now() - answeringStarted;
const rankedQuestions = questions.filter((question) => question.articleIds);
const baseline = dossier.count > 0 ? runBaseline(index.articles, rankedQuestions, new MiniSearch<BaselineDocument>({ fields: ['title', 'text'] })) : null;
const stemmedBaseline =
  dossier.count > 0 ? runBaseline(index.articles, rankedQuestions, new MiniSearch<BaselineDocument>({ fields: ['title', 'text'], processTerm: stemmedTerm() })) : null;
const phraseQuestions = questions.filter((question) => question.expect && !question.abstain);
const paragraphs = phraseQuestions.length > 0 ? toParagraphs(index.articles) : [];
const paragraphBaselines =
  phraseQuestions.length > 0
    ? {
        plain: runParagraphBaseline(paragraphs, phraseQuestions, new MiniSearch<BaselineDocument>({ fields: ['title', 'text'] })),
        stemmed: runParagraphBaseline(paragraphs, phraseQuestions, new MiniSearch<BaselineDocument>({ fields: ['title', 'text'], processTerm: stemmedTerm() })),
      }
    : null;
const kindRows = questions.some((question) => question.kind !== undefined) ? figuresByKindAndHalf(questions.map(outcomeOf)) : null;

if (values.json) {
  const figures = {
    questions: { file: values.questions, count: questions.length, articles: values.articles ?? null },
    corpus: { articles: index.articles.length, passages: index.passages.length, version: index.version, indexedMs: Math.round(indexedIn) },
    wordVectors: wordVectors === undefined ? null : { file: vectorsLoad!.path, words: wordVectors.size },
    weights: rerank,
    dossier: {
      ...(dossier.count > 0 ? rankingFigures(dossier, 4) : {}),
      hitAt1: shareOf(tallies.hitAt1),
      expectedPhrase: shareOf(tallies.phrase),
      answered: shareOf(tallies.answered),
      declined: shareOf(tallies.declined),
      msPerQuestion: round(answeringMs / Math.max(1, questions.length)),
    },
    baseline:
      baseline === null
        ? null
        : {
            system: "MiniSearch defaults, fields ['title', 'text'], one document per article",
            ...rankingFigures(baseline.ranking, 4),
            msPerQuestion: round(baseline.ms / Math.max(1, baseline.ranking.count)),
          },
    stemmedBaseline:
      stemmedBaseline === null
        ? null
        : {
            system: "MiniSearch with Porter stemming and stop words, fields ['title', 'text'], one document per article",
            ...rankingFigures(stemmedBaseline.ranking, 4),
            msPerQuestion: round(stemmedBaseline.ms / Math.max(1, stemmedBaseline.ranking.count)),
          },
    paragraphBaselines:
      paragraphBaselines === null
        ? null
        : {
            system: "one document per paragraph (fields ['title', 'text']): expectedPhrase is the share whose top paragraph holds an expected phrase",
            plain: { expectedPhrase: shareOf(paragraphBaselines.plain) },
            stemmed: { expectedPhrase: shareOf(paragraphBaselines.stemmed) },
          },
    ...(kindRows === null ? {} : { byKind: kindRows }),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  const lines = [
    `questions: ${questions.length} from ${values.questions}${values.articles === undefined ? '' : ` (articles matching ${values.articles})`}`,
    `corpus: ${index.articles.length} articles, ${index.passages.length} passages (version ${index.version}), indexed in ${indexedIn.toFixed(0)} ms`,
    vectorsLine,
    share('hit@1 (top citation from an expected article)', tallies.hitAt1),
    ...(baseline === null || stemmedBaseline === null ? [] : rankingTable(dossier, baseline.ranking, stemmedBaseline.ranking)),
    share('expected phrase in the answer or top excerpt', tallies.phrase),
    paragraphBaselines === null
      ? ''
      : `  baselines, one document per paragraph, expected phrase in the top paragraph: MiniSearch ${describeShare(paragraphBaselines.plain)}, MiniSearch+stem ${describeShare(paragraphBaselines.stemmed)}`,
    share('answerable questions answered', tallies.answered),
    share('off-topic questions declined', tallies.declined),
    `answering: ${(answeringMs / Math.max(1, questions.length)).toFixed(2)} ms a question${
      baseline === null || stemmedBaseline === null
        ? ''
        : ` (MiniSearch ${(baseline.ms / Math.max(1, baseline.ranking.count)).toFixed(2)} ms, MiniSearch+stem ${(stemmedBaseline.ms / Math.max(1, stemmedBaseline.ranking.count)).toFixed(2)} ms)`
    }`,
  ];
  process.stdout.write(`${lines.filter((line) => line.length > 0).join('\n')}\n`);
  if (kindRows !== null) process.stdout.write(`\nby kind and half:\n${kindTable(kindRows).join('\n')}\n`);
  if (failures.length > 0) process.stdout.write(`\nmisses (${failures.length}):\n${failures.slice(0, values.verbose ? undefined : 20).join('\n')}\n`);
}

/** One index over every `--corpus` (each read with its `--encoding`), every article `--scale` times with distinct ids. */
async function openCorpora(): Promise<{ index: CorpusIndex; issues: readonly CorpusIssue[] }> {
  const articles: Article[] = [];
  const issues: CorpusIssue[] = [];
  for (const [position, corpusPath] of corpusPaths.entries()) {
    const { corpus } = await readCorpus(corpusPath, { encoding: encodings[position]! });
    articles.push(...corpus.articles);
    issues.push(...corpus.issues);
  }
  const ids = new Set(articles.map((article) => article.id));
  if (ids.size < articles.length) {
    process.stderr.write('Two corpora hold articles with the same id: they cannot share one index.\n');
    process.exit(2);
  }
  const copies = articles.flatMap((article) => Array.from({ length: scale - 1 }, (_, copy) => ({ ...article, id: `${article.id}-copy-${copy + 2}` })));
  return { index: buildCorpusIndex([...articles, ...copies]), issues };
}

interface BaselineDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/** A baseline MiniSearch over the same articles, one document each, asked each question as typed. */
function runBaseline(
  articles: readonly Article[],
  asked: readonly Question[],
  search: MiniSearch<BaselineDocument>,
): { ranking: Ranking; ms: number; ranks: Map<Question, number> } {
  search.addAll(articles.map((article) => ({ id: article.id, title: article.title, text: article.text })));
  const result = ranking();
  const ranks = new Map<Question, number>();
  const baselineStarted = performance.now();
  for (const question of asked) {
    const ids = search
      .search(question.q)
      .slice(0, RANKED)
      .map((hit) => String(hit.id));
    const rank = ids.findIndex((id) => question.articleIds!.includes(id)) + 1;
    rankAt(result, rank);
    ranks.set(question, rank);
  }
  return { ranking: result, ms: performance.now() - baselineStarted, ranks };
}

/**
 * MiniSearch's `processTerm` as the issue measured its strongest library setting: lower case,
 * natural's English stop words dropped, the rest Porter-stemmed (loaded by deep path: natural's
 * entry point reads `.env` and prints).
 */
function stemmedTerm(): (term: string) => string | null {
  const require = createRequire(import.meta.url);
  const porterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
  const { words } = require('natural/lib/natural/util/stopwords.js') as { words: readonly string[] };
  const stopWords = new Set(words);
  return (term) => {
    const word = term.toLowerCase();
    return stopWords.has(word) ? null : porterStemmer.stem(word);
  };
}

/** Every article's paragraphs (split at blank lines), each a document titled with its article's title. */
function toParagraphs(articles: readonly Article[]): BaselineDocument[] {
  return articles.flatMap((article) =>
    article.text
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph.length > 0)
      .map((paragraph, position) => ({ id: `${article.id}#${position}`, title: article.title, text: paragraph })),
  );
}

/** A baseline MiniSearch over paragraphs: counts the questions whose top paragraph holds one of their expected phrases. */
function runParagraphBaseline(
  paragraphs: readonly BaselineDocument[],
  asked: readonly Question[],
  search: MiniSearch<BaselineDocument>,
): Tally & { found: Map<Question, boolean> } {
  search.addAll(paragraphs);
  const byId = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  const result = { ...tally(), found: new Map<Question, boolean>() };
  for (const question of asked) {
    const top = search.search(question.q)[0];
    const text = top === undefined ? '' : byId.get(String(top.id))!.text.toLowerCase();
    result.count += 1;
    const found = question.expect!.some((phrase) => text.includes(phrase.toLowerCase()));
    result.found.set(question, found);
    if (found) result.passed += 1;
  }
  return result;
}

function describeShare(target: Tally): string {
  return `${(target.passed / Math.max(1, target.count)).toFixed(3)} (${target.passed}/${target.count})`;
}

function tally(): Tally {
  return { count: 0, passed: 0 };
}

function rankingTable(ours: Ranking, plain: Ranking, stemmed: Ranking): string[] {
  const [a, b, c] = [ours, plain, stemmed].map((target) => rankingFigures(target)) as [RankingFigures, RankingFigures, RankingFigures];
  const row = (label: string, pick: (figures: RankingFigures) => number): string =>
    `${label.padEnd(46)}${pick(a).toFixed(3).padStart(8)}${pick(b).toFixed(3).padStart(12)}${pick(c).toFixed(3).padStart(18)}`;
  return [
    `${''.padEnd(46)}${'Dossier'.padStart(8)}${'MiniSearch'.padStart(12)}${'MiniSearch+stem'.padStart(18)}`,
    row('R@1 (top citation from an expected article)', (figures) => figures.r1),
    row('R@3 (an expected article among the citations)', (figures) => figures.r3),
    row(`MRR (first ${RANKED} results)`, (figures) => figures.mrr),
  ];
}

function record(target: Tally, passed: boolean, question: Question, why: string, answer: Answer | null): void {
  target.count += 1;
  if (passed) target.passed += 1;
  else failures.push(`  ${question.id ?? ''} ${question.q} — ${why}${answer?.quote ? ` — quoted: ${answer.quote.text.slice(0, 100)}` : ''}`);
}

function share(label: string, target: Tally): string {
  if (target.count === 0) return '';
  return `${label}: ${describeShare(target)}`;
}

function shareOf(target: Tally): { share: number; passed: number; count: number } | null {
  return target.count === 0 ? null : { share: round(target.passed / target.count, 4), passed: target.passed, count: target.count };
}

/** One question's result for Dossier and the baselines, as the table by kind and half counts it. */
function outcomeOf(question: Question): QuestionOutcome {
  const result = dossierResults.get(question)!;
  const outcome: QuestionOutcome = { kind: question.kind ?? '-', half: question.half ?? '-', abstain: question.abstain === true, answered: result.answered };
  const withRanks =
    result.rank === undefined || baseline === null || stemmedBaseline === null
      ? outcome
      : { ...outcome, ranks: { dossier: result.rank, plain: baseline.ranks.get(question) ?? 0, stemmed: stemmedBaseline.ranks.get(question) ?? 0 } };
  return result.phraseFound === undefined || paragraphBaselines === null
    ? withRanks
    : {
        ...withRanks,
        phrase: { dossier: result.phraseFound, plain: paragraphBaselines.plain.found.get(question) ?? false, stemmed: paragraphBaselines.stemmed.found.get(question) ?? false },
      };
}

/** The table by kind and half: R@1 and expected phrase for Dossier and both baselines, answered and declined (`-`: no such question in the group). */
function kindTable(rows: readonly GroupFigures[]): string[] {
  const figure = (target: Share): string => (target.count === 0 ? '-' : (target.passed / target.count).toFixed(3));
  const counted = (target: Share): string => (target.count === 0 ? '-' : `${target.passed}/${target.count}`);
  const header = ['kind', 'half', 'n', 'R@1', 'MiniSearch', '+stem', 'phrase', 'MiniSearch', '+stem', 'answered', 'declined'];
  const widths = [16, 9, 4, 7, 11, 7, 8, 11, 7, 10, 10];
  const line = (cells: readonly string[]): string => cells.map((cell, position) => (position < 2 ? cell.padEnd(widths[position]!) : cell.padStart(widths[position]!))).join('');
  return [
    line(header),
    ...rows.map((row) =>
      line([
        row.kind,
        row.half,
        String(row.count),
        figure(row.r1.dossier),
        figure(row.r1.plain),
        figure(row.r1.stemmed),
        figure(row.phrase.dossier),
        figure(row.phrase.plain),
        figure(row.phrase.stemmed),
        counted(row.answered),
        counted(row.declined),
      ]),
    ),
  ];
}
