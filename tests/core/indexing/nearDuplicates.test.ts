import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { findNearDuplicates } from '../../../src/core/indexing/nearDuplicates.js';
import type { Article } from '../../../src/core/types.js';
import { repeatedStories } from '../../support/citations.js';
import { ask } from '../../support/answering.js';
import { SEED, seedIndex } from '../../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

describe('findNearDuplicates on the seed corpus', () => {
  it('groups the Liberty Conservative rewrite with the Free Beacon original, original first', () => {
    expect(findNearDuplicates(index.articles)).toEqual([{ canonicalId: SEED.freeBeacon, articleIds: [SEED.freeBeacon, SEED.libertyRewrite] }]);
  });

  it('records the same group in the index, for each member', () => {
    expect(index.duplicateGroups).toHaveLength(1);
    expect(index.duplicateGroupOf.get(SEED.libertyRewrite)?.canonicalId).toBe(SEED.freeBeacon);
    expect(index.duplicateGroupOf.get(SEED.freeBeacon)?.canonicalId).toBe(SEED.freeBeacon);
  });

  it('does not group articles that are only on the same topic', () => {
    for (const id of [SEED.defyingAmerica, SEED.voaDeepening, SEED.allianceThatWasnt]) expect(index.duplicateGroupOf.has(id), id).toBe(false);
  });

  it('finds the same group whatever order the articles come in', () => {
    expect(findNearDuplicates([...index.articles].reverse())).toEqual(findNearDuplicates(index.articles));
  });
});

describe('findNearDuplicates choosing the original', () => {
  const original = (): Article => index.articleById.get(SEED.freeBeacon)!;
  const copy = (changes: Partial<Article>): Article => ({ ...original(), id: 'syndicated-copy', source: 'syndicated-copy.md', ...changes });

  it('prefers a dated article over an undated copy', () => {
    const { date: _date, ...undated } = copy({});
    expect(findNearDuplicates([undated, original()])[0]?.canonicalId).toBe(SEED.freeBeacon);
  });

  it('prefers the earlier of two dated articles', () => {
    expect(findNearDuplicates([original(), copy({ date: '2020-08-01' })])[0]?.canonicalId).toBe('syndicated-copy');
  });

  it('prefers the more precise date when one date contains the other (2020-08-07 over 2020-08)', () => {
    expect(findNearDuplicates([copy({ date: '2020-08' }), original()])[0]?.canonicalId).toBe(SEED.freeBeacon);
  });

  it('groups an exact copy and nothing else', () => {
    const groups = findNearDuplicates([...index.articles, copy({})]);
    expect(groups).toEqual([{ canonicalId: SEED.freeBeacon, articleIds: [SEED.freeBeacon, 'syndicated-copy', SEED.libertyRewrite] }]);
  });

  it('groups nothing when no two articles share enough', () => {
    expect(findNearDuplicates(index.articles.filter((article) => article.id !== SEED.libertyRewrite))).toEqual([]);
  });
});

describe('answers over near-duplicates', () => {
  it('cites the original once for the Brian Hook story and names the rewrite as also reporting it', async () => {
    const { citations } = await ask(index, 'Who replaced Brian Hook?');
    const hookCitations = citations.filter((citation) => /Brian Hook/.test(citation.excerpt));
    expect(hookCitations).toHaveLength(1);
    expect(hookCitations[0]).toMatchObject({ rank: 1, articleId: SEED.freeBeacon });
    expect(hookCitations[0]!.alsoReportedBy.map((other) => other.articleId)).toEqual([SEED.libertyRewrite]);
    expect(hookCitations[0]!.alsoReportedBy[0]).toMatchObject({
      title: 'Iran Strengthens Ties with Russia Thanks to Continued Meddling from the U.S. Government',
      publisher: 'Liberty Conservative News',
    });
  });

  it('shows the rewrite’s paragraph, naming the original, when only the rewrite has the question’s words', async () => {
    const [first] = (await ask(index, 'Which Trump administration announcement on August 7, 2020 replaced Hook with Elliot Abrams?')).citations;
    expect(first?.articleId).toBe(SEED.libertyRewrite);
    expect(first?.excerpt).toContain('On August 7, 2020, the Trump administration announced');
    expect(first?.alsoReportedBy.map((other) => other.articleId)).toEqual([SEED.freeBeacon]);
  });

  it('answers from the rewrite when its paragraph adds what was asked to the original’s', async () => {
    // The rewrite's passage holds the original's "snapback" paragraph plus one on a rival bloc.
    const result = await ask(index, 'Which rival bloc of China, Iran and Russia opposes the liberal internationalist order?');
    expect(result.abstained).toBe(false);
    expect(result.citations[0]?.articleId).toBe(SEED.libertyRewrite);
    expect(result.quote?.text).toContain('a rival political bloc comprised of China, Iran, and Russia');
  });

  it.each([
    'Who replaced Brian Hook?',
    'What did Kelly Craft say about a veto?',
    'What is the snapback?',
    'What did the New York Times say about Abrams’s appointment?',
    'Where did Zarif meet Russian officials last month?',
    'Which Security Council members are not expected to help renew the sanctions?',
  ])('never quotes the same story twice among the citations for "%s"', async (question) => {
    const { citations } = await ask(index, question);
    expect(citations.length).toBeGreaterThan(0);
    expect(repeatedStories(index, [...citations])).toEqual([]);
    expect(new Set(citations.map((citation) => citation.passageId)).size).toBe(citations.length);
  });
});
