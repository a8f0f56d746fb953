import { describe, expect, it } from 'vitest';
import { describeCorpusMetadata, detectMetadataQuestion, isWrittenBy } from '../../../src/core/search/metadataQuestions.js';
import { SEED, seedArticle, seedIndex } from '../../support/seedCorpus.js';

describe('detectMetadataQuestion', () => {
  it('reads "Who published the piece …" as a question about the publisher', () => {
    expect(detectMetadataQuestion('Who published the piece "Russia and Iran Deepening Their Relationship"?')).toEqual({ field: 'publisher', writers: [] });
  });

  it('reads "Which outlet reported …" as a question about the publisher', () => {
    expect(detectMetadataQuestion('Which outlet reported that Zarif met Russian officials in the Kremlin?')?.field).toBe('publisher');
  });

  it('reads "For which news site did … write" as a question about the publisher, naming the writer', () => {
    expect(detectMetadataQuestion('For which news site did Hamidreza Azizi write his piece on the Russian-Iranian alliance?')).toEqual({
      field: 'publisher',
      writers: ['Hamidreza Azizi'],
    });
  });

  it('reads "Who wrote the piece …" as a question about the author', () => {
    expect(detectMetadataQuestion('Who wrote the piece asking whether Russia and Iran had formed an alliance?')?.field).toBe('author');
  });

  it('reads "When did … report on …" as a question about the date, naming the outlet', () => {
    expect(detectMetadataQuestion('When did the Washington Free Beacon report on Zarif’s visit to the Kremlin?')).toEqual({ field: 'date', writers: ['Washington Free Beacon'] });
  });

  it('reads "When was the article about … published" as a question about the date', () => {
    expect(detectMetadataQuestion('When was the article about Elliott Abrams replacing Brian Hook published?')?.field).toBe('date');
  });

  it('leaves "Who wrote the letter …" a question about the text', () => {
    expect(detectMetadataQuestion('Who wrote the letter to the Supreme Leader?')).toBeNull();
  });

  it('leaves "When was the film released?" a question about the text', () => {
    expect(detectMetadataQuestion('When was the film released?')).toBeNull();
  });

  it('leaves "When did Russia begin its intervention in Syria?" a question about the text', () => {
    expect(detectMetadataQuestion('When did Russia begin its military intervention in Syria?')).toBeNull();
  });

  it('does not take a magazine named in the possessive for a question about the publisher', () => {
    expect(detectMetadataQuestion("On which magazine's cover did Tesla appear in 1931")).toBeNull();
  });
});

describe('isWrittenBy', () => {
  it('finds the writer the question names in the article’s author', async () => {
    expect(isWrittenBy(await seedArticle(SEED.allianceThatWasnt), { field: 'date', writers: ['Hamidreza Azizi'] })).toBe(true);
  });

  it('finds the outlet the question names in the article’s publisher', async () => {
    expect(isWrittenBy(await seedArticle(SEED.freeBeacon), { field: 'date', writers: ['Washington Free Beacon'] })).toBe(true);
  });

  it('refuses a writer the article’s byline does not bear', async () => {
    expect(isWrittenBy(await seedArticle(SEED.defyingAmerica), { field: 'date', writers: ['Thoreau'] })).toBe(false);
  });
});

describe('describeCorpusMetadata', () => {
  it('says the seed articles differ in publisher, author and date', async () => {
    expect(describeCorpusMetadata((await seedIndex()).articles)).toEqual({ publisher: true, author: true, date: true });
  });

  it('says a corpus with one publisher for everything and no dates does not differ in them', () => {
    const articles = [
      { publisher: 'Wikipedia', title: 'Super Bowl 50' },
      { publisher: 'Wikipedia', title: 'Nikola Tesla' },
    ];
    expect(describeCorpusMetadata(articles)).toEqual({ publisher: false, author: false, date: false });
  });
});
