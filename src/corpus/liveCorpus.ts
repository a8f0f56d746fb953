/**
 * The corpus of a running bot: the index in service, and reloading it when the corpus folder
 * changes (or a moderator asks). A reload makes the new index beside the one in service and
 * swaps it in one assignment, so a question is answered from one whole index, old or new, never
 * from a half-built one. Only the files named as changed are read again (the others' parse
 * results are kept), and a change of a few articles updates the index in service for their cost
 * (`updateCorpusIndex`); a larger one builds a new index (off the bot's thread). Reloads run one
 * at a time; requests made meanwhile share the next one. The index snapshot is saved after the
 * swap, once the corpus has been quiet for a moment: answering never waits for it.
 */
import {
  combineParsedFiles,
  compareCorpora,
  isUnchanged,
  keepPreviousVersions,
  prepareIndexUpdate,
  serializeCorpusIndex,
  updateCorpusIndex,
  type Article,
  type CorpusChanges,
  type CorpusIndex,
  type CorpusIssue,
  type IndexSnapshot,
  type ParsedCorpus,
} from '../core/index.js';
import type { BuiltIndex } from './buildIndexOffThread.js';
import { joinScopes, watchCorpus, type CorpusWatcher, type ReloadScope } from './corpusWatcher.js';
import type { ReloadReport, ReloadTrigger } from './reloadReport.js';
import { snapshotKey, snapshotPathFor, writeIndexSnapshot } from '../storage/snapshotFile.js';
import { fingerprintReads, readCorpus, readCorpusFiles, type CorpusFileRead } from '../storage/corpusFolder.js';
import type { CorpusFiles, OpenOptions } from './openCorpus.js';

export { RELOAD_QUIET_MS } from './corpusWatcher.js';
export type { ReloadReport, ReloadTrigger } from './reloadReport.js';

export interface LiveCorpusOptions {
  readonly corpusPath: string;
  readonly open: OpenOptions;
  /** Builds the next index; the bot passes {@link buildIndexOffThread} so it keeps answering meanwhile. */
  readonly buildIndex: (articles: readonly Article[]) => Promise<BuiltIndex>;
  /** Called after every reload (to log it). */
  readonly onReload?: (report: ReloadReport) => void;
  /** Called when watching the corpus folder fails (the bot keeps serving; `/reload` still works). */
  readonly onWatchError?: (error: Error) => void;
  /**
   * Makes the snapshot of an index updated in place, to save: the bot passes `buildSnapshotOffThread`
   * (serialising a large index on its own thread would pause it). Default: serialised here.
   */
  readonly buildSnapshot?: (articles: readonly Article[]) => Promise<IndexSnapshot>;
  /** Called when the snapshot of a new index cannot be saved (the next start then rebuilds the index). */
  readonly onSnapshotError?: (error: string) => void;
  /** The corpus's files as opened (`openCorpus`): without them, the first change reads the whole corpus once. */
  readonly files?: CorpusFiles;
  /** Changes of up to this many articles update the index in service; larger ones build a new index. Default {@link MAX_INCREMENTAL_ARTICLES}. */
  readonly maxIncrementalArticles?: number;
}

/**
 * Changes of up to this many articles update the index in service (on the bot's thread, a few
 * milliseconds per article plus passes over the corpus); larger ones build a new index with
 * `buildIndex` (off the thread), which also costs less than that many articles' updates.
 */
export const MAX_INCREMENTAL_ARTICLES = 50;

/** How long the corpus must stay unchanged after a swap before its snapshot is saved (saving a large index pauses the bot). */
export const SNAPSHOT_QUIET_MS = 2_000;

export class LiveCorpus {
  private current: CorpusIndex;
  private last: ReloadReport;
  private running: Promise<ReloadReport> | undefined;
  private queued: Promise<ReloadReport> | undefined;
  /** What the queued reload will read: the union of the requests made while one ran. */
  private queuedScope: ReloadScope | undefined;
  private watcher: CorpusWatcher | undefined;
  /** Each corpus file as last read, by name (undefined until known: then the next reload reads all). */
  private reads: Map<string, CorpusFileRead> | undefined;
  /** Subfolders that could not be read at the last full read (they fingerprint after the files). */
  private folderReads: CorpusFileRead[] = [];
  private isFolder = true;
  /** The snapshot to save once the corpus is quiet, and the save under way. */
  private snapshotTimer: NodeJS.Timeout | undefined;
  private pendingSnapshot: { readonly index: CorpusIndex; readonly fingerprint: string; readonly built?: IndexSnapshot } | undefined;
  private saving: Promise<void> = Promise.resolve();

