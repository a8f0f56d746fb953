/**
 * Loading a corpus and building its index: what every entry point does first. The index is
 * restored from its snapshot when one fits the corpus files, settings and code; otherwise it is
 * built, and the snapshot saved for the next start.
 */
import type { Config } from '../config.js';
import { buildCorpusIndex, restoreCorpusIndex, serializeCorpusIndex, type CorpusEncoding, type CorpusIndex, type CorpusIssue } from '../core/index.js';
import { readIndexSnapshot, snapshotKey, snapshotPathFor, writeIndexSnapshot, type SnapshotPlace } from '../storage/snapshotFile.js';
import { readCorpus, type CorpusFileRead } from '../storage/corpusFolder.js';

export interface OpenOptions {
  /** How the corpus files are encoded; default `utf-8`. */
  readonly encoding?: CorpusEncoding;
  /** Where the index snapshot is read and saved; default `off` (always build, save nothing). */
  readonly snapshot?: SnapshotPlace;
}

/** How the index came to be, for the log. */
export interface SnapshotReport {
  /** The snapshot file, when snapshots are on. */
  readonly path?: string;
  /** `restored`: from the snapshot; `built`: from the corpus (see `reason`). */
  readonly outcome: 'restored' | 'built';
  /** Why the index was built: `off`, `missing` (first start), `stale` (corpus, settings or code changed), or what was wrong with the file. */
  readonly reason?: string;
  /** Whether the snapshot was unusable (unreadable, corrupt): worth a warning, unlike a first start or a changed corpus. */
  readonly unusable: boolean;
  /** Set when the new snapshot could not be saved. */
  readonly saveError?: string;
  /** Milliseconds: reading and parsing the corpus, then restoring or building (and saving). */
  readonly timings: { readonly loadMs: number; readonly indexMs: number; readonly saveMs?: number };
}

export interface OpenedCorpus {
  readonly index: CorpusIndex;
  readonly issues: readonly CorpusIssue[];
  readonly snapshot: SnapshotReport;
  /** The files as read: a {@link LiveCorpus} given them re-reads only the files that change. */
  readonly files: CorpusFiles;
}

/** A corpus's files as read (see `readCorpus`). */
export interface CorpusFiles {
  readonly isFolder: boolean;
  readonly reads: readonly CorpusFileRead[];
}

/**
 * Loads the corpus at `corpusPath` and indexes the articles that could be used: from the
 * snapshot when it fits, else built (and saved). A snapshot that cannot be read or restored is
 * reported and replaced, never trusted.
 */
export async function openCorpus(corpusPath: string, options: OpenOptions = {}): Promise<OpenedCorpus> {
  const encoding = options.encoding ?? 'utf-8';
  const started = performance.now();
  const read = await readCorpus(corpusPath, { encoding });
  const { articles, issues } = read.corpus;
  const loadMs = performance.now() - started;
  const files: CorpusFiles = { isFolder: read.isFolder, reads: read.reads };
  const file = await snapshotPathFor(corpusPath, read.isFolder, options.snapshot ?? 'off');

  const build = async (reason: string, unusable: boolean, key?: string): Promise<OpenedCorpus> => {
    const buildStarted = performance.now();
    const index = buildCorpusIndex(articles);
    const indexMs = performance.now() - buildStarted;
    if (file === undefined || key === undefined) return { index, issues, files, snapshot: { outcome: 'built', reason, unusable, timings: { loadMs, indexMs } } };
    const saveStarted = performance.now();
    let saveError: string | undefined;
    try {
      await writeIndexSnapshot(file, key, serializeCorpusIndex(index));
    } catch (error) {
      saveError = error instanceof Error ? error.message : String(error);
    }
    const timings = { loadMs, indexMs, saveMs: performance.now() - saveStarted };
    return { index, issues, files, snapshot: { path: file, outcome: 'built', reason, unusable, ...(saveError === undefined ? {} : { saveError }), timings } };
  };

  if (file === undefined) return build('off', false);
  const key = await snapshotKey(read.fingerprint, { encoding });
  const found = await readIndexSnapshot(file, key);
  if (found.kind === 'missing' || found.kind === 'stale') return build(found.kind, false, key);
  if (found.kind === 'unusable') return build(found.reason, true, key);
  const restoreStarted = performance.now();
  try {
    const index = restoreCorpusIndex(articles, found.snapshot);
    return { index, issues, files, snapshot: { path: file, outcome: 'restored', unusable: false, timings: { loadMs, indexMs: performance.now() - restoreStarted } } };
  } catch (error) {
    return build((error instanceof Error ? error.message : String(error)).replace(/^index snapshot: /, ''), true, key);
  }
}

/** The options the settings ask for: the declared encoding, and snapshots beside the corpus unless `INDEX_CACHE_DIR` says otherwise. */
export function corpusOptions(config: Pick<Config, 'corpusEncoding' | 'indexCache'>): OpenOptions {
  return { ...(config.corpusEncoding === undefined ? {} : { encoding: config.corpusEncoding }), snapshot: config.indexCache ?? 'beside-corpus' };
}

/** One line per corpus issue: `file: reason`. */
export function describeCorpusIssues(issues: readonly CorpusIssue[]): string[] {
  return issues.map((issue) => `${issue.file}: ${issue.reason}`);
}

/** One line on a snapshot that could not be used or saved (for a warning), or `undefined` when all went as expected. */
export function describeSnapshotProblem(report: SnapshotReport): string | undefined {
  if (report.saveError !== undefined) return `index snapshot not saved to ${report.path}: ${report.saveError}`;
  if (report.unusable) return `index snapshot ${report.path} ignored (${report.reason}); index rebuilt`;
  return undefined;
}
