import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildCorpusIndex, type Article, type CorpusIndex } from '../../src/core/index.js';
import { buildIndexInThread, buildIndexOffThread, type BuiltIndex } from '../../src/corpus/buildIndexOffThread.js';
import { LiveCorpus, RELOAD_QUIET_MS, type LiveCorpusOptions, type ReloadReport } from '../../src/corpus/liveCorpus.js';
import { openCorpus, type OpenOptions } from '../../src/corpus/openCorpus.js';
import { ask } from '../support/answering.js';
import { SAMPLE_TEXT, makeTempCorpus, markdownArticle, removeTempCorpora } from '../support/tempCorpus.js';

afterAll(removeTempCorpora);

const live: LiveCorpus[] = [];
afterEach(async () => {
  await Promise.all(live.splice(0).map((corpus) => corpus.close()));
});

const hookFile = markdownArticle({ title: 'Abrams Replaces Hook', publisher: 'Washington Free Beacon', date: '2020-08-07' }, SAMPLE_TEXT.hook);
const visasFile = markdownArticle({ title: 'Russia to Lift Visas for Iranians', publisher: 'Iran Business News', date: '2016-11' }, SAMPLE_TEXT.visas);
const uavsFile = markdownArticle({ title: 'Iran Readies UAVs for Russia', publisher: 'VOA', date: '2022-07' }, SAMPLE_TEXT.uavs);

interface Started {
  readonly dir: string;
  readonly corpus: LiveCorpus;
  readonly reports: ReloadReport[];
  readonly builds: { count: number };
}

/** A live corpus over a temp folder, as the bot opens it. */
async function startLive(
  files: Record<string, string>,
  buildIndex: (articles: readonly Article[]) => Promise<BuiltIndex> = buildIndexInThread,
  open: OpenOptions = {},
  options: Pick<LiveCorpusOptions, 'maxIncrementalArticles'> = {},
): Promise<Started> {
  const dir = await makeTempCorpus(files);
  const opened = await openCorpus(dir, open);
  const reports: ReloadReport[] = [];
  const builds = { count: 0 };
  const corpus = new LiveCorpus(opened.index, opened.issues, {
    ...options,
    corpusPath: dir,
    files: opened.files,
    open,
    buildIndex: (articles) => {
      builds.count += 1;
      return buildIndex(articles);
    },
    onReload: (report) => reports.push(report),
  });
  live.push(corpus);
  return { dir, corpus, reports, builds };
}

/** Every change builds a new index (none updates the index in service): for the tests of building beside the index in service. */
const BUILD_ALWAYS = { maxIncrementalArticles: 0 } as const;

/** A build that waits until `release()` is called. */
function gatedBuild() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const build = async (articles: readonly Article[]): Promise<BuiltIndex> => {
    await released;
    return buildIndexInThread(articles);
  };
  return { build, release };
}

function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const value = probe();
      if (value !== undefined) {
        clearInterval(timer);
        resolve(value);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`nothing after ${timeoutMs} ms`));
      }
    }, 20);
  });
}

