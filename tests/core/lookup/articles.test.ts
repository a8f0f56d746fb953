import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_LENGTH, findArticle, paginateArticle, suggestArticles } from '../../../src/core/lookup/articles.js';
import { buildCorpusIndex, type CorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import type { Article } from '../../../src/core/types.js';
import { SEED, seedIndex } from '../../support/seedCorpus.js';
import { PROPERTY_SEEDS, seededRandom, type Random } from '../../support/seededRandom.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

/** The article a reference finds, and how (fails the test when none is found). */
function found(reference: string): { id: string; matchedBy: string } {
  const lookup = findArticle(index, reference);
  if (lookup.kind !== 'found') throw new Error(`"${reference}" found nothing; suggestions: ${lookup.suggestions.map((article) => article.id).join(', ')}`);
  return { id: lookup.article.id, matchedBy: lookup.matchedBy };
}

describe('findArticle (for /source)', () => {
  it('finds an article by its id', () => {
    expect(found(SEED.voaDeepening)).toEqual({ id: SEED.voaDeepening, matchedBy: 'id' });
  });

  it('finds an article by its id typed in capitals, with spaces around', () => {
    expect(found('  RUSSIA-IRAN-DEEPENING-RELATIONSHIP ')).toEqual({ id: SEED.voaDeepening, matchedBy: 'id' });
  });

  it('finds an article by its exact title', () => {
    expect(found('Russia and Iran Deepening Their Relationship')).toEqual({ id: SEED.voaDeepening, matchedBy: 'title' });
  });

  it('finds an article by its title ignoring case and punctuation (straight apostrophe for a curly one)', () => {
    expect(found("the russian iranian alliance that wasn't")).toEqual({ id: SEED.allianceThatWasnt, matchedBy: 'title' });
  });

  it('finds an article by its title ignoring accents', () => {
    expect(found('Défying América — Russia’s policy towards Irán!')).toEqual({ id: SEED.defyingAmerica, matchedBy: 'title' });
  });

  it('finds an article by a few words of its title', () => {
    expect(found('deepening relationship')).toEqual({ id: SEED.voaDeepening, matchedBy: 'title-words' });
    expect(found('continued meddling')).toEqual({ id: SEED.libertyRewrite, matchedBy: 'title-words' });
  });

  it('finds an article by its publisher’s name', () => {
    expect(found('Free Beacon').id).toBe(SEED.freeBeacon);
  });

  it('finds an article by title words with a typo', () => {
    expect(found('alliance that wasnt russain').id).toBe(SEED.allianceThatWasnt);
  });

  it('reports an unknown reference with the titles that come closest', () => {
    const lookup = findArticle(index, 'Iran sanctions snapback timeline');
    expect(lookup.kind).toBe('unknown-article');
    if (lookup.kind !== 'unknown-article') return;
    expect(lookup.reference).toBe('Iran sanctions snapback timeline');
    expect(lookup.suggestions.length).toBeGreaterThan(0);
    for (const article of lookup.suggestions) expect(article.title).toMatch(/Iran/);
  });

  it('does not take an article for one matching word among several that match nothing', () => {
    expect(findArticle(index, 'Venezuela envoy Iran').kind).toBe('unknown-article');
  });

  it('reports an unknown reference with no suggestions when no title word matches', () => {
    expect(findArticle(index, 'Brexit negotiations')).toEqual({ kind: 'unknown-article', reference: 'Brexit negotiations', suggestions: [] });
  });
});

describe('suggestArticles (title autocomplete)', () => {
  it('lists every article in corpus order for an empty prefix', () => {
    expect(suggestArticles(index, '').map((article) => article.id)).toEqual(index.articles.map((article) => article.id));
  });

  it('completes a partly typed title word', () => {
    expect(suggestArticles(index, 'deepen').map((article) => article.id)[0]).toBe(SEED.voaDeepening);
  });

  it('respects the limit', () => {
    expect(suggestArticles(index, 'Iran', 2)).toHaveLength(2);
  });
});

/** A long synthetic article: paragraphs of words of many lengths, emoji, accents and some very long words. */
function syntheticArticle(random: Random): Article {
  const vocabulary = ['Zarif', 'Lavrov', 'sanctions', 'Ośrodek', '😀', '🇮🇷🇷🇺', 'Россия', 'إيران', 'U.S.', 'Abrams’s', '$40', 'billion', 'a', 'snapback', '—', 'counter-hegemonic'];
  const paragraphs: string[] = [];
  for (let p = random.int(3, 12); p > 0; p -= 1) {
    const sentences: string[] = [];
    for (let s = random.int(1, 8); s > 0; s -= 1) {
      const words: string[] = [];
      for (let w = random.int(1, 40); w > 0; w -= 1) {
        const roll = random.next();
        words.push(roll < 0.05 ? '😀'.repeat(random.int(5, 30)) : roll < 0.1 ? 'x'.repeat(random.int(20, 60)) : random.pick(vocabulary));
      }
      sentences.push(`${words.join(' ')}.`);
    }
    paragraphs.push(sentences.join(random.next() < 0.2 ? '\n' : ' '));
  }
  return { id: 'synthetic', title: 'Synthetic', text: paragraphs.join('\n\n'), source: 'synthetic.md' };
}

const wordsOf = (text: string): string[] => text.split(/\s+/).filter((word) => word.length > 0);

describe('paginateArticle', () => {
  it('fits an article shorter than the page length on one page, verbatim', () => {
    for (const article of index.articles) expect(paginateArticle(article, 3_000)).toEqual([article.text]);
  });

  it(`cuts the seed articles into pages of at most ${DEFAULT_PAGE_LENGTH} characters by default`, () => {
    const article = index.articleById.get(SEED.voaDeepening)!;
    expect(article.text.length).toBeGreaterThan(DEFAULT_PAGE_LENGTH);
    expect(paginateArticle(article).length).toBe(2);
  });

  it('keeps every page of every seed article within the page length', () => {
    for (const article of index.articles) {
      for (const pageLength of [DEFAULT_PAGE_LENGTH, 500, 200]) {
        for (const page of paginateArticle(article, pageLength)) expect(page.length, `${article.id} at ${pageLength}`).toBeLessThanOrEqual(pageLength);
      }
    }
  });

  it('puts every word of every seed article on exactly one page, in order', () => {
    for (const article of index.articles) {
      for (const pageLength of [DEFAULT_PAGE_LENGTH, 500, 200]) {
        expect(paginateArticle(article, pageLength).flatMap(wordsOf), `${article.id} at ${pageLength}`).toEqual(wordsOf(article.text));
      }
    }
  });

  it('breaks pages between paragraphs when it can', () => {
    const article = index.articleById.get(SEED.voaDeepening)!;
    const paragraphs = article.text.split('\n\n');
    for (const page of paginateArticle(article, 900)) {
      const first = page.split('\n\n')[0]!;
      expect(
        paragraphs.some((paragraph) => paragraph.startsWith(first)),
        first.slice(0, 40),
      ).toBe(true);
    }
  });

  it('keeps the line breaks of a paragraph that is cut across pages', () => {
    const article = index.articleById.get(SEED.defyingAmerica)!;
    const [first] = paginateArticle(article);
    expect(first?.startsWith('Author(s): Witold Rodkiewicz\nSubject(s): International relations/trade')).toBe(true);
    expect(article.text.startsWith(first!)).toBe(true);
  });

  it.each(PROPERTY_SEEDS)('keeps every word on exactly one page, in order, within the length, for synthetic article seed %i', (seed) => {
    const random = seededRandom(seed);
    const article = syntheticArticle(random);
    const pageLength = random.int(80, 400);
    const pages = paginateArticle(article, pageLength);
    const context = `seed ${seed}, page length ${pageLength}`;
    for (const page of pages) {
      expect(page.length, context).toBeLessThanOrEqual(pageLength);
      expect(page.trim().length, context).toBeGreaterThan(0);
      expect(page, `${context}: lone surrogate`).not.toMatch(/[\uD800-\uDFFF]/u);
    }
    expect(pages.flatMap(wordsOf), context).toEqual(wordsOf(article.text));
  });

  it('splits a word longer than a page only between code points, keeping its pieces in order', () => {
    const word = '😀'.repeat(45);
    const article: Article = { id: 'emoji', title: 'Emoji', text: `Zarif said ${word} and left.`, source: 'emoji.md' };
    const pages = paginateArticle(article, 25);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(25);
      expect(page).not.toMatch(/[\uD800-\uDFFF]/u);
    }
    expect(pages.join('').replace(/\s+/g, '')).toBe(article.text.replace(/\s+/g, ''));
  });

  it('never splits a word that fits on a page', () => {
    const random = seededRandom(99);
    const words = Array.from({ length: 400 }, () => random.pick(['Zarif', 'Lavrov', 'sanctions', '😀😀😀', 'counter-hegemonic', 'U.S.', 'Ośrodek']));
    const article: Article = { id: 'words', title: 'Words', text: `${words.join(' ')}.`, source: 'words.md' };
    const pages = paginateArticle(article, 60);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.flatMap(wordsOf)).toEqual(wordsOf(article.text));
  });

  it('paginates an index-built article the same way twice', () => {
    const rebuilt = buildCorpusIndex(index.articles);
    for (const article of rebuilt.articles) expect(paginateArticle(article, 300)).toEqual(paginateArticle(index.articleById.get(article.id)!, 300));
  });
});
