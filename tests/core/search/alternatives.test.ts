/**
 * Other names for the same thing ("NHS" and "National Health Service", "US" and "United States",
 * "Iran" and "Iranian") count in every stage: the first stage, re-ranking, highlighting and the
 * coverage that decides whether to answer.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { analyzeQuestion } from '../../../src/core/search/question.js';
import { ask } from '../../support/answering.js';
import { article, rerankAll, retrieve } from '../../support/retrieval.js';

const index = buildCorpusIndex([
  article('nhs-pledge', 'The money would be ploughed back into frontline services like the NHS and schools with the rest used to cut government borrowing.'),
  article('exam-reform', 'Ms Kelly said reforms should build on GCSEs and A-levels, which the chief inspector of schools had said should go.'),
  article('opec-meeting', 'Opec members will next meet on 16 March to discuss production levels, the cartel said.'),
  article('exporters', 'Petroleum exporting countries outside the organisation kept their output steady, the report said.'),
  article('blogger', 'An Iranian weblogger has been jailed for 14 years on charges of spying and aiding foreign counter-revolutionaries.'),
  article('telecoms', 'The winner will work in partnership with the Iraqi Telecommunications and Post Company to rebuild the network.'),
  article('robots', 'There will be 5 million entertainment robots in homes by 2007, according to the United Nations.'),
  article('peers', 'Peers said the un-elected chamber would resist the plan, according to a report seen by the committee.'),
  article('sales', 'Sales of personal computers in the United States, Europe and Asia-Pacific rose, the Southeast Asia (SEA) office said.'),
  article('imf-gold', 'The price of gold has fallen after the International Monetary Fund (IMF) said it will look at ways of using its gold reserves.'),
  article('imf-tonnes', 'The IMF holds 3,217 tonnes of gold, the third largest holding in the world.'),
]);

function alternativesOf(question: string): string[] {
  const analyzed = analyzeQuestion(index, question);
  return analyzed.alternatives.map((alternative) => `${analyzed.terms.filter((_, position) => (alternative.covers >> position) & 1).join('+')}=${alternative.terms.join(' ')}`);
}

describe('the alternatives of a question', () => {
  it('take a name the question spells out for the abbreviation the corpus uses', () => {
    expect(alternativesOf('What will the money saved be ploughed into besides the National Health Service?')).toContain('nation+health+servic=nhs');
  });

  it('take an abbreviation for the name the corpus defines it by', () => {
    expect(alternativesOf('What did the IMF say it would look at?')).toContain('imf=intern monetari fund');
  });

  it('take US written in capitals for the United States, and do not take the pronoun', () => {
    expect(alternativesOf('Which robots will the US have in homes?')).toContain('us=unit state');
    expect(alternativesOf('What did the report tell us about robots?')).toEqual([]);
  });

  it('take UN written in capitals for the United Nations, and not un- at the start of a word', () => {
    expect(alternativesOf('How many robots does the UN expect?')).toContain('un=unit nation');
    expect(alternativesOf('Which un-elected chamber would resist the plan?')).toEqual([]);
  });

  it("take a country's adjective and never another country's", () => {
    const alternatives = alternativesOf('Which weblogger from Iran was jailed?');
    expect(alternatives).toContain('iran=iranian');
    expect(alternatives.join(' ')).not.toContain('iraqi');
  });

  it('guess the initials of a capitalised name when the corpus uses them', () => {
    expect(alternativesOf('When are members of the Organisation of the Petroleum Exporting Countries next meeting?')).toContain('organis+petroleum+export+countri=opec');
  });

  it('do not run a capitalised name across a comma', () => {
    expect(alternativesOf('How many personal computers are the United States, Europe and Asia-Pacific expected to add?').join(' ')).not.toContain('=sea');
  });
});

describe('an alternative in each stage', () => {
  it('finds the passage that uses only the abbreviation in the first stage', async () => {
    const [best] = await retrieve(index, 'When will the Organisation of the Petroleum Exporting Countries next meet?');
    expect(best?.article.id).toBe('opec-meeting');
  });

  it('counts as an exact match of the name it stands for in re-ranking', () => {
    const scores = rerankAll(index, 'When will the Organisation of the Petroleum Exporting Countries next meet?');
    expect(scores.get('opec-meeting')!).toBeGreaterThan(scores.get('exporters')!);
  });

  it('counts as covered, so that the question is answered rather than declined', async () => {
    const result = await ask(index, 'What should reforms build on besides General Certificates of Secondary Education?');
    expect(result.abstained).toBe(false);
    expect(result.citations[0]?.articleId).toBe('exam-reform');
  });

  it('is highlighted in the quote', async () => {
    const result = await ask(index, 'What will the money be ploughed back into besides schools and the National Health Service?');
    const quote = result.quote!;
    expect(quote.highlights.map((range) => quote.text.slice(range.start, range.end))).toContain('NHS');
  });
});

describe('a country and its adjective', () => {
  /** Real BBC sentences: "capital" only in the financial sense, "Australian" only as an adjective. */
  const tennis = buildCorpusIndex([
    article('capriati', 'Jennifer Capriati has become the third leading lady to withdraw from the Australian Open because of injury.'),
    article('withdrawal', 'Serena Williams has become the third leading lady to withdraw from the French Open because of injury.'),
    article('fannie-mae', 'The financial regulator said Fannie Mae would have to raise substantial new capital to restore its balance sheet.'),
  ]);

  it('is a near form, not the country itself', () => {
    const analyzed = analyzeQuestion(tennis, 'What is the capital of Australia?');
    expect(analyzed.alternatives).toEqual([{ covers: 2, terms: ['australian'], near: true }]);
  });

  it('keeps an abbreviation and its name exact', () => {
    expect(analyzeQuestion(index, 'Which robots will the US have in homes?').alternatives.every((alternative) => !alternative.near)).toBe(true);
  });

  it('declines "What is the capital of Australia?" on news that mentions only the Australian Open and capital in the financial sense', async () => {
    expect((await ask(tennis, 'What is the capital of Australia?')).abstained).toBe(true);
  });

  it('still ranks the passage holding the adjective first for a question naming the country', () => {
    const scores = rerankAll(tennis, 'Which leading lady withdrew from the Open in Australia?');
    expect(scores.get('capriati')!).toBeGreaterThan(scores.get('withdrawal')!);
  });
});
