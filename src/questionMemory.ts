/**
 * What the front ends (the Discord router's commands and the local console) record of the
 * questions they answer and the votes members give, and what moderators read back (`/gaps`,
 * `/status`, `npm run cli -- gaps`). Writes go to the recording queue, whose enqueue is
 * synchronous and cheap: nothing here is awaited on an answer's path, and nothing here throws at
 * a member (a failing queue is reported to `onError`, once per failure, and the answer goes on).
 */
import { createHash, randomBytes } from 'node:crypto';
import { isQuestionProblem, normalizeQuestion, wordingKeyOf, type Answer, type QuestionProblem } from './core/index.js';
import type { Activity, DeclinedGap, QuestionOutcome, QuestionRecord, QuestionStore, UnhelpfulGap, VoteRecord } from './database/questionStore.js';

/** Where records are queued: the recording queue (`src/database/recordingQueue.ts`) provides it. */
export interface RecordingSink {
  /** Queues a question: synchronous, O(1). */
  enqueueQuestion(record: QuestionRecord): void;
  /** Queues a vote: synchronous, O(1). */
  enqueueVote(vote: VoteRecord): void;
  /** Writes what is queued. */
  flush(): Promise<void>;
}

/** A question as a front end answered it, before it becomes a {@link QuestionRecord}. */
export interface AskedQuestion {
  /** The question as the member typed it (normalised when recorded). */
  readonly question: string;
  /** A guild id, `dm`, or `console`. */
  readonly place: string;
  /** What `answerQuestion` returned. */
  readonly result: Answer | QuestionProblem;
  /** The index's version (content hash) the answer came from. */
  readonly corpusVersion: string;
  readonly durationMs: number;
}

/** The wordings a moderator should look at, most asked first. */
export interface GapsReport {
  readonly declined: readonly DeclinedGap[];
  readonly unhelpful: readonly UnhelpfulGap[];
}

export interface QuestionMemoryOptions {
  readonly sink: RecordingSink;
  /** Read back for the reports. */
  readonly store: Pick<QuestionStore, 'declinedGaps' | 'unhelpfulGaps' | 'activity'>;
  /**
   * The installation's salt ({@link QuestionStore.installationSalt}), for voter hashes; or a
   * getter that gives it once read (undefined while the database has been unreachable since the
   * start: a vote then cannot be counted, and says so).
   */
  readonly salt: string | (() => string | undefined);
  /** Called when queuing fails; the answer goes on. */
  readonly onError?: (error: unknown) => void;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  readonly now?: () => number;
}

/** An answer id: what {@link newAnswerId} makes (base64url, 22 characters), or at most 22 such characters. */
const ANSWER_ID = /^[A-Za-z0-9_-]{1,22}$/;

/** A random answer id, 128 bits in base64url (22 characters): short enough for a button's `custom_id`. */
export function newAnswerId(): string {
  return randomBytes(16).toString('base64url');
}

/** Whether `value` has the shape of an answer id (what a button carries is untrusted). */
export function isAnswerId(value: string): boolean {
  return ANSWER_ID.test(value);
}

/** A member's one-way hash: SHA-256 of the installation's salt and the member's id, hex. */
export function hashVoter(salt: string, userId: string): string {
  return createHash('sha256').update(`${salt}${userId}`).digest('hex');
}

/** How a question ended, or `undefined` for an empty one (nothing was asked: not recorded). */
export function outcomeOf(result: Answer | QuestionProblem): QuestionOutcome | undefined {
  if (isQuestionProblem(result)) return result.kind === 'no-searchable-words' ? 'no-searchable-words' : undefined;
  return result.abstained ? 'declined' : 'answered';
}

/**
 * The record of one asked question: the question normalised, its wording key, the outcome, the
 * cited articles (distinct, best first; for a declined question the nearest ones), and nothing of
 * who asked. `undefined` for an empty question.
 */
export function toQuestionRecord(asked: AskedQuestion, id: string, askedAt: number): QuestionRecord | undefined {
  const outcome = outcomeOf(asked.result);
  if (outcome === undefined) return undefined;
  const question = normalizeQuestion(asked.question);
  const citations = isQuestionProblem(asked.result) ? [] : asked.result.citations;
  return {
    id,
    askedAt,
    question,
    wordingKey: wordingKeyOf(question),
    place: asked.place,
    outcome,
    corpusVersion: asked.corpusVersion,
    articleIds: [...new Set(citations.map((citation) => citation.articleId))],
    durationMs: Math.max(0, Math.round(asked.durationMs)),
  };
}

/** Records questions and votes through the queue, and reads the reports back from the store. */
export class QuestionMemory {
  private readonly now: () => number;

  constructor(private readonly options: QuestionMemoryOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Queues the record of an answered question and returns its answer id (for the vote buttons),
   * or `undefined` when nothing was recorded (an empty question, or the queue failed). Never throws.
   */
  recordQuestion(asked: AskedQuestion): string | undefined {
    try {
      const record = toQuestionRecord(asked, newAnswerId(), this.now());
      if (record === undefined) return undefined;
      this.options.sink.enqueueQuestion(record);
      return record.id;
    } catch (error) {
      this.options.onError?.(error);
      return undefined;
    }
  }

  /** Queues a member's vote on an answer (a later vote replaces it). False when the id is malformed or queuing failed. Never throws. */
  recordVote(answerId: string, userId: string, helpful: boolean): boolean {
    if (!isAnswerId(answerId)) return false;
    try {
      const salt = typeof this.options.salt === 'string' ? this.options.salt : this.options.salt();
      if (salt === undefined) return false;
      this.options.sink.enqueueVote({ answerId, voterHash: hashVoter(salt, userId), helpful, votedAt: this.now() });
      return true;
    } catch (error) {
      this.options.onError?.(error);
      return false;
    }
  }

  /**
   * The declined and unhelpful wordings since `since` (ms since the epoch), at most `limit` of
   * each; what is queued is written first. Rejects when the database cannot be read (after
   * reporting it to `onError`).
   */
  async gaps(since: number, limit: number): Promise<GapsReport> {
    await this.flushQuietly();
    const [declined, unhelpful] = await this.read(() => Promise.all([this.options.store.declinedGaps(since, limit), this.options.store.unhelpfulGaps(since, limit)]));
    return { declined, unhelpful };
  }

  /** Questions and votes since `since`; what is queued is written first. Rejects as {@link gaps} does. */
  async activity(since: number): Promise<Activity> {
    await this.flushQuietly();
    return this.read(() => this.options.store.activity(since));
  }

  private async read<T>(query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      this.options.onError?.(error);
      throw error;
    }
  }

  /** A report counts what was queued too; if writing fails the queue keeps it and the report reads what is stored. */
  private async flushQuietly(): Promise<void> {
    try {
      await this.options.sink.flush();
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
