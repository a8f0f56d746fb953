import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isIgnoredName, readCorpus } from '../../src/storage/corpusFolder.js';
import { describeCorpusIssues, openCorpus } from '../../src/corpus/openCorpus.js';
import { SEED, SEED_CORPUS_DIR } from '../support/seedCorpus.js';
import { SAMPLE_TEXT, makeTempCorpus, markdownArticle, removeTempCorpora } from '../support/tempCorpus.js';

afterAll(removeTempCorpora);

/** Files that load: one per format, plus files that are not articles. */
const goodFiles = {
  'hook.md': markdownArticle({ title: 'Abrams Replaces Hook', publisher: 'Washington Free Beacon', date: '2020-08-07' }, SAMPLE_TEXT.hook),
  'visas.txt': `Russia to Lift Visas for Iranians\n\n${SAMPLE_TEXT.visas}\n`,
  'wire.jsonl': `${JSON.stringify({ id: 'uavs', title: 'Iran Readies UAVs for Russia', text: SAMPLE_TEXT.uavs })}\n{broken\n${JSON.stringify({ id: 'oil-deal', title: 'A $40 Billion Deal', text: SAMPLE_TEXT.oilDeal })}\n`,
  'README.md': '# About this corpus\n\nNot an article: it has no front matter.\n',
  'notes.csv': 'not,a,corpus,file\n',
};

describe('readCorpus on the bundled corpus', () => {
  it('loads the five seed articles without issues, in file name order', async () => {
    const { articles, issues } = (await readCorpus(SEED_CORPUS_DIR)).corpus;
    expect(issues).toEqual([]);
    expect(articles.map((article) => article.id)).toEqual([SEED.defyingAmerica, SEED.freeBeacon, SEED.libertyRewrite, SEED.voaDeepening, SEED.allianceThatWasnt]);
  });

  it('does not take the corpus README for an article', async () => {
    const { articles } = (await readCorpus(SEED_CORPUS_DIR)).corpus;
    expect(articles.some((article) => article.source.toLowerCase().includes('readme'))).toBe(false);
  });

  it('reads each article’s metadata from its front matter', async () => {
    const { articles } = (await readCorpus(SEED_CORPUS_DIR)).corpus;
    const metadata = Object.fromEntries(articles.map(({ id, title, publisher, author, date, url }) => [id, { title, publisher, author, date, url }]));
    expect(metadata).toEqual({
      [SEED.defyingAmerica]: {
        title: 'Defying America. Russia’s policy towards Iran',
        publisher: 'OSW Centre for Eastern Studies (record on CEEOL)',
        author: 'Witold Rodkiewicz',
        date: '2020-02-12',
        url: 'https://www.ceeol.com/search/gray-literature-detail?id=851863',
      },
      [SEED.freeBeacon]: {
        title: 'Iran Strengthens Relationship With Russia Amid New Pressure From Washington',
        publisher: 'Washington Free Beacon',
        author: undefined,
        date: '2020-08-07',
        url: 'https://freebeacon.com/national-security/iran-strengthens-relationship-with-russia-amid-new-pressure-from-washington/',
      },
      [SEED.libertyRewrite]: {
        title: 'Iran Strengthens Ties with Russia Thanks to Continued Meddling from the U.S. Government',
        publisher: 'Liberty Conservative News',
        author: undefined,
        date: '2020-08',
        url: 'https://libertyconservativenews.com/iran-strengthens-ties-with-russia-thanks-to-continued-meddling-from-the-u-s-government/',
      },
      [SEED.voaDeepening]: {
        title: 'Russia and Iran Deepening Their Relationship',
        publisher: 'VOA Editorials',
        author: undefined,
        date: '2022-07',
        url: 'https://editorials.voa.gov/amp/russia-and-iran-deepening-their-relationship/6687303.html',
      },
      [SEED.allianceThatWasnt]: {
        title: 'The Russian-Iranian Alliance that wasn’t',
        publisher: 'Iran Business News (from Al-Monitor)',
        author: 'Hamidreza Azizi',
        date: '2016',
        url: undefined,
      },
    });
  });

  it('keeps the article text verbatim, starting after the front matter', async () => {
    const { articles } = (await readCorpus(SEED_CORPUS_DIR)).corpus;
    const voa = articles.find((article) => article.id === SEED.voaDeepening);
    expect(voa?.text.startsWith('Russian President Vladimir Putin, left, shakes hands with Iranian President Ebrahim Raisi')).toBe(true);
    expect(voa?.text).toContain('In addition to Russia and Iran claiming they reached a $40 billion deal in oil and gas development');
    expect(voa?.source).toBe(`${SEED.voaDeepening}.md`);
  });
});

