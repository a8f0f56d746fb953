/**
 * Speed and memory at scale:
 *
 *   npm run bench -- --corpus PATH [--queries FILE] [--scale N] [--encoding latin1] [--limit N] [--vectors off|FILE] [--json]
 *
 * Measures, for the same corpus and the same queries, in fresh processes one after the other:
 * - **dossier**: load the corpus and build the index (`buildCorpusIndex`), then answer
 *   (`answerQuestion`) and autocomplete (`suggestArticles`, `suggestPeople`);
 * - **snapshot**: load the corpus and restore the index from the snapshot the dossier run saved
 *   (`restoreCorpusIndex`), as a restart does; its answers must be identical;
 * - **baseline**: plain MiniSearch with its defaults, one document per paragraph, `search(query)`.
 *
 * Queries are the corpus's own headlines (or a file: JSON lines with `q`, or one question a
 * line). `--scale N` multiplies the corpus in memory: N copies of every article, with distinct ids.
 * Heap is measured after a full GC, as the growth over the loaded corpus (the articles are the
 * same for all three), counting array buffers (typed arrays' contents, kept outside the heap). Ratios are Dossier (or its snapshot) over the baseline.
 * Dossier answers with the word vectors the bot uses (`data/word-vectors.bin`; `--vectors off`
 * without): their memory (heap and buffers after loading them) and load time are printed apart.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import {
  answerQuestion,
  buildCorpusIndex,
  parseEncodingName,
  restoreCorpusIndex,
  serializeCorpusIndex,
  suggestArticles,
  suggestPeople,
  type Article,
  type CorpusIndex,
  type WordVectors,
} from '../src/core/index.js';
import { codeVersion, readIndexSnapshot, writeIndexSnapshot } from '../src/storage/snapshotFile.js';
import { readCorpus } from '../src/storage/corpusFolder.js';
import { readWordVectorsFile } from '../src/storage/wordVectorsFile.js';

const USAGE = 'Usage: npm run bench -- --corpus PATH [--queries FILE] [--scale N] [--encoding utf-8|latin1] [--limit N] [--vectors off|FILE] [--json]';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    queries: { type: 'string' },
    scale: { type: 'string', default: '1' },
    encoding: { type: 'string', default: 'utf-8' },
    limit: { type: 'string' },
    vectors: { type: 'string' },
    json: { type: 'boolean', default: false },
    worker: { type: 'string' },
    snapshot: { type: 'string' },
  },
});
const scale = Number(values.scale);
const encoding = parseEncodingName(values.encoding!);
const limit = values.limit === undefined ? Infinity : Number(values.limit);
if (!Number.isInteger(scale) || scale < 1 || encoding === undefined || !(limit > 0)) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

type System = 'dossier' | 'snapshot' | 'baseline';

/** What one worker measured. */
interface Measured {
  readonly system: System;
  readonly articles: number;
  /** Passages (dossier, snapshot) or paragraphs (baseline): the documents searched. */
  readonly documents: number;
  readonly loadMs: number;
  /** Building the index, or restoring it from the snapshot. */
  readonly indexMs: number;
  /** Heap growth over the loaded corpus, after a full GC. */
  readonly heapBytes: number;
  readonly queries: number;
  readonly queryMs: Percentiles;
  readonly suggestArticlesMs?: Percentiles;
  readonly suggestPeopleMs?: Percentiles;
  /** SHA-256 of every answer's JSON, to check that the snapshot answers as the built index. */
  readonly answersDigest?: string;
  readonly snapshotBytes?: number;
  readonly snapshotSaveMs?: number;
  /** The hash of the core's code the run loaded: the runs compare only if it is the same. */
  readonly code: string;
  /** The word vectors answering used (dossier, snapshot): words, memory after loading, load time; null when none. */
  readonly wordVectors?: VectorsMeasured | null;
}

interface VectorsMeasured {
  readonly words: number;
  readonly bytes: number;
  readonly loadMs: number;
}

interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** The JavaScript heap and the array buffers it owns (typed arrays' contents live outside the heap): what an index costs in memory. */
function heapUsed(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function percentiles(times: number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (share: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** Times `run` on every input (after a few warm-up calls, so as not to time the JIT compiler); `seen` gets each result, untimed. */
function timeEach<T, R>(inputs: readonly T[], run: (input: T) => R, seen: (result: R) => void = () => {}): Percentiles {
  for (const input of inputs.slice(0, 20)) run(input);
  const times = inputs.map((input) => {
    const started = performance.now();
    const result = run(input);
    const elapsed = performance.now() - started;
    seen(result);
    return elapsed;
  });
  return percentiles(times);
}

/** {@link timeEach} for an asynchronous task: each run is timed until its Promise settles, one at a time. */
async function timeEachAsync<T, R>(inputs: readonly T[], run: (input: T) => Promise<R>, seen: (result: R) => void = () => {}): Promise<Percentiles> {
  for (const input of inputs.slice(0, 20)) await run(input);
  const times: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    const result = await run(input);
    times.push(performance.now() - started);
    seen(result);
  }
  return percentiles(times);
}

/** N copies of every article with distinct ids (the text is shared, as a copy's would be equal). */
function scaleArticles(articles: readonly Article[], factor: number): Article[] {
  const scaled = [...articles];
  for (let copy = 2; copy <= factor; copy += 1) for (const article of articles) scaled.push({ ...article, id: `${article.id}-copy-${copy}` });
  return scaled;
}

async function loadArticles(): Promise<{ articles: Article[]; loadMs: number; headlines: string[] }> {
  const started = performance.now();
  const { corpus } = await readCorpus(values.corpus!, { encoding: encoding! });
  const articles = scaleArticles(corpus.articles, scale);
  return { articles, loadMs: performance.now() - started, headlines: corpus.articles.map((article) => article.title) };
}

async function loadQueries(headlines: readonly string[]): Promise<string[]> {
  const queries =
    values.queries === undefined
      ? headlines
      : (await readFile(values.queries, 'utf8'))
          .split('\n')
          .filter((line) => line.trim().length > 0)
          .map((line) => (line.trimStart().startsWith('{') ? (JSON.parse(line) as { q: string }).q : line.trim()));
  return queries.slice(0, limit);
}

/** What one types into autocomplete: the first letters of headlines and of names, as they grow. */
function typedPrefixes(texts: readonly string[]): string[] {
  const prefixes: string[] = [];
  for (const text of texts.slice(0, 200)) for (const length of [1, 3, 6, 10, 16]) if (text.length >= length) prefixes.push(text.slice(0, length));
  return prefixes;
}

async function runDossier(fromSnapshot: boolean): Promise<Measured> {
  const { articles, loadMs, headlines } = await loadArticles();
  const queries = await loadQueries(headlines);
  const before = heapUsed();
  const started = performance.now();
  const index = fromSnapshot ? await restoreSnapshot(articles) : buildCorpusIndex(articles);
  const indexMs = performance.now() - started;
  const heapBytes = heapUsed() - before;
  const { wordVectors, measured: vectorsMeasured } = await loadVectors();

  const digest = createHash('sha256');
  const queryMs = await timeEachAsync(
    queries,
    (query) => answerQuestion(index, query, wordVectors === undefined ? {} : { wordVectors }),
    (answer) => digest.update(JSON.stringify(answer)),
  );
  const names = index.people.people.map((person) => person.name);
  const measured: Measured = {
    system: fromSnapshot ? 'snapshot' : 'dossier',
    articles: articles.length,
    documents: index.passages.length,
    loadMs,
    indexMs,
    heapBytes,
    queries: queries.length,
    queryMs,
    suggestArticlesMs: timeEach(typedPrefixes(headlines), (typed) => suggestArticles(index, typed)),
    suggestPeopleMs: timeEach(typedPrefixes(names), (typed) => suggestPeople(index.people, typed)),
    answersDigest: digest.digest('hex'),
    code: await codeVersion(),
    wordVectors: vectorsMeasured,
  };
  if (fromSnapshot) return measured;
  const saveStarted = performance.now();
  await writeIndexSnapshot(values.snapshot!, snapshotKeyFor(), serializeCorpusIndex(index));
  return { ...measured, snapshotSaveMs: performance.now() - saveStarted, snapshotBytes: (await stat(values.snapshot!)).size };
}

/** The word vectors answering uses (none with `--vectors off`), with their memory (heap and buffers) and load time. */
async function loadVectors(): Promise<{ wordVectors: WordVectors | undefined; measured: VectorsMeasured | null }> {
  if (values.vectors === 'off') return { wordVectors: undefined, measured: null };
  const before = heapUsed();
  const started = performance.now();
  const load = await readWordVectorsFile(values.vectors);
  const loadMs = performance.now() - started;
  if (load.kind === 'unavailable') {
    process.stderr.write(`bench: ${load.reason}; answering without word vectors\n`);
    return { wordVectors: undefined, measured: null };
  }
  return { wordVectors: load.vectors, measured: { words: load.vectors.size, bytes: heapUsed() - before, loadMs } };
}

/** Reads the snapshot and restores the index, in a function of its own so that the snapshot's text is garbage once it returns (as in `openCorpus`). */
async function restoreSnapshot(articles: readonly Article[]): Promise<CorpusIndex> {
  const found = await readIndexSnapshot(values.snapshot!, snapshotKeyFor());
  if (found.kind !== 'found') throw new Error(`bench: no usable snapshot at ${values.snapshot} (${found.kind})`);
  return restoreCorpusIndex(articles, found.snapshot);
}

/** The bench's snapshot is its own (a temporary file), keyed by what it was built from. */
function snapshotKeyFor(): string {
  return `bench:${path.resolve(values.corpus!)}:${encoding}:x${scale}`;
}

async function runBaseline(): Promise<Measured> {
  const { articles, loadMs, headlines } = await loadArticles();
  const queries = await loadQueries(headlines);
  const before = heapUsed();
  const started = performance.now();
  // The paragraphs are kept, as a search that shows what it found must keep them.
  const paragraphs = articles.flatMap((article) =>
    article.text
      .split(/\n\s*\n/)
      .filter((text) => text.trim().length > 0)
      .map((text, position) => ({ id: `${article.id}#${position}`, text })),
  );
  const search = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
  search.addAll(paragraphs);
  const indexMs = performance.now() - started;
  const heapBytes = heapUsed() - before;
  const queryMs = timeEach(queries, (query) => search.search(query).slice(0, 10));
  return { system: 'baseline', articles: articles.length, documents: paragraphs.length, loadMs, indexMs, heapBytes, queries: queries.length, queryMs, code: await codeVersion() };
}

/** Runs one system in a fresh process (its own heap, its own JIT) and returns what it measured. */
function runWorker(system: System, snapshotFile: string): Promise<Measured> {
  const script = fileURLToPath(import.meta.url);
  const args = [
    '--expose-gc',
    '--max-old-space-size=12288',
    '--import',
    'tsx',
    script,
    ...process.argv.slice(2).filter((arg) => arg !== '--json'),
    '--worker',
    system,
    '--snapshot',
    snapshotFile,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(output) as Measured) : reject(new Error(`bench: the ${system} run exited with ${code}`))));
  });
}

