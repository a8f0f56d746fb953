import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusIndex, type CorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { analyzeQuestion } from '../../../src/core/search/question.js';
import { retrievePassages } from '../../../src/core/search/retrieve.js';
import { answerToJson } from '../../../src/cli/renderJson.js';
import { ask } from '../../support/answering.js';
import { SEED, seedIndex } from '../../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

/** Questions worded unlike the articles, the article that answers each and the phrase that must be quoted. */
const PARAPHRASED_QUESTIONS = [
  { question: 'Who took over from Brian Hook as Iran envoy?', articleId: SEED.freeBeacon, phrase: 'Elliott Abrams' },
  { question: 'What did Russia promise about visas for Iranians?', articleId: SEED.allianceThatWasnt, phrase: 'lift visa requirements for Iranian citizens' },
  { question: 'How big was the oil and gas deal between Moscow and Tehran?', articleId: SEED.voaDeepening, phrase: '$40 billion deal' },
  { question: 'Who is the American ambassador at the UN?', articleId: SEED.freeBeacon, phrase: 'Kelly Craft' },
  { question: 'Who replacd Brian Hok?', articleId: SEED.freeBeacon, phrase: 'Elliott Abrams' },
  { question: 'who replaced brian hook', articleId: SEED.freeBeacon, phrase: 'Elliott Abrams' },
  { question: 'When did the United States pull out of the nuclear agreement with Iran?', articleId: SEED.defyingAmerica, phrase: 'JCPOA) in 2018' },
  { question: 'Whose membership of the Shanghai Cooperation Organization does Russia back?', articleId: SEED.allianceThatWasnt, phrase: 'Iran’s full membership' },
  { question: "What did Ned Price call the Supreme Leader's endorsement of the invasion?", articleId: SEED.voaDeepening, phrase: '“striking”' },
  { question: 'What are the sanctions called that the US will reimpose if the embargo fails?', articleId: SEED.freeBeacon, phrase: '"snapback."' },
  { question: 'Which palace hosted the talks between Putin and Raisi?', articleId: SEED.voaDeepening, phrase: 'Saadabad palace' },
  { question: 'Who did Lavrov host in Moscow in October?', articleId: SEED.allianceThatWasnt, phrase: 'Walid Moallem' },
  { question: 'Why did Russia and the West fall out in 2014?', articleId: SEED.allianceThatWasnt, phrase: 'over the Ukraine crisis' },
] as const;

describe('retrieval on the seed corpus, with questions worded unlike the text', () => {
  it.each(PARAPHRASED_QUESTIONS)('answers "$question" from $articleId, quoting "$phrase"', async ({ question, articleId, phrase }) => {
    const result = await ask(index, question);
    expect(result.abstained).toBe(false);
    expect(result.citations[0]?.articleId).toBe(articleId);
    expect(result.quote?.text).toContain(phrase);
  });
});

describe('retrievePassages', () => {
  it('ranks hits by score, highest first', async () => {
    const hits = await retrievePassages(index, analyzeQuestion(index, 'Russia Iran sanctions embargo'));
    expect(hits.length).toBeGreaterThan(3);
    for (let position = 1; position < hits.length; position += 1) expect(hits[position]!.score).toBeLessThanOrEqual(hits[position - 1]!.score);
  });

  it('returns at most `limit` hits', async () => {
    expect(await retrievePassages(index, analyzeQuestion(index, 'Russia Iran'), { limit: 4 })).toHaveLength(4);
  });

  it('reports which question terms each hit matched and how much of the question that covers', async () => {
    const [best] = await retrievePassages(index, analyzeQuestion(index, 'Who replaced Brian Hook?'));
    expect(best?.passage.text).toContain('Brian Hook');
    expect([...(best?.matchedQueryTerms ?? [])].sort()).toEqual(['brian', 'hook', 'replac']);
    expect(best?.coverage).toBeCloseTo(1, 5);
  });

  it('gives partial coverage when the passage lacks a rare question word', async () => {
    const hits = await retrievePassages(index, analyzeQuestion(index, 'Brian Hook pancakes'));
    expect(hits[0]?.coverage).toBeGreaterThan(0);
    expect(hits[0]?.coverage).toBeLessThan(0.6);
  });

  it('returns nothing for a query without terms', async () => {
    expect(await retrievePassages(index, analyzeQuestion(index, 'what is the'))).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives the same answer to the same question twice', async () => {
    expect(await ask(index, 'What did Russia promise about visas for Iranians?')).toEqual(await ask(index, 'What did Russia promise about visas for Iranians?'));
  });

  it('gives identical JSON from two indexes built from the same articles', async () => {
    const rebuilt = buildCorpusIndex(index.articles);
    for (const { question } of PARAPHRASED_QUESTIONS) {
      expect(JSON.stringify(answerToJson(await ask(rebuilt, question), rebuilt))).toBe(JSON.stringify(answerToJson(await ask(index, question), index)));
    }
  });

  it('gives the same corpus version for the same articles', () => {
    expect(buildCorpusIndex(index.articles).version).toBe(index.version);
    expect(index.version).toMatch(/^[0-9a-f]{10}$/);
  });

  it('changes the corpus version when one article’s text changes', () => {
    const changed = index.articles.map((article) => (article.id === SEED.voaDeepening ? { ...article, text: `${article.text} Updated.` } : article));
    expect(buildCorpusIndex(changed).version).not.toBe(index.version);
  });
});
