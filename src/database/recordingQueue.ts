/**
 * Recording off the reply's path: the router and the console hand questions and votes to this
 * queue (a synchronous, constant-time call), and a timer writes them to the store in batches. When
 * the database is unavailable (a read-only file, a full disk, PostgreSQL down) answers go on: one
 * warning is reported, writes are retried with a growing delay, and at most {@link MAX_PENDING}
 * records wait; beyond that the oldest are dropped and counted, and the count is reported when
 * recording resumes (or at close). Nothing here logs by itself: the caller passes `warn` and `info`.
 */
import type { QuestionRecord, QuestionStore, VoteRecord } from './questionStore.js';

/** At most this many records wait for the database; beyond, the oldest are dropped (about 5 MB of memory). */
export const MAX_PENDING = 10_000;
/** Records written per transaction. */
export const BATCH_SIZE = 500;
/** How long a record waits, at most, before a write when the batch is not full. */
export const FLUSH_INTERVAL_MS = 1_000;
/** The first retry after a failed write; each further failure doubles it, up to {@link RETRY_MAX_MS}. */
export const RETRY_MIN_MS = 1_000;
export const RETRY_MAX_MS = 60_000;

/** Figures the queue reports with its messages and through {@link RecordingQueue.stats}. */
export interface RecordingStats {
  /** Records waiting to be written (including a batch being written). */
  readonly pending: number;
  /** Records written since the queue started. */
  readonly written: number;
  /** Records dropped since the queue started, because more than the bound waited. */
  readonly dropped: number;
  /** Whether the last write failed (the database is unavailable). */
  readonly unavailable: boolean;
}

/** What the queue reports; the composition root maps these to its logger. */
export type RecordingReport = (message: string, fields: RecordingStats & { readonly error?: string }) => void;

export interface RecordingQueueOptions {
  readonly store: Pick<QuestionStore, 'recordQuestions' | 'recordVotes'>;
  /** Called once when the database becomes unavailable, and at close if records could not be written. */
  readonly warn: RecordingReport;
  /** Called when writes succeed again after an outage, with how many records were dropped. */
  readonly info?: RecordingReport;
  /** Default {@link MAX_PENDING}. */
  readonly maxPending?: number;
  /** Default {@link BATCH_SIZE}. */
  readonly batchSize?: number;
  /** Default {@link FLUSH_INTERVAL_MS}. */
  readonly flushIntervalMs?: number;
  /** Default {@link RETRY_MIN_MS}. */
  readonly retryMinMs?: number;
  /** Default {@link RETRY_MAX_MS}. */
  readonly retryMaxMs?: number;
}

/** The queue between the answer path and the store. */
export interface RecordingQueue {
  /** Queues a question; never throws, never waits (amortised constant time). */
  enqueueQuestion(record: QuestionRecord): void;
  /** Queues a vote, after any question queued before it; never throws, never waits. */
  enqueueVote(vote: VoteRecord): void;
  /** Writes everything queued now (one attempt, no backoff: for SIGTERM); resolves, never rejects. */
  flush(): Promise<void>;
  /** Marks the database unavailable as a failed write would (warns once): `openStore` calls it when migrating fails at start. */
  noteUnavailable(error: unknown): void;
  /** Flushes, stops the timers and accepts nothing more; warns if records could not be written. Does not close the store. */
  close(): Promise<void>;
  stats(): RecordingStats;
}

type Item = { readonly question: QuestionRecord } | { readonly vote: VoteRecord };

/**
 * Starts a queue in front of `store`. Its timers do not keep the process alive.
 *
 * @example
 * const queue = createRecordingQueue({ store, warn: (message, fields) => log.warn(fields, message) });
 * queue.enqueueQuestion(record); // returns at once; written within a second
 */
