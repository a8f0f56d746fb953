import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { article, retrieve } from '../../support/retrieval.js';

describe('the first stage’s bound on common words', () => {
  // 2,100 passages hold "people": more than the first stage reads for one term when a rarer one is asked.
  const crowd = Array.from({ length: 2_100 }, (_, position) => article(`crowd-${position}`, `People gathered in square number ${position} on Friday.`));
  const index = buildCorpusIndex([...crowd, article('minister', 'People in Tehran cheered as Zarif returned from Moscow.')]);

  it('still finds the passage and counts the common word it holds as matched', async () => {
    const [best] = await retrieve(index, 'Which people cheered Zarif?');
    expect(best?.article.id).toBe('minister');
    expect([...(best?.matchedQueryTerms ?? [])].sort()).toEqual(['cheer', 'peopl', 'zarif']);
    expect(best?.coverage).toBeCloseTo(1, 5);
  });

  it('still searches a common word when the question has no other', async () => {
    const hits = await retrieve(index, 'people', 3);
    expect(hits).toHaveLength(3);
    for (const hit of hits) expect(hit.matchedQueryTerms).toEqual(['peopl']);
  });
});
