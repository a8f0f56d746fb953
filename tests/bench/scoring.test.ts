import { describe, expect, it } from 'vitest';
import { ALL_KINDS, BOTH_HALVES, figuresByKindAndHalf, readQuestions, type QuestionOutcome } from '../../bench/scoring.js';

// Outcomes as bench/evaluate.ts fills them for questions of bench/questions/bbc-news-kinds.jsonl:
// "How many tonnes of gold does the International Monetary Fund hold?" (abbreviation, tuning),
// "By how much did Jarvis stock jump on news it was selling its stake in Tube Lines?" (related-words, held-out), …
const OUTCOMES: readonly QuestionOutcome[] = [
  { kind: 'abbreviation', half: 'held-out', abstain: false, answered: true, ranks: { dossier: 1, plain: 2, stemmed: 1 }, phrase: { dossier: true, plain: false, stemmed: true } },
  { kind: 'abbreviation', half: 'tuning', abstain: false, answered: true, ranks: { dossier: 1, plain: 1, stemmed: 1 }, phrase: { dossier: true, plain: true, stemmed: true } },
  { kind: 'abbreviation', half: 'tuning', abstain: false, answered: false, ranks: { dossier: 3, plain: 0, stemmed: 1 }, phrase: { dossier: false, plain: false, stemmed: true } },
  { kind: 'related-words', half: 'held-out', abstain: false, answered: true, ranks: { dossier: 2, plain: 1, stemmed: 1 }, phrase: { dossier: false, plain: true, stemmed: false } },
  { kind: 'off-topic', half: 'tuning', abstain: true, answered: false },
  { kind: 'off-topic', half: 'held-out', abstain: true, answered: true },
];

describe('figures by kind and half', () => {
  it('gives each kind a row per half, tuning before held-out, then both halves, and the totals of all kinds last', () => {
    const rows = figuresByKindAndHalf(OUTCOMES).map((row) => `${row.kind}/${row.half}/${row.count}`);
    expect(rows).toEqual([
      'abbreviation/tuning/2',
      'abbreviation/held-out/1',
      `abbreviation/${BOTH_HALVES}/3`,
      'related-words/held-out/1',
      `related-words/${BOTH_HALVES}/1`,
      'off-topic/tuning/1',
      'off-topic/held-out/1',
      `off-topic/${BOTH_HALVES}/2`,
      `${ALL_KINDS}/tuning/3`,
      `${ALL_KINDS}/held-out/3`,
      `${ALL_KINDS}/${BOTH_HALVES}/6`,
    ]);
  });

  it('counts a top citation right for Dossier and each baseline only at rank 1', () => {
    const tuning = figuresByKindAndHalf(OUTCOMES).find((row) => row.kind === 'abbreviation' && row.half === 'tuning')!;
    expect(tuning.r1).toEqual({ dossier: { passed: 1, count: 2 }, plain: { passed: 1, count: 2 }, stemmed: { passed: 2, count: 2 } });
    expect(tuning.phrase).toEqual({ dossier: { passed: 1, count: 2 }, plain: { passed: 1, count: 2 }, stemmed: { passed: 2, count: 2 } });
  });

  it('counts off-topic questions as declined or not, never as answerable or ranked', () => {
    const offTopic = figuresByKindAndHalf(OUTCOMES).find((row) => row.kind === 'off-topic' && row.half === BOTH_HALVES)!;
    expect(offTopic.declined).toEqual({ passed: 1, count: 2 });
    expect(offTopic.answered).toEqual({ passed: 0, count: 0 });
    expect(offTopic.r1.dossier.count).toBe(0);
  });

  it('totals every kind in a half, answerable and off-topic apart', () => {
    const heldOut = figuresByKindAndHalf(OUTCOMES).find((row) => row.kind === ALL_KINDS && row.half === 'held-out')!;
    expect(heldOut.answered).toEqual({ passed: 2, count: 2 });
    expect(heldOut.declined).toEqual({ passed: 0, count: 1 });
    expect(heldOut.r1.dossier).toEqual({ passed: 1, count: 2 });
  });
});

describe('the question sets by kind', () => {
  for (const file of ['bench/questions/bbc-news-kinds.jsonl', 'bench/questions/seed-kinds.jsonl']) {
    it(`splits each kind of ${file} into tuning and held-out halves that differ by at most one question`, async () => {
      const questions = await readQuestions(file);
      const kinds = new Set(questions.map((question) => question.kind));
      for (const kind of kinds) {
        const ofKind = questions.filter((question) => question.kind === kind);
        const tuning = ofKind.filter((question) => question.half === 'tuning').length;
        const heldOut = ofKind.filter((question) => question.half === 'held-out').length;
        expect(tuning + heldOut).toBe(ofKind.length);
        expect(Math.abs(tuning - heldOut)).toBeLessThanOrEqual(1);
      }
    });
  }
});
