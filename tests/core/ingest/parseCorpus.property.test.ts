/**
 * Property test of the corpus parser: 1,000 seeded random files (random bytes, random valid
 * UTF-8 text, Markdown articles with broken front matter, random JSON Lines), each parsed as a
 * `.md`, a `.txt` and a `.jsonl` file. Whatever the bytes: no exception, always an article or an
 * issue, every issue of a known kind. A failure names its seed; `caseFor(seed)` rebuilds the case.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_ISSUE_KINDS, createJsonLinesParser, parseCorpusFile, type ParseOptions, type ParsedCorpus } from '../../../src/core/ingest/parseCorpus.js';
import { seededRandom, type Random } from '../../support/seededRandom.js';
import { SAMPLE_TEXT } from '../../support/tempCorpus.js';

const CASES = 1_000;
const NAMES = ['dispatch.md', 'dispatch.txt', 'dispatch.jsonl'] as const;
const encoder = new TextEncoder();
const SENTENCES = Object.values(SAMPLE_TEXT);
const TITLES = [
  'Russia and Iran Deepening Their Relationship',
  'Iran Strengthens Ties with Russia',
  'The Russian-Iranian Alliance that wasn’t',
  'Defying America. Russia’s policy towards Iran',
];

/** Code points to build text from: ASCII, whitespace, controls (not NUL: random bytes bring those), accents, Cyrillic, Arabic, CJK, emoji, invisible marks. */
const CODE_POINT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0x20, 0x7e],
  [0x01, 0x1f],
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0xa0, 0xff],
  [0x0400, 0x04ff],
  [0x0600, 0x06ff],
  [0x4e00, 0x4e80],
  [0x1f600, 0x1f64f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0xfeff, 0xfeff],
];

function randomText(random: Random, maxLength: number): string {
  const length = random.int(0, maxLength);
  let text = '';
  for (let i = 0; i < length; i += 1) {
    const [low, high] = random.pick(CODE_POINT_RANGES);
    text += String.fromCodePoint(random.int(low, high));
  }
  return text;
}

function randomBytes(random: Random, maxLength: number): Uint8Array {
  const bytes = new Uint8Array(random.int(0, maxLength));
  // Mostly uniform bytes; sometimes newlines, dashes and NULs are more likely, as in near-text files.
  const biased = random.next() < 0.5;
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = biased && random.next() < 0.3 ? random.pick([0x0a, 0x2d, 0x00, 0x20, 0x3a]) : random.int(0, 255);
  return bytes;
}

/** A good Markdown article, as the corpus README describes it. */
function markdownArticle(random: Random): string {
  const fields = [
    `title: ${random.pick(TITLES)}`,
    `publisher: VOA Editorials`,
    `date: ${random.pick(['2022-07', '2016', '2020-08-07'])}`,
    `url: "https://editorials.voa.gov/amp/${random.int(1, 9_999_999)}.html"`,
  ];
  if (random.next() < 0.5) fields.unshift(`id: ${random.pick(['russia-iran-deepening-relationship', 'iran-ties-russia-us-meddling'])}`);
  const body = Array.from({ length: random.int(1, 4) }, () => random.pick(SENTENCES)).join('\n\n');
  return `---\n${fields.join('\n')}\n---\n\n${body}\n`;
}

/** Ways to break a Markdown article's front matter (or its bytes around it). */
const FRONT_MATTER_BREAKS: ReadonlyArray<(text: string, random: Random) => string> = [
  (text, random) => text.slice(0, random.int(0, text.length)),
  (text) => text.replace(/\n---\n/, '\n'),
  (text) => text.replace(/^---\n/, ''),
  (text, random) =>
    text.replace(
      /\n/,
      `\n${random.pick(['title: [Russia', ': :', '- a list item', 'title: &a *a', 'date: !!binary aGk=', '\ttab: indented', 'title: "unclosed', 'title:\n  en: nested', 'date: 2020-13-45', 'url: javascript:alert(1)', 'id: Not A Slug', 'title: ', 'title: One\ntitle: Two'])}\n`,
    ),
  (text) => text.replace(/\n/g, '\r\n'),
  (text) => `\uFEFF${text}`,
  (text, random) => `${text.slice(0, random.int(0, text.length))}---\n${text.slice(random.int(0, text.length))}`,
  (text, random) => text.replace(/title: [^\n]*/, `title: ${'Russia and Iran '.repeat(random.int(1, 40))}`),
];

