/**
 * Building an index on a worker thread, so that a running bot keeps answering from its current
 * index while the next one is built (a corpus of thousands of articles takes seconds to build;
 * Discord allows 3 s to acknowledge an interaction).
 */
import { Worker } from 'node:worker_threads';
import { buildCorpusIndex, restoreCorpusIndexInSlices, serializeCorpusIndex, type Article, type CorpusIndex, type IndexSnapshot } from '../core/index.js';

/** The built index, and its snapshot (to save, so that the next start restores it). */
export interface BuiltIndex {
  readonly index: CorpusIndex;
  readonly snapshot: IndexSnapshot;
}

/**
 * Builds the index of `articles` on a worker thread, then restores it here from the snapshot the
 * worker sends back, in slices between which other work runs (a fraction of the build's cost:
 * see docs/performance.md, "The benchmark").
 * The result is the index `buildCorpusIndex(articles)` would give.
 */
export async function buildIndexOffThread(articles: readonly Article[]): Promise<BuiltIndex> {
  const snapshot = await buildSnapshotOffThread(articles);
  // Restored in slices: the bot keeps answering from the index in service meanwhile.
  return { index: await restoreCorpusIndexInSlices(articles, snapshot, () => new Promise((resolve) => setImmediate(resolve))), snapshot };
}

/**
 * The snapshot of the index of `articles`, built and serialised on a worker thread: what the bot
 * saves after updating its index in place (serialising a large index on the bot's thread would
 * pause it for seconds). The snapshot is that of `buildCorpusIndex(articles)`.
 */
export async function buildSnapshotOffThread(articles: readonly Article[]): Promise<IndexSnapshot> {
  const fromSource = import.meta.url.endsWith('.ts');
  const workerFile = new URL(`./indexWorkerThread.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  // Run from TypeScript sources (tests, tsx), the worker registers tsx first to load its file.
  const worker = fromSource
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerFile.href)}); });`, { eval: true, workerData: { articles } })
    : new Worker(workerFile, { workerData: { articles } });
  const snapshot = await new Promise<IndexSnapshot>((resolve, reject) => {
    worker.once('message', (message: IndexSnapshot) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`index worker exited with code ${code} before sending the index`)));
  });
  await worker.terminate();
  return snapshot;
}

/**
 * The same result built on this thread, which is blocked meanwhile: the baseline of
 * `npm run bench:reload`, and what tests use to keep builds deterministic and quick.
 */
export async function buildIndexInThread(articles: readonly Article[]): Promise<BuiltIndex> {
  const index = buildCorpusIndex(articles);
  return { index, snapshot: serializeCorpusIndex(index) };
}
