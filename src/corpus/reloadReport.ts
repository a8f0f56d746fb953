/** What a reload of the live corpus did, for the log, `/reload`'s reply and the bot's status. */
import type { CorpusChanges, CorpusIssue } from '../core/index.js';

/** What started a reload: the start, the folder watcher, `/reload`, an article added (`/add`) or its addition undone. */
export type ReloadTrigger = 'startup' | 'file-change' | 'command' | 'add' | 'undo';

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
  /** Set when the new index could not be saved as the snapshot (the next start then rebuilds it). Snapshots are saved after the reload: see `onSnapshotError`. */
  readonly snapshotError?: string;
  /** How the new index was made: `updated` in place for the changed articles, or `built` anew. */
  readonly indexing?: 'updated' | 'built';
  readonly durationMs: number;
}
