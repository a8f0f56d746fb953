import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, isQuestionProblem, type Answer, type CorpusIndex } from '../../../src/core/index.js';
import { dateWindow, parseDatePeriod } from '../../../src/core/search/dateWindow.js';
import { DEFAULT_STAGES, insertStage } from '../../../src/core/search/retrieve.js';
import { SEED, seedIndex } from '../../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

async function answer(question: string, options: Parameters<typeof answerQuestion>[2] = {}): Promise<Answer> {
  const result = await answerQuestion(index, question, options);
  if (isQuestionProblem(result)) throw new Error(`not an answer: ${result.kind}`);
  return result;
}

describe('parseDatePeriod', () => {
  it('reads a year as the first day of that year', () => {
    expect(parseDatePeriod({ after: '2020' })).toEqual({ kind: 'period', period: { after: '2020-01-01' } });
  });

  it('reads a month as the first day of that month', () => {
    expect(parseDatePeriod({ before: '2021-06' })).toEqual({ kind: 'period', period: { before: '2021-06-01' } });
  });

  it('reads a date as that day, ignoring surrounding spaces', () => {
    expect(parseDatePeriod({ after: ' 2020-08-07 ' })).toEqual({ kind: 'period', period: { after: '2020-08-07' } });
  });

  it('treats missing and blank values as open-ended', () => {
    expect(parseDatePeriod({ after: '', before: undefined })).toEqual({ kind: 'period', period: {} });
  });

  it('refuses words with a message naming the option and the value', () => {
    expect(parseDatePeriod({ after: 'last year' })).toEqual({ kind: 'bad-period', message: 'after: expected a year, YYYY-MM or YYYY-MM-DD, got "last year"' });
  });

  it('refuses a day that does not exist', () => {
    expect(parseDatePeriod({ before: '2021-02-30' })).toMatchObject({ kind: 'bad-period', message: expect.stringContaining('before: expected a year') });
  });

  it('refuses a thirteenth month', () => {
    expect(parseDatePeriod({ after: '2020-13' }).kind).toBe('bad-period');
  });

  it('refuses an after that is not earlier than before', () => {
    expect(parseDatePeriod({ after: '2021', before: '2021-01' })).toEqual({ kind: 'bad-period', message: 'after (2021-01-01) must be earlier than before (2021-01-01)' });
  });
});

describe('the date-window stage', () => {
  it('ranks a 2022 article above a 2016 one that led without a period, keeping the 2016 one among the citations', async () => {
    const question = 'What did Lavrov say about Iran?';
    const plain = await answer(question);
    expect(plain.citations[0]?.articleId).toBe(SEED.allianceThatWasnt);
    const dated = await answer(question, { period: { after: '2022-01-01' } });
    expect(dated.citations[0]?.articleId).toBe(SEED.voaDeepening);
    expect(dated.citations.map((citation) => citation.articleId)).toContain(SEED.allianceThatWasnt);
  });

  it('halves the score of a passage of an article dated outside the period', async () => {
    const question = 'What did Lavrov say about Iran?';
    const plain = await answer(question);
    const dated = await answer(question, { period: { before: '2017-01-01' } });
    const outside = (result: Answer) => result.citations.concat(result.moreCitations).find((citation) => citation.articleId === SEED.voaDeepening);
    expect(outside(dated)?.score).toBeCloseTo((outside(plain)?.score ?? 0) / 2, 2);
  });

  it('counts an undated article as outside the period', async () => {
    const article = index.articles.find((each) => each.id === SEED.freeBeacon)!;
    const { date: _date, ...undated } = article;
    const passage = index.passages.find((each) => each.articleId === article.id)!;
    const candidate = { passage, article: undated, score: 1, matchedQueryTerms: [], matchedPassageTerms: [], approximateQueryTerms: [], coverage: 0, alsoReportedBy: [] };
    const scored = await dateWindow({ after: '2016-01-01' }).run([candidate], {} as never, { index } as never);
    expect(scored[0]?.score).toBe(0.5);
  });

  it('leaves an answer unchanged, with no period recorded, when the period has neither bound', async () => {
    const plain = await answer('What did Lavrov say about Iran?');
    const open = await answer('What did Lavrov say about Iran?', { period: {} });
    expect(open).toEqual(plain);
    expect('period' in open).toBe(false);
  });

  it('goes right after rerank when inserted there', () => {
    expect(insertStage(DEFAULT_STAGES, dateWindow({ after: '2020-01-01' }), { after: 'rerank' }).map((stage) => stage.name)).toEqual([
      'first-stage',
      'rerank',
      'date-window',
      'promote-answer-bearing',
      'fold-near-duplicates',
    ]);
  });

  it('records the period it applied in the answer', async () => {
    expect((await answer('Who replaced Brian Hook?', { period: { after: '2020-01-01', before: '2021-06-01' } })).period).toEqual({ after: '2020-01-01', before: '2021-06-01' });
  });
});