describe('LiveCorpus.reload', () => {
  it('swaps in a new index with the added article and a new corpus version', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile });
    const before = corpus.index;
    await writeFile(path.join(dir, 'visas.md'), visasFile);
    const report = await corpus.reload('command');
    expect(report).toMatchObject({ outcome: 'swapped', previousVersion: before.version, changes: { added: ['visas'], changed: [], removed: [] } });
    expect(corpus.index.version).not.toBe(before.version);
    expect(report.version).toBe(corpus.index.version);
    expect((await ask(corpus.index, 'When will Russia lift visa requirements for Iranians?')).quote?.text).toContain('lift visa requirements');
  });

  it('reports no change, and builds nothing, when the articles are the same', async () => {
    const { corpus, builds } = await startLive({ 'hook.md': hookFile });
    const before = corpus.index;
    const report = await corpus.reload('command');
    expect(report.outcome).toBe('unchanged');
    expect(builds.count).toBe(0);
    expect(corpus.index).toBe(before);
  });

  it('lists a removed article and stops citing it', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile, 'visas.md': visasFile });
    await rm(path.join(dir, 'visas.md'));
    const report = await corpus.reload('file-change');
    expect(report.changes.removed).toEqual(['visas']);
    expect(corpus.index.articleById.has('visas')).toBe(false);
  });

  it('keeps serving the previous version of a file that stopped parsing, and reports the file', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile, 'visas.md': visasFile });
    await writeFile(path.join(dir, 'hook.md'), '---\ntitle: Abrams Replaces Hook\npublisher: Washington Free Beacon\n');
    await writeFile(path.join(dir, 'uavs.md'), uavsFile);
    const report = await corpus.reload('file-change');
    expect(report.outcome).toBe('swapped');
    expect(report.keptFiles).toEqual(['hook.md']);
    expect(report.issues.map((issue) => issue.file)).toEqual(['hook.md']);
    expect(report.changes).toEqual({ added: ['uavs'], changed: [], removed: [] });
    expect((await ask(corpus.index, 'Who replaced Brian Hook?')).quote?.text).toContain('Elliott Abrams');
  });

  it('answers from the old index, whole, while the new one is being built', async () => {
    const gate = gatedBuild();
    const { dir, corpus } = await startLive({ 'hook.md': hookFile }, gate.build, {}, BUILD_ALWAYS);
    const before = corpus.index;
    await writeFile(path.join(dir, 'visas.md'), visasFile);
    const reloading = corpus.reload('file-change');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(corpus.index).toBe(before);
    expect((await ask(corpus.index, 'Who replaced Brian Hook?')).quote?.text).toContain('Elliott Abrams');
    gate.release();
    await reloading;
    expect(corpus.index).not.toBe(before);
    expect(corpus.index.articles).toHaveLength(2);
  });

  it('runs one more reload for all the requests made during a reload', async () => {
    const gate = gatedBuild();
    const { dir, corpus, builds } = await startLive({ 'hook.md': hookFile }, gate.build, {}, BUILD_ALWAYS);
    await writeFile(path.join(dir, 'visas.md'), visasFile);
    const first = corpus.reload('file-change');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFile(path.join(dir, 'uavs.md'), uavsFile);
    const second = corpus.reload('file-change');
    const third = corpus.reload('command');
    expect(third).toBe(second);
    gate.release();
    expect((await first).changes.added).toEqual(['visas']);
    expect((await second).changes.added).toEqual(['uavs']);
    expect(builds.count).toBe(2);
  });

  it('keeps the corpus in service when no usable article is left', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile });
    await rm(path.join(dir, 'hook.md'));
    const report = await corpus.reload('file-change');
    expect(report.outcome).toBe('failed');
    expect(report.error).toContain('no usable article');
    expect(corpus.index.articleById.has('hook')).toBe(true);
  });

  it('keeps the corpus in service when its folder cannot be read', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile });
    await rm(dir, { recursive: true });
    const report = await corpus.reload('command');
    expect(report.outcome).toBe('failed');
    expect(report.error).toContain('no such file or folder');
    expect(corpus.index.articles).toHaveLength(1);
  });
});

const oilDealFile = markdownArticle({ title: 'Russia and Iran Claim a $40 Billion Oil Deal', publisher: 'OSW', date: '2022-07-20' }, SAMPLE_TEXT.oilDeal);
const lavrovFile = markdownArticle({ title: 'Lavrov Hosts Zarif and Moallem', publisher: 'TASS', date: '2016-10-28' }, SAMPLE_TEXT.lavrov);

/** The articles, people and version a full read of the folder gives, to compare with an index updated file by file. */
async function freshBuildOf(dir: string): Promise<CorpusIndex> {
  return (await openCorpus(dir)).index;
}

function summary(index: CorpusIndex): unknown {
  return {
    version: index.version,
    articles: index.articles.map((article) => [article.id, article.source, article.title]),
    passages: index.passages.map((passage) => passage.id),
    people: index.people.people.map((person) => [person.id, person.variants, person.mentions.length]),
    groups: index.duplicateGroups,
  };
}

