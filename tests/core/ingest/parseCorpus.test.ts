import { describe, expect, it } from 'vitest';
import {
  MAX_JSON_LINE_BYTES,
  checkCorpusFileSize,
  createJsonLinesParser,
  isSafeUrl,
  parseCorpus,
  parseCorpusFile,
  slugify,
  type CorpusFile,
} from '../../../src/core/ingest/parseCorpus.js';
import type { CorpusIssueKind } from '../../../src/core/types.js';
import { SAMPLE_TEXT, markdownArticle } from '../../support/tempCorpus.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const file = (name: string, content: string | Uint8Array): CorpusFile => ({ name, bytes: typeof content === 'string' ? encode(content) : content });

const FREE_BEACON_FIELDS = {
  id: 'iran-relationship-russia-washington-pressure',
  title: 'Iran Strengthens Relationship With Russia Amid New Pressure From Washington',
  publisher: 'Washington Free Beacon',
  date: '2020-08-07',
  url: '"https://freebeacon.com/national-security/iran-strengthens-relationship-with-russia-amid-new-pressure-from-washington/"',
};

/** The reason of the one issue of a file that cannot be used (fails when it loads, has several issues or another kind). */
function onlyIssue(kind: CorpusIssueKind, name: string, content: string | Uint8Array): string {
  const parsed = parseCorpus([file(name, content)]);
  expect(parsed.articles).toEqual([]);
  expect(parsed.issues).toHaveLength(1);
  expect(parsed.issues[0]!.file).toBe(name);
  expect(parsed.issues[0]!.kind).toBe(kind);
  return parsed.issues[0]!.reason;
}

describe('parseCorpusFile: Markdown with front matter', () => {
  it('reads the metadata from the front matter and the text from the body', () => {
    const { articles, issues } = parseCorpusFile(
      file('free-beacon.md', markdownArticle({ ...FREE_BEACON_FIELDS, author: 'Staff' }, `${SAMPLE_TEXT.hook}\n\n${SAMPLE_TEXT.visas}`)),
    );
    expect(issues).toEqual([]);
    expect(articles).toEqual([
      {
        id: 'iran-relationship-russia-washington-pressure',
        title: 'Iran Strengthens Relationship With Russia Amid New Pressure From Washington',
        publisher: 'Washington Free Beacon',
        author: 'Staff',
        date: '2020-08-07',
        url: 'https://freebeacon.com/national-security/iran-strengthens-relationship-with-russia-amid-new-pressure-from-washington/',
        text: `${SAMPLE_TEXT.hook}\n\n${SAMPLE_TEXT.visas}`,
        source: 'free-beacon.md',
      },
    ]);
  });

  it('takes the id from the file name when the front matter has none', () => {
    const [article] = parseCorpusFile(file('The Alliance That Wasn’t.md', markdownArticle({ title: 'The Russian-Iranian Alliance that wasn’t' }, SAMPLE_TEXT.lavrov))).articles;
    expect(article?.id).toBe('the-alliance-that-wasnt');
  });

  it('keeps a year given as a YAML number as the date `2016`', () => {
    const [article] = parseCorpusFile(file('a.md', markdownArticle({ title: 'The Russian-Iranian Alliance that wasn’t', date: '2016' }, SAMPLE_TEXT.lavrov))).articles;
    expect(article?.date).toBe('2016');
  });

  it('accepts a month date such as `2020-08`', () => {
    const [article] = parseCorpusFile(file('a.md', markdownArticle({ title: 'Iran Strengthens Ties with Russia', date: '2020-08' }, SAMPLE_TEXT.hook))).articles;
    expect(article?.date).toBe('2020-08');
  });

  it('leaves out the fields the front matter does not give', () => {
    const [article] = parseCorpusFile(file('a.md', markdownArticle({ title: 'Russia and Iran Deepening Their Relationship' }, SAMPLE_TEXT.uavs))).articles;
    expect(article).toBeDefined();
    expect(Object.keys(article!).sort()).toEqual(['id', 'source', 'text', 'title']);
  });

  it('reads a file with Windows line ends and a byte-order mark', () => {
    const content = `\uFEFF${markdownArticle({ title: 'Russia and Iran Deepening Their Relationship' }, `${SAMPLE_TEXT.uavs}\n\n${SAMPLE_TEXT.oilDeal}`)}`.replace(/\n/g, '\r\n');
    const [article] = parseCorpusFile(file('voa.md', content)).articles;
    expect(article?.title).toBe('Russia and Iran Deepening Their Relationship');
    expect(article?.text).toBe(`${SAMPLE_TEXT.uavs}\n\n${SAMPLE_TEXT.oilDeal}`);
  });

  it('keeps a horizontal rule inside the body as text', () => {
    const [article] = parseCorpusFile(file('a.md', markdownArticle({ title: 'Defying America' }, `${SAMPLE_TEXT.hook}\n\n---\n\n${SAMPLE_TEXT.visas}`))).articles;
    expect(article?.text).toBe(`${SAMPLE_TEXT.hook}\n\n---\n\n${SAMPLE_TEXT.visas}`);
  });

  it('tidies the body: trailing spaces and extra blank lines go, line breaks inside a paragraph stay', () => {
    const body = '\n\nAuthor(s): Witold Rodkiewicz   \nSubject(s): International relations/trade\n\n\n\nPage Count: 9\n\n';
    const [article] = parseCorpusFile(file('a.md', markdownArticle({ title: 'Defying America' }, body))).articles;
    expect(article?.text).toBe('Author(s): Witold Rodkiewicz\nSubject(s): International relations/trade\n\nPage Count: 9');
  });

  it('removes invisible controls from the text and the title', () => {
    const [article] = parseCorpusFile(file('a.md', markdownArticle({ title: 'Za\u200Brif in Moscow' }, 'Mohammad Javad Za\u200Brif met Lavrov.'))).articles;
    expect(article?.title).toBe('Zarif in Moscow');
    expect(article?.text).toBe('Mohammad Javad Zarif met Lavrov.');
  });
});

