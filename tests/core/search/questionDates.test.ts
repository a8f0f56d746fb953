import { describe, expect, it } from 'vitest';
import { analyzeQuestion, buildCorpusIndex, type Article } from '../../../src/core/index.js';
import { readQuestionDates } from '../../../src/core/search/questionDates.js';
import { seedIndex } from '../../support/seedCorpus.js';

describe('readQuestionDates', () => {
  it('reads "in March 1987" as that month', () => {
    expect(readQuestionDates('What did the EC say in March 1987 about sugar?').period).toEqual({ after: '1987-03-01', before: '1987-04-01' });
  });

  it('reads "In 2020," as that year', () => {
    expect(readQuestionDates('In 2020, what did the US ambassador to the UN say?').period).toEqual({ after: '2020-01-01', before: '2021-01-01' });
  });

  it('reads "before 2018" as ending before 2018', () => {
    expect(readQuestionDates('What did Russia back before 2018?').period).toEqual({ before: '2018-01-01' });
  });

  it('reads "after 2019" as starting in 2020', () => {
    expect(readQuestionDates('Who did Zarif meet after 2019?').period).toEqual({ after: '2020-01-01' });
  });

  it('reads "since 2017" as starting in 2017', () => {
    expect(readQuestionDates('What has Russia offered Iran since 2017?').period).toEqual({ after: '2017-01-01' });
  });

  it('reads "between 2016 and 2018" as 2016 to the end of 2018', () => {
    expect(readQuestionDates('Who hosted Zarif between 2016 and 2018?').period).toEqual({ after: '2016-01-01', before: '2019-01-01' });
  });

  it('reads a month and year before an article noun: "a February 2020 analysis"', () => {
    expect(readQuestionDates('What did a February 2020 analysis say?').period).toEqual({ after: '2020-02-01', before: '2020-03-01' });
  });

  it('reads no period in "the 2016 election"', () => {
    expect(readQuestionDates('Who won the 2016 election?')).toEqual({ period: null, spans: [], prefersRecent: false });
  });

  it('gives no period for bounds that contradict each other', () => {
    expect(readQuestionDates('What happened after 2020 but before 2019?').period).toBeNull();
  });

  it('marks where the period’s words stand', () => {
    expect(readQuestionDates('On which day in 2016 did Lavrov host Zarif?').spans).toEqual([{ start: 13, end: 20 }]);
  });

  it('reads "the latest" as asking for the newest', () => {
    expect(readQuestionDates('According to the latest article, how much was the oil and gas deal?').prefersRecent).toBe(true);
  });

  it('reads "most recently" as asking for the newest', () => {
    expect(readQuestionDates('Where did Putin most recently meet Iran’s Supreme Leader?').prefersRecent).toBe(true);
  });
});

describe('analyzeQuestion with dates', () => {
  it('does not search the year it read as a period', async () => {
    const query = analyzeQuestion(await seedIndex(), 'In 2016, which Russian minister hosted his Iranian and Syrian counterparts in Moscow?');
    expect(query.period).toEqual({ after: '2016-01-01', before: '2017-01-01' });
    expect(query.terms).not.toContain('2016');
  });

  it('keeps the year as a search term in a corpus without dates', () => {
    const undated: Article[] = [
      { id: 'budget', title: 'Budget', text: 'The 2005 budget raised spending on schools by 3%.', source: 'budget.txt' },
      { id: 'sales', title: 'Car sales', text: 'Car sales fell in 2004, the makers said.', source: 'sales.txt' },
    ];
    const query = analyzeQuestion(buildCorpusIndex(undated), 'How did car sales change in 2004?');
    expect(query.period).toBeNull();
    expect(query.terms).toContain('2004');
  });
});
