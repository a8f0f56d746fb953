/**
 * An in-memory question store and queue, for the tests of what records and reads questions (the
 * commands, the console, the renderers) without a database: the same interface as the SQLite and
 * PostgreSQL stores, with their documented grouping, and a queue that writes only on `flush()`.
 */
import type { Activity, DeclinedGap, QuestionRecord, QuestionStore, UnhelpfulGap, VoteRecord } from '../../src/database/questionStore.js';
import { QuestionMemory, type RecordingSink } from '../../src/questionMemory.js';

export class MemoryQuestionStore implements QuestionStore {
  readonly kind = 'sqlite' as const;
  readonly questions: QuestionRecord[] = [];
  /** Votes by `answerId voterHash`: a later vote replaces the earlier. */
  readonly votes = new Map<string, VoteRecord>();

  migrate(): Promise<void> {
    return Promise.resolve();
  }

  recordQuestions(records: readonly QuestionRecord[]): Promise<void> {
    for (const record of records) if (!this.questions.some((known) => known.id === record.id)) this.questions.push(record);
    return Promise.resolve();
  }

  recordVotes(votes: readonly VoteRecord[]): Promise<void> {
    for (const vote of votes) this.votes.set(`${vote.answerId} ${vote.voterHash}`, vote);
    return Promise.resolve();
  }

  deleteOlderThan(cutoff: number): Promise<number> {
    const old = this.questions.filter((record) => record.askedAt < cutoff);
    for (const record of old) this.questions.splice(this.questions.indexOf(record), 1);
    return Promise.resolve(old.length);
  }

  declinedGaps(since: number, limit: number): Promise<DeclinedGap[]> {
    const groups = this.groups(since, 'declined');
    const gaps = [...groups.values()].map((records): DeclinedGap => {
      const latest = records.at(-1)!;
      return { question: latest.question, wordingKey: latest.wordingKey, count: records.length, last: latest.askedAt, nearest: latest.articleIds[0] ?? null };
    });
    return Promise.resolve(gaps.sort((a, b) => b.count - a.count || b.last - a.last).slice(0, limit));
  }

  unhelpfulGaps(since: number, limit: number): Promise<UnhelpfulGap[]> {
    const gaps = [...this.groups(since, 'answered').values()].flatMap((records): UnhelpfulGap[] => {
      const ids = new Set(records.map((record) => record.id));
      const votes = [...this.votes.values()].filter((vote) => ids.has(vote.answerId));
      const helpful = votes.filter((vote) => vote.helpful).length;
      const unhelpful = votes.length - helpful;
      if (unhelpful <= helpful) return [];
      const latest = records.at(-1)!;
      const cited = new Map<string, number>();
      for (const id of records.flatMap((record) => record.articleIds)) cited.set(id, (cited.get(id) ?? 0) + 1);
      const articleIds = [...cited.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
      return [{ question: latest.question, wordingKey: latest.wordingKey, count: records.length, helpful, unhelpful, articleIds, last: latest.askedAt }];
    });
    return Promise.resolve(gaps.sort((a, b) => b.unhelpful - a.unhelpful || b.last - a.last).slice(0, limit));
  }

  activity(since: number): Promise<Activity> {
    const asked = this.questions.filter((record) => record.askedAt >= since);
    const votes = [...this.votes.values()].filter((vote) => vote.votedAt >= since);
    return Promise.resolve({
      questions: asked.length,
      answered: asked.filter((record) => record.outcome === 'answered').length,
      helpful: votes.filter((vote) => vote.helpful).length,
      unhelpful: votes.filter((vote) => !vote.helpful).length,
    });
  }

  installationSalt(): Promise<string> {
    return Promise.resolve('test-installation-salt');
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Records of an outcome since `since`, by wording key, oldest first. */
  private groups(since: number, outcome: QuestionRecord['outcome']): Map<string, QuestionRecord[]> {
    const groups = new Map<string, QuestionRecord[]>();
    for (const record of [...this.questions].sort((a, b) => a.askedAt - b.askedAt)) {
      if (record.askedAt < since || record.outcome !== outcome) continue;
      groups.set(record.wordingKey, [...(groups.get(record.wordingKey) ?? []), record]);
    }
    return groups;
  }
}

/** A queue that holds records until `flush()`, as the recording queue does between batches. */
export class MemoryQueue implements RecordingSink {
  readonly pendingQuestions: QuestionRecord[] = [];
  readonly pendingVotes: VoteRecord[] = [];

  constructor(private readonly store: QuestionStore) {}

  enqueueQuestion(record: QuestionRecord): void {
    this.pendingQuestions.push(record);
  }

  enqueueVote(vote: VoteRecord): void {
    this.pendingVotes.push(vote);
  }

  async flush(): Promise<void> {
    await this.store.recordQuestions(this.pendingQuestions.splice(0));
    await this.store.recordVotes(this.pendingVotes.splice(0));
  }
}

/** A memory over a fresh in-memory store, with its queue and store for assertions. */
export function memoryQuestionMemory(now?: () => number) {
  const store = new MemoryQuestionStore();
  const queue = new MemoryQueue(store);
  const errors: unknown[] = [];
  const memory = new QuestionMemory({ sink: queue, store, salt: 'test-installation-salt', onError: (error) => errors.push(error), ...(now ? { now } : {}) });
  return { memory, store, queue, errors };
}