  /**
   * Readies `index` for updates (see `prepareIndexUpdate`: for an index restored from its
   * snapshot, a few seconds at 35,000 articles), so that the first change costs what later ones do.
   *
   * @param index the index in service at start, with the issues found reading its corpus
   */
  constructor(
    index: CorpusIndex,
    issues: readonly CorpusIssue[],
    private readonly options: LiveCorpusOptions,
  ) {
    prepareIndexUpdate(index);
    this.current = index;
    if (options.files !== undefined) this.rememberReads(options.files.isFolder, options.files.reads);
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
   * Reads the corpus again and, if its articles changed, puts their new versions in service (see
   * {@link applyFileChanges}; every file is read). Never throws: a failure is a report, and the
   * index in service stays. A request made while a reload runs is served by one more reload after
   * it (several requests share that one).
   */
  reload(trigger: ReloadTrigger): Promise<ReloadReport> {
    return this.request(trigger, { kind: 'all' });
  }

  /**
   * Reads the named files again (paths relative to the corpus folder, with `/`, as the loader
   * names them; a file that is gone is removed) and puts the change in service: the other files'
   * articles are taken as last read. Duplicate ids across files are settled as a full read
   * settles them (in file name order); a file that no longer parses keeps its previous articles;
   * a change that would leave no article fails and keeps the index. A name that is a folder
   * reads the whole corpus. Never throws; queued like {@link reload}.
   *
   * @example await corpus.applyFileChanges(['new-deal.md'], 'add') // { outcome: 'swapped', changes: { added: ['new-deal'], … } }
   */
  applyFileChanges(names: readonly string[], trigger: ReloadTrigger): Promise<ReloadReport> {
    return this.request(trigger, { kind: 'files', names: new Set(names) });
  }

  private request(trigger: ReloadTrigger, scope: ReloadScope): Promise<ReloadReport> {
    if (this.running === undefined) return this.start(trigger, scope);
    this.queuedScope = joinScopes(this.queuedScope, scope);
    this.queued ??= this.running.then(() => {
      const queuedScope = this.queuedScope!;
      this.queued = undefined;
      this.queuedScope = undefined;
      return this.start(trigger, queuedScope);
    });
    return this.queued;
  }

  /**
   * Reloads whenever a file in the corpus folder (or the corpus file) is added, changed or removed,
   * once the folder has been quiet for {@link RELOAD_QUIET_MS}: only the files named by the
   * change notices are read again (all of them when a notice names none). Files the loader skips
   * (the index snapshot, editors' swap files and backups) do not trigger a reload.
   */
  watch(): void {
    if (this.watcher !== undefined) return;
    this.watcher = watchCorpus(
      this.options.corpusPath,
      (scope) => void this.request('file-change', scope),
      (error) => this.options.onWatchError?.(error),
    );
  }

  /** Saves the snapshot now if one is waiting for the corpus to be quiet, and waits for the save under way. */
  async flushSnapshot(): Promise<void> {
    if (this.snapshotTimer !== undefined) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = undefined;
      this.saving = this.saving.then(() => this.saveSnapshot());
    }
    await this.saving;
  }

  /** Stops watching, and waits for a reload in progress. */
  async close(): Promise<void> {
    this.watcher?.close();
    this.watcher = undefined;
    await this.queued;
    await this.running;
    await this.flushSnapshot();
  }

