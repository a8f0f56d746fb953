import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../src/core/corpusIndex.js';
import { findMentions, suggestNames } from '../../src/core/mentions.js';
import { SEED, seedIndex } from '../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

describe('findMentions (for /who)', () => {
  it('finds every sentence naming Zarif, in corpus order, with the spellings of his name', () => {
    const report = findMentions(index, 'Zarif');
    expect(report.articleCount).toBe(3);
    expect(report.variants).toEqual(['Javad Zarif', 'Mohammad Javad Zarif']);
    expect(report.mentions.map((mention) => mention.article.id)).toEqual([SEED.freeBeacon, SEED.freeBeacon, SEED.freeBeacon, SEED.libertyRewrite, SEED.allianceThatWasnt]);
    for (const mention of report.mentions) expect(mention.sentence).toMatch(/Zarif/);
  });

  it('marks the name in each sentence', () => {
    for (const mention of findMentions(index, 'Zarif').mentions) {
      expect(mention.highlights.map((range) => mention.sentence.slice(range.start, range.end))).toEqual([expect.stringMatching(/^Zarif/)]);
    }
  });

  it('tolerates one typo in a longer name and reports both spellings the corpus uses', () => {
    const report = findMentions(index, 'Elliot Abrams');
    expect(report.variants).toEqual(['Elliot Abrams', 'Elliott Abrams']);
    expect(report.articleCount).toBe(2);
  });

  it('matches a name written in fullwidth letters', () => {
    expect(findMentions(index, 'Ｌａｖｒｏｖ').articleCount).toBe(findMentions(index, 'Lavrov').articleCount);
  });

  it('finds nothing for a name the corpus never uses', () => {
    expect(findMentions(index, 'Angela Merkel')).toMatchObject({ mentions: [], articleCount: 0 });
  });

  it('finds nothing for stop words', () => {
    expect(findMentions(index, 'who is')).toEqual({ query: 'who is', variants: [], mentions: [], articleCount: 0 });
  });

  it('returns at most `limit` mentions but counts every article', () => {
    const report = findMentions(index, 'Zarif', 2);
    expect(report.mentions).toHaveLength(2);
    expect(report.articleCount).toBe(3);
  });
});

describe('suggestNames (name autocomplete)', () => {
  it('suggests names containing a word that starts with what was typed', () => {
    const names = suggestNames(index, 'zar');
    expect(names).toContain('Mohammad Javad Zarif');
    for (const name of names) expect(name.toLowerCase()).toMatch(/(^|\s)zar/);
  });

  it('puts the most mentioned names first and respects the limit', () => {
    const names = suggestNames(index, '', 5);
    expect(names).toHaveLength(5);
    expect(names).toContain('Security Council');
  });
});
