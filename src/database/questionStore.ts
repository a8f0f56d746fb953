/**
 * The memory of questions (issue 17): what members asked, how Dossier answered and how members
 * voted, kept in a database. One interface, two implementations (SQLite by default, PostgreSQL when
 * several hosts share one), one migration history. Nothing here knows Discord: the router and the
 * console record through a queue (`recordingQueue.ts`) that batches writes off the reply's path.
 */

/** How a question ended. */
export type QuestionOutcome = 'answered' | 'declined' | 'no-searchable-words';

/** One question as recorded: no user id, name or message content other than the question. */
export interface QuestionRecord {
  /** A random id for this answer (base64url, at most 22 characters), carried by the vote buttons. */
  readonly id: string;
  /** When it was asked, in milliseconds since the epoch. */
  readonly askedAt: number;
  /** The question as asked, normalised (trimmed, whitespace collapsed, at most 500 characters). */
  readonly question: string;
  /**
   * The question's wording after analysis (its distinct terms, sorted, space-separated): questions
   * with the same key are "the same question" in `/gaps`.
   */
  readonly wordingKey: string;
  /** Where: a guild id, `dm`, or `console`. */
  readonly place: string;
  readonly outcome: QuestionOutcome;
  /** The corpus version the answer came from (the index's content hash). */
  readonly corpusVersion: string;
  /** The articles cited, best first (for a declined question: the nearest ones). */
  readonly articleIds: readonly string[];
  /** How long answering took, in milliseconds. */
  readonly durationMs: number;
}

/** One member's vote on one answer. Voting again replaces it. */
export interface VoteRecord {
  /** The {@link QuestionRecord.id} voted on. */
  readonly answerId: string;
  /** A one-way hash of the member's id, salted per installation: counts distinct voters, names nobody. */
  readonly voterHash: string;
  readonly helpful: boolean;
  /** When, in milliseconds since the epoch. */
  readonly votedAt: number;
}

/** A wording the corpus could not answer, for `/gaps`. */
export interface DeclinedGap {
  /** The most recent question asked with this wording, as asked. */
  readonly question: string;
  readonly wordingKey: string;
  readonly count: number;
  /** The last time it was asked, in milliseconds since the epoch. */
  readonly last: number;
  /** The nearest article the last asking found, or null. */
  readonly nearest: string | null;
}

/** A wording whose answers members voted unhelpful, for `/gaps`. */
export interface UnhelpfulGap {
  readonly question: string;
  readonly wordingKey: string;
  /** How many times this wording was asked and answered in the period. */
  readonly count: number;
  readonly helpful: number;
  readonly unhelpful: number;
  /** The articles the answers cited (distinct, most cited first). */
  readonly articleIds: readonly string[];
  readonly last: number;
}

/** The questions and votes of a period, for `/status`. */
export interface Activity {
  readonly questions: number;
  readonly answered: number;
  readonly helpful: number;
  readonly unhelpful: number;
}

/**
 * A database of questions and votes. Writes come in batches (from the queue); every method may
 * reject when the database is unavailable, and the caller decides what to do (the queue retries).
 */
export interface QuestionStore {
  /** Which backend, for logs and `/status`: `sqlite` or `postgres`. */
  readonly kind: 'sqlite' | 'postgres';
  /** Runs the migrations that the database lacks, in one transaction; refuses a database newer than the code. */
  migrate(): Promise<void>;
  /** Records questions (an id already recorded is ignored). */
  recordQuestions(records: readonly QuestionRecord[]): Promise<void>;
  /** Records votes, one per member and answer: a later vote replaces the earlier. */
  recordVotes(votes: readonly VoteRecord[]): Promise<void>;
  /** Deletes questions (and their votes) asked before `cutoff` (ms since the epoch); returns how many questions. */
  deleteOlderThan(cutoff: number): Promise<number>;
  /** Declined wordings since `since`, most asked first (ties: most recent first), at most `limit`. */
  declinedGaps(since: number, limit: number): Promise<DeclinedGap[]>;
  /** Answered wordings with more unhelpful than helpful votes since `since`, most unhelpful first, at most `limit`. */
  unhelpfulGaps(since: number, limit: number): Promise<UnhelpfulGap[]>;
  /** Questions and votes since `since`. */
  activity(since: number): Promise<Activity>;
  /** This installation's random salt for {@link VoteRecord.voterHash}, created by the first migration and kept in the database. */
  installationSalt(): Promise<string>;
  close(): Promise<void>;
}
