/**
 * The bad-corpus fixtures (`tests/fixtures/corpus-bad/`, described in `tests/fixtures/README.md`)
 * loaded by the real loader: one failure per file, each one issue of the right kind, the good
 * files still loaded, hidden files and editors' leftovers ignored. The large files and the
 * symbolic links are made here, in a temp copy of the folder, rather than committed.
 */
import { cp, mkdir, open, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_ISSUE_KINDS, MAX_ARTICLE_FILE_BYTES, MAX_JSON_LINE_BYTES, MAX_LINE_BYTES } from '../../src/core/ingest/parseCorpus.js';
import type { CorpusIssueKind } from '../../src/core/types.js';
import { readCorpus, type CorpusRead } from '../../src/storage/corpusFolder.js';
import { runTsx } from '../support/runProcess.js';
import { PROJECT_ROOT } from '../support/seedCorpus.js';
import { SAMPLE_TEXT, makeTempCorpus, markdownArticle, removeTempCorpora } from '../support/tempCorpus.js';

const FIXTURE_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'corpus-bad');
const MIB = 1024 * 1024;

/** Every bad file (or `.jsonl` line) of the folder, with the kind of its one issue. */
const EXPECTED_ISSUES: Readonly<Record<string, CorpusIssueKind>> = {
  // Committed fixtures.
  'empty.md': 'empty',
  'whitespace-only.txt': 'empty',
  'front-matter-not-closed.md': 'front-matter',
  'front-matter-not-yaml.md': 'front-matter',
  'missing-title.md': 'missing-title',
  'bad-date.md': 'bad-date',
  'url-javascript.md': 'unsafe-url',
  'url-data.md': 'unsafe-url',
  'url-credentials.md': 'unsafe-url',
  'duplicate-id-2-copy.md': 'duplicate-id',
  'photo-putin-raisi.md': 'binary',
  'nul-bytes.txt': 'binary',
  'latin1.txt': 'encoding',
  'utf16-le-bom.md': 'encoding',
  // Made by addGeneratedFiles.
  'oversized.md': 'too-large',
  'one-long-line.md': 'line-too-long',
  'wire-long-line.jsonl:2': 'line-too-long',
  'symlink-loop.md': 'unreadable',
  'dangling-link.md': 'unreadable',
};

/** The articles that must load, by id, with the file each comes from. */
const EXPECTED_ARTICLES: Readonly<Record<string, string>> = {
  'iran-drones-for-russia': 'duplicate-id-1-original.md',
  'iran-drones-for-russia-2': 'duplicate-id-2-copy.md',
  'hook-replaced-by-abrams': 'good-crlf.md',
  'putin-meets-khamenei-in-tehran': 'good-utf8-bom.md',
  'lavrov-hosts-zarif-in-moscow': 'linked-article.md',
  'wire-visas-for-iranians': 'wire-long-line.jsonl:1',
  'wire-oil-and-gas-deal': 'wire-long-line.jsonl:3',
};

/** Ids of the articles in ignored files: none may load. */
const IGNORED_IDS = [
  'draft-sanctions-regime',
  'draft-abrams-envoy',
  'backup-of-visas-article',
  'autosave-of-visas-article',
  'bak-of-visas-article',
  'orig-of-visas-article',
  'git-folder-article',
];

const FRONT_MATTER = { title: 'Russia and Iran Deepening Their Relationship', publisher: 'VOA Editorials', date: '2022-07' };

/** Paragraphs of real article text, repeated to `bytes` (blank lines between them). */
function paragraphsOf(bytes: number): string {
  const paragraph = `${SAMPLE_TEXT.uavs} ${SAMPLE_TEXT.oilDeal}\n\n`;
  return paragraph.repeat(Math.ceil(bytes / paragraph.length));
}

/** One line of real sentences, `bytes` long. */
function lineOf(bytes: number): string {
  return `${SAMPLE_TEXT.hook} ${SAMPLE_TEXT.visas} `.repeat(Math.ceil(bytes / 300)).slice(0, bytes);
}

