/**
 * The bundled corpus (`corpus/`), loaded and indexed once per test file through the same path
 * the program uses (`openCorpus`), so tests exercise the real loader on the real articles.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, CorpusIndex } from '../../src/core/index.js';
import { openCorpus } from '../../src/corpus/openCorpus.js';

/** The project root (where `package.json` is). */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The bundled corpus folder. */
export const SEED_CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus');

/** Ids of the five seed articles, by a short name. */
export const SEED = {
  /** OSW analysis (2020-02-12): JCPOA, 2018 withdrawal, Persian Gulf security. */
  defyingAmerica: 'defying-america-russia-policy-towards-iran',
  /** Washington Free Beacon (2020-08-07): Abrams replaces Hook; the original of a rewritten story. */
  freeBeacon: 'iran-relationship-russia-washington-pressure',
  /** Liberty Conservative News (2020-08): a rewrite of the Free Beacon story. */
  libertyRewrite: 'iran-ties-russia-us-meddling',
  /** VOA editorial (2022-07): UAVs, the $40 billion oil and gas deal, Ned Price. */
  voaDeepening: 'russia-iran-deepening-relationship',
  /** Al-Monitor via Iran Business News (2016): Lavrov hosts Zarif, visas, the SCO. */
  allianceThatWasnt: 'russian-iranian-alliance-that-wasnt',
} as const;

let cached: Promise<CorpusIndex> | undefined;

/** The index of the bundled corpus, built once; fails if any seed file has an issue. */
export function seedIndex(): Promise<CorpusIndex> {
  cached ??= openCorpus(SEED_CORPUS_DIR).then(({ index, issues }) => {
    if (issues.length > 0) throw new Error(`the seed corpus has issues: ${JSON.stringify(issues)}`);
    return index;
  });
  return cached;
}

/** One seed article by id; throws when it is missing, so a typo in a test fails loudly. */
export async function seedArticle(id: string): Promise<Article> {
  const article = (await seedIndex()).articleById.get(id);
  if (article === undefined) throw new Error(`no seed article "${id}"`);
  return article;
}
