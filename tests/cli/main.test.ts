/**
 * The scriptable CLI as a process: `node --import tsx src/cli/main.ts …`, the way
 * `npm run cli -- …` runs it, with no DISCORD_TOKEN in the environment.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputLines, runTsx } from '../support/runProcess.js';
import { SEED, SEED_CORPUS_DIR } from '../support/seedCorpus.js';
import { SAMPLE_TEXT, makeTempCorpus, markdownArticle, removeTempCorpora } from '../support/tempCorpus.js';

const CLI = 'src/cli/main.ts';

afterAll(removeTempCorpora);

interface CitationJson {
  rank: number;
  articleId: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  excerpt: string;
  score: number;
  alsoReportedBy: Array<{ articleId: string }>;
}

interface AnswerJson {
  query: string;
  abstained: boolean;
  answer: { text: string; citation: number } | null;
  citations: CitationJson[];
  truncated: boolean;
}

/** Parses a line that must be one JSON object. */
function parseObject(line: string): Record<string, unknown> {
  const value: unknown = JSON.parse(line);
  expect(value !== null && typeof value === 'object' && !Array.isArray(value)).toBe(true);
  return value as Record<string, unknown>;
}

describe('cli ask --json', () => {
  it('answers "Who replaced Brian Hook?" with Elliott Abrams and a citation, as exactly one JSON object', async () => {
    const result = await runTsx(CLI, ['ask', 'Who replaced Brian Hook?', '--json']);
    expect(result.code).toBe(0);
    const lines = outputLines(result);
    expect(lines).toHaveLength(1);
    const body = parseObject(lines[0]!) as unknown as AnswerJson;
    expect(body.query).toBe('Who replaced Brian Hook?');
    expect(body.abstained).toBe(false);
    expect(body.answer?.text).toContain('Elliott Abrams');
    expect(body.answer?.citation).toBe(1);
    expect(body.citations.length).toBeGreaterThan(0);
    const [first] = body.citations;
    expect(first).toMatchObject({
      rank: 1,
      articleId: SEED.freeBeacon,
      title: 'Iran Strengthens Relationship With Russia Amid New Pressure From Washington',
      publisher: 'Washington Free Beacon',
      date: '2020-08-07',
      url: 'https://freebeacon.com/national-security/iran-strengthens-relationship-with-russia-amid-new-pressure-from-washington/',
    });
    expect(first!.excerpt).toContain(body.answer!.text);
    expect(typeof first!.score).toBe('number');
    expect(first!.alsoReportedBy.map((other) => other.articleId)).toEqual([SEED.libertyRewrite]);
    expect(result.stderr).toBe('');
  });

  it('prints `abstained: true` and `answer: null` for an off-topic question, and exits 0', async () => {
    const result = await runTsx(CLI, ['ask', 'Recommend a good recipe for pancakes', '--json']);
    expect(result.code).toBe(0);
    const body = parseObject(outputLines(result)[0]!) as unknown as AnswerJson;
    expect(body).toMatchObject({ query: 'Recommend a good recipe for pancakes', abstained: true, answer: null });
    expect(Array.isArray(body.citations)).toBe(true);
  });

  it('answers one question per line of standard input, in order, with an error object for the empty line', async () => {
    const input = ['Who replaced Brian Hook?', '', 'What did Russia promise about visas for Iranians?', 'What is the capital of Australia?'].join('\n');
    const result = await runTsx(CLI, ['ask', '--json'], { input: `${input}\n` });
    const lines = outputLines(result);
    expect(lines).toHaveLength(4);
    const bodies = lines.map(parseObject);
    expect(bodies.map((body) => body['query'])).toEqual(['Who replaced Brian Hook?', '', 'What did Russia promise about visas for Iranians?', 'What is the capital of Australia?']);
    expect(bodies[0]).toMatchObject({ abstained: false });
    expect(bodies[1]).toEqual({ query: '', error: 'empty question' });
    expect(bodies[2]).toMatchObject({ abstained: false, answer: { text: expect.stringContaining('lift visa requirements') } });
    expect(bodies[3]).toMatchObject({ abstained: true, answer: null });
    expect(result.code).toBe(1);
  });

  it('gives the same JSON for the same question asked twice', async () => {
    const result = await runTsx(CLI, ['ask', '--json'], { input: 'Who is the American ambassador at the UN?\nWho is the American ambassador at the UN?\n' });
    const [first, second] = outputLines(result);
    expect(first).toBeDefined();
    expect(second).toBe(first);
  });

  it('prefers articles of the period given with --after and --before, and prints it as dates', async () => {
    const result = await runTsx(CLI, ['ask', 'What did Lavrov say about Iran?', '--json', '--after', '2022', '--before', '2023-01']);
    expect(result.code).toBe(0);
    const body = parseObject(outputLines(result)[0]!) as unknown as AnswerJson & { dates: unknown };
    expect(body.dates).toEqual({ after: '2022-01-01', before: '2023-01-01' });
    expect(body.citations[0]?.articleId).toBe(SEED.voaDeepening);
  });

  it('refuses a bad --after with one message and exit status 1', async () => {
    const result = await runTsx(CLI, ['ask', 'What did Lavrov say about Iran?', '--after', 'yesterday']);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe('after: expected a year, YYYY-MM or YYYY-MM-DD, got "yesterday"');
  });

  it('answers from another corpus given with --corpus', async () => {
    const dir = await makeTempCorpus({
      'visas.md': markdownArticle({ title: 'Russia to Lift Visas for Iranians', publisher: 'Al-Monitor', date: '2016-10-24' }, SAMPLE_TEXT.visas),
      'drones.txt': `Iran Readies UAVs for Russia\n\n${SAMPLE_TEXT.uavs}\n`,
      'broken.md': '',
    });
    const result = await runTsx(CLI, ['ask', 'What did Russia promise about visas for Iranians?', '--json', '--corpus', dir]);
    expect(result.code).toBe(0);
    const body = parseObject(outputLines(result)[0]!) as unknown as AnswerJson & { corpus: { articles: number } };
    expect(body.corpus.articles).toBe(2);
    expect(body.citations[0]).toMatchObject({ articleId: 'visas', publisher: 'Al-Monitor', date: '2016-10-24', url: null });
    expect(result.stderr).toBe('corpus issue: broken.md: empty file\n');
  });
});