function brokenFrontMatter(random: Random): Uint8Array {
  let text = markdownArticle(random);
  for (let breaks = random.int(1, 3); breaks > 0; breaks -= 1) text = random.pick(FRONT_MATTER_BREAKS)(text, random);
  const bytes = encoder.encode(text);
  // Sometimes a byte flipped too: invalid UTF-8, a NUL, a stray newline.
  if (bytes.length > 0 && random.next() < 0.3) bytes[random.int(0, bytes.length - 1)] = random.int(0, 255);
  return bytes;
}

/** One line of a JSON Lines export: a good article, JSON that is not one, or not JSON at all. */
function randomJsonLine(random: Random): string {
  const article = {
    id: `wire-${random.int(1, 50)}`,
    title: random.pick(TITLES),
    publisher: 'Test Wire',
    date: '2022-07-19',
    url: 'https://wire.example/1',
    text: random.pick(SENTENCES),
  };
  switch (random.int(0, 7)) {
    case 0:
    case 1:
      return JSON.stringify(article);
    case 2:
      return JSON.stringify({
        ...article,
        [random.pick(['title', 'date', 'url', 'id', 'text', 'publisher'])]: random.pick([42, [], {}, null, true, 'javascript:alert(1)', '2021-02-29', '', 'Bad Id!']),
      });
    case 3:
      return JSON.stringify(random.pick([42, 'a string', [1, 2], null, true, { nested: { deeper: [article] } }]));
    case 4:
      return JSON.stringify(article).slice(0, random.int(0, 80));
    case 5:
      return '';
    case 6:
      return JSON.stringify({ ...article, text: randomText(random, 200), title: randomText(random, 40) });
    default:
      return randomText(random, 120);
  }
}

function randomJsonLines(random: Random): Uint8Array {
  const lines = Array.from({ length: random.int(0, 20) }, () => randomJsonLine(random));
  return encoder.encode(lines.join(random.pick(['\n', '\r\n'])) + random.pick(['', '\n']));
}

const GENERATORS = {
  'random bytes': (random: Random) => randomBytes(random, 3_000),
  'random UTF-8 text': (random: Random) => encoder.encode(randomText(random, 1_500)),
  'broken front matter': brokenFrontMatter,
  'random JSON lines': randomJsonLines,
} as const;
type GeneratorName = keyof typeof GENERATORS;

/** The case of a seed: which generator, its bytes, and the options (encoding, small limits). */
function caseFor(seed: number): { generator: GeneratorName; bytes: Uint8Array; options: ParseOptions } {
  const random = seededRandom(seed);
  const generator = random.pick(Object.keys(GENERATORS) as GeneratorName[]);
  const bytes = GENERATORS[generator](random);
  // Small limits, so that random files and lines go over them too: the size checks and the dropping of long JSON lines get exercised.
  const limits = { maxFileBytes: random.int(1_000, 8_000), maxLineBytes: random.int(64, 4_000), maxJsonLineBytes: random.int(16, 600) };
  const options: ParseOptions = { encoding: random.next() < 0.25 ? 'latin1' : 'utf-8', limits };
  return { generator, bytes, options };
}

interface Outcome {
  readonly seed: number;
  readonly generator: GeneratorName;
  readonly name: (typeof NAMES)[number];
  readonly bytes: Uint8Array;
  readonly options: ParseOptions;
  readonly parsed?: ParsedCorpus;
  readonly error?: unknown;
}

const label = (outcome: Outcome): string => `seed ${outcome.seed} (${outcome.generator}, ${outcome.name}; replay with caseFor(${outcome.seed}))`;

