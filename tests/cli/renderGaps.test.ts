import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQuestions } from '../../bench/scoring.js';
import { gapsToJson, gapsToQuestionLines, renderGapsText } from '../../src/cli/renderGaps.js';
import type { GapsReport } from '../../src/questionMemory.js';

const report: GapsReport = {
  declined: [
    {
      question: 'How many drones did Iran sell to Russia?',
      wordingKey: 'drone iran russia sell',
      count: 3,
      last: Date.UTC(2026, 11, 2, 9, 30),
      nearest: 'russia-iran-deepening-relationship',
    },
    { question: 'What is the capital of Australia?', wordingKey: 'australia capit', count: 1, last: Date.UTC(2026, 11, 1), nearest: null },
  ],
  unhelpful: [
    {
      question: 'Who replaced Brian Hook?',
      wordingKey: 'brian hook replac',
      count: 4,
      helpful: 1,
      unhelpful: 3,
      articleIds: ['iran-relationship-russia-washington-pressure'],
      last: Date.UTC(2026, 11, 3),
    },
  ],
};

describe('gapsToJson', () => {
  it('prints exactly since, declined (question, count, last, nearest) and unhelpful (question, count, helpful, unhelpful, articleIds)', () => {
    expect(JSON.parse(JSON.stringify(gapsToJson(report, '2026-11-01')))).toEqual({
      since: '2026-11-01',
      declined: [
        { question: 'How many drones did Iran sell to Russia?', count: 3, last: '2026-12-02T09:30:00.000Z', nearest: 'russia-iran-deepening-relationship' },
        { question: 'What is the capital of Australia?', count: 1, last: '2026-12-01T00:00:00.000Z', nearest: null },
      ],
      unhelpful: [{ question: 'Who replaced Brian Hook?', count: 4, helpful: 1, unhelpful: 3, articleIds: ['iran-relationship-russia-washington-pressure'] }],
    });
  });

  it('gives since as null when every record kept is counted', () => {
    expect(gapsToJson({ declined: [], unhelpful: [] }, null)).toEqual({ since: null, declined: [], unhelpful: [] });
  });
});

describe('gapsToQuestionLines', () => {
  it('writes one {"q"} line per question, declined first, that npm run eval reads', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'dossier-gaps-'));
    try {
      const file = path.join(folder, 'members.jsonl');
      await writeFile(file, `${gapsToQuestionLines(report)}\n`);
      expect(await readQuestions(file)).toEqual([{ q: 'How many drones did Iran sell to Russia?' }, { q: 'What is the capital of Australia?' }, { q: 'Who replaced Brian Hook?' }]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('writes a question asked both ways once', () => {
    const twice: GapsReport = { declined: report.declined, unhelpful: [{ ...report.unhelpful[0]!, question: 'What is the capital of Australia?' }] };
    expect(gapsToQuestionLines(twice).split('\n')).toHaveLength(2);
  });
});

describe('renderGapsText', () => {
  it('lists each wording with its count, last day and nearest or cited articles', () => {
    const text = renderGapsText(report, null);
    expect(text).toContain('3× "How many drones did Iran sell to Russia?" (last 2026-12-02) — nearest: russia-iran-deepening-relationship');
    expect(text).toContain('1× "What is the capital of Australia?" (last 2026-12-01) — nearest: none');
    expect(text).toContain('4× "Who replaced Brian Hook?" (last 2026-12-03) — 👎 3 👍 1 — cited: iran-relationship-russia-washington-pressure');
  });

  it('says so when nothing went unanswered since the date', () => {
    expect(renderGapsText({ declined: [], unhelpful: [] }, '2026-12-01')).toBe('No question went unanswered and no answer was voted unhelpful since 2026-12-01.');
  });
});