function report(runs: Record<System, Measured>): string {
  const { dossier, snapshot, baseline } = runs;
  const ms = (value: number): string => (value >= 1_000 ? `${(value / 1_000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);
  const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  const perThousand = (run: Measured): number => (run.heapBytes / run.documents) * 1_000;
  const startUp = (run: Measured): number => run.loadMs + run.indexMs;
  const pair = (value?: Percentiles): string => (value ? `${ms(value.p50)} / ${ms(value.p99)}` : '—');
  const rows: Array<[string, string, string, string, string, string]> = [
    ['', 'dossier', 'snapshot', 'baseline', 'dossier/base', 'snapshot/base'],
    ['documents (passages | paragraphs)', String(dossier.documents), String(snapshot.documents), String(baseline.documents), '', ''],
    [
      'start-up: load + index',
      ms(startUp(dossier)),
      ms(startUp(snapshot)),
      ms(startUp(baseline)),
      ratio(startUp(dossier), startUp(baseline)),
      ratio(startUp(snapshot), startUp(baseline)),
    ],
    ['  load (read + parse)', ms(dossier.loadMs), ms(snapshot.loadMs), ms(baseline.loadMs), '', ''],
    [
      '  index (build | restore)',
      ms(dossier.indexMs),
      ms(snapshot.indexMs),
      ms(baseline.indexMs),
      ratio(dossier.indexMs, baseline.indexMs),
      ratio(snapshot.indexMs, baseline.indexMs),
    ],
    [
      'heap after build',
      mib(dossier.heapBytes),
      mib(snapshot.heapBytes),
      mib(baseline.heapBytes),
      ratio(dossier.heapBytes, baseline.heapBytes),
      ratio(snapshot.heapBytes, baseline.heapBytes),
    ],
    [
      'heap per 1,000 documents',
      mib(perThousand(dossier)),
      mib(perThousand(snapshot)),
      mib(perThousand(baseline)),
      ratio(perThousand(dossier), perThousand(baseline)),
      ratio(perThousand(snapshot), perThousand(baseline)),
    ],
    [
      'query p50',
      ms(dossier.queryMs.p50),
      ms(snapshot.queryMs.p50),
      ms(baseline.queryMs.p50),
      ratio(dossier.queryMs.p50, baseline.queryMs.p50),
      ratio(snapshot.queryMs.p50, baseline.queryMs.p50),
    ],
    [
      'query p99',
      ms(dossier.queryMs.p99),
      ms(snapshot.queryMs.p99),
      ms(baseline.queryMs.p99),
      ratio(dossier.queryMs.p99, baseline.queryMs.p99),
      ratio(snapshot.queryMs.p99, baseline.queryMs.p99),
    ],
    ['query max', ms(dossier.queryMs.max), ms(snapshot.queryMs.max), ms(baseline.queryMs.max), '', ''],
    ['autocomplete articles p50 / p99', pair(dossier.suggestArticlesMs), pair(snapshot.suggestArticlesMs), '—', '', ''],
    ['autocomplete people p50 / p99', pair(dossier.suggestPeopleMs), pair(snapshot.suggestPeopleMs), '—', '', ''],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
  const queriesFrom = values.queries === undefined ? 'its headlines' : values.queries;
  return [
    `corpus ${values.corpus} ×${scale} (${encoding}): ${dossier.articles} articles; ${dossier.queries} queries (${queriesFrom}); node ${process.version}, ${os.availableParallelism()} CPUs`,
    ...lines,
    `snapshot: ${mib(dossier.snapshotBytes ?? 0)} on disk, saved in ${ms(dossier.snapshotSaveMs ?? 0)}; answers ${dossier.answersDigest === snapshot.answersDigest ? 'identical to' : 'DIFFERENT from'} the built index's`,
    dossier.wordVectors
      ? `word vectors: ${dossier.wordVectors.words} words, ${mib(dossier.wordVectors.bytes)} in memory (heap and buffers, not in "heap after build"), loaded in ${ms(dossier.wordVectors.loadMs)}`
      : 'word vectors: none',
    ...(new Set([dossier.code, snapshot.code, baseline.code]).size > 1 ? ["WARNING: the core's code changed during the run; the runs do not compare"] : []),
  ].join('\n');
}

if (values.worker !== undefined) {
  const system = values.worker as System;
  const measured = system === 'baseline' ? await runBaseline() : await runDossier(system === 'snapshot');
  process.stdout.write(JSON.stringify(measured));
} else {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'dossier-bench-'));
  try {
    const snapshotFile = path.join(folder, 'bench.dossier-index.json');
    const runs = {} as Record<System, Measured>;
    // Dossier first: it saves the snapshot that the second run restores.
    for (const system of ['dossier', 'snapshot', 'baseline'] as const) runs[system] = await runWorker(system, snapshotFile);
    process.stdout.write(
      values.json ? `${JSON.stringify({ corpus: values.corpus, scale, encoding, node: process.version, cpus: os.availableParallelism(), runs })}\n` : `${report(runs)}\n`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
