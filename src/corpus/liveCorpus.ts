/**
 * The corpus of a running bot: the index in service, and reloading it when the corpus folder
 * changes (or a moderator asks). A reload builds the new index beside the one in service and
 * swaps it in one assignment, so a question is answered from one whole index, old or new, never
 * from a half-built one. Reloads run one at a time; requests made meanwhile share the next one.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import {
  compareCorpora,
  isUnchanged,
  keepPreviousVersions,
  type Article,
  type CorpusChanges,
  type CorpusIndex,
  type CorpusIssue,
} from '../core/index.js';
import type { BuiltIndex } from './buildIndexOffThread.js';
import { snapshotKey, snapshotPathFor, writeIndexSnapshot } from './indexSnapshot.js';
import { isIgnoredName, readCorpus } from './loadCorpus.js';
import type { OpenOptions } from './openCorpus.js';

/** What started a reload. */
export type ReloadTrigger = 'startup' | 'file-change' | 'command';

/** What a reload did. */
export interface ReloadReport {
  readonly trigger: ReloadTrigger;
  readonly finishedAt: Date;
  /**
   * `swapped`: a new index is in service; `unchanged`: the articles are the same (the issues may
   * differ); `failed`: the corpus could not be read, or had no usable article, and the previous
   * index stays in service (see `error`).
   */
  readonly outcome: 'swapped' | 'unchanged' | 'failed';
  readonly previousVersion: string;
  /** The corpus version in service after the reload. */
  readonly version: string;
  readonly changes: CorpusChanges;
  /** Files that no longer parse, whose previous articles stay in service. */
  readonly keptFiles: readonly string[];
  /** The corpus's issues as read by this reload. */
  readonly issues: readonly CorpusIssue[];
  readonly error?: string;
  /** Set when the new index could not be saved as the snapshot (the next start then rebuilds it). */
  readonly snapshotError?: string;
  readonly durationMs: number;
}

export interface LiveCorpusOptions {
  readonly corpusPath: string;
  readonly open: OpenOptions;
  /** Builds the next index; the bot passes {@link buildIndexOffThread} so it keeps answering meanwhile. */
  readonly buildIndex: (articles: readonly Article[]) => Promise<BuiltIndex>;
  /** Called after every reload (to log it). */
  readonly onReload?: (report: ReloadReport) => void;
  /** Called when watching the corpus folder fails (the bot keeps serving; `/reload` still works). */
  readonly onWatchError?: (error: Error) => void;
}

/** How long the folder must stay quiet before a change is reloaded: editors and copies write in bursts. */
export const RELOAD_QUIET_MS = 400;

export class LiveCorpus {
  private current: CorpusIndex;
  private last: ReloadReport;
  private running: Promise<ReloadReport> | undefined;
  private queued: Promise<ReloadReport> | undefined;
  private watcher: FSWatcher | undefined;
  private quietTimer: NodeJS.Timeout | undefined;

  /** @param index the index in service at start, with the issues found reading its corpus */
  constructor(
    index: CorpusIndex,
    issues: readonly CorpusIssue[],
    private readonly options: LiveCorpusOptions,
  ) {
    this.current = index;
    this.last = {
      trigger: 'startup',
      finishedAt: new Date(),
      outcome: 'swapped',
      previousVersion: index.version,
      version: index.version,
      changes: { added: index.articles.map((article) => article.id), changed: [], removed: [] },
      keptFiles: [],
      issues,
      durationMs: 0,
    };
  }

  /** The index in service. Read it once per question: a reload may swap it between two reads. */
  get index(): CorpusIndex {
    return this.current;
  }

  /** Whether changes to the corpus are being watched (see {@link LiveCorpus.watch}). */
  get watching(): boolean {
    return this.watcher !== undefined;
  }

  /** The latest reload (at first, the start-up load). */
  get lastReload(): ReloadReport {
    return this.last;
  }

