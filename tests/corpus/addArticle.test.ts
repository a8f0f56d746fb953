/**
 * The adder of a corpus folder, on a real live corpus: pages come from a web site on 127.0.0.1
 * (fetched with private addresses allowed, as FETCH_ALLOW_PRIVATE=true does), files as bytes.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { answerQuestion, isQuestionProblem } from '../../src/core/index.js';
import { createArticleAdder, type AddOutcome, type ArticleAdder } from '../../src/corpus/addArticle.js';
import { buildIndexInThread } from '../../src/corpus/buildIndexOffThread.js';
import { LiveCorpus } from '../../src/corpus/liveCorpus.js';
import { openCorpus } from '../../src/corpus/openCorpus.js';
import { fetchPage } from '../../src/fetch/fetchPage.js';
import { readExtractionPage, REUTERS_PAGE_KEY } from '../support/extractionPages.js';
import { SAMPLE_TEXT, makeTempCorpus, markdownArticle, removeTempCorpora } from '../support/tempCorpus.js';
import { startLocalSite, type LocalSite } from '../fetch/localSite.js';

const REUTERS_PAGE = readExtractionPage(REUTERS_PAGE_KEY);
const REUTERS_TITLE = 'Oversupply angst drags oil lower, stocks drift near highs';
const REUTERS_FILE = 'oversupply-angst-drags-oil-lower-stocks-drift-near-highs.md';
/** A front page: links and teasers, no article. */
const FRONT_PAGE = `<!doctype html><html><head><title>The Daily Ledger — News</title></head><body><nav><a href="/world">World</a> <a href="/business">Business</a></nav>
<ul><li><a href="/a">Oil falls on oversupply</a></li><li><a href="/b">Stocks drift near highs</a></li><li><a href="/c">Gold steady</a></li></ul></body></html>`;

let site: LocalSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});
afterAll(removeTempCorpora);

/** A site serving the Reuters page at /markets, a front page at /, and a PDF at /report.pdf. */
async function newsSite(): Promise<LocalSite> {
  site = await startLocalSite((request, response) => {
    if (request.url?.startsWith('/markets')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(REUTERS_PAGE);
    } else if (request.url === '/report.pdf') {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end('%PDF-1.4');
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(FRONT_PAGE);
    }
  });
  return site;
}

/** A corpus folder with one article, served by a live corpus, and its adder. */
async function adderOn(
  files: Record<string, string> = { 'hook.md': markdownArticle({ title: 'Abrams Replaces Hook', url: 'https://freebeacon.com/hook' }, SAMPLE_TEXT.hook) },
): Promise<{ folder: string; corpus: LiveCorpus; adder: ArticleAdder }> {
  const folder = await makeTempCorpus(files);
  const opened = await openCorpus(folder, { snapshot: 'off' });
  const corpus = new LiveCorpus(opened.index, opened.issues, { corpusPath: folder, open: { snapshot: 'off' }, buildIndex: buildIndexInThread });
  const adder = createArticleAdder({ corpusFolder: folder, corpus, fetchPage: (url) => fetchPage(url, { allowPrivate: true }) });
  return { folder, corpus, adder };
}

function added(outcome: AddOutcome): Extract<AddOutcome, { kind: 'added' }>['added'] {
  if (outcome.kind !== 'added') throw new Error(`not added: ${outcome.refusal}: ${outcome.message}`);
  return outcome.added;
}

async function visibleFiles(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => !name.startsWith('.')).sort();
}

