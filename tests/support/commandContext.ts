/**
 * A command context over a fixed index, for tests that drive commands or the router without a
 * running bot: the live corpus reloads through the real {@link LiveCorpus} (building in-process).
 */
import { buildCorpusIndex, serializeCorpusIndex, type Article, type CorpusIndex } from '../../src/core/index.js';
import { LiveCorpus } from '../../src/corpus/liveCorpus.js';
import type { CommandContext } from '../../src/discord/command.js';

/** Builds an index in this thread, as {@link buildIndexOffThread} does on a worker. */
export async function buildInProcess(articles: readonly Article[]) {
  const index = buildCorpusIndex(articles);
  return { index, snapshot: serializeCorpusIndex(index) };
}

/** A context whose corpus is `index`, read from `corpusPath` on `/reload`. */
export function commandContext(index: CorpusIndex, corpusPath = 'corpus'): () => CommandContext {
  const corpus = new LiveCorpus(index, [], { corpusPath, open: {}, buildIndex: buildInProcess });
  const startedAt = new Date();
  const operations: CommandContext['operations'] = {
    status: () => ({
      version: '0.0.0-test',
      startedAt,
      index: corpus.index,
      lastReload: corpus.lastReload,
      watchingCorpus: corpus.watching,
      gateway: { status: 'connected', pingMs: 42, shardIds: [0] },
    }),
    reloadCorpus: () => corpus.reload('command'),
  };
  return () => ({ index: corpus.index, operations });
}
