import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, isQuestionProblem, type Answer } from '../../../src/core/answer/answer.js';
import { buildCorpusIndex, type CorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { analyzeQuery, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, retrievePassages } from '../../../src/core/search/retrieve.js';
import { answerToJson } from '../../../src/cli/renderJson.js';
import { SEED, seedIndex } from '../../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

function answer(question: string, onIndex: CorpusIndex = index): Answer {
  const result = answerQuestion(onIndex, question);
  if (isQuestionProblem(result)) throw new Error(`"${question}" is a problem: ${result.kind}`);
  return result;
}

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
  it.each(PARAPHRASED_QUESTIONS)('answers "$question" from $articleId, quoting "$phrase"', ({ question, articleId, phrase }) => {
    const result = answer(question);
    expect(result.abstained).toBe(false);
    expect(result.citations[0]?.articleId).toBe(articleId);
    expect(result.quote?.text).toContain(phrase);
  });
});

describe('retrievePassages', () => {
  it('ranks hits by score, highest first', () => {
    const hits = retrievePassages(index, analyzeQuery('Russia Iran sanctions embargo'));
    expect(hits.length).toBeGreaterThan(3);
    for (let position = 1; position < hits.length; position += 1) expect(hits[position]!.score).toBeLessThanOrEqual(hits[position - 1]!.score);
  });

  it('returns at most `limit` hits', () => {
    expect(retrievePassages(index, analyzeQuery('Russia Iran'), 4)).toHaveLength(4);
  });

  it('reports which question terms each hit matched and how much of the question that covers', () => {
    const [best] = retrievePassages(index, analyzeQuery('Who replaced Brian Hook?'));
    expect(best?.passage.text).toContain('Brian Hook');
    expect([...(best?.matchedQueryTerms ?? [])].sort()).toEqual(['brian', 'hook', 'replac']);
    expect(best?.coverage).toBeCloseTo(1, 5);
  });

  it('gives partial coverage when the passage lacks a rare question word', () => {
    const hits = retrievePassages(index, analyzeQuery('Brian Hook pancakes'));
    expect(hits[0]?.coverage).toBeGreaterThan(0);
    expect(hits[0]?.coverage).toBeLessThan(0.6);
  });

  it('returns nothing for a query without terms', () => {
    expect(retrievePassages(index, analyzeQuery('what is the'))).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives the same answer to the same question twice', () => {
    expect(answer('What did Russia promise about visas for Iranians?')).toEqual(answer('What did Russia promise about visas for Iranians?'));
  });

  it('gives identical JSON from two indexes built from the same articles', () => {
    const rebuilt = buildCorpusIndex(index.articles);
    for (const { question } of PARAPHRASED_QUESTIONS) {
      expect(JSON.stringify(answerToJson(answer(question, rebuilt), rebuilt))).toBe(JSON.stringify(answerToJson(answer(question), index)));
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

describe('analyzeQuery and its limits', () => {
  it('turns a question into distinct search terms, in question order', () => {
    const query = analyzeQuery('Who replaced Brian Hook? Hook was replaced.');
    expect(query.terms).toEqual(['replac', 'brian', 'hook']);
    expect(query.words).toEqual(['replaced', 'Brian', 'Hook']);
    expect(query.truncated).toBe(false);
  });

  it('trims the question', () => {
    expect(analyzeQuery('   Who replaced Brian Hook?  \n').text).toBe('Who replaced Brian Hook?');
  });

  it('folds fullwidth and zero-width characters in the question', () => {
    expect(analyzeQuery('Ｚａｒｉｆ and Lav\u200Brov').terms).toEqual(['zarif', 'lavrov']);
  });

  it('cuts a 5,000-character question to the length limit and marks it truncated', () => {
    const question = 'Who replaced Brian Hook? '.repeat(200);
    expect(question.length).toBe(5_000);
    const query = analyzeQuery(question);
    expect(query.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(query.truncated).toBe(true);
  });

  it('still answers a 5,000-character question, saying it was truncated', () => {
    const result = answer(`Who replaced Brian Hook? ${'Please answer from the articles. '.repeat(160)}`.slice(0, 5_000));
    expect(result.truncated).toBe(true);
    expect(result.abstained).toBe(false);
    expect(result.quote?.text).toContain('Elliott Abrams');
  });

  it('never cuts a long question inside a surrogate pair', () => {
    const question = `${'a'.repeat(MAX_QUERY_LENGTH - 1)}😀 Zarif`;
    const { text } = analyzeQuery(question);
    expect(text).toBe('a'.repeat(MAX_QUERY_LENGTH - 1));
    expect(text).not.toMatch(/[\uD800-\uDFFF]/u);
  });

  it(`keeps at most ${MAX_QUERY_TERMS} distinct terms and marks the question truncated`, () => {
    const words = ['Zarif', 'Lavrov', 'Moscow', 'Tehran', 'Abrams', 'Hook', 'Craft', 'embargo', 'snapback', 'sanctions', 'Syria', 'Assad', 'Kremlin', 'Venezuela', 'China', 'Ukraine', 'NATO', 'visa', 'UAVs', 'JCPOA'];
    const query = analyzeQuery(words.join(' '));
    expect(query.terms).toHaveLength(MAX_QUERY_TERMS);
    expect(query.terms[0]).toBe('zarif');
    expect(query.terms).not.toContain('nato');
    expect(query.truncated).toBe(true);
  });

  it(`does not mark a question with exactly ${MAX_QUERY_TERMS} distinct terms truncated`, () => {
    const words = ['Zarif', 'Lavrov', 'Moscow', 'Tehran', 'Abrams', 'Hook', 'Craft', 'embargo', 'snapback', 'sanctions', 'Syria', 'Assad', 'Kremlin', 'Venezuela', 'China', 'Ukraine'];
    const query = analyzeQuery(`${words.join(' ')} Zarif Lavrov`);
    expect(query.terms).toHaveLength(MAX_QUERY_TERMS);
    expect(query.truncated).toBe(false);
  });

  it('gives no terms for an empty question', () => {
    expect(analyzeQuery('')).toEqual({ text: '', terms: [], words: [], truncated: false });
  });
});
