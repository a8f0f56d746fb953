import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type CorpusIndex } from '../src/core/index.js';
import { QuestionMemory, hashVoter, isAnswerId, newAnswerId, toQuestionRecord } from '../src/questionMemory.js';
import { MemoryQuestionStore, memoryQuestionMemory } from './support/memoryQuestionStore.js';
import { SEED, seedIndex } from './support/seedCorpus.js';

let index: CorpusIndex;
beforeAll(async () => {
  index = await seedIndex();
});

const ASKED_AT = Date.UTC(2026, 11, 3, 15, 0);

async function asked(question: string, place = '800000000000000001') {
  return { question, place, result: await answerQuestion(index, question), corpusVersion: index.version, durationMs: 12.4 };
}

describe('toQuestionRecord', () => {
  it('records an answered question with its wording key, place, corpus version, cited articles and time', async () => {
    const record = toQuestionRecord(await asked('  Who replaced   Brian Hook? '), 'answer-1', ASKED_AT);
    expect(record).toMatchObject({
      id: 'answer-1',
      askedAt: ASKED_AT,
      question: 'Who replaced Brian Hook?',
      wordingKey: 'brian hook replac',
      place: '800000000000000001',
      outcome: 'answered',
      corpusVersion: index.version,
      durationMs: 12,
    });
    expect(record?.articleIds[0]).toBe(SEED.freeBeacon);
  });

  it('lists each cited article once', async () => {
    const record = toQuestionRecord(await asked('What did Russia and Iran agree on?'), 'answer-2', ASKED_AT);
    expect(new Set(record?.articleIds).size).toBe(record?.articleIds.length);
  });

  it('records a question the corpus does not cover as declined, with the nearest articles', async () => {
    const record = toQuestionRecord(await asked('What is the capital of Australia?'), 'answer-3', ASKED_AT);
    expect(record?.outcome).toBe('declined');
  });

  it('records a question of stop words only as having no searchable words', async () => {
    const record = toQuestionRecord(await asked('What is it?', 'console'), 'answer-4', ASKED_AT);
    expect(record).toMatchObject({ outcome: 'no-searchable-words', wordingKey: '', place: 'console', articleIds: [] });
  });

  it('does not record an empty question', async () => {
    expect(toQuestionRecord(await asked('   '), 'answer-5', ASKED_AT)).toBeUndefined();
  });

  it('keeps nothing of who asked but the place', async () => {
    const record = toQuestionRecord(await asked('Who replaced Brian Hook?'), 'answer-6', ASKED_AT);
    expect(Object.keys(record ?? {}).sort()).toEqual(['articleIds', 'askedAt', 'corpusVersion', 'durationMs', 'id', 'outcome', 'place', 'question', 'wordingKey']);
  });
});

describe('answer ids and voter hashes', () => {
  it('makes answer ids of 22 URL-safe characters, each different', () => {
    const ids = Array.from({ length: 50 }, newAnswerId);
    expect(ids.every((id) => /^[A-Za-z0-9_-]{22}$/.test(id) && isAnswerId(id))).toBe(true);
    expect(new Set(ids).size).toBe(50);
  });

  it('refuses an answer id that a forged button could carry', () => {
    expect(isAnswerId('abc:def')).toBe(false);
    expect(isAnswerId('a'.repeat(23))).toBe(false);
    expect(isAnswerId('')).toBe(false);
  });

  it('hashes a member as SHA-256 of the installation salt and the member id', () => {
    expect(hashVoter('salt', '300000000000000001')).toBe(createHash('sha256').update('salt300000000000000001').digest('hex'));
  });

  it('hashes one member differently under another installation salt', () => {
    expect(hashVoter('one', '300000000000000001')).not.toBe(hashVoter('two', '300000000000000001'));
  });
});

describe('QuestionMemory', () => {
  it('queues a question without writing it, and returns the id the vote buttons carry', async () => {
    const { memory, store, queue } = memoryQuestionMemory(() => ASKED_AT);
    const id = memory.recordQuestion(await asked('Who replaced Brian Hook?'));
    expect(queue.pendingQuestions.map((record) => record.id)).toEqual([id]);
    expect(store.questions).toEqual([]);
  });

  it('queues a vote with the hashed member and never the member id', () => {
    const { memory, queue } = memoryQuestionMemory(() => ASKED_AT);
    expect(memory.recordVote('AAAAAAAAAAAAAAAAAAAAAA', '300000000000000001', true)).toBe(true);
    expect(queue.pendingVotes).toEqual([
      { answerId: 'AAAAAAAAAAAAAAAAAAAAAA', voterHash: hashVoter('test-installation-salt', '300000000000000001'), helpful: true, votedAt: ASKED_AT },
    ]);
    expect(JSON.stringify(queue.pendingVotes)).not.toContain('300000000000000001');
  });

  it('never throws when the queue does: the question is answered without a record', async () => {
    const errors: unknown[] = [];
    const failing = {
      enqueueQuestion: () => {
        throw new Error('disk full');
      },
      enqueueVote: () => {
        throw new Error('disk full');
      },
      flush: () => Promise.resolve(),
    };
    const memory = new QuestionMemory({ sink: failing, store: new MemoryQuestionStore(), salt: 's', onError: (error) => errors.push(error) });
    expect(memory.recordQuestion(await asked('Who replaced Brian Hook?'))).toBeUndefined();
    expect(memory.recordVote('AAAAAAAAAAAAAAAAAAAAAA', '300000000000000001', false)).toBe(false);
    expect(errors).toHaveLength(2);
  });

  it('writes what is queued before reading the gaps', async () => {
    const { memory } = memoryQuestionMemory(() => ASKED_AT);
    memory.recordQuestion(await asked('What is the capital of Australia?'));
    const report = await memory.gaps(0, 10);
    expect(report.declined.map((gap) => [gap.question, gap.count])).toEqual([['What is the capital of Australia?', 1]]);
  });
});

describe('QuestionMemory before the salt is read', () => {
  it('counts no vote while the installation salt is unknown, and counts them once it is read', () => {
    let salt: string | undefined;
    const store = new MemoryQuestionStore();
    const queue = { enqueueQuestion: () => undefined, enqueued: [] as unknown[], enqueueVote: (vote: unknown) => void queue.enqueued.push(vote), flush: () => Promise.resolve() };
    const memory = new QuestionMemory({ sink: queue, store, salt: () => salt });
    expect(memory.recordVote('AAAAAAAAAAAAAAAAAAAAAA', '300000000000000001', true)).toBe(false);
    salt = 'read-later';
    expect(memory.recordVote('AAAAAAAAAAAAAAAAAAAAAA', '300000000000000001', true)).toBe(true);
    expect(queue.enqueued).toHaveLength(1);
  });
});
