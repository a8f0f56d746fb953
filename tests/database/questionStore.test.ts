import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionStore } from '../../src/database/questionStore.js';
import { BACKENDS, HOUR, NOW, question, runsHere, type TestDatabase } from './databases.js';

const DAY = 24 * HOUR;
const RUSSIA_IRAN = 'deepening-relationship iran russia';
const SANCTIONS = 'oil sanction';

describe.each(BACKENDS)('the $name question store', (backend) => {
  const runs = runsHere(backend);
  let database: TestDatabase;
  let store: QuestionStore;

  beforeEach(async () => {
    if (!runs) return;
    database = await backend.create();
    store = database.open();
    await store.migrate();
  });
  afterEach(async () => {
    if (runs) await database.dispose();
  });

  it.runIf(runs)('groups declined questions by wording, most asked first, with the count, last date and nearest article', async () => {
    await store.recordQuestions([
      question({
        question: 'What oil sanctions hit Iran?',
        wordingKey: SANCTIONS,
        outcome: 'declined',
        askedAt: NOW - 3 * HOUR,
        articleIds: ['defying-america-russia-policy-towards-iran'],
      }),
      question({ question: 'Oil sanctions?', wordingKey: SANCTIONS, outcome: 'declined', askedAt: NOW - HOUR, articleIds: ['iran-ties-russia-us-meddling'] }),
      question({ question: 'Is Russia deepening its relationship with Iran?', wordingKey: RUSSIA_IRAN, outcome: 'declined', askedAt: NOW - 2 * HOUR, articleIds: [] }),
      question({ question: 'Who mediates between Russia and Iran?', wordingKey: 'iran mediate russia', outcome: 'answered' }),
    ]);
    expect(await store.declinedGaps(0, 10)).toEqual([
      { question: 'Oil sanctions?', wordingKey: SANCTIONS, count: 2, last: NOW - HOUR, nearest: 'iran-ties-russia-us-meddling' },
      { question: 'Is Russia deepening its relationship with Iran?', wordingKey: RUSSIA_IRAN, count: 1, last: NOW - 2 * HOUR, nearest: null },
    ]);
  });

  it.runIf(runs)('counts only the declined questions asked since the given time', async () => {
    await store.recordQuestions([
      question({ question: 'What oil sanctions hit Iran?', wordingKey: SANCTIONS, outcome: 'declined', askedAt: NOW - 10 * DAY }),
      question({ question: 'Oil sanctions?', wordingKey: SANCTIONS, outcome: 'declined', askedAt: NOW - HOUR }),
    ]);
    expect((await store.declinedGaps(NOW - DAY, 10)).map((gap) => [gap.question, gap.count])).toEqual([['Oil sanctions?', 1]]);
  });

  it.runIf(runs)('ignores a question whose id was already recorded', async () => {
    const asked = question({ question: 'Oil sanctions?', wordingKey: SANCTIONS, outcome: 'declined' });
    await store.recordQuestions([asked]);
    await store.recordQuestions([asked, { ...asked, question: 'Oil sanctions again?' }]);
    expect(await store.declinedGaps(0, 10)).toEqual([expect.objectContaining({ question: 'Oil sanctions?', count: 1 })]);
  });

  it.runIf(runs)("replaces a member's earlier vote on the same answer", async () => {
    const answer = question({ question: 'Is Russia deepening its relationship with Iran?', wordingKey: RUSSIA_IRAN });
    await store.recordQuestions([answer]);
    await store.recordVotes([{ answerId: answer.id, voterHash: 'member-a', helpful: true, votedAt: NOW - 50 * 60_000 }]);
    await store.recordVotes([
      { answerId: answer.id, voterHash: 'member-a', helpful: false, votedAt: NOW - 40 * 60_000 },
      { answerId: answer.id, voterHash: 'member-b', helpful: true, votedAt: NOW - 30 * 60_000 },
      { answerId: answer.id, voterHash: 'member-b', helpful: false, votedAt: NOW - 20 * 60_000 },
    ]);
    expect(await store.activity(0)).toEqual({ questions: 1, answered: 1, helpful: 0, unhelpful: 2 });
  });

  it.runIf(runs)('lists the wordings voted more unhelpful than helpful, with their counts and cited articles', async () => {
    const first = question({
      question: 'Is Russia deepening its relationship with Iran?',
      wordingKey: RUSSIA_IRAN,
      askedAt: NOW - 3 * HOUR,
      articleIds: ['russia-iran-deepening-relationship', 'russian-iranian-alliance-that-wasnt'],
    });
    const second = question({
      question: 'Russia and Iran: deepening relationship?',
      wordingKey: RUSSIA_IRAN,
      askedAt: NOW - HOUR,
      articleIds: ['russian-iranian-alliance-that-wasnt'],
    });
    const liked = question({ question: 'Who mediates between Russia and Iran?', wordingKey: 'iran mediate russia', articleIds: ['iran-ties-russia-us-meddling'] });
    await store.recordQuestions([first, second, liked]);
    await store.recordVotes([
      { answerId: first.id, voterHash: 'member-a', helpful: false, votedAt: NOW },
      { answerId: second.id, voterHash: 'member-b', helpful: false, votedAt: NOW },
      { answerId: second.id, voterHash: 'member-c', helpful: true, votedAt: NOW },
      { answerId: liked.id, voterHash: 'member-a', helpful: true, votedAt: NOW },
    ]);
    expect(await store.unhelpfulGaps(0, 10)).toEqual([
      {
        question: 'Russia and Iran: deepening relationship?',
        wordingKey: RUSSIA_IRAN,
        count: 2,
        helpful: 1,
        unhelpful: 2,
        articleIds: ['russian-iranian-alliance-that-wasnt', 'russia-iran-deepening-relationship'],
        last: NOW - HOUR,
      },
    ]);
  });

  it.runIf(runs)('counts the questions, the answered ones and the votes of a period', async () => {
    const answered = question({ question: 'Who mediates between Russia and Iran?', wordingKey: 'iran mediate russia', askedAt: NOW - HOUR });
    await store.recordQuestions([
      answered,
      question({ question: 'Oil sanctions?', wordingKey: SANCTIONS, outcome: 'declined', askedAt: NOW - 2 * HOUR }),
      question({ question: '???', wordingKey: '', outcome: 'no-searchable-words', askedAt: NOW - 3 * HOUR }),
      question({ question: 'Who replaced Brian Hook?', wordingKey: 'brian hook replace', askedAt: NOW - 8 * DAY }),
    ]);
    await store.recordVotes([{ answerId: answered.id, voterHash: 'member-a', helpful: true, votedAt: NOW - HOUR }]);
    expect(await store.activity(NOW - DAY)).toEqual({ questions: 3, answered: 1, helpful: 1, unhelpful: 0 });
  });

  it.runIf(runs)('deletes the questions asked before the cutoff and their votes', async () => {
    const old = question({ question: 'Who replaced Brian Hook?', wordingKey: 'brian hook replace', askedAt: NOW - 100 * DAY });
    const recent = question({ question: 'Who mediates between Russia and Iran?', wordingKey: 'iran mediate russia', askedAt: NOW - DAY });
    await store.recordQuestions([old, recent]);
    await store.recordVotes([
      { answerId: old.id, voterHash: 'member-a', helpful: false, votedAt: NOW - DAY },
      { answerId: recent.id, voterHash: 'member-a', helpful: true, votedAt: NOW - DAY },
    ]);
    expect(await store.deleteOlderThan(NOW - 90 * DAY)).toBe(1);
    expect(await store.activity(0)).toEqual({ questions: 1, answered: 1, helpful: 1, unhelpful: 0 });
  });

  it.runIf(runs)('keeps the same installation salt when the database is opened again', async () => {
    const salt = await store.installationSalt();
    const again = database.open();
    expect([salt.length >= 32, await again.installationSalt()]).toEqual([true, salt]);
  });
});
