import { beforeAll, describe, expect, it } from 'vitest';
import { chunkArticle } from '../../../src/core/ingest/chunk.js';
import { buildCorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { splitSentences } from '../../../src/core/text/sentences.js';
import type { Article } from '../../../src/core/types.js';
import { SAMPLE_TEXT } from '../../support/tempCorpus.js';
import { seedIndex } from '../../support/seedCorpus.js';

let articles: readonly Article[] = [];

beforeAll(async () => {
  articles = (await seedIndex()).articles;
});

describe('chunkArticle on every seed article', () => {
  it('loads the five seed articles to chunk', () => {
    expect(articles).toHaveLength(5);
  });

  it('gives each passage a unique id of the form `articleId#position`', () => {
    for (const article of articles) {
      const passages = chunkArticle(article);
      expect(new Set(passages.map((passage) => passage.id)).size).toBe(passages.length);
      passages.forEach((passage, position) => {
        expect(passage.id).toBe(`${article.id}#${position}`);
        expect(passage.articleId).toBe(article.id);
        expect(passage.position).toBe(position);
      });
    }
  });

  it('gives the same ids and ranges when an article is chunked twice', () => {
    for (const article of articles) expect(chunkArticle(article)).toEqual(chunkArticle(article));
  });

  it('keeps passage ids unchanged when other articles are added to the corpus', () => {
    const [first, ...others] = articles;
    const alone = buildCorpusIndex([first!]).passages.filter((passage) => passage.articleId === first!.id);
    const withOthers = buildCorpusIndex([...others, first!]).passages.filter((passage) => passage.articleId === first!.id);
    expect(withOthers.map((passage) => passage.id)).toEqual(alone.map((passage) => passage.id));
    expect(withOthers).toEqual(alone);
  });

  it('gives passages whose text is the article text at their offsets', () => {
    for (const article of articles) {
      for (const passage of chunkArticle(article)) expect(article.text.slice(passage.start, passage.end)).toBe(passage.text);
    }
  });

  it('never cuts a passage inside a sentence', () => {
    for (const article of articles) {
      const sentences = splitSentences(article.text);
      for (const passage of chunkArticle(article)) {
        expect(
          sentences.some((sentence) => sentence.start === passage.start),
          `${passage.id} starts a sentence`,
        ).toBe(true);
        expect(
          sentences.some((sentence) => sentence.end === passage.end),
          `${passage.id} ends a sentence`,
        ).toBe(true);
      }
    }
  });

  it('puts every sentence of the article in exactly one passage, in order', () => {
    for (const article of articles) {
      const passages = chunkArticle(article);
      const sentences = splitSentences(article.text);
      const owners = sentences.map((sentence) => passages.filter((passage) => passage.start <= sentence.start && sentence.end <= passage.end));
      owners.forEach((owner, position) => {
        expect(owner, `${article.id} sentence ${position}`).toHaveLength(1);
      });
      const ownerPositions = owners.map((owner) => owner[0]!.position);
      expect(ownerPositions).toEqual([...ownerPositions].sort((a, b) => a - b));
      for (let position = 1; position < passages.length; position += 1) {
        expect(passages[position]!.start).toBeGreaterThan(passages[position - 1]!.end);
      }
    }
  });

  it('covers all the words of the article', () => {
    for (const article of articles) {
      const words = (text: string): string[] => text.split(/\s+/).filter((word) => word.length > 0);
      expect(chunkArticle(article).flatMap((passage) => words(passage.text))).toEqual(words(article.text));
    }
  });

  it('keeps passages within the default maximum of 720 characters, unless one whole paragraph of up to 1,200', () => {
    for (const article of articles) {
      for (const passage of chunkArticle(article)) {
        if (passage.text.length <= 720) continue;
        expect(passage.text.length, passage.id).toBeLessThanOrEqual(1_200);
        expect(passage.text, `${passage.id} is one paragraph`).not.toMatch(/\n\s*\n/);
        expect(/\n\s*\n\s*$/.test(article.text.slice(0, passage.start)) || passage.start === 0, `${passage.id} starts a paragraph`).toBe(true);
      }
    }
  });

  it('keeps passages within a small maximum, except a single sentence longer than it', () => {
    const maxLength = 200;
    for (const article of articles) {
      for (const passage of chunkArticle(article, { targetLength: 100, maxLength, maxParagraphLength: maxLength })) {
        if (passage.text.length <= maxLength) continue;
        expect(splitSentences(passage.text), `${passage.id} is over ${maxLength} characters`).toHaveLength(1);
      }
    }
  });
});

describe('chunkArticle on shaped text', () => {
  const article = (text: string): Article => ({ id: 'shaped', title: 'Shaped', text, source: 'shaped.md' });

  it('closes a passage at a paragraph end once it reaches the target length', () => {
    const text = [SAMPLE_TEXT.hook, SAMPLE_TEXT.visas, SAMPLE_TEXT.uavs].join('\n\n');
    const passages = chunkArticle(article(text), { targetLength: 100 });
    expect(passages.map((passage) => passage.text)).toEqual([SAMPLE_TEXT.hook, SAMPLE_TEXT.visas, SAMPLE_TEXT.uavs]);
  });

  it('gathers short paragraphs until the target length is reached', () => {
    const text = ['Page Count: 9', 'Publication Year: 2020', 'Language: English', SAMPLE_TEXT.hook].join('\n\n');
    const passages = chunkArticle(article(text), { targetLength: 100 });
    expect(passages).toHaveLength(1);
    expect(passages[0]!.text).toBe(text);
  });

  it('lets a single sentence longer than the maximum stand alone', () => {
    const long = `${SAMPLE_TEXT.uavs.slice(0, -1)}, ${SAMPLE_TEXT.oilDeal.charAt(0).toLowerCase()}${SAMPLE_TEXT.oilDeal.slice(1)}`;
    const text = `${SAMPLE_TEXT.hook} ${long} ${SAMPLE_TEXT.visas}`;
    const passages = chunkArticle(article(text), { targetLength: 50, maxLength: 200, maxParagraphLength: 200 });
    expect(passages.map((passage) => passage.text)).toEqual([SAMPLE_TEXT.hook, long, SAMPLE_TEXT.visas]);
  });

  it('never splits a paragraph of up to 1,200 characters, even past the maximum', () => {
    const paragraph = [SAMPLE_TEXT.hook, SAMPLE_TEXT.visas, SAMPLE_TEXT.uavs, SAMPLE_TEXT.oilDeal].join(' ');
    expect(paragraph.length).toBeGreaterThan(300);
    expect(paragraph.length).toBeLessThanOrEqual(1_200);
    const passages = chunkArticle(article(`${paragraph}\n\n${SAMPLE_TEXT.hook}`), { targetLength: 100, maxLength: 300 });
    expect(passages.map((passage) => passage.text)).toEqual([paragraph, SAMPLE_TEXT.hook]);
  });

  it('cuts a paragraph longer than `maxParagraphLength` into runs of sentences within the maximum', () => {
    const paragraph = [SAMPLE_TEXT.hook, SAMPLE_TEXT.visas, SAMPLE_TEXT.uavs, SAMPLE_TEXT.oilDeal].join(' ');
    const passages = chunkArticle(article(paragraph), { targetLength: 100, maxLength: 300, maxParagraphLength: 300 });
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.map((passage) => passage.text).join(' ')).toBe(paragraph);
    for (const passage of passages) {
      if (passage.text.length > 300) expect(splitSentences(passage.text), passage.id).toHaveLength(1);
    }
  });

  it('returns no passage for an article without sentences', () => {
    expect(chunkArticle(article('  \n\n  '))).toEqual([]);
  });
});
