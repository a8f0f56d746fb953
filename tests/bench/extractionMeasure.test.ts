import { describe, expect, it } from 'vitest';
import { averageScores, countShingles, scorePage, splitWords } from '../../bench/extractionMeasure.js';

const TRUTH = 'The central bank held interest rates at 0.75% on Thursday, as inflation eased for a third month.';

describe('extraction measure (4-word shingles)', () => {
  it('splits words at everything but letters, digits and underscores', () => {
    expect(splitWords('Rates at 0.75% — a “third” month_end, São Paulo')).toEqual(['Rates', 'at', '0', '75', 'a', 'third', 'month_end', 'São', 'Paulo']);
  });

  it('counts each run of four words, repeats included', () => {
    const shingles = countShingles('a b c d a b c d');
    expect(shingles.get('a b c d')).toBe(2);
    expect(shingles.size).toBe(4);
  });

  it('scores an exact extraction 1 on both sides', () => {
    expect(scorePage(TRUTH, TRUTH)).toEqual({ precision: 1, recall: 1 });
  });

  it('lowers precision, not recall, for boilerplate added after the article', () => {
    const score = scorePage(TRUTH, `${TRUTH} Sign up for our daily newsletter to get the news in your inbox.`);
    expect(score.recall).toBe(1);
    // The truth's 18 words make 15 shingles, all found; the 13 added words bring 13 more.
    expect(score.precision).toBeCloseTo(15 / 28, 10);
  });

  it('lowers recall, not precision, for a missing sentence', () => {
    const score = scorePage(TRUTH, 'The central bank held interest rates at 0.75% on Thursday');
    expect(score.precision).toBe(1);
    // 11 words kept: 8 of the truth's 15 shingles.
    expect(score.recall).toBeCloseTo(8 / 15, 10);
  });

  it('scores an empty extraction 0 and two empty texts 1', () => {
    expect(scorePage(TRUTH, '')).toEqual({ precision: 0, recall: 0 });
    expect(scorePage('', '')).toEqual({ precision: 1, recall: 1 });
  });

  it('averages precision and recall over pages and takes F1 from the averages', () => {
    const average = averageScores([
      { precision: 1, recall: 0.5 },
      { precision: 0.5, recall: 1 },
    ]);
    expect(average).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, pages: 2 });
  });
});
