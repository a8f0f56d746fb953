import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../../src/core/index.js';
import { composeMetadataQuote } from '../../../src/core/answer/metadataAnswer.js';
import { ask } from '../../support/answering.js';
import { SEED, seedArticle, seedIndex } from '../../support/seedCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

describe('composeMetadataQuote', () => {
  it('quotes publisher, date and author in one line, the publisher highlighted', async () => {
    const quote = composeMetadataQuote(await seedArticle(SEED.allianceThatWasnt), 'publisher');
    expect(quote.text).toBe('Published by Iran Business News (from Al-Monitor) in 2016, by Hamidreza Azizi.');
    expect(quote.text.slice(quote.highlights[0]!.start, quote.highlights[0]!.end)).toBe('Iran Business News (from Al-Monitor)');
  });

  it('says "on" before a day and highlights the date when the date is asked for', async () => {
    const quote = composeMetadataQuote(await seedArticle(SEED.freeBeacon), 'date');
    expect(quote.text).toBe('Published by Washington Free Beacon on 2020-08-07.');
    expect(quote.text.slice(quote.highlights[0]!.start, quote.highlights[0]!.end)).toBe('2020-08-07');
  });

  it('says the article gives no author rather than offering its publisher as one', async () => {
    const quote = composeMetadataQuote(await seedArticle(SEED.freeBeacon), 'author');
    expect(quote).toMatchObject({
      text: 'The article gives no author. Published by Washington Free Beacon on 2020-08-07.',
      highlights: [],
      metadata: { field: 'author', value: null },
    });
  });
});

describe('answering a question about the article itself', () => {
  it('answers "Who published the piece …" with the publisher, citing that article', async () => {
    const answer = await ask(index, 'Who published the piece "Russia and Iran Deepening Their Relationship"?');
    expect(answer.quote).toMatchObject({ text: 'Published by VOA Editorials in 2022-07.', citation: 1, metadata: { field: 'publisher', value: 'VOA Editorials' } });
    expect(answer.citations[0]?.articleId).toBe(SEED.voaDeepening);
  });

  it('answers "When was … published?" with the date of the article the rest of the question finds', async () => {
    const answer = await ask(index, "When was Witold Rodkiewicz's analysis of Russia's policy towards Iran published?");
    expect(answer.quote?.metadata).toEqual({ field: 'date', value: '2020-02-12' });
    expect(answer.citations[0]?.articleId).toBe(SEED.defyingAmerica);
  });

  it('answers a question about an author the article lacks by saying so, not declining', async () => {
    const answer = await ask(index, 'Who wrote the article saying Zarif met senior Russian officials in the Kremlin, as Al-Monitor reported?');
    expect(answer.abstained).toBe(false);
    expect(answer.quote?.text).toMatch(/^The article gives no author\./);
  });

  it('quotes the text, not the metadata, when the question names a writer the article’s byline does not bear', async () => {
    const answer = await ask(index, "When was Ned Price's report on Russia and Iran's $40 billion oil and gas deal published?");
    expect(answer.quote?.metadata).toBeUndefined();
  });

  it('quotes the text for a question about what the article says', async () => {
    expect((await ask(index, 'Who replaced Brian Hook?')).quote?.metadata).toBeUndefined();
  });
});