/** Adds the fixtures that are too large or too odd to commit: big files, symbolic links, a `.git/` folder. */
async function addGeneratedFiles(dir: string, outside: string): Promise<void> {
  await writeFile(path.join(dir, 'oversized.md'), markdownArticle({ id: 'oversized-drones-dossier', ...FRONT_MATTER }, paragraphsOf(MAX_ARTICLE_FILE_BYTES + 1)));
  await writeFile(path.join(dir, 'one-long-line.md'), markdownArticle({ id: 'one-long-line', ...FRONT_MATTER }, lineOf(MIB)));
  const wire = [
    { id: 'wire-visas-for-iranians', title: 'Russia to Lift Visas for Iranians', publisher: 'Test Wire', date: '2016-10-24', text: SAMPLE_TEXT.visas },
    { id: 'wire-the-longest-line', title: 'A Dispatch of One Mebibyte', publisher: 'Test Wire', text: lineOf(MIB) },
    { id: 'wire-oil-and-gas-deal', title: 'Russia and Iran Claim a $40 Billion Oil and Gas Deal', publisher: 'Test Wire', date: '2022-07-19', text: SAMPLE_TEXT.oilDeal },
  ];
  await writeFile(path.join(dir, 'wire-long-line.jsonl'), `${wire.map((line) => JSON.stringify(line)).join('\n')}\n`);
  // Symbolic links: a loop, a dangling one, one to a good file outside the corpus, one to a folder (back to the corpus itself).
  await symlink('symlink-loop.md', path.join(dir, 'symlink-loop.md'));
  await symlink('moved-away.md', path.join(dir, 'dangling-link.md'));
  const target = path.join(outside, 'lavrov.md');
  await writeFile(target, markdownArticle({ id: 'lavrov-hosts-zarif-in-moscow', title: 'Lavrov Hosts Zarif and Moallem in Moscow', date: '2016' }, SAMPLE_TEXT.lavrov));
  await symlink(target, path.join(dir, 'linked-article.md'));
  await symlink('.', path.join(dir, 'folder-link'));
  // Git refuses to commit a `.git/` folder inside a repository: made here.
  await mkdir(path.join(dir, '.git', 'info'), { recursive: true });
  await writeFile(path.join(dir, '.git', 'info', 'notes.md'), markdownArticle({ id: 'git-folder-article', title: 'Abrams Replaces Hook' }, SAMPLE_TEXT.hook));
}

afterAll(removeTempCorpora);

