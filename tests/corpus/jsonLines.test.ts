/**
 * Large JSON Lines exports: streamed and parsed line by line, so that a bad line is one issue
 * (`file:line`) among thousands of good ones, wherever it falls in the file.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLinesParser, parseCorpus, parseCorpusFile, type CorpusIssueKind } from '../../src/core/index.js';
import { readCorpus } from '../../src/storage/corpusFolder.js';
import { seededRandom } from '../support/seededRandom.js';
import { SAMPLE_TEXT, makeTempCorpus, removeTempCorpora } from '../support/tempCorpus.js';

afterAll(removeTempCorpora);

const LINES = 14_000;
const encoder = new TextEncoder();
const SENTENCES = Object.values(SAMPLE_TEXT);

/** One wire article a line, as a news export gives them. */
function wireLine(line: number): string {
  const text = [0, 1, 2].map((offset) => SENTENCES[(line + offset) % SENTENCES.length]).join(' ');
  return JSON.stringify({ id: `wire-${line}`, title: `Russia and Iran: dispatch ${line}`, publisher: 'Test Wire', date: '2022-07-19', url: `https://wire.example/${line}`, text });
}

/** Bad lines among the good ones, by line number, with the issue each must give. */
const BAD_LINES: Record<number, { bytes: Uint8Array; kind: CorpusIssueKind; reason: string }> = {
  2: { bytes: encoder.encode('{"id": "wire-2", "title": "Cut short'), kind: 'bad-json', reason: 'not a JSON object' },
  3_001: { bytes: encoder.encode('["an", "array"]'), kind: 'bad-json', reason: 'not a JSON object' },
  6_500: {
    bytes: Uint8Array.from([...encoder.encode('{"id": "wire-6500", "title": "Bad byte '), 0xff, ...encoder.encode('"}')]),
    kind: 'encoding',
    reason: 'not valid UTF-8 text',
  },
  9_999: {
    bytes: Uint8Array.from([...encoder.encode('{"id": "wire-9999", "title": "NUL'), 0x00, ...encoder.encode('"}')]),
    kind: 'binary',
    reason: 'binary file (contains NUL bytes)',
  },
  12_345: { bytes: encoder.encode(JSON.stringify({ id: 'wire-12345', text: SAMPLE_TEXT.hook })), kind: 'missing-title', reason: 'missing title' },
  13_000: {
    bytes: encoder.encode(JSON.stringify({ id: 'wire-7', title: 'A second wire-7', text: SAMPLE_TEXT.hook })),
    kind: 'duplicate-id',
    reason: 'duplicate id "wire-7" (already used by export.jsonl:7): loaded as "wire-7-2"; give it an id of its own',
  },
};
const BLANK_LINE = 8_000;

function exportBytes(): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let line = 1; line <= LINES; line += 1) {
    parts.push(BAD_LINES[line]?.bytes ?? (line === BLANK_LINE ? new Uint8Array() : encoder.encode(wireLine(line))), encoder.encode(line % 2 === 0 ? '\r\n' : '\n'));
  }
  return Buffer.concat(parts);
}

describe('a JSON Lines export of a few megabytes with bad lines among good ones', () => {
  let dir: string;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = exportBytes();
    dir = await makeTempCorpus({ 'export.jsonl': bytes, 'hook.txt': `Abrams Replaces Hook\n\n${SAMPLE_TEXT.hook}\n` });
  });

  it('is several megabytes, read in more than one piece', () => {
    expect(bytes.length).toBeGreaterThan(5_000_000);
  });

  it('loads every good line and reports each bad one by line number, with its reason', async () => {
    const { articles, issues } = (await readCorpus(dir)).corpus;
    const bad = Object.keys(BAD_LINES).length;
    // Every line but the bad ones and the blank one, plus hook.md; the duplicate wire-7 loads as wire-7-2.
    const duplicates = 1;
    expect(articles).toHaveLength(LINES - bad - 1 + 1 + duplicates);
    expect(issues).toEqual(Object.entries(BAD_LINES).map(([line, { kind, reason }]) => ({ file: `export.jsonl:${line}`, kind, reason })));
    expect(articles.at(-1)?.id).toBe('hook');
  });

  it('keeps each article whole, with the right line in its source, wherever a read piece ended', async () => {
    const { articles } = (await readCorpus(dir)).corpus;
    const byId = new Map(articles.map((article) => [article.id, article]));
    for (const line of [1, 3, 3_002, 6_499, 6_501, 7_777, 13_999, LINES]) {
      const article = byId.get(`wire-${line}`);
      expect(article?.source, `line ${line}`).toBe(`export.jsonl:${line}`);
      expect(article?.title).toBe(`Russia and Iran: dispatch ${line}`);
      expect(article?.text).toBe((JSON.parse(wireLine(line)) as { text: string }).text);
    }
  });

  it('gives the same articles and issues as parsing the file in one piece', async () => {
    expect((await readCorpus(path.join(dir, 'export.jsonl'))).corpus).toEqual(parseCorpus([{ name: 'export.jsonl', bytes }]));
  });

  it('fingerprints the bytes: a changed line changes the fingerprint', async () => {
    const before = await readCorpus(dir);
    await writeFile(path.join(dir, 'export.jsonl'), Buffer.concat([bytes, encoder.encode(`${wireLine(LINES + 1)}\n`)]));
    const after = await readCorpus(dir);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.corpus.articles).toHaveLength(before.corpus.articles.length + 1);
    expect(after.bytes).toBeGreaterThan(before.bytes);
  });
});

describe('createJsonLinesParser', () => {
  it('gives the same result however the bytes are split into pieces', () => {
    const sample = encoder.encode([wireLine(1), '{broken', '', wireLine(2), 'Caf\u00e9 \u00a3 \u20ac not json', wireLine(3)].join('\n'));
    const expected = parseCorpusFile({ name: 'wire.jsonl', bytes: sample });
    for (const seed of [1, 2, 3, 42, 2024]) {
      const random = seededRandom(seed);
      const parser = createJsonLinesParser('wire.jsonl');
      for (let start = 0; start < sample.length; ) {
        const end = Math.min(sample.length, start + random.int(1, 40));
        parser.push(sample.slice(start, end));
        start = end;
      }
      const { articles, issues } = parser.finish();
      expect({ articles, issues }, `seed ${seed}`).toEqual(expected);
    }
    expect(expected.issues).toEqual([
      { file: 'wire.jsonl:2', kind: 'bad-json', reason: 'not a JSON object' },
      { file: 'wire.jsonl:5', kind: 'bad-json', reason: 'not a JSON object' },
    ]);
  });

  it('reports a file of blank lines as empty', () => {
    const parser = createJsonLinesParser('blank.jsonl');
    parser.push(encoder.encode('\n  \n\r\n'));
    expect(parser.finish()).toEqual({ name: 'blank.jsonl', articles: [], issues: [{ file: 'blank.jsonl', kind: 'empty', reason: 'empty file' }] });
  });
});
