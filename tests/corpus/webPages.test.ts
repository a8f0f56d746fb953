/**
 * Web pages saved from a browser (`.html`, `.htm`) in the corpus folder: read through the article
 * extractor, with the charset the page declares; a page without an article is a `no-article` issue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/index.js';
import { readCorpus, type CorpusRead } from '../../src/storage/corpusFolder.js';
import { extractionTruth, readExtractionPage, REUTERS_PAGE_KEY } from '../support/extractionPages.js';
import { outputLines, runTsx } from '../support/runProcess.js';
import { SAMPLE_TEXT, makeTempCorpus, markdownArticle, removeTempCorpora } from '../support/tempCorpus.js';

/** A login wall as news sites serve it to a crawler: a form and a few words, no article. */
const LOGIN_WALL = `<!doctype html><html><head><title>Sign in | The Daily Ledger</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><h1>Subscribe to keep reading</h1><p>Sign in or subscribe to read this article.</p>
<form><input name="email"><input type="password" name="password"><button>Sign in</button></form></main>
<footer>© 2022 The Daily Ledger</footer></body></html>`;

/** A page saved as Windows-1252 (as older European news sites serve it), saying so in a meta tag. */
function windows1252Page(): Uint8Array {
  const paragraphs = [
    'TEHRAN — Iran\u2019s foreign minister met his Russian counterpart on Monday, the ministry said, in talks that covered energy, transport and the war in Syria.',
    'Officials in Moscow described the meeting as \u201cconstructive\u201d and said both sides would meet again in S\u00e3o Paulo later this year, on the margins of a summit.',
    'The ministers also discussed a new rail corridor that would link the Caspian Sea with the Persian Gulf, a project both governments have promoted for years.',
  ];
  const html = `<!doctype html><html><head><meta charset="windows-1252"><title>Iran and Russia hold talks in Moscow</title></head><body><article><h1>Iran and Russia hold talks in Moscow</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('')}</article></body></html>`;
  // Windows-1252 bytes: the curly quotes and the dash take their single-byte codes there.
  const codes: Record<string, number> = { '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2014': 0x97 };
  return Uint8Array.from([...html].map((character) => codes[character] ?? character.charCodeAt(0)));
}

let read: CorpusRead;
const byFile = (file: string): Article | undefined => read.corpus.articles.find((article) => article.source === file);

beforeAll(async () => {
  const dir = await makeTempCorpus({
    'hook.md': markdownArticle({ title: 'Abrams Replaces Hook' }, SAMPLE_TEXT.hook),
    'saved/reuters-markets.html': readExtractionPage(REUTERS_PAGE_KEY),
    'talks.htm': windows1252Page(),
    'login-wall.html': LOGIN_WALL,
  });
  read = await readCorpus(dir);
});
afterAll(removeTempCorpora);

describe('a saved news page in the corpus folder', () => {
  it('loads as an article named after its file, with the metadata the page declares', () => {
    expect(byFile('saved/reuters-markets.html')).toMatchObject({
      id: 'saved-reuters-markets',
      title: 'Oversupply angst drags oil lower, stocks drift near highs',
      date: '2019-11-19',
      url: 'https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W',
    });
  });

  it('holds the article’s body from its first paragraph to its last, without the page around it', () => {
    const text = byFile('saved/reuters-markets.html')?.text ?? '';
    const paragraphs = extractionTruth(REUTERS_PAGE_KEY)
      .articleBody.split('\n')
      .filter((line) => line.trim().length > 0);
    expect(text.startsWith(paragraphs[0]!)).toBe(true);
    expect(text).toContain(paragraphs[paragraphs.length - 4]!);
    expect(text).not.toMatch(/Sign up for|Subscribe|All quotes delayed/);
  });

  it('is decoded with the charset it declares', () => {
    expect(byFile('talks.htm')?.text).toContain('Iran\u2019s foreign minister met his Russian counterpart');
    expect(byFile('talks.htm')?.text).toContain('\u201cconstructive\u201d and said both sides would meet again in S\u00e3o Paulo');
  });
});

describe('a saved page with no article in it', () => {
  it('is one no-article issue naming the file, while the other files load', () => {
    expect(read.corpus.issues).toEqual([{ file: 'login-wall.html', kind: 'no-article', reason: expect.any(String) as unknown as string }]);
    expect(read.corpus.articles.map((article) => article.source).sort()).toEqual(['hook.md', 'saved/reuters-markets.html', 'talks.htm']);
  });

  it('is named with its kind by validate:corpus', async () => {
    const dir = await makeTempCorpus({ 'hook.md': markdownArticle({ title: 'Abrams Replaces Hook' }, SAMPLE_TEXT.hook), 'login-wall.html': LOGIN_WALL });
    const result = await runTsx('src/cli/validateCorpus.ts', [dir, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(outputLines(result).join('\n')) as { issues: Array<{ file: string; kind: string }> };
    expect(report.issues.map((issue) => [issue.file, issue.kind])).toEqual([['login-wall.html', 'no-article']]);
  });
});