describe('parseCorpusFile: plain text and JSON Lines', () => {
  it('takes the first non-empty line of a .txt file as the title and the rest as the text', () => {
    const [article] = parseCorpusFile(file('voa-editorial.txt', `\n\nRussia and Iran Deepening Their Relationship\n\n${SAMPLE_TEXT.uavs}\n\n${SAMPLE_TEXT.oilDeal}\n`)).articles;
    expect(article).toEqual({
      id: 'voa-editorial',
      title: 'Russia and Iran Deepening Their Relationship',
      text: `${SAMPLE_TEXT.uavs}\n\n${SAMPLE_TEXT.oilDeal}`,
      source: 'voa-editorial.txt',
    });
  });

  it('reads one article per line of a .jsonl file, naming each by file and line', () => {
    const lines = [
      JSON.stringify({ id: 'hook-replaced', title: 'Abrams Replaces Hook', publisher: 'Washington Free Beacon', date: '2020-08-07', text: SAMPLE_TEXT.hook }),
      '',
      JSON.stringify({ title: 'Russia to Lift Visas for Iranians', date: 2016, text: SAMPLE_TEXT.visas }),
    ];
    const { articles, issues } = parseCorpusFile(file('wire.jsonl', lines.join('\n')));
    expect(issues).toEqual([]);
    expect(articles.map((article) => [article.id, article.source, article.date])).toEqual([
      ['hook-replaced', 'wire.jsonl:1', '2020-08-07'],
      ['russia-to-lift-visas-for-iranians', 'wire.jsonl:3', '2016'],
    ]);
  });

  it('reports a bad .jsonl line by `file:line` and still loads the good lines', () => {
    const lines = [
      JSON.stringify({ title: 'Abrams Replaces Hook', text: SAMPLE_TEXT.hook }),
      '{"title": "Broken", "text": ',
      '["not", "an", "object"]',
      JSON.stringify({ title: 'Russia to Lift Visas for Iranians', text: SAMPLE_TEXT.visas }),
      JSON.stringify({ title: 'No Text Here' }),
    ];
    const { articles, issues } = parseCorpusFile(file('wire.jsonl', lines.join('\n')));
    expect(articles.map((article) => article.source)).toEqual(['wire.jsonl:1', 'wire.jsonl:4']);
    expect(issues).toEqual([
      { file: 'wire.jsonl:2', kind: 'bad-json', reason: 'not a JSON object' },
      { file: 'wire.jsonl:3', kind: 'bad-json', reason: 'not a JSON object' },
      { file: 'wire.jsonl:5', kind: 'no-text', reason: 'no article text' },
    ]);
  });

  it('reports a .jsonl file with only blank lines as empty', () => {
    expect(onlyIssue('empty', 'blank.jsonl', '\n \n\t\n')).toBe('empty file');
  });
});

