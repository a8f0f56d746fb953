/**
 * What a live corpus reload costs a running bot:
 *
 *   npm run bench:reload -- --corpus PATH [--encoding latin1] [--json]
 *
 * Copies the corpus to a temporary folder, opens it as the bot does, adds one article, and
 * reloads, twice in the same process: **worker** (the bot's way: the next index is built on a
 * worker thread, then restored here) and **in-thread** (the baseline: built on the bot's own
 * thread). For each: the reload's duration, and the longest pause of the event loop meanwhile —
 * how long a question arriving during the reload would wait before the bot could acknowledge it
 * (Discord allows 3 s).
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseEncodingName } from '../src/core/index.js';
import { buildIndexInThread, buildIndexOffThread } from '../src/corpus/buildIndexOffThread.js';
import { LiveCorpus } from '../src/corpus/liveCorpus.js';
import { openCorpus } from '../src/corpus/openCorpus.js';

const USAGE = 'Usage: npm run bench:reload -- --corpus PATH [--encoding utf-8|latin1] [--json]';
/** How often the event-loop probe ticks. */
const PROBE_MS = 5;

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    encoding: { type: 'string', default: 'utf-8' },
    json: { type: 'boolean', default: false },
  },
});
const encoding = parseEncodingName(values.encoding!);
if (encoding === undefined) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

interface ReloadFigures {
  readonly system: 'worker' | 'in-thread';
  readonly outcome: string;
  readonly reloadMs: number;
  readonly longestPauseMs: number;
}

/** Runs `work` while a timer ticks every {@link PROBE_MS}; returns the longest gap between ticks beyond the period. */
async function longestPause<T>(work: () => Promise<T>): Promise<{ result: T; pauseMs: number }> {
  let last = performance.now();
  let worst = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - PROBE_MS);
    last = now;
  }, PROBE_MS);
  const result = await work();
  worst = Math.max(worst, performance.now() - last - PROBE_MS);
  clearInterval(probe);
  return { result, pauseMs: Math.max(0, worst) };
}

const folder = await mkdtemp(path.join(os.tmpdir(), 'dossier-reload-bench-'));
try {
  await cp(values.corpus!, folder, { recursive: true });
  const opened = await openCorpus(folder, { encoding });
  const figures: ReloadFigures[] = [];
  for (const [system, buildIndex] of [
    ['worker', buildIndexOffThread],
    ['in-thread', buildIndexInThread],
  ] as const) {
    // Each run starts from the corpus as opened and adds its own article: both rebuild the same corpus plus one.
    const live = new LiveCorpus(opened.index, opened.issues, { corpusPath: folder, open: { encoding }, buildIndex });
    await rm(path.join(folder, 'added-by-bench-worker.md'), { force: true });
    await writeFile(path.join(folder, `added-by-bench-${system}.md`), `---\ntitle: Reload benchmark ${system}\n---\n\nAn article added while the bot runs, to measure a reload.\n`);
    const { result, pauseMs } = await longestPause(() => live.reload('command'));
    figures.push({ system, outcome: result.outcome, reloadMs: result.durationMs, longestPauseMs: pauseMs });
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ corpus: values.corpus, articles: opened.index.articles.length + 1, figures }, null, 2)}\n`);
  } else {
    process.stdout.write(`Reload of ${values.corpus} (${opened.index.articles.length} articles, one added)\n`);
    for (const each of figures) {
      process.stdout.write(`  ${each.system.padEnd(10)} ${each.outcome.padEnd(9)} reload ${(each.reloadMs / 1_000).toFixed(2)} s   longest event-loop pause ${Math.round(each.longestPauseMs)} ms\n`);
    }
    const [worker, inThread] = figures;
    if (worker && inThread) process.stdout.write(`  longest pause, worker / in-thread: ${(worker.longestPauseMs / inThread.longestPauseMs).toFixed(3)}\n`);
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
