/**
 * `npm run cli -- gaps` as a process, over an SQLite question database in a temporary folder:
 * the JSON shape, the question file that `npm run eval` reads, `--since`, and the refusals.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/database/sqliteStore.js';
import type { QuestionRecord } from '../../src/database/questionStore.js';
import { runTsx } from '../support/runProcess.js';
import { SEED } from '../support/seedCorpus.js';

const CLI = 'src/cli/main.ts';
const NOV_20 = Date.UTC(2026, 10, 20, 10);
const DEC_2 = Date.UTC(2026, 11, 2, 9, 30);

let folder: string;
let env: Record<string, string>;

function record(id: string, question: string, wordingKey: string, outcome: QuestionRecord['outcome'], askedAt: number, articleIds: string[]): QuestionRecord {
  return { id, askedAt, question, wordingKey, place: '800000000000000001', outcome, corpusVersion: '82bf2f9415', articleIds, durationMs: 40 };
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'dossier-cli-gaps-'));
  env = { RECORD_QUESTIONS: 'on', DATABASE_PATH: path.join(folder, 'dossier.db') };
  const store = new SqliteStore(env['DATABASE_PATH']);
  await store.migrate();
  await store.recordQuestions([
    record('AAAAAAAAAAAAAAAAAAAAA1', 'How many drones did Iran sell to Venezuela?', 'drone iran mani sell venezuela', 'declined', NOV_20, [SEED.freeBeacon]),
    record('AAAAAAAAAAAAAAAAAAAAA2', 'Venezuela: how many drones did Iran sell?', 'drone iran mani sell venezuela', 'declined', DEC_2, [SEED.freeBeacon]),
    record('AAAAAAAAAAAAAAAAAAAAA3', 'Who replaced Brian Hook?', 'brian hook replac', 'answered', DEC_2, [SEED.freeBeacon]),
  ]);
  await store.recordVotes([{ answerId: 'AAAAAAAAAAAAAAAAAAAAA3', voterHash: 'a'.repeat(64), helpful: false, votedAt: DEC_2 }]);
  await store.close();
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('npm run cli -- gaps', () => {
  it('prints since, the declined wordings and the answers voted unhelpful as one JSON object', async () => {
    const result = await runTsx(CLI, ['gaps', '--json'], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      since: null,
      declined: [{ question: 'Venezuela: how many drones did Iran sell?', count: 2, last: '2026-12-02T09:30:00.000Z', nearest: SEED.freeBeacon }],
      unhelpful: [{ question: 'Who replaced Brian Hook?', count: 1, helpful: 0, unhelpful: 1, articleIds: [SEED.freeBeacon] }],
    });
  });

  it('counts only the questions asked from --since on', async () => {
    const result = await runTsx(CLI, ['gaps', '--json', '--since', '2026-12'], { env });
    const report = JSON.parse(result.stdout) as { since: string; declined: Array<{ count: number }> };
    expect([report.since, report.declined[0]?.count]).toEqual(['2026-12-01', 1]);
  });

  it('prints the questions as a question file for npm run eval', async () => {
    const result = await runTsx(CLI, ['gaps', '--questions'], { env });
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([{ q: 'Venezuela: how many drones did Iran sell?' }, { q: 'Who replaced Brian Hook?' }]);
  });

  it('refuses a --since that is not a date, with exit 2', async () => {
    const result = await runTsx(CLI, ['gaps', '--since', 'last week'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since: expected a year, YYYY-MM or YYYY-MM-DD, got "last week".');
  });

  it('says there is no report when recording is off, with exit 1', async () => {
    const result = await runTsx(CLI, ['gaps'], { env: { RECORD_QUESTIONS: 'off' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Questions are not recorded (RECORD_QUESTIONS=off)');
  });
});
