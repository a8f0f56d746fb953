/**
 * A command context over a fixed index, for tests that drive commands or the router without a
 * running bot: the live corpus reloads through the real {@link LiveCorpus} (building in-process).
 */
import type { CorpusIndex } from '../../src/core/index.js';
import { buildIndexInThread } from '../../src/corpus/buildIndexOffThread.js';
import { LiveCorpus } from '../../src/corpus/liveCorpus.js';
import type { CommandContext } from '../../src/discord/command.js';

/** A context whose corpus is `index`, read from `corpusPath` on `/reload`. */
export function commandContext(index: CorpusIndex, corpusPath = 'corpus'): () => CommandContext {
  const corpus = new LiveCorpus(index, [], { corpusPath, open: {}, buildIndex: buildIndexInThread });
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
