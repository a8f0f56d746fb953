import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeCoverage, measureTopicCoverage, ORDINARY_QUESTION_WORDS } from '../../../src/core/answer/decline.js';
import { buildCorpusIndex, type CorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { analyzeQuestion } from '../../../src/core/search/question.js';
import { retrievePassages } from '../../../src/core/search/retrieve.js';
import { readCorpus } from '../../../src/storage/corpusFolder.js';
import { ask } from '../../support/answering.js';
import { PROJECT_ROOT, seedIndex } from '../../support/seedCorpus.js';

/** The 510 BBC business stories of 2004–2005 (Latin-1 files), and the same with the five seed articles. */
const BBC_BUSINESS = path.join(PROJECT_ROOT, '../shared/data/bbc/business');
let business: CorpusIndex;
let seed: CorpusIndex;

beforeAll(async () => {
  const { corpus } = await readCorpus(BBC_BUSINESS, { encoding: 'latin1' });
  business = buildCorpusIndex(corpus.articles);
  seed = await seedIndex();
  // Reading and indexing 510 articles takes a second or two alone, far longer on a machine busy with other test files.
}, 300_000);

async function bestHit(index: CorpusIndex, question: string) {
  const analyzed = analyzeQuestion(index, question);
  const [best] = await retrievePassages(index, analyzed, { limit: 1 });
  if (best === undefined) throw new Error('no passage matched');
  return { analyzed, best };
}

describe('declining on what a question is about', () => {
  it('declines "What is the largest desert in Asia?" on BBC business news although a passage holds "Asia\'s largest"', async () => {
    expect((await ask(business, 'What is the largest desert in Asia?')).abstained).toBe(true);
  });

  it('answers "What is Asia\'s largest stock market?" from the passage that names it', async () => {
    const result = await ask(business, "What is Asia's largest stock market?");
    expect(result.abstained).toBe(false);
    expect(result.quote?.text).toContain("Asia's largest stock market, Japan's Nikkei");
  });

  it('leaves "largest" out of the share of the question the passage covers', async () => {
    const { analyzed, best } = await bestHit(business, 'What is the largest desert in Asia?');
    expect(best.matchedQueryTerms).toContain(analyzed.terms[analyzed.words.indexOf('largest')]);
    expect(measureTopicCoverage(analyzed, best)).toBeLessThan(best.coverage);
  });

  it('declines a question built on "first", "record" and "biggest" around a word the corpus never uses', async () => {
    expect((await ask(business, 'What was the first record set by the biggest cheetah?')).abstained).toBe(true);
  });

  it('declines the same off-topic question on the five seed articles', async () => {
    expect((await ask(seed, 'What is the largest desert in Asia?')).abstained).toBe(true);
  });

  it('still answers a paraphrase whose words the seed corpus never uses ("took over from")', async () => {
    expect((await ask(seed, 'Who took over from Brian Hook as the US point man on Iran?')).abstained).toBe(false);
  });

  it('counts an ordinary word written as a name, "World" in "World Trade Organisation", as part of the topic', async () => {
    const { analyzed, best } = await bestHit(business, 'When did Russia hope to join the World Trade Organisation?');
    expect(ORDINARY_QUESTION_WORDS.has('world')).toBe(true);
    expect(measureTopicCoverage(analyzed, best)).toBeGreaterThanOrEqual(best.coverage);
  });

  it('says nothing is covered when no passage matched', () => {
    expect(judgeCoverage(business, analyzeQuestion(business, 'What is the largest desert in Asia?'), undefined)).toEqual({ covered: false });
  });
});
