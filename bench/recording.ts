/**
 * What recording questions costs (issue 17):
 *
 *   npm run bench:recording -- [--backend sqlite|postgres|both] [--questions 100000] [--gaps-records 1000000] [--json]
 *
 * For each backend (PostgreSQL: on the server of `DATABASE_URL` or `TEST_DATABASE_URL`, in a
 * database of its own that is dropped at the end; skipped with a message when neither is set):
 *
 * - **the answer path**: each of `--questions` records handed to the recording queue, timed one by
 *   one (p50/p99/max), next to a baseline of a no-op enqueue timed the same way in the same process;
 *   the producer yields to the event loop every 100 records, as answers do, so batches are written
 *   meanwhile, and pauses while 5,000 wait (it is far faster than any bot's questions); a batch
 *   write's duration is reported too (for SQLite it blocks the event loop);
 * - **throughput**: records per second from the first enqueue until all are written;
 * - **size**: the database's size per 100,000 questions;
 * - **the gaps report** (`/gaps`): `declinedGaps` + `unhelpfulGaps` (25 of each, as the command reads them) over
 *   `--gaps-records` records with votes on 10% of the answered ones, for all time and for the
 *   last 7 days (median of 5 runs after one cold run).
 *
 * Records are realistic in shape: the BBC benchmark questions and variants of them (20,000
 * wordings, some asked far more often than others), spread over 90 days.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PostgresStore } from '../src/database/postgresStore.js';
import type { QuestionOutcome, QuestionRecord, QuestionStore, VoteRecord } from '../src/database/questionStore.js';
import { createRecordingQueue } from '../src/database/recordingQueue.js';
import { SqliteStore } from '../src/database/sqliteStore.js';
import { seededRandom } from '../tests/support/seededRandom.js';

const USAGE = 'Usage: npm run bench:recording -- [--backend sqlite|postgres|both] [--questions N] [--gaps-records N] [--json]';
const DAY = 24 * 60 * 60 * 1_000;
const WORDINGS = 20_000;
const GAPS_LIMIT = 25;

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'both' },
    questions: { type: 'string', default: '100000' },
    'gaps-records': { type: 'string', default: '1000000' },
    json: { type: 'boolean', default: false },
  },
});
const questionCount = Number(values.questions);
const gapsRecords = Number(values['gaps-records']);
const backends = values.backend === 'both' ? ['sqlite', 'postgres'] : [values.backend];
if (!(questionCount >= 1_000) || !(gapsRecords >= 1_000) || backends.some((backend) => backend !== 'sqlite' && backend !== 'postgres')) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

/** The same records on every run: a seeded generator (mulberry32). */
function seeded(seed: number): () => number {
  const generator = seededRandom(seed);
  return () => generator.next();
}

