/**
 * What a live corpus change costs a running bot:
 *
 *   npm run bench:reload -- --corpus PATH [--encoding latin1] [--scale N] [--questions N] [--json]
 *
 * Copies the corpus to a temporary folder (`--scale N`: N copies under distinct folder names, so
 * distinct file names and ids), opens it as the bot does, and measures in the same process:
 *
 * - **full rebuild**: one article added and the whole index built again, the bot's way (the next
 *   index built on a worker thread, then restored here) and on the bot's own thread (baseline);
 * - **incremental**: one new article file written and put in service with `applyFileChanges`
 *   (the index updated for that article), up to the moment the article's own sentence is the
 *   answer to a question about it; then the file removed again (Undo); and saving the snapshot,
 *   which the bot does afterwards, once the corpus is quiet (built on a worker thread, as the bot does);
 * - **from a restored index**: the bot's usual start, the index restored from its snapshot
 *   (`openCorpus` with the snapshot beside the corpus, saved when the corpus is back as opened),
 *   then the same article added: its first update, until answerable, and whether it answers as
 *   the fresh build does;
 * - whether the updated index answers the benchmark questions exactly as an index built from
 *   scratch of the same articles (re-parsed copies, so that nothing read earlier is reused).
 *
 * For each, the longest pause of the event loop: how long a question arriving meanwhile would
 * wait before the bot could acknowledge it (Discord allows 3 s).
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { askReply } from '../src/cli/replies.js';
import { answerQuestion, buildCorpusIndex, isQuestionProblem, parseEncodingName, type Article, type CorpusIndex } from '../src/core/index.js';
import { buildIndexInThread, buildIndexOffThread, buildSnapshotOffThread } from '../src/corpus/buildIndexOffThread.js';
import { LiveCorpus } from '../src/corpus/liveCorpus.js';
import { openCorpus } from '../src/corpus/openCorpus.js';

const USAGE = 'Usage: npm run bench:reload -- --corpus PATH [--encoding utf-8|latin1] [--scale N] [--questions N] [--json]';
/** How often the event-loop probe ticks. */
const PROBE_MS = 5;
const QUESTIONS_FILE = new URL('./questions/bbc-news-questions.jsonl', import.meta.url);

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    encoding: { type: 'string', default: 'utf-8' },
    scale: { type: 'string', default: '1' },
    questions: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const encoding = parseEncodingName(values.encoding!);
const scale = Number(values.scale);
const questionLimit = values.questions === undefined ? Infinity : Number(values.questions);
if (encoding === undefined || !Number.isInteger(scale) || scale < 1 || !(questionLimit > 0)) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

/** Runs `work` while a timer ticks every {@link PROBE_MS}; returns the longest gap between ticks beyond the period. */
async function longestPause<T>(work: () => Promise<T>): Promise<{ result: T; pauseMs: number; ms: number }> {
  const started = performance.now();
  let last = started;
  let worst = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - PROBE_MS);
    last = now;
  }, PROBE_MS);
  const result = await work();
  const ended = performance.now();
  worst = Math.max(worst, ended - last - PROBE_MS);
  clearInterval(probe);
  return { result, pauseMs: Math.max(0, worst), ms: ended - started };
}

function log(line: string): void {
  if (!values.json) process.stdout.write(`${line}\n`);
}

/** A real-looking article with a sentence found nowhere else, and a question whose answer is that sentence. */
const NEW_ARTICLE = {
  file: 'added-by-bench.md',
  id: 'added-by-bench',
  text: `---\ntitle: Harbour Authority Opens a Tidal Lock at Portmeirion Quay\npublisher: Bench Gazette\ndate: 2026-12-03\n---\n\nThe harbour authority opened a tidal lock at Portmeirion Quay on Tuesday, after four years of building.\n\nThe lock cost 212 million pounds and was paid for by the Welsh government, the authority's chair, Morwenna Tregothnan, said.\n`,
  question: 'How much did the tidal lock at Portmeirion Quay cost?',
};

async function answers(index: CorpusIndex, questions: readonly string[]): Promise<string[]> {
  const outputs: string[] = [];
  for (const question of questions) outputs.push((await askReply(index, question, 'json')).output);
  return outputs;
}

/** Whether the question about the new article is answered by a sentence of the new article. */
async function isAnswerable(index: CorpusIndex): Promise<boolean> {
  const answer = await answerQuestion(index, NEW_ARTICLE.question);
  if (isQuestionProblem(answer) || answer.quote === null) return false;
  return answer.citations[answer.quote.citation - 1]?.articleId === NEW_ARTICLE.id && NEW_ARTICLE.text.includes(answer.quote.text);
}