describe('loading the bad-corpus fixture folder', () => {
  let dir: string;
  let read: CorpusRead;

  beforeAll(async () => {
    dir = await makeTempCorpus({});
    await cp(FIXTURE_DIR, dir, { recursive: true });
    await addGeneratedFiles(dir, await makeTempCorpus({}));
    read = await readCorpus(dir);
  });

  it('never throws', async () => {
    await expect(readCorpus(dir)).resolves.toBeDefined();
  });

  it.each(Object.entries(EXPECTED_ISSUES))('reports %s as one issue of kind %s', (file, kind) => {
    const issues = read.corpus.issues.filter((issue) => issue.file === file);
    expect(issues.map((issue) => issue.kind)).toEqual([kind]);
  });

  it('reports nothing else: exactly one issue per bad file, none for a good or ignored one', () => {
    const files = read.corpus.issues.map((issue) => issue.file);
    expect(files.sort()).toEqual(Object.keys(EXPECTED_ISSUES).sort());
  });

  it('gives every issue a known kind and a one-line reason', () => {
    for (const issue of read.corpus.issues) {
      expect(CORPUS_ISSUE_KINDS, issue.file).toContain(issue.kind);
      expect(issue.reason.length, issue.file).toBeGreaterThan(0);
      expect(issue.reason, issue.file).not.toMatch(/[\r\n]/);
    }
  });

  it('loads the good files: UTF-8 with a byte-order mark, CRLF line ends, a linked file and the good lines of an export', () => {
    const sources = Object.fromEntries(read.corpus.articles.map((article) => [article.id, article.source]));
    expect(sources).toEqual(EXPECTED_ARTICLES);
  });

  it('drops the byte-order mark of a UTF-8 file', () => {
    const article = read.corpus.articles.find((entry) => entry.source === 'good-utf8-bom.md');
    expect(article?.title).toBe('Putin Meets Khamenei in Tehran');
    expect(article?.text.startsWith('Russian President Vladimir Putin, left, shakes hands')).toBe(true);
    expect(JSON.stringify(article)).not.toContain('\uFEFF');
  });

  it('reads CRLF line ends as LF: no carriage return in the title, metadata or text', () => {
    const article = read.corpus.articles.find((entry) => entry.source === 'good-crlf.md');
    expect(article?.url).toBe('https://freebeacon.com/national-security/iran-strengthens-relationship-with-russia-amid-new-pressure-from-washington/');
    expect(article?.text).toBe(`${SAMPLE_TEXT.hook}\n\nThe report comes as the White House is all but doubling down on its tough sanctions regime toward Iran.`);
    expect(JSON.stringify(article)).not.toContain('\\r');
  });

  it('ignores hidden files, hidden folders, editors’ backups and linked folders: no issue, no article', () => {
    const ids = read.corpus.articles.map((article) => article.id);
    for (const id of IGNORED_IDS) expect(ids).not.toContain(id);
    const named = [...read.corpus.articles.map((article) => article.source), ...read.corpus.issues.map((issue) => issue.file)];
    expect(named.filter((name) => /(?:^|\/)[.#]|~$|\.(?:bak|orig|rej|swp)$|^folder-link\//.test(name))).toEqual([]);
  });

  it('keeps the first file, in name order, to use an id and names it in the second file’s issue', () => {
    const issue = read.corpus.issues.find((entry) => entry.file === 'duplicate-id-2-copy.md');
    expect(issue?.reason).toBe(
      'duplicate id "iran-drones-for-russia" (already used by duplicate-id-1-original.md): loaded as "iran-drones-for-russia-2"; give it an id of its own',
    );
  });

  it('tells the moderator what to do with a UTF-16 file, and names a PNG as one', () => {
    const reasons = Object.fromEntries(read.corpus.issues.map((issue) => [issue.file, issue.reason]));
    expect(reasons['utf16-le-bom.md']).toBe('UTF-16: save as UTF-8');
    expect(reasons['photo-putin-raisi.md']).toBe('binary file (PNG image)');
    expect(reasons['latin1.txt']).toBe('not valid UTF-8 text');
  });

  it('gives the sizes and the limits of an oversized file and of overlong lines', () => {
    const reasons = Object.fromEntries(read.corpus.issues.map((issue) => [issue.file, issue.reason]));
    expect(reasons['oversized.md']).toMatch(/^file too large \([\d,]+ bytes; an article file may have at most 4 MiB\)$/);
    expect(reasons['one-long-line.md']).toBe(`line 8 too long (1,048,576 bytes; a line may have at most ${MAX_LINE_BYTES / 1024} KiB)`);
    expect(reasons['wire-long-line.jsonl:2']).toMatch(new RegExp(`^line too long \\([\\d,]+ bytes; a JSON line may have at most ${MAX_JSON_LINE_BYTES / 1024} KiB\\)$`));
  });

  it('names a looping and a dangling symbolic link as unreadable', () => {
    const reasons = Object.fromEntries(read.corpus.issues.map((issue) => [issue.file, issue.reason]));
    expect(reasons['symlink-loop.md']).toBe('cannot be read: symbolic link loop');
    expect(reasons['dangling-link.md']).toBe('cannot be read: broken symbolic link (its target does not exist)');
  });
});

describe('file size limits', () => {
  it('checks an article file’s size before reading it: a 5 GiB sparse file is reported at once', async () => {
    const dir = await makeTempCorpus({ 'hook.md': markdownArticle({ title: 'Abrams Replaces Hook' }, SAMPLE_TEXT.hook) });
    // Sparse: no disk used. Reading it would fail (`readFile` refuses files over 2 GiB), which would be an `unreadable` issue.
    const handle = await open(path.join(dir, 'archive-dump.txt'), 'w');
    await handle.truncate(5 * 1024 * MIB);
    await handle.close();
    const { articles, issues } = (await readCorpus(dir)).corpus;
    expect(articles.map((article) => article.id)).toEqual(['hook']);
    expect(issues).toEqual([{ file: 'archive-dump.txt', kind: 'too-large', reason: 'file too large (5,368,709,120 bytes; an article file may have at most 4 MiB)' }]);
  });

  it('loads a .jsonl export larger than the article file limit', async () => {
    const line = (n: number): string =>
      JSON.stringify({ id: `wire-${n}`, title: `Russia and Iran: dispatch ${n}`, text: `${SAMPLE_TEXT.uavs} ${SAMPLE_TEXT.oilDeal} ${SAMPLE_TEXT.lavrov}` });
    const lines = Array.from({ length: Math.ceil(MAX_ARTICLE_FILE_BYTES / 600) + 1 }, (_, n) => line(n + 1));
    const dir = await makeTempCorpus({ 'export.jsonl': `${lines.join('\n')}\n` });
    const read = await readCorpus(dir);
    expect(read.bytes).toBeGreaterThan(MAX_ARTICLE_FILE_BYTES);
    expect(read.corpus.issues).toEqual([]);
    expect(read.corpus.articles).toHaveLength(lines.length);
  });
});

describe('validate:corpus --json on the committed fixtures', () => {
  it('prints one JSON object with every issue, its kind and reason, and exits 1', async () => {
    const result = await runTsx('src/cli/validateCorpus.ts', [FIXTURE_DIR, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { corpus: string; articles: number; issues: Array<{ file: string; kind: string; reason: string }> };
    expect(report.articles).toBe(4);
    const committed = Object.entries(EXPECTED_ISSUES).filter(([file]) => !/^(?:oversized|one-long-line|wire-long-line|symlink-loop|dangling-link)/.test(file));
    expect(report.issues.map((issue) => [issue.file, issue.kind]).sort()).toEqual(committed.sort());
    expect(report.issues.find((issue) => issue.file === 'url-credentials.md')?.reason).toBe(
      'unsafe URL "https://editor:***@editorials.voa.gov/amp/russia-and-iran…": only absolute http(s) URLs without credentials',
    );
  });
});