describe('parseCorpus: one issue per unusable file, naming the file and the reason', () => {
  it('reports front matter without a closing `---`', () => {
    expect(onlyIssue('front-matter', 'unclosed.md', `---\ntitle: Russia and Iran Deepening Their Relationship\n\n${SAMPLE_TEXT.uavs}\n`)).toBe(
      'bad front matter: no closing "---" line',
    );
  });

  it('reports a Markdown file without front matter', () => {
    expect(onlyIssue('front-matter', 'bare.md', `# Russia and Iran\n\n${SAMPLE_TEXT.uavs}\n`)).toBe('bad front matter: the file must start with a "---" block');
  });

  it('reports invalid YAML with the parser’s first line, without the code frame', () => {
    const reason = onlyIssue('front-matter', 'bad-yaml.md', `---\ntitle: [Russia and Iran\n---\n\n${SAMPLE_TEXT.uavs}\n`);
    expect(reason).toMatch(/^bad front matter: .+ at line 1, column \d+$/);
    expect(reason).not.toContain('\n');
  });

  it('reports a YAML key given twice', () => {
    expect(onlyIssue('front-matter', 'twice.md', `---\ntitle: One\ntitle: Two\n---\n\n${SAMPLE_TEXT.uavs}\n`)).toMatch(/^bad front matter: Map keys must be unique/);
  });

  it('reports front matter that is a list rather than keys and values', () => {
    expect(onlyIssue('front-matter', 'list.md', `---\n- Russia\n- Iran\n---\n\n${SAMPLE_TEXT.uavs}\n`)).toBe('bad front matter: expected "key: value" lines');
  });

  it('reports a missing title', () => {
    expect(onlyIssue('missing-title', 'untitled.md', markdownArticle({ publisher: 'VOA Editorials', date: '2022-07' }, SAMPLE_TEXT.uavs))).toBe('missing title');
  });

  it('reports an empty front matter block as a missing title', () => {
    expect(onlyIssue('missing-title', 'empty-block.md', `---\n---\n\n${SAMPLE_TEXT.uavs}\n`)).toBe('missing title');
  });

  it('reports a title that is not text', () => {
    expect(onlyIssue('bad-field', 'object-title.md', `---\ntitle:\n  en: Russia and Iran\n---\n\n${SAMPLE_TEXT.uavs}\n`)).toBe('bad title: expected text');
  });

  it('reports an article with a title but no text', () => {
    expect(onlyIssue('no-text', 'title-only.txt', 'Russia and Iran Deepening Their Relationship\n\n')).toBe('no article text');
  });

  it('reports an empty file', () => {
    expect(onlyIssue('empty', 'empty.md', '')).toBe('empty file');
  });

  it('reports a file of only whitespace as empty', () => {
    expect(onlyIssue('empty', 'blank.txt', ' \n\n\t \n')).toBe('empty file');
  });

  it('reports a binary file (NUL bytes)', () => {
    expect(onlyIssue('binary', 'dump.md', new Uint8Array([...encode(`---\ntitle: Russia and Iran\n---\n\n${SAMPLE_TEXT.uavs}`), 0x00, 0x00]))).toBe(
      'binary file (contains NUL bytes)',
    );
  });

  it('names the format of a binary file it recognises by its signature (a PNG saved as .md)', () => {
    expect(onlyIssue('binary', 'photo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toBe('binary file (PNG image)');
  });

  it('reports text that is not valid UTF-8 (0xC3 0x28)', () => {
    const latin = new Uint8Array([...encode('Ar\u00e9a title\n\n'), 0xc3, 0x28, ...encode(' more text\n')]);
    expect(onlyIssue('encoding', 'latin1.txt', latin)).toBe('not valid UTF-8 text');
  });

  it('reports a malformed date (month 13)', () => {
    expect(onlyIssue('bad-date', 'date.md', markdownArticle({ title: 'Russia and Iran', date: '2020-13-01' }, SAMPLE_TEXT.uavs))).toBe(
      'bad date "2020-13-01": use YYYY, YYYY-MM or YYYY-MM-DD',
    );
  });

  it('reports a day that does not exist (29 February 2021)', () => {
    expect(onlyIssue('bad-date', 'date.md', markdownArticle({ title: 'Russia and Iran', date: '2021-02-29' }, SAMPLE_TEXT.uavs))).toMatch(/^bad date "2021-02-29"/);
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseCorpus([file('leap.md', markdownArticle({ title: 'Russia and Iran', date: '2020-02-29' }, SAMPLE_TEXT.uavs))]).issues).toEqual([]);
  });

  it('reports a `javascript:` URL as unsafe', () => {
    expect(onlyIssue('unsafe-url', 'js.md', markdownArticle({ title: 'Russia and Iran', url: 'javascript:alert(1)' }, SAMPLE_TEXT.uavs))).toBe(
      'unsafe URL "javascript:alert(1)": only absolute http(s) URLs without credentials',
    );
  });

  it('reports a URL with a user name and password as unsafe, without repeating the password', () => {
    expect(onlyIssue('unsafe-url', 'creds.md', markdownArticle({ title: 'Russia and Iran', url: 'https://editor:hunter2@host/' }, SAMPLE_TEXT.uavs))).toBe(
      'unsafe URL "https://editor:***@host/": only absolute http(s) URLs without credentials',
    );
  });

  it('reports a `data:` URL as unsafe', () => {
    expect(onlyIssue('unsafe-url', 'data.md', markdownArticle({ title: 'Russia and Iran', url: '"data:text/html,<script>alert(1)</script>"' }, SAMPLE_TEXT.uavs))).toMatch(
      /^unsafe URL "data:text\/html,/,
    );
  });

  it('reports an id that is not a slug', () => {
    expect(onlyIssue('bad-id', 'a.md', markdownArticle({ id: 'Russia_Iran', title: 'Russia and Iran' }, SAMPLE_TEXT.uavs))).toMatch(/^bad id "Russia_Iran"/);
  });

  it('reports a duplicate id on the second file in name order, which loads under a derived id', () => {
    const first = file('a-original.md', markdownArticle({ id: 'hook-replaced', title: 'Abrams Replaces Hook' }, SAMPLE_TEXT.hook));
    const second = file('b-copy.md', markdownArticle({ id: 'hook-replaced', title: 'Abrams Replaces Hook (copy)' }, SAMPLE_TEXT.hook));
    const { articles, issues } = parseCorpus([second, first]);
    expect(articles.map((article) => [article.id, article.source])).toEqual([
      ['hook-replaced', 'a-original.md'],
      ['hook-replaced-2', 'b-copy.md'],
    ]);
    expect(issues).toEqual([
      { file: 'b-copy.md', kind: 'duplicate-id', reason: 'duplicate id "hook-replaced" (already used by a-original.md): loaded as "hook-replaced-2"; give it an id of its own' },
    ]);
  });

  it('derives the next free id when the first derived one is taken too', () => {
    const files = ['a.md', 'b.md', 'c.md'].map((name, position) =>
      file(name, markdownArticle({ id: position === 1 ? 'visas-2' : 'visas', title: `Visas ${name}` }, SAMPLE_TEXT.visas)),
    );
    expect(parseCorpus(files).articles.map((article) => article.id)).toEqual(['visas', 'visas-2', 'visas-3']);
  });

  it('loads the good files next to every kind of bad one', () => {
    const good = [
      file('good-1.md', markdownArticle({ title: 'Abrams Replaces Hook', date: '2020-08-07' }, SAMPLE_TEXT.hook)),
      file('good-2.txt', `Russia to Lift Visas\n\n${SAMPLE_TEXT.visas}`),
    ];
    const bad = [
      file('bad-unclosed.md', `---\ntitle: x\n\n${SAMPLE_TEXT.uavs}`),
      file('bad-yaml.md', `---\ntitle: "x\n---\n\n${SAMPLE_TEXT.uavs}`),
      file('bad-untitled.md', markdownArticle({ date: '2022-07' }, SAMPLE_TEXT.uavs)),
      file('bad-empty.md', ''),
      file('bad-binary.txt', new Uint8Array([0x00, 0x01, 0x02])),
      file('bad-utf8.txt', new Uint8Array([0x54, 0xc3, 0x28])),
      file('bad-url.md', markdownArticle({ title: 'x', url: 'javascript:alert(1)' }, SAMPLE_TEXT.uavs)),
      file('bad-date.md', markdownArticle({ title: 'x', date: '2020-13-01' }, SAMPLE_TEXT.uavs)),
    ];
    const { articles, issues } = parseCorpus([...bad, ...good]);
    expect(articles.map((article) => article.id)).toEqual(['good-1', 'good-2']);
    expect(issues.map((issue) => issue.file).sort()).toEqual(bad.map((entry) => entry.name).sort());
    for (const issue of issues) expect(issue.reason.length).toBeGreaterThan(0);
  });
});

describe('parseCorpusFile: encodings, binary formats and size limits', () => {
  const article = markdownArticle({ title: 'Russia and Iran Deepening Their Relationship', date: '2022-07' }, `${SAMPLE_TEXT.uavs}\n\n${SAMPLE_TEXT.oilDeal}`);
  const utf16 = (text: string, bigEndian = false): Uint8Array => {
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) {
      const unit = text.charCodeAt(i);
      bytes[2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
      bytes[2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
    }
    return bytes;
  };

  it('reports UTF-16 with a little-endian byte-order mark as an encoding to change, not as binary', () => {
    expect(onlyIssue('encoding', 'voa.md', new Uint8Array([0xff, 0xfe, ...utf16(article)]))).toBe('UTF-16: save as UTF-8');
  });

  it('reports big-endian UTF-16 the same way', () => {
    expect(onlyIssue('encoding', 'voa.txt', new Uint8Array([0xfe, 0xff, ...utf16(article, true)]))).toBe('UTF-16: save as UTF-8');
  });

  it('recognises UTF-16 without a byte-order mark by its NUL high bytes', () => {
    expect(onlyIssue('encoding', 'voa.md', utf16(article))).toBe('UTF-16: save as UTF-8');
  });

  it('reports UTF-32 with a byte-order mark', () => {
    expect(onlyIssue('encoding', 'voa.md', new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x2d, 0x00, 0x00, 0x00]))).toBe('UTF-32: save as UTF-8');
  });

  it('names a PDF saved as .txt', () => {
    expect(onlyIssue('binary', 'report.txt', encode(`%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Title (Defying America) >>\nendobj\n`))).toBe('binary file (PDF document)');
  });

  it('reports a file over the size limit without parsing it', () => {
    const parsed = parseCorpusFile(file('long.md', article), { limits: { maxFileBytes: 100 } });
    expect(parsed.issues).toEqual([{ file: 'long.md', kind: 'too-large', reason: `file too large (${encode(article).length} bytes; an article file may have at most 100 bytes)` }]);
  });

  it('reports the first line over the line limit, by number', () => {
    const parsed = parseCorpusFile(file('voa.md', article), { limits: { maxLineBytes: 150 } });
    expect(parsed.issues).toEqual([
      { file: 'voa.md', kind: 'line-too-long', reason: `line 6 too long (${encode(SAMPLE_TEXT.uavs).length} bytes; a line may have at most 150 bytes)` },
    ]);
  });

  it('applies no file size limit to a .jsonl export, only a line limit', () => {
    expect(checkCorpusFileSize('export.jsonl', 50 * 1024 * 1024)).toBeUndefined();
    expect(checkCorpusFileSize('article.txt', 50 * 1024 * 1024)?.kind).toBe('too-large');
    expect(checkCorpusFileSize('article.txt', 1024)).toBeUndefined();
  });

  it('reports a .jsonl file in UTF-16 as one issue for the whole file, not one a line', () => {
    const lines = [1, 2, 3].map((n) => JSON.stringify({ id: `wire-${n}`, title: `Dispatch ${n}`, text: SAMPLE_TEXT.hook })).join('\n');
    expect(onlyIssue('encoding', 'wire.jsonl', new Uint8Array([0xff, 0xfe, ...utf16(lines)]))).toBe('UTF-16: save as UTF-8');
  });

  it('reports a .jsonl line over the limit as one issue, even streamed in small pieces, and loads the next line', () => {
    const parser = createJsonLinesParser('wire.jsonl');
    const long = encode(JSON.stringify({ id: 'huge', title: 'Huge', text: SAMPLE_TEXT.lavrov.repeat(Math.ceil((2 * MAX_JSON_LINE_BYTES) / SAMPLE_TEXT.lavrov.length)) }));
    for (let start = 0; start < long.length; start += 4096) parser.push(long.subarray(start, start + 4096));
    parser.push(encode(`\n${JSON.stringify({ id: 'hook', title: 'Abrams Replaces Hook', text: SAMPLE_TEXT.hook })}\n`));
    const { articles, issues } = parser.finish();
    expect(issues).toEqual([
      { file: 'wire.jsonl:1', kind: 'line-too-long', reason: `line too long (${long.length.toLocaleString('en-US')} bytes; a JSON line may have at most 512 KiB)` },
    ]);
    expect(articles.map((entry) => [entry.id, entry.source])).toEqual([['hook', 'wire.jsonl:2']]);
  });
});