describe('LiveCorpus.applyFileChanges', () => {
  it('puts an added file in service by updating the index, with the index a full read would give', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile, 'visas.md': visasFile });
    await writeFile(path.join(dir, 'uavs.md'), uavsFile);
    const report = await corpus.applyFileChanges(['uavs.md'], 'add');
    expect(report).toMatchObject({ trigger: 'add', outcome: 'swapped', indexing: 'updated', changes: { added: ['uavs'], changed: [], removed: [] } });
    expect((await ask(corpus.index, 'Who told reporters Iran was preparing to provide UAVs?')).quote?.text).toContain('Jake Sullivan');
    expect(summary(corpus.index)).toEqual(summary(await freshBuildOf(dir)));
  });

  it('reads only the files it is given: a change elsewhere waits for its own notice', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile, 'visas.md': visasFile });
    await writeFile(path.join(dir, 'uavs.md'), uavsFile);
    await writeFile(path.join(dir, 'oil-deal.md'), oilDealFile);
    expect((await corpus.applyFileChanges(['uavs.md'], 'file-change')).changes.added).toEqual(['uavs']);
    expect(corpus.index.articleById.has('oil-deal')).toBe(false);
    expect((await corpus.applyFileChanges(['oil-deal.md'], 'file-change')).changes.added).toEqual(['oil-deal']);
  });

  it("replaces a changed file's article and removes a deleted file's", async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile, 'visas.md': visasFile, 'uavs.md': uavsFile });
    await writeFile(
      path.join(dir, 'hook.md'),
      markdownArticle({ title: 'Abrams Replaces Hook', publisher: 'Washington Free Beacon', date: '2020-08-07' }, `${SAMPLE_TEXT.hook} ${SAMPLE_TEXT.lavrov}`),
    );
    await rm(path.join(dir, 'visas.md'));
    const report = await corpus.applyFileChanges(['hook.md', 'visas.md'], 'file-change');
    expect(report.changes).toEqual({ added: [], changed: ['hook'], removed: ['visas'] });
    expect((await ask(corpus.index, 'Who did Sergey Lavrov host in Moscow?')).quote?.text).toContain('Mohammad Javad Zarif');
    expect(summary(corpus.index)).toEqual(summary(await freshBuildOf(dir)));
  });

  it('removes an undone article and serves the corpus as it was before it was added', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile, 'visas.md': visasFile });
    const before = summary(corpus.index);
    await writeFile(path.join(dir, 'lavrov.md'), lavrovFile);
    await corpus.applyFileChanges(['lavrov.md'], 'add');
    await rm(path.join(dir, 'lavrov.md'));
    const report = await corpus.applyFileChanges(['lavrov.md'], 'undo');
    expect(report).toMatchObject({ trigger: 'undo', outcome: 'swapped', changes: { removed: ['lavrov'] } });
    expect(summary(corpus.index)).toEqual(before);
  });

  it('keeps the previous version of a file whose edit no longer parses', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile, 'visas.md': visasFile });
    await writeFile(path.join(dir, 'hook.md'), '---\ntitle: Abrams Replaces Hook\npublisher: Washington Free Beacon\n');
    const report = await corpus.applyFileChanges(['hook.md'], 'file-change');
    expect(report).toMatchObject({ outcome: 'unchanged', keptFiles: ['hook.md'] });
    expect(report.issues.map((issue) => issue.file)).toEqual(['hook.md']);
    expect((await ask(corpus.index, 'Who replaced Brian Hook?')).quote?.text).toContain('Elliott Abrams');
  });

  it('settles an id used by two files as a full read does: the first file by name keeps it', async () => {
    const { dir, corpus } = await startLive({
      'hook.md': hookFile,
      'visas.md': markdownArticle({ id: 'russia-visas', title: 'Russia to Lift Visas for Iranians', publisher: 'Iran Business News' }, SAMPLE_TEXT.visas),
    });
    await writeFile(path.join(dir, 'a-uavs.md'), markdownArticle({ id: 'russia-visas', title: 'Iran Readies UAVs for Russia', publisher: 'VOA' }, SAMPLE_TEXT.uavs));
    const report = await corpus.applyFileChanges(['a-uavs.md'], 'add');
    expect(report.issues.map((issue) => [issue.file, issue.kind])).toEqual([['visas.md', 'duplicate-id']]);
    expect(corpus.index.articleById.get('russia-visas')?.source).toBe('a-uavs.md');
    expect(summary(corpus.index)).toEqual(summary(await freshBuildOf(dir)));
  });

  it('reads the whole corpus when a name is a folder', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile });
    await makeFolderWith(dir, 'more', { 'visas.md': visasFile, 'uavs.md': uavsFile });
    const report = await corpus.applyFileChanges(['more'], 'file-change');
    expect(report.changes.added).toEqual(['more-uavs', 'more-visas']);
  });

  it('leaves the index in service when the change would leave no article', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile });
    await rm(path.join(dir, 'hook.md'));
    const report = await corpus.applyFileChanges(['hook.md'], 'undo');
    expect(report).toMatchObject({ outcome: 'failed', error: expect.stringContaining('no usable article') });
    expect(corpus.index.articleById.has('hook')).toBe(true);
  });
});

