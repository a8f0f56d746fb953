/**
 * The body of the index-building worker (see {@link buildIndexOffThread}): builds the index of the
 * articles it is given and posts back its snapshot, whose sections are plain strings.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildCorpusIndex, serializeCorpusIndex, type Article } from '../core/index.js';

const { articles } = workerData as { articles: readonly Article[] };
parentPort?.postMessage(serializeCorpusIndex(buildCorpusIndex(articles)));