describe('readCorpus on a folder with good and bad files', () => {
  const badFiles = {
    'unclosed.md': `---\ntitle: Lavrov Hosts Zarif\n\n${SAMPLE_TEXT.lavrov}\n`,
    'invalid-yaml.md': `---\ntitle: [Lavrov Hosts Zarif\n---\n\n${SAMPLE_TEXT.lavrov}\n`,
    'untitled.md': markdownArticle({ publisher: 'Al-Monitor' }, SAMPLE_TEXT.lavrov),
    'empty.md': '',
    'binary.md': new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x00, 0x00, 0xff]),
    'latin1.txt': new Uint8Array([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x0a, 0xc3, 0x28]),
    'unsafe-url.md': markdownArticle({ title: 'Lavrov Hosts Zarif', url: 'javascript:alert(1)' }, SAMPLE_TEXT.lavrov),
    'credentials-url.md': markdownArticle({ title: 'Lavrov Hosts Zarif', url: 'https://user:pass@host/' }, SAMPLE_TEXT.lavrov),
    'bad-date.md': markdownArticle({ title: 'Lavrov Hosts Zarif', date: '2020-13-01' }, SAMPLE_TEXT.lavrov),
    'zz-duplicate.md': markdownArticle({ id: 'hook', title: 'Abrams Replaces Hook, Again' }, SAMPLE_TEXT.hook),
  };

  it('loads every good file and entry', async () => {
    const { articles } = (await readCorpus(await makeTempCorpus({ ...goodFiles, ...badFiles }))).corpus;
    expect(articles.map((article) => article.id).sort()).toEqual(['hook', 'hook-2', 'oil-deal', 'uavs', 'visas']);
  });

  it('reports exactly one issue for each bad file, naming it', async () => {
    const { issues } = (await readCorpus(await makeTempCorpus({ ...goodFiles, ...badFiles }))).corpus;
    const files = issues.map((issue) => issue.file);
    expect(files.sort()).toEqual([...Object.keys(badFiles), 'wire.jsonl:2'].sort());
  });

  it('gives each issue its reason', async () => {
    const { issues } = (await readCorpus(await makeTempCorpus({ ...goodFiles, ...badFiles }))).corpus;
    const reasons = Object.fromEntries(issues.map((issue) => [issue.file, issue.reason]));
    expect(reasons).toMatchObject({
      'unclosed.md': 'bad front matter: no closing "---" line',
      'untitled.md': 'missing title',
      'empty.md': 'empty file',
      'binary.md': 'binary file (GIF image)',
      'latin1.txt': 'not valid UTF-8 text',
      'bad-date.md': 'bad date "2020-13-01": use YYYY, YYYY-MM or YYYY-MM-DD',
      'zz-duplicate.md': 'duplicate id "hook" (already used by hook.md): loaded as "hook-2"; give it an id of its own',
      'wire.jsonl:2': 'not a JSON object',
    });
    expect(reasons['invalid-yaml.md']).toMatch(/^bad front matter: /);
    expect(reasons['unsafe-url.md']).toMatch(/^unsafe URL "javascript:alert\(1\)"/);
    expect(reasons['credentials-url.md']).toMatch(/^unsafe URL "https:\/\/user:\*\*\*@host\/"/);
  });

  it('describes each issue on one line as `file: reason`', async () => {
    const { issues } = (await readCorpus(await makeTempCorpus({ 'empty.md': '', 'hook.md': goodFiles['hook.md'] }))).corpus;
    expect(describeCorpusIssues(issues)).toEqual(['empty.md: empty file']);
  });

  it('reads subfolders and names their files by relative path', async () => {
    const dir = await makeTempCorpus({
      'washington/hook.md': goodFiles['hook.md'],
      'moscow/2016/visas.txt': goodFiles['visas.txt'],
      'moscow/empty.md': '',
      'moscow/README.md': '# Notes on the Moscow folder\n',
    });
    const { articles, issues } = (await readCorpus(dir)).corpus;
    expect(articles.map((article) => article.source).sort()).toEqual(['moscow/2016/visas.txt', 'washington/hook.md']);
    expect(issues).toEqual([{ file: 'moscow/empty.md', kind: 'empty', reason: 'empty file' }]);
  });

  it('gives articles in different subfolders with the same file name different ids', async () => {
    const dir = await makeTempCorpus({ 'business/001.txt': goodFiles['visas.txt'], 'politics/001.txt': `Abrams Replaces Hook\n\n${SAMPLE_TEXT.hook}\n` });
    const { articles, issues } = (await readCorpus(dir)).corpus;
    expect(issues).toEqual([]);
    expect(new Set(articles.map((article) => article.id)).size).toBe(2);
  });

  it('loads an empty folder as an empty corpus', async () => {
    expect((await readCorpus(await makeTempCorpus({}))).corpus).toEqual({ articles: [], issues: [] });
  });
});

