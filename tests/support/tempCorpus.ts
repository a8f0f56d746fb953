/**
 * Throw-away corpus folders under the OS temp folder, for loader, CLI and validator tests.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SNAPSHOT_FILE_NAME } from '../../src/storage/snapshotFile.js';
import { SEED_CORPUS_DIR } from './seedCorpus.js';

/** File contents by path relative to the corpus folder: text (written as UTF-8) or raw bytes. */
export type CorpusFiles = Readonly<Record<string, string | Uint8Array>>;

const created: string[] = [];

/** Creates a temp folder holding `files` and returns its path; {@link removeTempCorpora} deletes it. */
export async function makeTempCorpus(files: CorpusFiles): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-test-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return dir;
}

/**
 * A temp copy of the bundled corpus without its index snapshot, so a program started on it builds
 * its own index; {@link removeTempCorpora} deletes it.
 */
export async function copySeedCorpus(): Promise<string> {
  const dir = await makeTempCorpus({});
  await cp(SEED_CORPUS_DIR, dir, { recursive: true, filter: (source) => !source.endsWith(SNAPSHOT_FILE_NAME) });
  return dir;
}

/** Deletes every folder made by {@link makeTempCorpus} or {@link copySeedCorpus} (call it in `afterAll`). */
export async function removeTempCorpora(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A Markdown article with front matter, as the corpus README describes it. */
export function markdownArticle(fields: Readonly<Record<string, string>>, body: string): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

/** Real sentences from the seed articles, for bodies of fixture files. */
export const SAMPLE_TEXT = {
  hook: 'On Thursday, Washington announced the replacement of U.S. special representative for Iran Brian Hook with recent Venezuela envoy and Iran hawk Elliott Abrams.',
  visas: 'In another sign of warming relations between the two countries, it was announced Oct. 24 that Russia plans to lift visa requirements for Iranian citizens.',
  uavs: 'The Iranian government is preparing to provide Russia with up to several hundred UAVs, including ones that are weapons-capable to use in Ukraine, National Security Advisor Jake Sullivan told reporters in Washington.',
  oilDeal:
    'In addition to Russia and Iran claiming they reached a $40 billion deal in oil and gas development, the Supreme Leader offered his support to Putin for Russia’s war against Ukraine.',
  lavrov:
    'Russian Foreign Minister Sergey Lavrov on Oct. 28 in Moscow hosted his Iranian and Syrian counterparts, Mohammad Javad Zarif and Walid Moallem, respectively, to discuss the latest developments regarding Syria.',
} as const;
