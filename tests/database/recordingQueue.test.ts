import { describe, expect, it } from 'vitest';
import type { QuestionRecord, VoteRecord } from '../../src/database/questionStore.js';
import { createRecordingQueue, type RecordingQueueOptions } from '../../src/database/recordingQueue.js';
import { waitUntil } from '../support/waitUntil.js';
import { question } from './databases.js';

/** A store in memory that can be made unavailable, like a read-only file or a stopped server. */
class FakeStore {
  readonly questions: QuestionRecord[] = [];
  readonly votes: VoteRecord[] = [];
  readonly batches: number[] = [];
  down: Error | undefined;

  async recordQuestions(records: readonly QuestionRecord[]): Promise<void> {
    if (this.down) throw this.down;
    if (records.length > 0) this.batches.push(records.length);
    this.questions.push(...records);
  }

  async recordVotes(votes: readonly VoteRecord[]): Promise<void> {
    if (this.down) throw this.down;
    this.votes.push(...votes);
  }
}

function setUp(options: Partial<RecordingQueueOptions> = {}) {
  const store = new FakeStore();
  const warnings: string[] = [];
  const infos: string[] = [];
  const queue = createRecordingQueue({
    store,
    warn: (message) => warnings.push(message),
    info: (message) => infos.push(message),
    flushIntervalMs: 10,
    retryMinMs: 10,
    retryMaxMs: 40,
    ...options,
  });
  return { store, warnings, infos, queue };
}

const asked = (n: number): QuestionRecord => question({ question: `Who replaced Brian Hook? (${n})`, wordingKey: 'brian hook replace', id: `answer-${n}` });

/** Until the queue has done what `condition` checks (polled every 5 ms, at most 10 s). */
function until(condition: () => boolean): Promise<void> {
  return waitUntil(condition, { timeoutMs: 10_000, everyMs: 5 });
}

describe('the recording queue', () => {
  it('writes queued questions by itself, without a flush', async () => {
    const { store, queue } = setUp();
    queue.enqueueQuestion(asked(1));
    await until(() => store.questions.length === 1);
    expect(store.questions[0]?.id).toBe('answer-1');
  });

  it('writes in batches of at most the batch size', async () => {
    const { store, queue } = setUp({ batchSize: 100 });
    for (let n = 0; n < 250; n += 1) queue.enqueueQuestion(asked(n));
    await queue.flush();
    expect(store.batches).toEqual([100, 100, 50]);
  });

  it('writes a question before a vote on it queued in the same batch', async () => {
    const { store, queue } = setUp();
    const order: string[] = [];
    store.recordQuestions = async (records) => void order.push(...records.map((record) => `question ${record.id}`));
    store.recordVotes = async (votes) => void order.push(...votes.map((vote) => `vote ${vote.answerId}`));
    queue.enqueueQuestion(asked(1));
    queue.enqueueVote({ answerId: 'answer-1', voterHash: 'member-a', helpful: true, votedAt: 0 });
    await queue.flush();
    expect(order).toEqual(['question answer-1', 'vote answer-1']);
  });

  it('keeps accepting questions while the database is unavailable, and warns once', async () => {
    const { store, warnings, queue } = setUp();
    store.down = new Error('attempt to write a readonly database');
    for (let n = 0; n < 20; n += 1) {
      queue.enqueueQuestion(asked(n));
      await queue.flush();
    }
    expect([warnings.length, warnings[0], queue.stats()]).toEqual([
      1,
      'Recording questions paused: the database is unavailable. Answers go on; up to 10,000 records wait and are retried, older ones are dropped.',
      { pending: 20, written: 0, dropped: 0, unavailable: true },
    ]);
  });

  it('writes what waited once the database is back, and says how many were dropped', async () => {
    const { store, infos, queue } = setUp({ maxPending: 5 });
    store.down = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    for (let n = 0; n < 8; n += 1) queue.enqueueQuestion(asked(n));
    await queue.flush();
    store.down = undefined;
    await until(() => store.questions.length > 0);
    expect([store.questions.map((record) => record.id), infos]).toEqual([
      ['answer-3', 'answer-4', 'answer-5', 'answer-6', 'answer-7'],
      ['Recording questions resumed; 3 records were dropped while the database was unavailable.'],
    ]);
  });

  it('drops the oldest records beyond its bound and counts them', async () => {
    const { store, queue } = setUp({ maxPending: 100 });
    store.down = new Error('disk full');
    for (let n = 0; n < 1_000; n += 1) queue.enqueueQuestion(asked(n));
    expect(queue.stats()).toEqual({ pending: 100, written: 0, dropped: 900, unavailable: expect.any(Boolean) });
  });

  it('retries by itself after a failed write, without being asked', async () => {
    const { store, queue } = setUp();
    store.down = new Error('disk full');
    queue.enqueueQuestion(asked(1));
    await queue.flush();
    store.down = undefined;
    await until(() => store.questions.length === 1);
    expect(queue.stats()).toEqual({ pending: 0, written: 1, dropped: 0, unavailable: false });
  });

  it('writes everything queued at close, then accepts nothing more', async () => {
    const { store, queue } = setUp({ flushIntervalMs: 60_000 });
    for (let n = 0; n < 3; n += 1) queue.enqueueQuestion(asked(n));
    await queue.close();
    queue.enqueueQuestion(asked(4));
    expect([store.questions.length, queue.stats().pending]).toEqual([3, 0]);
  });

  it('warns at close about the records it could not write', async () => {
    const { store, warnings, queue } = setUp();
    store.down = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    queue.enqueueQuestion(asked(1));
    queue.enqueueVote({ answerId: 'answer-1', voterHash: 'member-a', helpful: false, votedAt: 0 });
    await queue.close();
    expect(warnings.at(-1)).toBe('Recording questions stopped with 2 records not written and 0 dropped: the database was unavailable.');
  });

  it('never throws at the caller, even when closed', async () => {
    const { queue } = setUp();
    await queue.close();
    expect(() => queue.enqueueQuestion(asked(1))).not.toThrow();
  });
});