describe('adding a linked page', () => {
  it('saves the article as a Markdown file named after its title, with the metadata the page declares', async () => {
    const local = await newsSite();
    const { folder, adder } = await adderOn();
    const article = added(await adder.add({ kind: 'url', url: `${local.origin}/markets` }));
    expect(article).toMatchObject({
      id: REUTERS_FILE.replace(/\.md$/, ''),
      title: REUTERS_TITLE,
      date: '2019-11-19',
      url: 'https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W',
      file: REUTERS_FILE,
    });
    const saved = await readFile(path.join(folder, REUTERS_FILE), 'utf8');
    expect(saved).toMatch(/^---\nid: oversupply-angst-drags-oil-lower-stocks-drift-near-highs\ntitle: Oversupply angst drags oil lower, stocks drift near highs\n/);
    expect(saved).toContain('NEW YORK (Reuters) - Oil prices fell sharply on Tuesday on oversupply concerns');
  });

  it('serves the new article at once: a question about it is answered from it', async () => {
    const local = await newsSite();
    const { corpus, adder } = await adderOn();
    const article = added(await adder.add({ kind: 'url', url: `${local.origin}/markets` }));
    const answer = await answerQuestion(corpus.index, 'Why did oil prices fall sharply on Tuesday?');
    expect(isQuestionProblem(answer) ? undefined : answer.citations[0]?.articleId).toBe(article.id);
  });

  it('says how many passages the article has and whom it names', async () => {
    const local = await newsSite();
    const { adder } = await adderOn();
    const article = added(await adder.add({ kind: 'url', url: `${local.origin}/markets` }));
    expect(article.passages).toBeGreaterThan(3);
    expect(article.people).toContain('Donald Trump');
  });

  it('refuses a link already in the corpus, tracking parameters and all, naming its /source id', async () => {
    const local = await newsSite();
    const { folder, adder } = await adderOn();
    added(await adder.add({ kind: 'url', url: `${local.origin}/markets` }));
    const before = await visibleFiles(folder);
    const again = await adder.add({ kind: 'url', url: `${local.origin}/markets?utm_source=discord&utm_medium=share#top` });
    expect(again).toEqual({
      kind: 'refused',
      refusal: 'duplicate',
      message: 'That page is already in the corpus as /source oversupply-angst-drags-oil-lower-stocks-drift-near-highs.',
      duplicateOf: 'oversupply-angst-drags-oil-lower-stocks-drift-near-highs',
    });
    expect(await visibleFiles(folder)).toEqual(before);
  });

  it('refuses a front page, saying there is no article in it, and writes nothing', async () => {
    const local = await newsSite();
    const { folder, adder } = await adderOn();
    const outcome = await adder.add({ kind: 'url', url: `${local.origin}/` });
    expect(outcome).toMatchObject({ kind: 'refused', refusal: 'no-article' });
    expect(outcome.kind === 'refused' && outcome.message).toMatch(/^No article to add: .+\. Link the article's own page\.$/);
    expect(await readdir(folder)).toEqual(['hook.md']);
  });

  it('passes on the fetcher’s refusal of a file that is not a web page', async () => {
    const local = await newsSite();
    const { adder } = await adderOn();
    expect(await adder.add({ kind: 'url', url: `${local.origin}/report.pdf` })).toMatchObject({ kind: 'refused', refusal: 'unsupported-type' });
  });

  it('refuses what is not a web link before fetching anything', async () => {
    const { adder } = await adderOn();
    expect(await adder.add({ kind: 'url', url: 'javascript:alert(1)' })).toEqual({
      kind: 'refused',
      refusal: 'bad-url',
      message: 'That is not a web link: give an http:// or https:// address.',
    });
  });
});

describe('adding a file', () => {
  it('reads a saved page through the extractor', async () => {
    const { adder } = await adderOn();
    expect(added(await adder.add({ kind: 'file', name: 'Reuters markets.html', bytes: REUTERS_PAGE }))).toMatchObject({ title: REUTERS_TITLE, file: REUTERS_FILE });
  });

  it('takes a Markdown article with its front matter, under an id from its title', async () => {
    const { folder, adder } = await adderOn();
    const markdown = markdownArticle({ id: 'hook', title: 'Russia to lift visas for Iranians', publisher: 'OSW', date: '2019-10-25' }, SAMPLE_TEXT.visas);
    const article = added(await adder.add({ kind: 'file', name: 'notes.md', bytes: new TextEncoder().encode(markdown) }));
    expect(article).toMatchObject({ id: 'russia-to-lift-visas-for-iranians', publisher: 'OSW', date: '2019-10-25', file: 'russia-to-lift-visas-for-iranians.md' });
    expect(await visibleFiles(folder)).toEqual(['hook.md', 'russia-to-lift-visas-for-iranians.md']);
  });

  it('never overwrites a file: a taken name gets the next number', async () => {
    const { folder, adder } = await adderOn({ 'russia-to-lift-visas.md': markdownArticle({ id: 'visas', title: 'Russia to lift visas' }, SAMPLE_TEXT.visas) });
    const text = new TextEncoder().encode(`Russia to lift visas\n\n${SAMPLE_TEXT.visas} ${SAMPLE_TEXT.hook}\n`);
    expect(added(await adder.add({ kind: 'file', name: 'copy.txt', bytes: text })).file).toBe('russia-to-lift-visas-2.md');
    expect(await readFile(path.join(folder, 'russia-to-lift-visas.md'), 'utf8')).toContain('id: visas');
  });

  it('refuses a kind of file the corpus cannot read, naming what it takes', async () => {
    const { adder } = await adderOn();
    expect(await adder.add({ kind: 'file', name: 'report.pdf', bytes: new TextEncoder().encode('%PDF-1.4') })).toEqual({
      kind: 'refused',
      refusal: 'unsupported-file',
      message: 'Dossier cannot read .pdf files: add an .html page, or an .md, .txt or .jsonl article.',
    });
  });

  it('refuses a file over 5 MiB', async () => {
    const { adder } = await adderOn();
    expect(await adder.add({ kind: 'file', name: 'huge.txt', bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61) })).toMatchObject({ kind: 'refused', refusal: 'too-large' });
  });

  it('refuses a file the corpus would not load, with the validator’s reason', async () => {
    const { adder } = await adderOn();
    const markdown = markdownArticle({ title: 'Drones', date: '2022-13-01' }, SAMPLE_TEXT.uavs);
    expect(await adder.add({ kind: 'file', name: 'drones.md', bytes: new TextEncoder().encode(markdown) })).toEqual({
      kind: 'refused',
      refusal: 'bad-file',
      message: 'That file cannot be added: bad date "2022-13-01": use YYYY, YYYY-MM or YYYY-MM-DD.',
    });
  });

  it('refuses an export of several articles: one at a time', async () => {
    const { adder } = await adderOn();
    const lines = [JSON.stringify({ title: 'Visas', text: SAMPLE_TEXT.visas }), JSON.stringify({ title: 'Drones', text: SAMPLE_TEXT.uavs })].join('\n');
    expect(await adder.add({ kind: 'file', name: 'export.jsonl', bytes: new TextEncoder().encode(lines) })).toMatchObject({ kind: 'refused', refusal: 'bad-file' });
  });
});

