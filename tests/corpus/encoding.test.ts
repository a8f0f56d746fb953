/**
 * Corpus files in Latin-1: read when the corpus declares it (`--encoding latin1`,
 * `CORPUS_ENCODING=latin1`), reported when it does not. The BBC corpus has both kinds of file:
 * most write `£` in UTF-8, one (`sport/199.txt`) in Latin-1.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/storage/corpusFolder.js';
import { outputLines, runTsx } from '../support/runProcess.js';
import { makeTempCorpus, removeTempCorpora } from '../support/tempCorpus.js';

afterAll(removeTempCorpora);

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (character) => character.charCodeAt(0));

const MUTU =
  'Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu after he failed a drugs test. Chelsea have decided to write off a possible transfer fee for Mutu, a £15.8m signing from Parma last season, who may face a two-year suspension.\n';
const TIME_WARNER =
  'Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier.\n';
const CAFE = 'Café society returns to Zürich\n\nThe café owners of Zürich say trade is up 5% on last year, at €2.4m.\n';

/** A corpus like the BBC's: one file in Latin-1, others in UTF-8. */
async function mixedCorpus(): Promise<string> {
  return makeTempCorpus({ 'sport/199.txt': latin1(MUTU), 'business/001.txt': TIME_WARNER, 'business/002.txt': latin1(CAFE.replace(' at €2.4m', '')) });
}

describe('a corpus declared latin1', () => {
  it('reads a Latin-1 file with its pound sign and accents', async () => {
    const { articles, issues } = (await readCorpus(await mixedCorpus(), { encoding: 'latin1' })).corpus;
    expect(issues).toEqual([]);
    expect(articles.find((article) => article.id === 'sport-199')?.text).toContain('Mutu, a £15.8m signing from Parma');
    expect(articles.find((article) => article.id === 'business-002')?.title).toBe('Café society returns to Zürich');
  });

  it('still reads its UTF-8 files as UTF-8, so that `£` does not become `Â£`', async () => {
    const { articles } = (await readCorpus(await mixedCorpus(), { encoding: 'latin1' })).corpus;
    const timeWarner = articles.find((article) => article.id === 'business-001');
    expect(timeWarner?.text).toContain('$1.13bn (£600m)');
    expect(timeWarner?.text).not.toContain('Â');
  });

  it('reads the Latin-1 lines of a JSON Lines export', async () => {
    const dir = await makeTempCorpus({
      'wire.jsonl': Uint8Array.from([
        ...latin1(`${JSON.stringify({ id: 'mutu', title: 'Chelsea sack Mutu', text: MUTU.split('\n\n')[1] })}\n`),
        ...new TextEncoder().encode(`${JSON.stringify({ id: 'cafe', title: 'Café society', text: CAFE })}\n`),
      ]),
    });
    const { articles, issues } = (await readCorpus(path.join(dir, 'wire.jsonl'), { encoding: 'latin1' })).corpus;
    expect(issues).toEqual([]);
    expect(articles.map((article) => [article.id, article.title])).toEqual([
      ['mutu', 'Chelsea sack Mutu'],
      ['cafe', 'Café society'],
    ]);
    expect(articles[0]?.text).toContain('£15.8m');
  });
});

describe('a corpus that declares no encoding', () => {
  it('reports the Latin-1 file as not valid UTF-8, and loads the others', async () => {
    const { articles, issues } = (await readCorpus(await mixedCorpus())).corpus;
    expect(issues).toEqual([
      { file: 'business/002.txt', kind: 'encoding', reason: 'not valid UTF-8 text' },
      { file: 'sport/199.txt', kind: 'encoding', reason: 'not valid UTF-8 text' },
    ]);
    expect(articles.map((article) => article.id)).toEqual(['business-001']);
  });
});

describe('--encoding on the command line', () => {
  it('lets validate:corpus accept the Latin-1 files, which it otherwise lists', async () => {
    const dir = await mixedCorpus();
    const undeclared = await runTsx('src/cli/validateCorpus.ts', [dir]);
    expect(undeclared.code).toBe(1);
    expect(outputLines(undeclared)).toEqual(['business/002.txt: not valid UTF-8 text', 'sport/199.txt: not valid UTF-8 text', `${dir}: 1 article(s) usable, 2 issue(s)`]);
    const declared = await runTsx('src/cli/validateCorpus.ts', ['--corpus', dir, '--encoding', 'latin1']);
    expect(declared.code).toBe(0);
    expect(outputLines(declared)).toEqual([`${dir}: 3 article(s) usable, 0 issue(s)`]);
  });

  it('lets the CLI answer from a Latin-1 article', async () => {
    const result = await runTsx('src/cli/main.ts', ['ask', 'Why did Chelsea sack Adrian Mutu?', '--json', '--corpus', await mixedCorpus(), '--encoding', 'latin1']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as { citations: Array<{ articleId: string; excerpt: string }> };
    expect(answer.citations[0]?.articleId).toBe('sport-199');
    expect(answer.citations[0]?.excerpt).toContain('Chelsea have sacked Adrian Mutu');
  });

  it('rejects an encoding it does not know, naming the setting, with exit status 2', async () => {
    const result = await runTsx('src/cli/main.ts', ['articles', '--corpus', await mixedCorpus(), '--encoding', 'ebcdic']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Configuration problems (see .env.example):\n  CORPUS_ENCODING: must be utf-8 or latin1, got "ebcdic"\n');
  });
});