describe('parseCorpusFile on 1,000 seeded random files, each as .md, .txt and .jsonl', () => {
  const outcomes: Outcome[] = [];

  beforeAll(() => {
    for (let seed = 1; seed <= CASES; seed += 1) {
      const { generator, bytes, options } = caseFor(seed);
      for (const name of NAMES) {
        try {
          outcomes.push({ seed, generator, name, bytes, options, parsed: parseCorpusFile({ name, bytes }, options) });
        } catch (error) {
          outcomes.push({ seed, generator, name, bytes, options, error });
        }
      }
    }
  });

  it('covers every generator and every file kind', () => {
    expect(outcomes).toHaveLength(CASES * NAMES.length);
    expect(new Set(outcomes.map((outcome) => outcome.generator))).toEqual(new Set(Object.keys(GENERATORS)));
  });

  it('never throws', () => {
    const thrown = outcomes.filter((outcome) => outcome.error !== undefined).map((outcome) => `${label(outcome)}: ${String(outcome.error)}`);
    expect(thrown).toEqual([]);
  });

  it('gives a .md or .txt file exactly one article or exactly one issue', () => {
    const wrong = outcomes
      .filter((outcome) => outcome.parsed !== undefined && !outcome.name.endsWith('.jsonl'))
      .filter(({ parsed }) => parsed!.articles.length + parsed!.issues.length !== 1)
      .map((outcome) => `${label(outcome)}: ${outcome.parsed!.articles.length} article(s), ${outcome.parsed!.issues.length} issue(s)`);
    expect(wrong).toEqual([]);
  });

  it('gives a .jsonl file at least one article or one issue', () => {
    const none = outcomes
      .filter((outcome) => outcome.name.endsWith('.jsonl') && outcome.parsed !== undefined && outcome.parsed.articles.length + outcome.parsed.issues.length === 0)
      .map(label);
    expect(none).toEqual([]);
  });

  it('gives every issue a known kind, the file’s name (with its line for .jsonl) and a one-line reason', () => {
    const bad = outcomes.flatMap((outcome) =>
      (outcome.parsed?.issues ?? [])
        .filter((issue) => {
          const named = issue.file === outcome.name || (outcome.name.endsWith('.jsonl') && new RegExp(`^${outcome.name.replace('.', '\\.')}:\\d+$`).test(issue.file));
          return !(CORPUS_ISSUE_KINDS as readonly string[]).includes(issue.kind) || !named || issue.reason.length === 0 || /[\r\n]/.test(issue.reason);
        })
        .map((issue) => `${label(outcome)}: ${JSON.stringify(issue)}`),
    );
    expect(bad).toEqual([]);
  });

  it('parses a .jsonl file the same however its bytes are split, and reports each line over the limit as one issue', () => {
    const problems: string[] = [];
    for (const outcome of outcomes) {
      if (!outcome.name.endsWith('.jsonl') || outcome.parsed === undefined) continue;
      const random = seededRandom(outcome.seed * 31 + 7);
      const parser = createJsonLinesParser(outcome.name, outcome.options);
      for (let start = 0; start < outcome.bytes.length; ) {
        const end = Math.min(outcome.bytes.length, start + random.int(1, 64));
        parser.push(outcome.bytes.slice(start, end));
        start = end;
      }
      const { articles, issues } = parser.finish();
      if (JSON.stringify({ articles, issues }) !== JSON.stringify(outcome.parsed)) problems.push(`${label(outcome)}: split parse differs`);
      const limit = outcome.options.limits!.maxJsonLineBytes!;
      // Only when the file is JSON Lines at all (not rejected as a whole for its first bytes).
      if (issues.some((issue) => issue.file === outcome.name && issue.kind !== 'empty')) continue;
      let line = 0;
      for (let start = 0; start <= outcome.bytes.length; ) {
        const newline = outcome.bytes.indexOf(0x0a, start);
        const end = newline < 0 ? outcome.bytes.length : newline;
        line += 1;
        if (end - start > limit) {
          const entry = `${outcome.name}:${line}`;
          if (!issues.some((issue) => issue.file === entry && issue.kind === 'line-too-long')) problems.push(`${label(outcome)}: line ${line} (${end - start} bytes) not reported`);
          if (articles.some((article) => article.source === entry)) problems.push(`${label(outcome)}: line ${line} over the limit loaded`);
        }
        start = end + 1;
      }
    }
    expect(problems).toEqual([]);
  });
});
