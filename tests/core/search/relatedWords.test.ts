import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyzeQuestion,
  buildCorpusIndex,
  createRetrievalContext,
  DEFAULT_STAGES,
  relatedWordsStage,
  runStages,
  withRelatedWords,
  type AnswerOptions,
  type CorpusIndex,
  type WordVectors,
} from '../../../src/core/index.js';
import { readWordVectorsFile } from '../../../src/storage/wordVectorsFile.js';
import { ask } from '../../support/answering.js';
import { article } from '../../support/retrieval.js';
import { seedIndex } from '../../support/seedCorpus.js';

let vectors: WordVectors;
let seed: CorpusIndex;

beforeAll(async () => {
  const load = await readWordVectorsFile();
  if (load.kind !== 'loaded') throw new Error(load.reason);
  vectors = load.vectors;
  seed = await seedIndex();
}, 60_000);

// BBC News, "Algeria hit by further gas riots" (business/502), and a report that shares its other words.
const riots = article(
  'algeria-riots',
  'Demonstrators in a number of regions blocked roads, attacked public buildings and overturned vehicles, newspapers including El Watan reported. The price of butane gas, a vital fuel for cooking, has risen to 200 dinars ($2.77) per canister from 170 dinars.',
);
const snow = article(
  'snow',
  'Heavy snow blocked roads in a number of regions on Saturday, and drivers were told to stay at home until ploughs had cleared the main routes south of the capital, the regional authorities said. Schools and several airports were closed.',
);
const QUESTION = 'Where did protesters block roads?';
/** The weight measured in docs/experiments.md (the default, 0, leaves the stage off). */
const RELATED = { relatedWords: 0.5 };

/** The answer options that turn the stage on, with the vectors loaded. */
function relatedWordsOn(): AnswerOptions {
  return { wordVectors: vectors, rerank: RELATED };
}

describe('the related-words stage', () => {
  it('runs right after re-ranking when vectors are given, and not at all without them', () => {
    expect(withRelatedWords(DEFAULT_STAGES, vectors).map((stage) => stage.name)).toEqual([
      'first-stage',
      'rerank',
      'related-words',
      'said-quotes',
      'promote-answer-bearing',
      'fold-near-duplicates',
    ]);
    expect(withRelatedWords(DEFAULT_STAGES, undefined)).toBe(DEFAULT_STAGES);
  });

  it('cites first the passage that says "demonstrators" for a question about protesters', async () => {
    const index = buildCorpusIndex([snow, riots]);
    expect((await ask(index, QUESTION)).citations[0]?.articleId).toBe('snow');
    expect((await ask(index, QUESTION, relatedWordsOn())).citations[0]?.articleId).toBe('algeria-riots');
  });

  it('changes no ranking at the default weight, which leaves it off', async () => {
    const index = buildCorpusIndex([snow, riots]);
    expect((await ask(index, QUESTION, { wordVectors: vectors })).citations[0]?.articleId).toBe('snow');
  });

  it('leaves what each candidate matched, and so its coverage, as re-ranking found it', async () => {
    const index = buildCorpusIndex([snow, riots]);
    const question = analyzeQuestion(index, QUESTION);
    const context = createRetrievalContext(index, { rerank: RELATED });
    const reranked = await runStages(DEFAULT_STAGES.slice(0, 2), question, context);
    const related = await relatedWordsStage(vectors).run(reranked, question, context);
    const byId = (candidates: typeof reranked) =>
      new Map(candidates.map((candidate) => [candidate.passage.id, [candidate.coverage, candidate.matchedQueryTerms, candidate.matchedPassageTerms]]));
    expect(byId(related)).toEqual(byId(reranked));
    expect(related[0]?.article.id).toBe('algeria-riots');
  });

  it('does not credit a name through a related one: a question on Iraq gains nothing from Iran', async () => {
    const index = buildCorpusIndex([article('iran', 'Iran said the talks on its nuclear programme would resume in Geneva next week.')]);
    const question = analyzeQuestion(index, 'When do the talks with Iraq resume?');
    const context = createRetrievalContext(index, { rerank: RELATED });
    const reranked = await runStages(DEFAULT_STAGES.slice(0, 2), question, context);
    expect((await relatedWordsStage(vectors).run(reranked, question, context))[0]?.score).toBe(reranked[0]?.score);
  });

  it('never turns a decline into an answer on the seed corpus', async () => {
    const offTopic = [
      'What is the capital of Australia?',
      'Who won the football match on Saturday?',
      'How much did the new bridge across the river cost?',
      'What did demonstrators in Paris demand from the mayor?',
      'Which film won the most awards at the ceremony?',
    ];
    for (const question of offTopic) {
      expect((await ask(seed, question)).abstained).toBe(true);
      expect((await ask(seed, question, relatedWordsOn())).abstained).toBe(true);
    }
  });
});
