/**
 * `npm run validate:corpus [-- PATH]` as a process: `node --import tsx src/cli/validateCorpus.ts`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { outputLines, runTsx } from '../support/runProcess.js';
import { SAMPLE_TEXT, makeTempCorpus, markdownArticle, removeTempCorpora } from '../support/tempCorpus.js';

const VALIDATOR = 'src/cli/validateCorpus.ts';

afterAll(removeTempCorpora);

describe('validate:corpus', () => {
  it('exits 0 on the bundled corpus, counting five usable articles and no issue', async () => {
    const result = await runTsx(VALIDATOR, []);
    expect(result.code).toBe(0);
    expect(outputLines(result)).toEqual(['corpus: 5 article(s) usable, 0 issue(s)']);
  });

  it('exits 1 on a bad corpus, with one line per bad file naming it and the reason', async () => {
    const dir = await makeTempCorpus({
      'good.md': markdownArticle({ title: 'Abrams Replaces Hook', date: '2020-08-07' }, SAMPLE_TEXT.hook),
      'also-good.txt': `Russia to Lift Visas\n\n${SAMPLE_TEXT.visas}\n`,
      'empty.md': '',
      'binary.txt': new Uint8Array([0x00, 0xff, 0x00]),
      'unsafe.md': markdownArticle({ title: 'Drones', url: 'javascript:alert(1)' }, SAMPLE_TEXT.uavs),
      'bad-date.md': markdownArticle({ title: 'Drones', date: '2020-13-01' }, SAMPLE_TEXT.uavs),
    });
    const result = await runTsx(VALIDATOR, [dir]);
    expect(result.code).toBe(1);
    const lines = outputLines(result);
    expect(lines.slice(0, -1).sort()).toEqual([
      'bad-date.md: bad date "2020-13-01": use YYYY, YYYY-MM or YYYY-MM-DD',
      'binary.txt: binary file (contains NUL bytes)',
      'empty.md: empty file',
      'unsafe.md: unsafe URL "javascript:alert(1)": only absolute http(s) URLs without credentials',
    ]);
    expect(lines.at(-1)).toBe(`${dir}: 2 article(s) usable, 4 issue(s)`);
  });

  it('accepts the path after --corpus too', async () => {
    const dir = await makeTempCorpus({ 'good.md': markdownArticle({ title: 'Abrams Replaces Hook' }, SAMPLE_TEXT.hook) });
    const result = await runTsx(VALIDATOR, ['--corpus', dir]);
    expect(result.code).toBe(0);
    expect(outputLines(result)).toEqual([`${dir}: 1 article(s) usable, 0 issue(s)`]);
  });

  it('exits 1 with a message when the corpus path does not exist', async () => {
    const result = await runTsx(VALIDATOR, ['no/such/corpus']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('corpus: no such file or folder: no/such/corpus\n');
  });
});