export function createRecordingQueue(options: RecordingQueueOptions): RecordingQueue {
  const maxPending = Math.max(1, options.maxPending ?? MAX_PENDING);
  const batchSize = Math.max(1, options.batchSize ?? BATCH_SIZE);
  const flushIntervalMs = options.flushIntervalMs ?? FLUSH_INTERVAL_MS;
  const retryMinMs = options.retryMinMs ?? RETRY_MIN_MS;
  const retryMaxMs = options.retryMaxMs ?? RETRY_MAX_MS;

  // Waiting items are items[head…]; dropping the oldest advances head, and the array is compacted
  // when more than half of it is behind head, so that every operation is amortised constant time.
  let items: (Item | undefined)[] = [];
  let head = 0;
  let inFlight: Item[] = [];
  let writing: Promise<boolean> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let timerIsImmediate = false;
  let closed = false;
  let written = 0;
  let dropped = 0;
  /** Dropped records already reported (by a "resumed" message). */
  let droppedReported = 0;
  let unavailable = false;
  let retryDelay = retryMinMs;

  const waiting = (): number => items.length - head;
  const stats = (): RecordingStats => ({ pending: waiting() + inFlight.length, written, dropped, unavailable });
  const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

  const markUnavailable = (error: unknown): void => {
    if (unavailable) {
      retryDelay = Math.min(retryMaxMs, retryDelay * 2);
      return;
    }
    unavailable = true;
    retryDelay = retryMinMs;
    options.warn(
      `Recording questions paused: the database is unavailable. Answers go on; up to ${maxPending.toLocaleString('en-US')} records wait and are retried, older ones are dropped.`,
      { ...stats(), error: describe(error) },
    );
  };

  const enqueue = (item: Item): void => {
    if (closed) {
      dropped += 1;
      return;
    }
    items.push(item);
    while (waiting() + inFlight.length > maxPending && waiting() > 0) {
      items[head] = undefined;
      head += 1;
      dropped += 1;
    }
    if (head > 1_024 && head * 2 > items.length) {
      items = items.slice(head);
      head = 0;
    }
    schedule();
  };

  function schedule(): void {
    if (closed || writing !== undefined || waiting() === 0) return;
    const immediate = !unavailable && waiting() >= batchSize;
    if (timer !== undefined && (timerIsImmediate || !immediate)) return;
    if (timer !== undefined) clearTimeout(timer);
    timerIsImmediate = immediate;
    timer = setTimeout(
      () => {
        timer = undefined;
        void drain().then(schedule);
      },
      immediate ? 0 : unavailable ? retryDelay : flushIntervalMs,
    );
    timer.unref();
  }

  /** Writes one batch; resolves false when the store failed (the batch goes back to the front). */
  async function writeBatch(): Promise<boolean> {
    const end = Math.min(items.length, head + batchSize);
    inFlight = items.slice(head, end) as Item[];
    head = end;
    const questions: QuestionRecord[] = [];
    const votes: VoteRecord[] = [];
    for (const item of inFlight) {
      if ('question' in item) questions.push(item.question);
      else votes.push(item.vote);
    }
    try {
      // Questions first: a vote in the same batch refers to a question of the batch or an earlier one.
      await options.store.recordQuestions(questions);
      await options.store.recordVotes(votes);
    } catch (error) {
      // Back to the front, keeping the bound: what was queued meanwhile is newer.
      const keep = Math.max(0, Math.min(inFlight.length, maxPending - waiting()));
      dropped += inFlight.length - keep;
      items = [...inFlight.slice(inFlight.length - keep), ...items.slice(head)];
      head = 0;
      inFlight = [];
      markUnavailable(error);
      return false;
    }
    written += inFlight.length;
    inFlight = [];
    if (unavailable) {
      unavailable = false;
      retryDelay = retryMinMs;
      options.info?.(`Recording questions resumed; ${(dropped - droppedReported).toLocaleString('en-US')} records were dropped while the database was unavailable.`, stats());
      droppedReported = dropped;
    }
    return true;
  }

  /** Writes batches until the queue is empty or a write fails; one drain at a time. */
  async function drain(): Promise<boolean> {
    if (writing !== undefined) return writing;
    writing = (async () => {
      while (waiting() > 0) if (!(await writeBatch())) return false;
      return true;
    })();
    try {
      return await writing;
    } finally {
      writing = undefined;
    }
  }

  return {
    enqueueQuestion: (question) => enqueue({ question }),
    enqueueVote: (vote) => enqueue({ vote }),
    async flush() {
      if (writing !== undefined) await writing;
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
      await drain();
      schedule();
    },
    noteUnavailable(error) {
      markUnavailable(error);
      schedule();
    },
    async close() {
      if (closed) return;
      await this.flush();
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const left = stats();
      if (left.pending > 0) {
        options.warn(
          `Recording questions stopped with ${left.pending.toLocaleString('en-US')} records not written and ${left.dropped.toLocaleString('en-US')} dropped: the database was unavailable.`,
          left,
        );
      }
    },
    stats,
  };
}
