/**
 * `npm run cli -- add URL|PATH` and `npm run cli -- export` as processes, and the console's /add.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/storage/corpusFolder.js';
import { startLocalSite, type LocalSite } from '../fetch/localSite.js';
import { readExtractionPage, REUTERS_PAGE_KEY } from '../support/extractionPages.js';
import { outputLines, runTsx } from '../support/runProcess.js';
import { SEED_CORPUS_DIR } from '../support/seedCorpus.js';
import { SAMPLE_TEXT, makeTempCorpus, markdownArticle, removeTempCorpora } from '../support/tempCorpus.js';

const CLI = 'src/cli/main.ts';
const REUTERS_PAGE = readExtractionPage(REUTERS_PAGE_KEY);
const REUTERS_ID = 'oversupply-angst-drags-oil-lower-stocks-drift-near-highs';
const HOOK = { 'hook.md': markdownArticle({ title: 'Abrams Replaces Hook' }, SAMPLE_TEXT.hook) };

let site: LocalSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});
afterAll(removeTempCorpora);

describe('cli add', () => {
  it('adds a saved page and prints what was saved as JSON, exiting 0', async () => {
    const folder = await makeTempCorpus(HOOK);
    const page = path.join(await makeTempCorpus({}), 'markets.html');
    await writeFile(page, REUTERS_PAGE);
    const result = await runTsx(CLI, ['add', page, '--corpus', folder, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(outputLines(result).at(-1) ?? '')).toMatchObject({
      added: {
        id: REUTERS_ID,
        title: 'Oversupply angst drags oil lower, stocks drift near highs',
        date: '2019-11-19',
        file: `${REUTERS_ID}.md`,
        passages: expect.any(Number) as unknown as number,
      },
      duplicateOf: null,
    });
    expect((await readdir(folder)).filter((name) => name.endsWith('.md')).sort()).toEqual(['hook.md', `${REUTERS_ID}.md`]);
  });

  it('fetches a link when private addresses are allowed, and refuses the same link again with exit 1', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(REUTERS_PAGE);
    });
    const folder = await makeTempCorpus(HOOK);
    const env = { FETCH_ALLOW_PRIVATE: 'true' };
    const first = await runTsx(CLI, ['add', `${site.origin}/markets`, '--corpus', folder, '--json'], { env });
    expect(first.code).toBe(0);
    const second = await runTsx(CLI, ['add', `${site.origin}/markets?utm_source=x`, '--corpus', folder, '--json'], { env });
    expect(second.code).toBe(1);
    expect(JSON.parse(outputLines(second).at(-1) ?? '')).toEqual({ error: `That page is already in the corpus as /source ${REUTERS_ID}.`, kind: 'duplicate' });
  });

  it('refuses a private address unless FETCH_ALLOW_PRIVATE is set, and writes nothing', async () => {
    site = await startLocalSite((_request, response) => response.end(REUTERS_PAGE));
    const folder = await makeTempCorpus(HOOK);
    const result = await runTsx(CLI, ['add', `${site.origin}/markets`, '--corpus', folder, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(outputLines(result).at(-1) ?? '')).toMatchObject({ kind: 'private-address' });
    expect(await readdir(folder)).not.toContain(`${REUTERS_ID}.md`);
  });

  it('says in one line why a missing file cannot be added', async () => {
    const folder = await makeTempCorpus(HOOK);
    const result = await runTsx(CLI, ['add', 'no/such/page.html', '--corpus', folder]);
    expect(result.code).toBe(1);
    expect(outputLines(result).at(-1)).toBe('Not added: no/such/page.html cannot be read (no such file): give a link or a readable file.');
  });
});

describe('cli export', () => {
  it('prints one JSON line per article, with the file it came from', async () => {
    const result = await runTsx(CLI, ['export']);
    expect(result.code).toBe(0);
    const lines = outputLines(result).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(Object.keys(lines[0]!)).toEqual(['id', 'title', 'publisher', 'author', 'date', 'url', 'text', 'source']);
    expect(lines.every((line) => typeof line['source'] === 'string' && (line['source'] as string).endsWith('.md'))).toBe(true);
  });

  it('gives the same articles when its output is loaded as a corpus', async () => {
    const result = await runTsx(CLI, ['export']);
    const folder = await makeTempCorpus({ 'export.jsonl': result.stdout });
    const strip = (articles: Awaited<ReturnType<typeof readCorpus>>['corpus']['articles']): unknown[] => articles.map(({ source: _source, ...article }) => article);
    expect(strip((await readCorpus(folder)).corpus.articles)).toEqual(strip((await readCorpus(SEED_CORPUS_DIR)).corpus.articles));
  });
});

describe('the console’s /add', () => {
  it('adds a saved page and answers the next question from it', async () => {
    const folder = await makeTempCorpus(HOOK);
    const page = path.join(await makeTempCorpus({}), 'markets.html');
    await writeFile(page, REUTERS_PAGE);
    const result = await runTsx('src/main.ts', [], { env: { CORPUS_DIR: folder, INDEX_CACHE_DIR: 'off' }, input: `/add ${page}\nWhy did oil prices fall on Tuesday?\n/quit\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Added “Oversupply angst drags oil lower, stocks drift near highs” (');
    expect(result.stdout).toContain(`read it: /source ${REUTERS_ID}`);
    expect(result.stdout).toContain('[1] Oversupply angst drags oil lower, stocks drift near highs');
  });
});