  private start(trigger: ReloadTrigger, scope: ReloadScope): Promise<ReloadReport> {
    const run = this.run(trigger, scope).then((report) => {
      this.last = report;
      this.options.onReload?.(report);
      return report;
    });
    this.running = run.finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private rememberReads(isFolder: boolean, reads: readonly CorpusFileRead[]): void {
    this.isFolder = isFolder;
    // Unreadable subfolders are named `folder/`: no file is.
    this.folderReads = reads.filter((read) => read.parsed.name.endsWith('/'));
    this.reads = new Map(reads.filter((read) => !read.parsed.name.endsWith('/')).map((read) => [read.parsed.name, read]));
  }

  /** Reads what `scope` names (everything when the files are not known yet, or a name is a folder) and combines the corpus. */
  private async readScope(scope: ReloadScope): Promise<{ corpus: ParsedCorpus; fingerprint: string }> {
    const encoding = this.options.open.encoding ?? 'utf-8';
    const reads = this.reads;
    if (scope.kind === 'files' && reads !== undefined) {
      const found = await readCorpusFiles(this.options.corpusPath, [...scope.names], { encoding });
      // A name that is (or was) a folder: its files are not named one by one, so all are read.
      const folderChanged = [...found].some(
        ([name, result]) => result === 'folder' || (result === 'absent' && !reads.has(name) && [...reads.keys()].some((known) => known.startsWith(`${name}/`))),
      );
      if (!folderChanged) {
        for (const [name, result] of found) {
          if (typeof result === 'string') reads.delete(name);
          else reads.set(name, result);
        }
        const ordered = [...reads.values()].sort((a, b) => (a.parsed.name < b.parsed.name ? -1 : a.parsed.name > b.parsed.name ? 1 : 0));
        const all = [...ordered, ...this.folderReads];
        return { corpus: combineParsedFiles(all.map((read) => read.parsed)), fingerprint: fingerprintReads(all) };
      }
    }
    const read = await readCorpus(this.options.corpusPath, { encoding });
    this.rememberReads(read.isFolder, read.reads);
    return { corpus: read.corpus, fingerprint: read.fingerprint };
  }

  private async run(trigger: ReloadTrigger, scope: ReloadScope): Promise<ReloadReport> {
    const started = performance.now();
    const previous = this.current;
    const report = (fields: Pick<ReloadReport, 'outcome' | 'changes' | 'keptFiles' | 'issues'> & Partial<Pick<ReloadReport, 'version' | 'error' | 'indexing'>>): ReloadReport => ({
      trigger,
      finishedAt: new Date(),
      previousVersion: previous.version,
      version: fields.version ?? previous.version,
      durationMs: performance.now() - started,
      ...fields,
    });
    const nothing = { added: [], changed: [], removed: [] };
    try {
      const read = await this.readScope(scope);
      const { issues } = read.corpus;
      const merged = keepPreviousVersions(previous.articles, read.corpus);
      const changes = compareCorpora(previous.articles, merged.articles);
      if (isUnchanged(changes)) {
        if (merged.keptFiles.length === 0 && read.fingerprint !== this.pendingSnapshot?.fingerprint) this.scheduleSnapshot({ index: previous, fingerprint: read.fingerprint });
        return report({ outcome: 'unchanged', changes, keptFiles: merged.keptFiles, issues });
      }
      if (merged.articles.length === 0) {
        return report({ outcome: 'failed', changes: nothing, keptFiles: [], issues, error: 'no usable article left: the corpus in service is kept' });
      }
      const { articles, removed, added } = planUpdate(previous, merged.articles, changes);
      let next: CorpusIndex;
      let built: IndexSnapshot | undefined;
      const indexing = removed.length + added.length <= (this.options.maxIncrementalArticles ?? MAX_INCREMENTAL_ARTICLES) ? 'updated' : 'built';
      let updated: CorpusIndex | undefined;
      if (indexing === 'updated') {
        try {
          updated = updateCorpusIndex(previous, { removed, added, articles });
        } catch {
          // An index that cannot be updated (one whose update failed half way) is replaced by a build.
          updated = undefined;
        }
      }
      if (updated !== undefined) {
        next = updated;
      } else {
        const result = await this.options.buildIndex(articles);
        next = result.index;
        built = result.snapshot;
      }
      // The swap: questions from now on read the new index; those under way finish on the old one.
      this.current = next;
      // A snapshot must match the files; with an old version kept in service, they differ.
      if (merged.keptFiles.length === 0) this.scheduleSnapshot({ index: next, fingerprint: read.fingerprint, ...(built === undefined ? {} : { built }) });
      else this.cancelSnapshot();
      return report({ outcome: 'swapped', version: next.version, changes, keptFiles: merged.keptFiles, issues, indexing: updated === undefined ? 'built' : 'updated' });
    } catch (error) {
      return report({ outcome: 'failed', changes: nothing, keptFiles: [], issues: [], error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Saves the snapshot of `pending` once the corpus has been quiet for {@link SNAPSHOT_QUIET_MS} (a later swap replaces it). */
  private scheduleSnapshot(pending: NonNullable<LiveCorpus['pendingSnapshot']>): void {
    if (this.options.open.snapshot === undefined || this.options.open.snapshot === 'off') return;
    this.pendingSnapshot = pending;
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      this.saving = this.saving.then(() => this.saveSnapshot());
    }, SNAPSHOT_QUIET_MS);
    this.snapshotTimer.unref();
  }

  private cancelSnapshot(): void {
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = undefined;
    this.pendingSnapshot = undefined;
  }

  /** Saves the pending snapshot for the next start; a failure goes to `onSnapshotError` (the next start then rebuilds). */
  private async saveSnapshot(): Promise<void> {
    const pending = this.pendingSnapshot;
    if (pending === undefined || pending.index !== this.current) return;
    try {
      const file = await snapshotPathFor(this.options.corpusPath, this.isFolder, this.options.open.snapshot ?? 'off');
      if (file === undefined) return;
      const key = await snapshotKey(pending.fingerprint, { encoding: this.options.open.encoding ?? 'utf-8' });
      const snapshot = pending.built ?? (this.options.buildSnapshot === undefined ? serializeCorpusIndex(pending.index) : await this.options.buildSnapshot(pending.index.articles));
      // The corpus changed while the snapshot was made: the next save covers it.
      if (pending.index !== this.current) return;
      await writeIndexSnapshot(file, key, snapshot);
    } catch (error) {
      this.options.onSnapshotError?.(error instanceof Error ? error.message : String(error));
    }
  }
}

/**
 * What changes in the index: the articles of the merged corpus, the index's own objects for those
 * unchanged (so that what was read per article is reused), and the ids removed and articles added
 * (a changed article is both; so is one whose source moved, as a line of a `.jsonl` file).
 */
function planUpdate(previous: CorpusIndex, merged: readonly Article[], changes: CorpusChanges): { articles: Article[]; removed: string[]; added: Article[] } {
  const changed = new Set([...changes.added, ...changes.changed]);
  const removed = [...changes.removed, ...changes.changed];
  const added: Article[] = [];
  const articles = merged.map((article) => {
    const before = previous.articleById.get(article.id);
    if (before !== undefined && !changed.has(article.id) && before.source !== article.source) {
      removed.push(article.id);
      changed.add(article.id);
    }
    if (changed.has(article.id)) {
      added.push(article);
      return article;
    }
    return before!;
  });
  return { articles, removed, added };
}
