import { describe, expect, it } from 'vitest';
import { articleFileName, parseCorpusFile, renderArticleMarkdown, type ArticleContent } from '../../../src/core/index.js';
import { SAMPLE_TEXT } from '../../support/tempCorpus.js';

const ADDED: ArticleContent = {
  id: 'trump-names-elliott-abrams-special-representative-for-iran',
  title: 'Trump names Elliott Abrams special representative for Iran: "a hawk"',
  publisher: 'The Washington Free Beacon',
  author: 'Adam Kredo, Jane O’Neil',
  date: '2020-08-07',
  url: 'https://freebeacon.com/national-security/iran-strengthens-relationship-with-russia/?a=1&b=#2',
  text: `${SAMPLE_TEXT.hook}\n\n${SAMPLE_TEXT.visas}`,
};

function reparse(markdown: string, name = 'added.md'): unknown {
  const parsed = parseCorpusFile({ name, bytes: new TextEncoder().encode(markdown) });
  expect(parsed.issues).toEqual([]);
  const [article] = parsed.articles;
  return article === undefined ? undefined : { ...article, source: undefined };
}

describe('renderArticleMarkdown', () => {
  it('writes a file that the corpus parser reads back as the same article', () => {
    expect(reparse(renderArticleMarkdown(ADDED))).toEqual({ ...ADDED, source: undefined });
  });

  it('keeps a title that YAML would read as a number, a date or a boolean as text', () => {
    for (const title of ['2024', 'yes', '2020-08-07', 'null', '- a list?', '# a comment?', '"quoted"', 'a: b']) {
      expect(reparse(renderArticleMarkdown({ ...ADDED, title }))).toMatchObject({ title });
    }
  });

  it('leaves out the metadata an article does not have', () => {
    expect(renderArticleMarkdown({ id: 'visas', title: 'Russia to lift visas for Iranians', text: SAMPLE_TEXT.visas })).toBe(
      `---\nid: visas\ntitle: Russia to lift visas for Iranians\n---\n\n${SAMPLE_TEXT.visas}\n`,
    );
  });

  it('keeps a body line of three hyphens in the body', () => {
    const text = `${SAMPLE_TEXT.hook}\n\n---\n\n${SAMPLE_TEXT.visas}`;
    expect(reparse(renderArticleMarkdown({ ...ADDED, text }))).toMatchObject({ text });
  });
});

describe('articleFileName', () => {
  it('names the file after the title', () => {
    expect(articleFileName('Iran strengthens relationship with Russia amid new pressure from Washington', () => false)).toBe(
      'iran-strengthens-relationship-with-russia-amid-new-pressure-from.md',
    );
  });

  it('never takes a name that is taken: it counts up', () => {
    const taken = new Set(['russia-to-lift-visas.md', 'russia-to-lift-visas-2.md']);
    expect(articleFileName('Russia to lift visas', (name) => taken.has(name))).toBe('russia-to-lift-visas-3.md');
  });

  it('keeps the name of a long title within the length of an id, suffix included', () => {
    const long = 'Iran strengthens relationship with Russia amid new pressure from Washington and Brussels';
    const first = articleFileName(long, () => false);
    const second = articleFileName(long, (name) => name === first);
    expect(second.replace(/\.md$/, '').length).toBeLessThanOrEqual(64);
    expect(second).toMatch(/-2\.md$/);
  });

  it('names an article whose title has no letter or digit article.md', () => {
    expect(articleFileName('¿?!', () => false)).toBe('article.md');
  });
});