describe('cli source and articles', () => {
  it('prints an article found by title words as JSON', async () => {
    const result = await runTsx(CLI, ['source', 'alliance', 'that', 'wasnt', '--json']);
    expect(result.code).toBe(0);
    const body = parseObject(outputLines(result)[0]!) as { article: { id: string; author: string | null }; pages: string[]; text: string };
    expect(body.article).toMatchObject({ id: SEED.allianceThatWasnt, author: 'Hamidreza Azizi' });
    expect(body.text).toContain('Russia plans to lift visa requirements for Iranian citizens');
    expect(body.pages.join(' ')).toContain('Shanghai Cooperation Organization');
  });

  it('prints suggestions and exits 1 for an unknown article', async () => {
    const result = await runTsx(CLI, ['source', 'Brexit negotiations', '--json']);
    expect(result.code).toBe(1);
    expect(parseObject(outputLines(result)[0]!)).toEqual({ query: 'Brexit negotiations', error: 'unknown article', suggestions: [] });
  });

  it('lists the articles of the corpus as JSON', async () => {
    const result = await runTsx(CLI, ['articles', '--json', '--corpus', path.join(SEED_CORPUS_DIR, `${SEED.voaDeepening}.md`)]);
    expect(result.code).toBe(0);
    const body = parseObject(outputLines(result)[0]!) as { corpus: { articles: number }; articles: Array<{ id: string; publisher: string | null }> };
    expect(body.corpus.articles).toBe(1);
    expect(body.articles).toEqual([expect.objectContaining({ id: SEED.voaDeepening, publisher: 'VOA Editorials' })]);
  });
});

describe('cli usage', () => {
  it('rejects an unknown command with exit status 2 and the usage', async () => {
    const result = await runTsx(CLI, ['summarise']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "summarise".');
    expect(result.stderr).toContain('Usage: npm run cli --');
  });

  it('fails with status 1, naming the path, when the corpus does not exist', async () => {
    const result = await runTsx(CLI, ['articles', '--corpus', 'no/such/corpus']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('dossier: corpus: no such file or folder: no/such/corpus\n');
  });
});

describe('cli who and people', () => {
  it('answers who "Lavrof" --json with Sergei Lavrov, his variants, roles, mentions and co-mentioned people', async () => {
    const result = await runTsx(CLI, ['who', 'Lavrof', '--json']);
    expect(result.code).toBe(0);
    const body = parseObject(outputLines(result)[0]!) as {
      found: boolean;
      person: {
        name: string;
        variants: string[];
        roles: Array<{ role: string; articleId: string; date: string | null }>;
        mentions: Array<{ articleId: string; title: string; sentence: string }>;
        articleCount: number;
        coMentioned: unknown[];
      };
    };
    expect(body.found).toBe(true);
    expect(body.person.name).toBe('Sergei Lavrov');
    expect(body.person.variants).toContain('Sergey Lavrov');
    expect(body.person.roles).toContainEqual({ role: 'Russian Foreign Minister', articleId: 'russian-iranian-alliance-that-wasnt', date: '2016' });
    expect(body.person.mentions[0]).toEqual(expect.objectContaining({ articleId: expect.any(String), title: expect.any(String), sentence: expect.stringContaining('Lavrov') }));
    expect(body.person.articleCount).toBe(2);
    expect(body.person.coMentioned.length).toBeGreaterThan(0);
  });

  it('looks up one name a line from standard input, one JSON object a line, in order', async () => {
    const result = await runTsx(CLI, ['who', '--json'], { input: 'Zarif\n\nNobody Atall\nkamenei\n' });
    const lines = outputLines(result).map((line) => parseObject(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ query: 'Zarif', found: true, person: { name: 'Mohammad Javad Zarif' } });
    expect(lines[1]).toMatchObject({ error: 'empty name' });
    expect(lines[2]).toMatchObject({ query: 'Nobody Atall', found: false });
    expect(lines[3]).toMatchObject({ found: true, person: { name: 'Ali Khamenei' } });
    expect(result.code).toBe(1);
  });

  it('lists the people directory as JSON', async () => {
    const result = await runTsx(CLI, ['people', '--json']);
    expect(result.code).toBe(0);
    const body = parseObject(outputLines(result)[0]!) as { people: Array<{ name: string; mentionCount: number }> };
    expect(body.people.map((person) => person.name)).toEqual(expect.arrayContaining(['Mohammad Javad Zarif', 'Ned Price', 'Witold Rodkiewicz']));
    expect(body.people[0]!.mentionCount).toBeGreaterThanOrEqual(body.people.at(-1)!.mentionCount);
  });
});