describe('undoing an addition', () => {
  it('removes the file, and the article is no longer served', async () => {
    const local = await newsSite();
    const { folder, corpus, adder } = await adderOn();
    const article = added(await adder.add({ kind: 'url', url: `${local.origin}/markets` }));
    expect(await adder.undo(article.file)).toEqual({ kind: 'removed', file: article.file, title: REUTERS_TITLE });
    expect(await readdir(folder)).toEqual(['hook.md']);
    expect(corpus.index.articleById.has(article.id)).toBe(false);
  });

  it('refuses a path outside the corpus folder, or a file it did not write', async () => {
    const { adder } = await adderOn();
    for (const file of ['../package.json', 'sub/hook.md', '/etc/passwd', 'hook.txt']) {
      expect(await adder.undo(file)).toEqual({ kind: 'refused', message: 'That is not an article file Dossier added: nothing was removed.' });
    }
  });

  it('says so when the file is already gone', async () => {
    const { adder } = await adderOn();
    expect(await adder.undo('gone-article.md')).toEqual({ kind: 'refused', message: 'gone-article.md is no longer in the corpus: nothing to undo.' });
  });
});

describe('a near-duplicate of an article already there', () => {
  it('is saved, and reported as also reported by that article', async () => {
    const { folder, adder } = await adderOn();
    const first = added(await adder.add({ kind: 'file', name: 'Reuters markets.html', bytes: REUTERS_PAGE }));
    const body = (await readFile(path.join(folder, first.file), 'utf8')).split('\n---\n\n')[1] ?? '';
    const copy = markdownArticle({ title: 'Oil slides on oversupply worries as stocks hover near records', publisher: 'Wire copy', url: 'https://wire.example/oil' }, body);
    const second = added(await adder.add({ kind: 'file', name: 'wire.md', bytes: new TextEncoder().encode(copy) }));
    expect(second.alsoReportedBy.map((other) => other.id)).toEqual([first.id]);
  });
});
