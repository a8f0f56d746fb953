/**
 * The index snapshot on disk (`openCorpus` with snapshots on): saved at the first start, restored
 * at the next, rebuilt when the corpus, the settings or the file itself changed.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FALLBACK_SNAPSHOT_FOLDER, SNAPSHOT_FILE_NAME, corePackageVersions, snapshotPathFor } from '../../src/storage/snapshotFile.js';
import { CORE_PACKAGES } from '../../src/core/index.js';
import { corpusOptions, describeSnapshotProblem, openCorpus } from '../../src/corpus/openCorpus.js';
import { answers } from '../support/answers.js';
import { SAMPLE_TEXT, copySeedCorpus, makeTempCorpus, removeTempCorpora } from '../support/tempCorpus.js';

afterAll(removeTempCorpora);

describe('openCorpus with the snapshot beside the corpus', () => {
  it('builds and saves the index at the first start, restores it at the next, with the same answers', async () => {
    const dir = await copySeedCorpus();
    const first = await openCorpus(dir, { snapshot: 'beside-corpus' });
    expect(first.snapshot).toMatchObject({ outcome: 'built', reason: 'missing', unusable: false, path: path.join(dir, SNAPSHOT_FILE_NAME) });
    expect(first.snapshot.saveError).toBeUndefined();

    const second = await openCorpus(dir, { snapshot: 'beside-corpus' });
    expect(second.snapshot).toMatchObject({ outcome: 'restored', unusable: false });
    expect(second.index.version).toBe(first.index.version);
    expect(await answers(second.index)).toEqual(await answers(first.index));
  });

  it('rebuilds when a corpus file changed, and answers from the new text', async () => {
    const dir = await copySeedCorpus();
    await openCorpus(dir, { snapshot: 'beside-corpus' });
    await writeFile(path.join(dir, 'visas-update.txt'), `Russia to Lift Visas for Iranians\n\n${SAMPLE_TEXT.visas}\n`);
    const changed = await openCorpus(dir, { snapshot: 'beside-corpus' });
    expect(changed.snapshot).toMatchObject({ outcome: 'built', reason: 'stale', unusable: false });
    expect(changed.index.articles.map((article) => article.id)).toContain('visas-update');
    expect((await openCorpus(dir, { snapshot: 'beside-corpus' })).snapshot.outcome).toBe('restored');
  });

  it('rebuilds when one word of an article changed, even with the same size', async () => {
    const dir = await copySeedCorpus();
    await openCorpus(dir, { snapshot: 'beside-corpus' });
    const file = path.join(dir, 'iran-relationship-russia-washington-pressure.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Elliott Abrams', 'Elliott Abramz'));
    const changed = await openCorpus(dir, { snapshot: 'beside-corpus' });
    expect(changed.snapshot).toMatchObject({ outcome: 'built', reason: 'stale' });
    expect(changed.index.articles.some((article) => article.text.includes('Elliott Abramz'))).toBe(true);
  });

  it('rebuilds when the declared encoding changed', async () => {
    const dir = await copySeedCorpus();
    await openCorpus(dir, { snapshot: 'beside-corpus' });
    expect((await openCorpus(dir, { snapshot: 'beside-corpus', encoding: 'latin1' })).snapshot).toMatchObject({ outcome: 'built', reason: 'stale' });
  });

  it('ignores a corrupt snapshot, says so, rebuilds and replaces it', async () => {
    const dir = await copySeedCorpus();
    const { snapshot } = await openCorpus(dir, { snapshot: 'beside-corpus' });
    const saved = await readFile(snapshot.path!, 'utf8');
    const [header, ...sections] = saved.split('\n');
    await writeFile(snapshot.path!, [header, ...sections.map((section, position) => (position === 2 ? section.slice(0, section.length / 2) : section))].join('\n'));

    const recovered = await openCorpus(dir, { snapshot: 'beside-corpus' });
    expect(recovered.snapshot).toMatchObject({ outcome: 'built', unusable: true });
    expect(recovered.snapshot.reason).toMatch(/^the terms section is not valid JSON/);
    expect(describeSnapshotProblem(recovered.snapshot)).toMatch(new RegExp(`^index snapshot ${snapshot.path} ignored \\(the terms section is not valid JSON.*\\); index rebuilt$`));
    expect(await answers(recovered.index)).toEqual(await answers((await openCorpus(dir)).index));
    expect((await openCorpus(dir, { snapshot: 'beside-corpus' })).snapshot.outcome).toBe('restored');
  });

  it('ignores a truncated snapshot and one that is not a snapshot at all', async () => {
    const dir = await copySeedCorpus();
    const { snapshot } = await openCorpus(dir, { snapshot: 'beside-corpus' });
    const saved = await readFile(snapshot.path!);
    await writeFile(snapshot.path!, saved.subarray(0, saved.length - 1_000));
    expect((await openCorpus(dir, { snapshot: 'beside-corpus' })).snapshot).toMatchObject({
      outcome: 'built',
      unusable: true,
      reason: 'truncated before the titleSearch section ends',
    });
    await writeFile(snapshot.path!, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
    expect((await openCorpus(dir, { snapshot: 'beside-corpus' })).snapshot).toMatchObject({ outcome: 'built', unusable: true, reason: 'the header is not JSON' });
    expect((await openCorpus(dir, { snapshot: 'beside-corpus' })).snapshot.outcome).toBe('restored');
  });

  it('still answers when the snapshot cannot be saved, and says why', async () => {
    const dir = await copySeedCorpus();
    await writeFile(path.join(dir, 'placeholder'), '');
    const blocked = await openCorpus(dir, { snapshot: { folder: path.join(dir, 'placeholder', 'cache') } });
    expect(blocked.snapshot.outcome).toBe('built');
    expect(describeSnapshotProblem(blocked.snapshot)).toMatch(/^index snapshot not saved to .*placeholder.*: /);
    expect(blocked.index.articles).toHaveLength(5);
  });
});

describe('openCorpus with other snapshot places', () => {
  it('keeps the snapshot of a single-file corpus beside the file', async () => {
    const dir = await makeTempCorpus({ 'wire.jsonl': `${JSON.stringify({ id: 'uavs', title: 'Iran Readies UAVs for Russia', text: SAMPLE_TEXT.uavs })}\n` });
    const first = await openCorpus(path.join(dir, 'wire.jsonl'), { snapshot: 'beside-corpus' });
    expect(first.snapshot.path).toBe(path.join(dir, `wire.jsonl${SNAPSHOT_FILE_NAME}`));
    expect((await openCorpus(path.join(dir, 'wire.jsonl'), { snapshot: 'beside-corpus' })).snapshot.outcome).toBe('restored');
  });

  it('keeps snapshots in INDEX_CACHE_DIR, one per corpus, and none with off', async () => {
    const cache = path.join(await makeTempCorpus({}), 'cache');
    const dir = await copySeedCorpus();
    const options = corpusOptions({ indexCache: { folder: cache } });
    const first = await openCorpus(dir, options);
    expect(path.dirname(first.snapshot.path!)).toBe(cache);
    expect((await openCorpus(dir, options)).snapshot.outcome).toBe('restored');
    const off = await openCorpus(dir, corpusOptions({ indexCache: 'off' }));
    expect(off.snapshot).toMatchObject({ outcome: 'built', reason: 'off' });
    expect(off.snapshot.path).toBeUndefined();
  });

  it('puts the snapshot of a corpus in a read-only folder in the fallback folder instead', async () => {
    const dir = await copySeedCorpus();
    await chmod(dir, 0o555);
    try {
      expect(await snapshotPathFor(dir, true, 'beside-corpus')).toMatch(
        new RegExp(`^${path.resolve(FALLBACK_SNAPSHOT_FOLDER)}/dossier-test-\\w+-[0-9a-f]{12}\\${SNAPSHOT_FILE_NAME}$`),
      );
    } finally {
      await chmod(dir, 0o755);
    }
    expect(await snapshotPathFor(dir, true, 'beside-corpus')).toBe(path.join(dir, SNAPSHOT_FILE_NAME));
  });
});

describe('the code version that keys a snapshot', () => {
  it('reads the installed version of every package the core reads, the extractor included', async () => {
    const versions = await corePackageVersions();
    expect(versions.map((entry) => entry.slice(0, entry.lastIndexOf('@')))).toEqual([...CORE_PACKAGES]);
    expect(versions.filter((entry) => !/@\d+\.\d+\.\d+/.test(entry))).toEqual([]);
    expect(versions).toContain(`@mozilla/readability@${JSON.parse(await readFile('node_modules/@mozilla/readability/package.json', 'utf8')).version}`);
  });
});