async function makeFolderWith(dir: string, folder: string, files: Record<string, string>): Promise<void> {
  await mkdir(path.join(dir, folder));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, folder, name), text);
}

describe('LiveCorpus.reload and the index snapshot', () => {
  it('saves the new index, so that the next start restores it instead of building', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile }, buildIndexInThread, { snapshot: 'beside-corpus' });
    await writeFile(path.join(dir, 'visas.md'), visasFile);
    await corpus.reload('command');
    await corpus.flushSnapshot();
    const restarted = await openCorpus(dir, { snapshot: 'beside-corpus' });
    expect(restarted.snapshot.outcome).toBe('restored');
    expect(restarted.index.version).toBe(corpus.index.version);
  });

  it('saves no snapshot while a previous version is kept, so that the next start reads the files as they are', async () => {
    const { dir, corpus } = await startLive({ 'hook.md': hookFile, 'visas.md': visasFile }, buildIndexInThread, { snapshot: 'beside-corpus' });
    await writeFile(path.join(dir, 'hook.md'), '---\ntitle: Abrams Replaces Hook\n');
    await writeFile(path.join(dir, 'uavs.md'), uavsFile);
    expect((await corpus.reload('command')).keptFiles).toEqual(['hook.md']);
    await corpus.flushSnapshot();
    const restarted = await openCorpus(dir, { snapshot: 'beside-corpus' });
    expect(restarted.snapshot.outcome).toBe('built');
    expect(restarted.index.articleById.has('hook')).toBe(false);
  });
});

describe('LiveCorpus.watch', () => {
  it('reloads by itself when a file is added to the corpus folder', async () => {
    const { dir, corpus, reports } = await startLive({ 'hook.md': hookFile });
    corpus.watch();
    expect(corpus.watching).toBe(true);
    await writeFile(path.join(dir, 'visas.md'), visasFile);
    const report = await waitFor(() => reports.find((each) => each.outcome === 'swapped'), 10_000);
    expect(report).toMatchObject({ trigger: 'file-change', changes: { added: ['visas'] } });
    expect(corpus.lastReload).toBe(report);
  });

  it("does not reload for files the loader skips: the index snapshot, editors' backups", async () => {
    const { dir, corpus, reports } = await startLive({ 'hook.md': hookFile });
    corpus.watch();
    await writeFile(path.join(dir, '.dossier-index.json'), '{}\n');
    await writeFile(path.join(dir, 'hook.md~'), hookFile);
    await new Promise((resolve) => setTimeout(resolve, RELOAD_QUIET_MS * 3));
    expect(reports).toEqual([]);
  });
});

describe('buildIndexOffThread', () => {
  it('gives the index that building in this thread gives', async () => {
    const dir = await makeTempCorpus({ 'hook.md': hookFile, 'visas.md': visasFile });
    const { index } = await openCorpus(dir);
    const { index: fromWorker } = await buildIndexOffThread(index.articles);
    const here = buildCorpusIndex(index.articles);
    expect(fromWorker.version).toBe(here.version);
    for (const question of ['Who replaced Brian Hook?', 'When will Russia lift visa requirements?', 'Who is Elliott Abrams?']) {
      expect(await ask(fromWorker, question)).toEqual(await ask(here, question));
    }
  }, 30_000);
});