describe('isSafeUrl', () => {
  it('accepts absolute http and https URLs', () => {
    expect(isSafeUrl('https://editorials.voa.gov/amp/russia-and-iran-deepening-their-relationship/6687303.html')).toBe(true);
    expect(isSafeUrl('http://example.com/a?b=c#d')).toBe(true);
  });

  it('rejects other schemes, credentials, relative URLs and URLs with spaces', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,hi',
      'file:///etc/passwd',
      'https://user:pass@host/',
      'https://user@host/',
      '/relative/path',
      'https://exa mple.com/',
      'https://example.com/\u0000',
    ]) {
      expect(isSafeUrl(url), url).toBe(false);
    }
  });
});

describe('slugify', () => {
  it('makes a readable, ASCII id from a title with accents and curly apostrophes', () => {
    expect(slugify('The Russian-Iranian Alliance that wasn’t')).toBe('the-russian-iranian-alliance-that-wasnt');
    expect(slugify('Ośrodek Studiów Wschodnich')).toBe('osrodek-studiow-wschodnich');
  });

  it('cuts a long title at a word boundary within 64 characters', () => {
    const slug = slugify('Iran Strengthens Ties with Russia Thanks to Continued Meddling from the U.S. Government');
    expect(slug.length).toBeLessThanOrEqual(64);
    expect(slug).toBe('iran-strengthens-ties-with-russia-thanks-to-continued-meddling');
  });
});