/** A fresh build of copies of `articles` (so that nothing read earlier is reused), its version and its answers to `questions`; the index itself is let go. */
async function freshBuild(articles: readonly Article[], questions: readonly string[]): Promise<{ ms: number; version: string; answers: string[] }> {
  const started = performance.now();
  const index = buildCorpusIndex(articles.map((article) => ({ ...article })));
  const ms = performance.now() - started;
  return { ms, version: index.version, answers: await answers(index, questions) };
}

const folder = await mkdtemp(path.join(os.tmpdir(), 'dossier-reload-bench-'));
try {
  if (scale === 1) await cp(values.corpus!, folder, { recursive: true });
  else for (let copy = 1; copy <= scale; copy += 1) await cp(values.corpus!, path.join(folder, `r${String(copy).padStart(2, '0')}`), { recursive: true });
  const openStarted = performance.now();
  const opened = await openCorpus(folder, { encoding });
  const articles = opened.index.articles.length;
  log(
    `Corpus ${values.corpus} ×${scale}: ${articles} articles, ${opened.index.passages.length} passages (opened and built in ${((performance.now() - openStarted) / 1_000).toFixed(1)} s)`,
  );

  // Full rebuilds: one article added, the whole index built again.
  const rebuilds: Array<{ system: string; outcome: string; reloadMs: number; longestPauseMs: number }> = [];
  for (const [system, buildIndex] of [
    ['worker', buildIndexOffThread],
    ['in-thread', buildIndexInThread],
  ] as const) {
    const live = new LiveCorpus(opened.index, opened.issues, { corpusPath: folder, open: { encoding }, buildIndex, files: opened.files, maxIncrementalArticles: 0 });
    await rm(path.join(folder, 'added-by-bench-worker.md'), { force: true });
    await writeFile(path.join(folder, `added-by-bench-${system}.md`), `---\ntitle: Reload benchmark ${system}\n---\n\nAn article added while the bot runs, to measure a reload.\n`);
    const { result, pauseMs } = await longestPause(() => live.reload('command'));
    rebuilds.push({ system, outcome: result.outcome, reloadMs: result.durationMs, longestPauseMs: pauseMs });
    log(`  full rebuild, ${system.padEnd(9)} ${result.outcome.padEnd(8)} ${(result.durationMs / 1_000).toFixed(2)} s   longest event-loop pause ${Math.round(pauseMs)} ms`);
  }
  await rm(path.join(folder, 'added-by-bench-in-thread.md'), { force: true });

  // Incremental: the corpus as opened, one article file added, then removed again, then added again.
  // The rebuilds' indexes are garbage now: collected first (when the benchmark runs with --expose-gc), as a bot would not hold them.
  (globalThis as { gc?: () => void }).gc?.();
  const live = new LiveCorpus(opened.index, opened.issues, {
    corpusPath: folder,
    open: { encoding, snapshot: 'beside-corpus' },
    buildIndex: buildIndexOffThread,
    buildSnapshot: buildSnapshotOffThread,
    files: opened.files,
  });
  const newFile = path.join(folder, NEW_ARTICLE.file);
  const added = await longestPause(async () => {
    await writeFile(newFile, NEW_ARTICLE.text);
    return live.applyFileChanges([NEW_ARTICLE.file], 'add');
  });
  const answerable = await isAnswerable(live.index);
  log(
    `  add one article (write + applyFileChanges): ${added.result.outcome} (${added.result.indexing ?? 'no index change'}) in ${Math.round(added.ms)} ms, answerable: ${answerable ? 'yes' : 'no'}   longest event-loop pause ${Math.round(added.pauseMs)} ms`,
  );
  const snapshot = await longestPause(() => live.flushSnapshot());
  log(`  snapshot saved after it (once the corpus is quiet): ${Math.round(snapshot.ms)} ms   longest event-loop pause ${Math.round(snapshot.pauseMs)} ms`);

  const questions = readFileSync(QUESTIONS_FILE, 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { q: string }).q)
    .slice(0, questionLimit);
  const updatedIndex = live.index;
  const fresh = await freshBuild(updatedIndex.articles, [...questions, NEW_ARTICLE.question]);
  const updatedAnswers = await answers(updatedIndex, [...questions, NEW_ARTICLE.question]);
  const freshAnswers = fresh.answers;
  const differing = updatedAnswers.filter((answer, position) => answer !== freshAnswers[position]).length;
  const identical = differing === 0 && updatedIndex.version === fresh.version;
  log(
    `  answers identical to a fresh build (${Math.round(fresh.ms / 1_000)} s in-thread): ${identical ? 'yes' : 'no'} (${updatedAnswers.length} questions, ${differing} differ; version ${updatedIndex.version} / ${fresh.version})`,
  );

  const undone = await longestPause(async () => {
    await rm(newFile);
    return live.applyFileChanges([NEW_ARTICLE.file], 'undo');
  });
  const backToStart = live.index.version === opened.index.version && !(await isAnswerable(live.index));
  log(
    `  undo (remove + applyFileChanges): ${undone.result.outcome} in ${Math.round(undone.ms)} ms, corpus as opened again: ${backToStart ? 'yes' : 'no'}   longest event-loop pause ${Math.round(undone.pauseMs)} ms`,
  );
  // The first update runs cold (code not compiled yet); a bot adding articles runs warm, as this one.
  const again = await longestPause(async () => {
    await writeFile(newFile, NEW_ARTICLE.text);
    return live.applyFileChanges([NEW_ARTICLE.file], 'add');
  });
  const answerableAgain = await isAnswerable(live.index);
  log(
    `  add it again: ${again.result.outcome} in ${Math.round(again.ms)} ms, answerable: ${answerableAgain ? 'yes' : 'no'}   longest event-loop pause ${Math.round(again.pauseMs)} ms`,
  );

  // The bot's usual start: the corpus as opened, its index restored from the snapshot (saved here, on a worker, as the bot does), then the article added.
  await rm(newFile);
  await live.applyFileChanges([NEW_ARTICLE.file], 'undo');
  await live.close();
  (globalThis as { gc?: () => void }).gc?.();
  const restoreStarted = performance.now();
  const reopened = await openCorpus(folder, { encoding, snapshot: 'beside-corpus' });
  const restoreMs = performance.now() - restoreStarted;
  // The bot's LiveCorpus readies the restored index for updates before it serves (prepareIndexUpdate).
  const prepareStarted = performance.now();
  const restoredLive = new LiveCorpus(reopened.index, reopened.issues, {
    corpusPath: folder,
    open: { encoding, snapshot: 'off' },
    buildIndex: buildIndexOffThread,
    files: reopened.files,
  });
  const prepareMs = performance.now() - prepareStarted;
  const restoredAdd = await longestPause(async () => {
    await writeFile(newFile, NEW_ARTICLE.text);
    return restoredLive.applyFileChanges([NEW_ARTICLE.file], 'add');
  });
  const answerableRestored = await isAnswerable(restoredLive.index);
  const restoredAnswers = await answers(restoredLive.index, [...questions, NEW_ARTICLE.question]);
  const restoredDiffering = restoredAnswers.filter((answer, position) => answer !== freshAnswers[position]).length;
  const restoredIdentical = restoredDiffering === 0 && restoredLive.index.version === fresh.version;
  log(
    `  from a restored index (${reopened.snapshot.outcome} in ${(restoreMs / 1_000).toFixed(1)} s, readied for updates in ${(prepareMs / 1_000).toFixed(1)} s), add the article: ${restoredAdd.result.outcome} (${restoredAdd.result.indexing ?? 'no index change'}) in ${Math.round(restoredAdd.ms)} ms, answerable: ${answerableRestored ? 'yes' : 'no'}   longest event-loop pause ${Math.round(restoredAdd.pauseMs)} ms`,
  );
  log(`    its answers identical to the fresh build's: ${restoredIdentical ? 'yes' : 'no'} (${restoredAnswers.length} questions, ${restoredDiffering} differ)`);
  await restoredLive.close();

  if (values.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          corpus: values.corpus,
          scale,
          articles,
          rebuilds,
          add: { outcome: added.result.outcome, indexing: added.result.indexing, ms: added.ms, longestPauseMs: added.pauseMs, answerable },
          snapshot: { ms: snapshot.ms, longestPauseMs: snapshot.pauseMs },
          undo: { outcome: undone.result.outcome, ms: undone.ms, longestPauseMs: undone.pauseMs, backToStart },
          addAgain: { outcome: again.result.outcome, ms: again.ms, longestPauseMs: again.pauseMs },
          restoredAdd: {
            restore: reopened.snapshot.outcome,
            restoreMs,
            prepareMs,
            outcome: restoredAdd.result.outcome,
            indexing: restoredAdd.result.indexing,
            ms: restoredAdd.ms,
            longestPauseMs: restoredAdd.pauseMs,
            answerable: answerableRestored,
            identical: { answers: restoredAnswers.length, differing: restoredDiffering, version: restoredLive.index.version === fresh.version },
          },
          identical: { answers: updatedAnswers.length, differing, version: updatedIndex.version === fresh.version },
        },
        null,
        2,
      )}\n`,
    );
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
