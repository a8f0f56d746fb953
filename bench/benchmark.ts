/**
 * Speed and memory: `npm run bench -- [--corpus PATH] [--questions FILE] [--rounds N]`.
 *
 * Prints index build time, heap growth and query latency (p50, p95) for Dossier's retrieval and,
 * in the same process on the same passages and questions, for a baseline: plain MiniSearch with
 * its default settings. Ratios are Dossier / baseline.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { analyzeQuery, answerQuestion, buildCorpusIndex, chunkArticle } from '../src/core/index.js';
import { loadCorpus } from '../src/corpus/loadCorpus.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    questions: { type: 'string', default: '../shared/eval/dev-questions.jsonl' },
    rounds: { type: 'string', default: '3' },
  },
});
const rounds = Number(values.rounds);

const { articles } = await loadCorpus(values.corpus!);
const questions = (await readFile(values.questions!, 'utf8'))
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => (JSON.parse(line) as { q: string }).q);

function heapUsed(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

function measure<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

function latencies(run: (question: string) => unknown): { p50: number; p95: number; mean: number } {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const question of questions) times.push(measure(() => run(question)).ms);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), mean: times.reduce((sum, time) => sum + time, 0) / Math.max(1, times.length) };
}

// Baseline first, so Dossier's run does not benefit from a warmer process.
const heapBeforeBaseline = heapUsed();
const baselineBuild = measure(() => {
  const passages = articles.flatMap((article) => chunkArticle(article));
  const search = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
  search.addAll(passages.map((passage) => ({ id: passage.id, text: passage.text })));
  return search;
});
const baselineHeap = heapUsed() - heapBeforeBaseline;
const baselineQueries = latencies((question) => baselineBuild.result.search(question).slice(0, 9));

const heapBeforeDossier = heapUsed();
const dossierBuild = measure(() => buildCorpusIndex(articles));
const dossierHeap = heapUsed() - heapBeforeDossier;
const dossierQueries = latencies((question) => answerQuestion(dossierBuild.result, question));
const analysisOnly = latencies((question) => analyzeQuery(question));

const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const ms = (value: number): string => `${value.toFixed(2)} ms`;
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const rows = [
  `corpus: ${articles.length} articles, ${dossierBuild.result.passages.length} passages; ${questions.length} questions × ${rounds} rounds; node ${process.version}${globalThis.gc ? '' : ' (run with --expose-gc for steadier heap figures)'}`,
  `index build:   dossier ${ms(dossierBuild.ms)}   baseline ${ms(baselineBuild.ms)}   ratio ${ratio(dossierBuild.ms, baselineBuild.ms)}`,
  `heap growth:   dossier ${mib(dossierHeap)}   baseline ${mib(baselineHeap)}   ratio ${ratio(dossierHeap, baselineHeap)}`,
  `query p50:     dossier ${ms(dossierQueries.p50)}   baseline ${ms(baselineQueries.p50)}   ratio ${ratio(dossierQueries.p50, baselineQueries.p50)}`,
  `query p95:     dossier ${ms(dossierQueries.p95)}   baseline ${ms(baselineQueries.p95)}   ratio ${ratio(dossierQueries.p95, baselineQueries.p95)}`,
  `query mean:    dossier ${ms(dossierQueries.mean)}   baseline ${ms(baselineQueries.mean)}   (question analysis alone ${ms(analysisOnly.mean)})`,
];
process.stdout.write(`${rows.join('\n')}\n`);