  /**
   * Reads the corpus again and, if its articles changed, builds and swaps in a new index. Never
   * throws: a failure is a report, and the index in service stays. A request made while a reload
   * runs is served by one more reload after it (several requests share that one).
   */
  reload(trigger: ReloadTrigger): Promise<ReloadReport> {
    if (this.running === undefined) return this.start(trigger);
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.start(trigger);
    });
    return this.queued;
  }

  /**
   * Reloads whenever a file in the corpus folder (or the corpus file) is added, changed or removed,
   * once the folder has been quiet for {@link RELOAD_QUIET_MS}. Files the loader skips (the index
   * snapshot, editors' swap files and backups) do not trigger a reload.
   */
  watch(): void {
    if (this.watcher !== undefined) return;
    const { corpusPath } = this.options;
    let isFolder: boolean;
    try {
      isFolder = statSync(corpusPath).isDirectory();
    } catch (error) {
      this.options.onWatchError?.(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    // One corpus file is watched through its folder: editors save by replacing the file.
    const fileName = isFolder ? undefined : path.basename(corpusPath);
    const onChange = (_event: string, name: string | Buffer | null): void => {
      const changed = name === null ? undefined : name.toString();
      if (changed !== undefined && (isIgnoredPath(changed) || (fileName !== undefined && changed !== fileName))) return;
      clearTimeout(this.quietTimer);
      this.quietTimer = setTimeout(() => void this.reload('file-change'), RELOAD_QUIET_MS);
    };
    try {
      this.watcher = watch(isFolder ? corpusPath : path.dirname(corpusPath), { recursive: isFolder, persistent: false }, onChange);
      this.watcher.on('error', (error) => this.options.onWatchError?.(error));
    } catch (error) {
      this.options.onWatchError?.(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Stops watching, and waits for a reload in progress. */
  async close(): Promise<void> {
    clearTimeout(this.quietTimer);
    this.watcher?.close();
    this.watcher = undefined;
    await this.queued;
    await this.running;
  }

  private start(trigger: ReloadTrigger): Promise<ReloadReport> {
    const run = this.run(trigger).then((report) => {
      this.last = report;
      this.options.onReload?.(report);
      return report;
    });
    this.running = run.finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(trigger: ReloadTrigger): Promise<ReloadReport> {
    const started = performance.now();
    const previous = this.current;
    const report = (fields: Pick<ReloadReport, 'outcome' | 'changes' | 'keptFiles' | 'issues'> & Partial<Pick<ReloadReport, 'version' | 'error' | 'snapshotError'>>): ReloadReport => ({
      trigger,
      finishedAt: new Date(),
      previousVersion: previous.version,
      version: fields.version ?? previous.version,
      durationMs: performance.now() - started,
      ...fields,
    });
    const nothing = { added: [], changed: [], removed: [] };
    try {
      const encoding = this.options.open.encoding ?? 'utf-8';
      const read = await readCorpus(this.options.corpusPath, { encoding });
      const { issues } = read.corpus;
      const merged = keepPreviousVersions(previous.articles, read.corpus);
      const changes = compareCorpora(previous.articles, merged.articles);
      if (isUnchanged(changes)) return report({ outcome: 'unchanged', changes, keptFiles: merged.keptFiles, issues });
      if (merged.articles.length === 0) {
        return report({ outcome: 'failed', changes: nothing, keptFiles: [], issues, error: 'no usable article left: the corpus in service is kept' });
      }
      const built = await this.options.buildIndex(merged.articles);
      // The swap: questions from now on read the new index; those under way finish on the old one.
      this.current = built.index;
      // A snapshot must match the files; with an old version kept in service, they differ.
      const snapshotError = merged.keptFiles.length === 0 ? await this.saveSnapshot(read.isFolder, read.fingerprint, built) : undefined;
      return report({ outcome: 'swapped', version: built.index.version, changes, keptFiles: merged.keptFiles, issues, ...(snapshotError === undefined ? {} : { snapshotError }) });
    } catch (error) {
      return report({ outcome: 'failed', changes: nothing, keptFiles: [], issues: [], error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Saves the snapshot for the next start; returns why it could not be saved, if so (the next start then rebuilds). */
  private async saveSnapshot(isFolder: boolean, fingerprint: string, built: BuiltIndex): Promise<string | undefined> {
    try {
      const file = await snapshotPathFor(this.options.corpusPath, isFolder, this.options.open.snapshot ?? 'off');
      if (file === undefined) return undefined;
      await writeIndexSnapshot(file, await snapshotKey(fingerprint, { encoding: this.options.open.encoding ?? 'utf-8' }), built.snapshot);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}

/** Whether a changed path is one the loader skips (the index snapshot, editors' swap files and backups): no reload for it. */
function isIgnoredPath(name: string): boolean {
  return name.split(path.sep).some(isIgnoredName);
}