describe('readCorpus on a single file', () => {
  it('loads a single .md file as a one-article corpus', async () => {
    const { articles, issues } = (await readCorpus(path.join(SEED_CORPUS_DIR, `${SEED.allianceThatWasnt}.md`))).corpus;
    expect(issues).toEqual([]);
    expect(articles.map((article) => [article.id, article.source])).toEqual([[SEED.allianceThatWasnt, `${SEED.allianceThatWasnt}.md`]]);
  });

  it('loads a single .jsonl file, reporting its bad lines by `file:line`', async () => {
    const dir = await makeTempCorpus({ 'wire.jsonl': goodFiles['wire.jsonl'] });
    const { articles, issues } = (await readCorpus(path.join(dir, 'wire.jsonl'))).corpus;
    expect(articles.map((article) => article.id)).toEqual(['uavs', 'oil-deal']);
    expect(issues).toEqual([{ file: 'wire.jsonl:2', kind: 'bad-json', reason: 'not a JSON object' }]);
  });

  it('reports a single bad file as an issue rather than throwing', async () => {
    const dir = await makeTempCorpus({ 'empty.md': '' });
    expect((await readCorpus(path.join(dir, 'empty.md'))).corpus).toEqual({ articles: [], issues: [{ file: 'empty.md', kind: 'empty', reason: 'empty file' }] });
  });

  it('throws, naming the path, when the path does not exist', async () => {
    const missing = path.join(await makeTempCorpus({}), 'no-such-corpus');
    await expect(readCorpus(missing)).rejects.toThrow(`corpus: no such file or folder: ${missing}`);
  });

  it('throws when the path is a file of another kind', async () => {
    const dir = await makeTempCorpus({ 'notes.csv': 'a,b\n' });
    await expect(readCorpus(path.join(dir, 'notes.csv'))).rejects.toThrow(/^corpus: not a \.md, \.txt, \.jsonl or \.html file: /);
  });
});

describe('isIgnoredName', () => {
  it('skips hidden names and editors’ backup, swap, auto-save and merge leftovers', () => {
    for (const name of [
      '.draft.md',
      '.git',
      '.dossier-cache',
      '.article.md.swp',
      '.#article.md',
      'article.md~',
      '#article.md#',
      'article.md.bak',
      'article.md.orig',
      'article.md.rej',
      'article.md.tmp',
    ]) {
      expect(isIgnoredName(name), name).toBe(true);
    }
  });

  it('keeps ordinary article and folder names, even with dots or hashes inside', () => {
    for (const name of ['russia-iran-deepening-relationship.md', 'wire.jsonl', '001.txt', '2016', 'u.s.-sanctions.md', 'issue#12.md', '#']) {
      expect(isIgnoredName(name), name).toBe(false);
    }
  });
});

describe('openCorpus', () => {
  it('indexes the usable articles and passes the issues on', async () => {
    const dir = await makeTempCorpus({ 'hook.md': markdownArticle({ title: 'Abrams Replaces Hook' }, SAMPLE_TEXT.hook), 'empty.md': '' });
    const { index, issues } = await openCorpus(dir);
    expect(index.articles.map((article) => article.id)).toEqual(['hook']);
    expect(index.passages.length).toBeGreaterThan(0);
    expect(issues).toEqual([{ file: 'empty.md', kind: 'empty', reason: 'empty file' }]);
  });

  it('sees a new file the next time the corpus is opened', async () => {
    const dir = await makeTempCorpus({ 'hook.md': markdownArticle({ title: 'Abrams Replaces Hook' }, SAMPLE_TEXT.hook) });
    const before = await openCorpus(dir);
    await writeFile(path.join(dir, 'visas.txt'), `Russia to Lift Visas\n\n${SAMPLE_TEXT.visas}\n`);
    const after = await openCorpus(dir);
    expect(after.index.articles).toHaveLength(2);
    expect(after.index.version).not.toBe(before.index.version);
  });
});
