import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { AnswerKind } from '../../../src/core/search/answerKinds.js';
import { analyzeQuestion, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, termWeight } from '../../../src/core/search/question.js';
import { ask } from '../../support/answering.js';
import { seedIndex } from '../../support/seedCorpus.js';

let index: CorpusIndex;
/** Twenty words of the seed corpus with twenty distinct terms, in order. */
// biome-ignore format: packed word list
const DISTINCT_WORDS = ['Zarif', 'Lavrov', 'Moscow', 'Tehran', 'Abrams', 'Hook', 'Craft', 'embargo', 'snapback', 'sanctions', 'Syria', 'Assad', 'Kremlin', 'Venezuela', 'China', 'Ukraine', 'NATO', 'visa', 'UAVs', 'JCPOA'];

beforeAll(async () => {
  index = await seedIndex();
});

describe('analyzeQuestion and its limits', () => {
  it('turns a question into distinct search terms, in question order', () => {
    const query = analyzeQuestion(index, 'Who replaced Brian Hook? Hook was replaced.');
    expect(query.terms).toEqual(['replac', 'brian', 'hook']);
    expect(query.words).toEqual(['replaced', 'Brian', 'Hook']);
    expect(query.truncated).toBe(false);
  });

  it('trims the question', () => {
    expect(analyzeQuestion(index, '   Who replaced Brian Hook?  \n').text).toBe('Who replaced Brian Hook?');
  });

  it('folds fullwidth and zero-width characters in the question', () => {
    expect(analyzeQuestion(index, 'Ｚａｒｉｆ and Lav\u200Brov').terms).toEqual(['zarif', 'lavrov']);
  });

  it('cuts a 5,000-character question to the length limit and marks it truncated', () => {
    const question = 'Who replaced Brian Hook? '.repeat(200);
    expect(question.length).toBe(5_000);
    const query = analyzeQuestion(index, question);
    expect(query.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(query.truncated).toBe(true);
  });

  it('still answers a 5,000-character question, saying it was truncated', async () => {
    const result = await ask(index, `Who replaced Brian Hook? ${'Please answer from the articles. '.repeat(160)}`.slice(0, 5_000));
    expect(result.truncated).toBe(true);
    expect(result.abstained).toBe(false);
    expect(result.quote?.text).toContain('Elliott Abrams');
  });

  it('never cuts a long question inside a surrogate pair', () => {
    const question = `${'a'.repeat(MAX_QUERY_LENGTH - 1)}😀 Zarif`;
    const { text } = analyzeQuestion(index, question);
    expect(text).toBe('a'.repeat(MAX_QUERY_LENGTH - 1));
    expect(text).not.toMatch(/[\uD800-\uDFFF]/u);
  });

  it(`keeps at most ${MAX_QUERY_TERMS} distinct terms and marks the question truncated`, () => {
    const words = DISTINCT_WORDS.slice(0, MAX_QUERY_TERMS + 4);
    const query = analyzeQuestion(index, words.join(' '));
    expect(query.terms).toHaveLength(MAX_QUERY_TERMS);
    expect(query.terms[0]).toBe('zarif');
    expect(query.terms).not.toContain('nato');
    expect(query.truncated).toBe(true);
  });

  it(`does not mark a question with exactly ${MAX_QUERY_TERMS} distinct terms truncated`, () => {
    const words = DISTINCT_WORDS.slice(0, MAX_QUERY_TERMS);
    const query = analyzeQuestion(index, `${words.join(' ')} Zarif Lavrov`);
    expect(query.terms).toHaveLength(MAX_QUERY_TERMS);
    expect(query.truncated).toBe(false);
  });

  it('gives no terms for an empty question', () => {
    const query = analyzeQuestion(index, '');
    expect(query).toMatchObject({ text: '', terms: [], words: [], truncated: false, termWeights: [], totalWeight: 0, askedKinds: 0, firstWord: undefined });
  });
});

describe('the question’s shape', () => {
  it('finds the noun naming the kind of answer, capitalised modifiers skipped', () => {
    expect(analyzeQuestion(index, 'Which NFL team represented the AFC at Super Bowl 50?').focusWord).toBe('team');
    expect(analyzeQuestion(index, 'What stadium hosted the game?').focusWord).toBe('stadium');
    expect(analyzeQuestion(index, 'What is the name of the stadium?').focusWord).toBe('name');
    expect(analyzeQuestion(index, 'What type of engine did Tesla build?').focusWord).toBe('type');
  });

  it('finds no focus noun when none follows what or which', () => {
    expect(analyzeQuestion(index, 'What did Tesla build?').focusWord).toBeNull();
    expect(analyzeQuestion(index, 'Who replaced Brian Hook?').focusWord).toBeNull();
    expect(analyzeQuestion(index, 'Which 2015 team won?').focusWord).toBeNull();
  });

  it('gives each term its role: a capitalised word after the first is a name, the focus noun is the focus', () => {
    const query = analyzeQuestion(index, 'Which envoy did Lavrov meet in Moscow?');
    expect(query.terms).toEqual(['envoi', 'lavrov', 'meet', 'moscow']);
    expect(query.termRoles).toEqual(['focus', 'name', 'other', 'name']);
  });

  it('reads the kinds of answer asked for: a number, a date, else a name', () => {
    expect(analyzeQuestion(index, 'How many drones did Iran send?').askedKinds).toBe(AnswerKind.number);
    expect(analyzeQuestion(index, 'When did Zarif visit Moscow?').askedKinds).toBe(AnswerKind.date);
    expect(analyzeQuestion(index, 'Who replaced Brian Hook?').askedKinds).toBe(AnswerKind.name);
    expect(analyzeQuestion(index, 'Why did Russia postpone the talks?').askedKinds).toBe(0);
  });

  it('takes the question word after a leading clause: "When Fox left, who replaced him?" asks for a name', () => {
    expect(analyzeQuestion(index, 'When Brian Hook left, who replaced him?').askedKinds).toBe(AnswerKind.name);
  });

  it('weighs each term by its rarity in the index, and sums the weights', () => {
    const query = analyzeQuestion(index, 'Who replaced Brian Hook?');
    expect(query.termWeights).toEqual(query.terms.map((term) => termWeight(index, term)));
    expect(query.totalWeight).toBeCloseTo(
      query.termWeights.reduce((sum, weight) => sum + weight, 0),
      12,
    );
  });

  it('keeps the first word folded for matching, diacritics removed, as the terms are', () => {
    const query = analyzeQuestion(index, 'Žarif met whom in Moscow?');
    expect(query.firstWord).toBe('Zarif');
    expect(query.terms[0]).toBe('zarif');
  });
});
