import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, CorpusIndex } from '../../../src/core/index.js';
import { dateWindow, parseDatePeriod, recencyPreference } from '../../../src/core/search/dateWindow.js';
import { DEFAULT_STAGES, insertStage } from '../../../src/core/search/retrieve.js';
import { ask } from '../../support/answering.js';
import { SEED, seedIndex } from '../../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

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
    const plain = await ask(index, question);
    expect(plain.citations[0]?.articleId).toBe(SEED.allianceThatWasnt);
    const dated = await ask(index, question, { period: { after: '2022-01-01' } });
    expect(dated.citations[0]?.articleId).toBe(SEED.voaDeepening);
    expect(dated.citations.map((citation) => citation.articleId)).toContain(SEED.allianceThatWasnt);
  });

  it('halves the score of a passage of an article dated outside the period', async () => {
    const question = 'What did Lavrov say about Iran?';
    const plain = await ask(index, question);
    const dated = await ask(index, question, { period: { before: '2017-01-01' } });
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
    const plain = await ask(index, 'What did Lavrov say about Iran?');
    const open = await ask(index, 'What did Lavrov say about Iran?', { period: {} });
    expect(open).toEqual(plain);
    expect('period' in open).toBe(false);
  });

  it('goes right after rerank when inserted there', () => {
    expect(insertStage(DEFAULT_STAGES, dateWindow({ after: '2020-01-01' }), { after: 'rerank' }).map((stage) => stage.name)).toEqual([
      'first-stage',
      'rerank',
      'date-window',
      'said-quotes',
      'promote-answer-bearing',
      'fold-near-duplicates',
    ]);
  });

  it('records the period it applied in the answer', async () => {
    expect((await ask(index, 'Who replaced Brian Hook?', { period: { after: '2020-01-01', before: '2021-06-01' } })).period).toEqual({ after: '2020-01-01', before: '2021-06-01' });
  });
});

describe('dates written in the question', () => {
  it('answers "In 2016, which Russian minister …" from the 2016 article rather than declining for want of "2016"', async () => {
    const result = await ask(index, 'In 2016, which Russian minister hosted his Iranian and Syrian counterparts in Moscow?');
    expect(result).toMatchObject({ abstained: false, period: { after: '2016-01-01', before: '2017-01-01' }, periodFrom: 'question' });
    expect(result.quote?.text).toContain('Sergey Lavrov');
  });

  it('prefers articles of the period the question states', async () => {
    const result = await ask(index, 'What did Lavrov say about Iran in 2022?');
    expect(result.citations[0]?.articleId).toBe(SEED.voaDeepening);
  });

  it('lets the period given as options win over the one the question states', async () => {
    const result = await ask(index, 'What did Lavrov say about Iran in 2022?', { period: { before: '2017-01-01' } });
    expect(result).toMatchObject({ period: { before: '2017-01-01' }, periodFrom: 'options' });
    expect(result.citations[0]?.articleId).toBe(SEED.allianceThatWasnt);
  });

  it('records no period for a question without dates', async () => {
    expect('periodFrom' in (await ask(index, 'Who replaced Brian Hook?'))).toBe(false);
  });

  it('records that the question asked for the newest', async () => {
    expect((await ask(index, 'According to the latest article, how much was the oil and gas deal Russia and Iran claimed to have reached?')).prefersRecent).toBe(true);
  });
});

describe('the prefer-recent stage', () => {
  const candidateOf = (articleId: string, score: number) => {
    const article = index.articles.find((each) => each.id === articleId)!;
    const passage = index.passages.find((each) => each.articleId === articleId)!;
    return { passage, article, score, matchedQueryTerms: [], matchedPassageTerms: [], approximateQueryTerms: [], coverage: 0, alsoReportedBy: [] };
  };

  it('puts the newer of two comparably relevant articles first', async () => {
    const ranked = await recencyPreference().run([candidateOf(SEED.allianceThatWasnt, 10), candidateOf(SEED.voaDeepening, 9.5)], {} as never, { index } as never);
    expect(ranked.map((candidate) => candidate.article.id)).toEqual([SEED.voaDeepening, SEED.allianceThatWasnt]);
  });

  it('never lifts a newer article scoring under the band past a more relevant one', async () => {
    const ranked = await recencyPreference().run([candidateOf(SEED.allianceThatWasnt, 10), candidateOf(SEED.voaDeepening, 8)], {} as never, { index } as never);
    expect(ranked.map((candidate) => candidate.article.id)).toEqual([SEED.allianceThatWasnt, SEED.voaDeepening]);
  });
});