const baseQuestions = readFileSync(new URL('./questions/bbc-news-questions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => (JSON.parse(line) as { q: string; articleIds: string[] }).q);
const keyOf = (question: string): string => [...new Set(question.toLowerCase().match(/[a-z0-9]+/g) ?? [])].sort().join(' ');

/** `count` records from `now - 90 days` to `now`; wording i is asked with probability ∝ 1/(i+1) (Zipf). */
function makeRecords(count: number, seed: number, now: number): QuestionRecord[] {
  const random = seeded(seed);
  const harmonic = Math.log(WORDINGS) + 0.5772;
  const records: QuestionRecord[] = [];
  for (let n = 0; n < count; n += 1) {
    const wording = Math.min(WORDINGS - 1, Math.floor(Math.exp(random() * harmonic)) - 1);
    const base = baseQuestions[wording % baseQuestions.length] ?? 'Who replaced Brian Hook?';
    const question = wording < baseQuestions.length ? base : `${base.slice(0, -1)} in ${1990 + (wording % 30)}, case ${wording}?`;
    const roll = random();
    const outcome: QuestionOutcome = roll < 0.7 ? 'answered' : roll < 0.95 ? 'declined' : 'no-searchable-words';
    records.push({
      id: `${seed.toString(36)}-${n.toString(36)}-${Math.floor(random() * 1e9).toString(36)}`,
      askedAt: Math.floor(now - random() * 90 * DAY),
      question,
      wordingKey: keyOf(question),
      place: `1234567890123${(wording % 7).toString().padStart(5, '0')}`,
      outcome,
      corpusVersion: 'a3f9c2e1d4b5',
      articleIds: outcome === 'no-searchable-words' ? [] : [`business-${(wording % 510).toString().padStart(3, '0')}`, `politics-${(wording % 417).toString().padStart(3, '0')}`],
      durationMs: 20 + Math.floor(random() * 200),
    });
  }
  return records;
}

function votesFor(records: readonly QuestionRecord[], seed: number): VoteRecord[] {
  const random = seeded(seed);
  return records
    .filter((record) => record.outcome === 'answered' && random() < 0.1)
    .map((record) => ({ answerId: record.id, voterHash: Math.floor(random() * 1e12).toString(16), helpful: random() < 0.6, votedAt: record.askedAt + 60_000 }));
}

const percentile = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const summarise = (samples: Float64Array) => {
  const sorted = Float64Array.from(samples).sort();
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? 0 };
};
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The producer pauses while this many records wait: it asks far faster than any bot is asked, and the queue's bound (10,000) would drop the rest. */
const PRODUCER_PAUSE_AT = 5_000;

/**
 * Hands `records` to `enqueue` as answers would, timing each call; yields every 100 records, and
 * pauses (untimed) while `waiting()` reaches {@link PRODUCER_PAUSE_AT}.
 */
async function timeEnqueues(records: readonly QuestionRecord[], enqueue: (record: QuestionRecord) => void, waiting: () => number = () => 0): Promise<Float64Array> {
  const samples = new Float64Array(records.length);
  for (let n = 0; n < records.length; n += 1) {
    const record = records[n] as QuestionRecord;
    const started = process.hrtime.bigint();
    enqueue(record);
    samples[n] = Number(process.hrtime.bigint() - started) / 1e6;
    if (n % 100 === 99) await yieldToLoop();
    while (waiting() >= PRODUCER_PAUSE_AT) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return samples;
}

interface Database {
  store: QuestionStore;
  /** After a bulk load: what autovacuum does to a PostgreSQL that has run a while (index-only scans need it). */
  settle(): Promise<void>;
  sizeBytes(): Promise<number>;
  dispose(): Promise<void>;
}

async function openDatabase(backend: string, label: string): Promise<Database | undefined> {
  if (backend === 'sqlite') {
    const folder = await mkdtemp(path.join(os.tmpdir(), `dossier-bench-${label}-`));
    const file = path.join(folder, 'dossier.db');
    const store = new SqliteStore(file);
    await store.migrate();
    const size = (name: string): number => {
      try {
        return statSync(name).size;
      } catch {
        return 0;
      }
    };
    return {
      store,
      settle: async () => {},
      // Closing checkpoints the write-ahead log into the file: the size a backup would copy.
      sizeBytes: async () => {
        await store.close();
        return size(file) + size(`${file}-wal`);
      },
      dispose: async () => {
        await store.close();
        await rm(folder, { recursive: true, force: true });
      },
    };
  }
  const server = process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (!server) return undefined;
  const name = `dossier_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const store = new PostgresStore(url.toString());
  await store.migrate();
  const relations = "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS size FROM pg_class c WHERE c.relname IN ('questions', 'votes') AND c.relkind = 'r'";
  const vacuum = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query('VACUUM ANALYZE');
    await client.end();
  };
  return {
    store,
    settle: vacuum,
    sizeBytes: async () => {
      await vacuum();
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const size = Number((await client.query(relations)).rows[0]?.size ?? 0);
      await client.end();
      return size;
    },
    dispose: async () => {
      await store.close().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A store whose batch writes are timed. */
function timedStore(store: QuestionStore, batchMs: number[]): Pick<QuestionStore, 'recordQuestions' | 'recordVotes'> {
  return {
    async recordQuestions(records) {
      const started = performance.now();
      await store.recordQuestions(records);
      if (records.length > 0) batchMs.push(performance.now() - started);
    },
    recordVotes: (votes) => store.recordVotes(votes),
  };
}

async function benchRecording(backend: string, now: number) {
  const database = await openDatabase(backend, 'queue');
  if (database === undefined) return undefined;
  try {
    const records = makeRecords(questionCount, 17, now);
    const noop = summarise(await timeEnqueues(records, () => {}));
    const batchMs: number[] = [];
    const warnings: string[] = [];
    const queue = createRecordingQueue({ store: timedStore(database.store, batchMs), warn: (message) => warnings.push(message) });
    const started = performance.now();
    const enqueue = summarise(
      await timeEnqueues(
        records,
        (record) => queue.enqueueQuestion(record),
        () => queue.stats().pending,
      ),
    );
    await queue.flush();
    const seconds = (performance.now() - started) / 1_000;
    const stats = queue.stats();
    await queue.close();
    const bytes = await database.sizeBytes();
    return {
      noopEnqueueMs: noop,
      enqueueMs: enqueue,
      batchWriteMs: summarise(Float64Array.from(batchMs)),
      batches: batchMs.length,
      recordsPerSecond: Math.round(stats.written / seconds),
      written: stats.written,
      dropped: stats.dropped,
      warnings: warnings.length,
      megabytesPer100k: Number(((bytes / 1_048_576) * (100_000 / stats.written)).toFixed(1)),
    };
  } finally {
    await database.dispose();
  }
}

async function benchGaps(backend: string, now: number) {
  const database = await openDatabase(backend, 'gaps');
  if (database === undefined) return undefined;
  try {
    const loadStarted = performance.now();
    let votes = 0;
    for (let offset = 0; offset < gapsRecords; offset += 10_000) {
      const chunk = makeRecords(Math.min(10_000, gapsRecords - offset), 1_000 + offset, now);
      const chunkVotes = votesFor(chunk, offset);
      for (let start = 0; start < chunk.length; start += 5_000) await database.store.recordQuestions(chunk.slice(start, start + 5_000));
      await database.store.recordVotes(chunkVotes);
      votes += chunkVotes.length;
    }
    const loadSeconds = (performance.now() - loadStarted) / 1_000;
    await database.settle();
    // Wall time, and this process's CPU time (SQLite runs in it; for PostgreSQL it is only the client's share).
    const gaps = async (since: number): Promise<{ wall: number; cpu: number }> => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      await database.store.declinedGaps(since, GAPS_LIMIT);
      await database.store.unhelpfulGaps(since, GAPS_LIMIT);
      const used = process.cpuUsage(cpu);
      return { wall: performance.now() - started, cpu: (used.user + used.system) / 1_000 };
    };
    const measure = async (since: number) => {
      const cold = await gaps(since);
      const warm: { wall: number; cpu: number }[] = [];
      for (let run = 0; run < 5; run += 1) warm.push(await gaps(since));
      return {
        coldMs: Math.round(cold.wall),
        medianMs: Math.round(median(warm.map((run) => run.wall))),
        medianCpuMs: Math.round(median(warm.map((run) => run.cpu))),
      };
    };
    const allTime = await measure(0);
    const lastWeek = await measure(now - 7 * DAY);
    const bytes = await database.sizeBytes();
    return { records: gapsRecords, votes, loadSeconds: Number(loadSeconds.toFixed(1)), allTime, lastWeek, megabytes: Math.round(bytes / 1_048_576) };
  } finally {
    await database.dispose();
  }
}

const round = (summary: { p50: number; p99: number; max: number }): string => `p50 ${summary.p50.toFixed(4)}  p99 ${summary.p99.toFixed(4)}  max ${summary.max.toFixed(2)}`;

const now = Date.UTC(2026, 11, 3);
const results: Record<string, unknown> = {};
for (const backend of backends) {
  const recording = await benchRecording(backend, now);
  if (recording === undefined) {
    process.stderr.write(`${backend}: skipped (set DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server this benchmark may create a database on)\n`);
    continue;
  }
  const gaps = await benchGaps(backend, now);
  results[backend] = { recording, gaps };
  if (values.json) continue;
  console.log(`\n${backend}: ${questionCount.toLocaleString('en-US')} questions through the recording queue (node ${process.version})`);
  console.log(`  enqueue on the answer path, ms:   ${round(recording.enqueueMs)}`);
  console.log(`  baseline no-op enqueue, ms:       ${round(recording.noopEnqueueMs)}`);
  console.log(`  batch write (${recording.batches} batches), ms:  ${round(recording.batchWriteMs)}`);
  console.log(
    `  throughput: ${recording.recordsPerSecond.toLocaleString('en-US')} records/s; written ${recording.written}, dropped ${recording.dropped}, warnings ${recording.warnings}`,
  );
  console.log(`  size: ${recording.megabytesPer100k} MB per 100,000 questions`);
  if (gaps !== undefined) {
    console.log(
      `  /gaps over ${gaps.records.toLocaleString('en-US')} records and ${gaps.votes.toLocaleString('en-US')} votes (loaded in ${gaps.loadSeconds} s, ${gaps.megabytes} MB):`,
    );
    const line = (m: typeof gaps.allTime): string => `cold ${m.coldMs} ms, median ${m.medianMs} ms (this process's CPU ${m.medianCpuMs} ms)`;
    console.log(`    all time: ${line(gaps.allTime)};  last 7 days: ${line(gaps.lastWeek)}`);
  }
}
if (values.json) console.log(JSON.stringify(results, null, 2));
else
  console.log(
    `\nload average while measuring: ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} on ${os.availableParallelism()} CPUs`,
  );
