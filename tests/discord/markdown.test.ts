import { describe, expect, it } from 'vitest';
import { boldRanges, escapeText, link } from '../../src/discord/markdown.js';

const FREE_BEACON_URL = 'https://freebeacon.com/national-security/iran-strengthens-relationship-with-russia-amid-new-pressure-from-washington/';

/** Markdown that is still live after escaping: a formatting pair or a link whose opening is not preceded by a backslash. */
function liveMarkdown(text: string): RegExp[] {
  return [
    /(?<!\\)\*\*[^*]+(?<!\\)\*\*/,
    /(?<!\\)__[^_]+(?<!\\)__/,
    /(?<!\\)`[^`]+(?<!\\)`/,
    /(?<!\\)~~[^~]+(?<!\\)~~/,
    /(?<!\\)\|\|[^|]+(?<!\\)\|\|/,
    /(?<!\\)\[[^\]]*\]\([^)]*\)/,
  ].filter((pattern) => pattern.test(text));
}

describe('escapeText', () => {
  it('neutralises bold, italics, underline, code, strikethrough and spoilers', () => {
    const escaped = escapeText('Zarif called it **historic**, _final_, __binding__, `JCPOA`, ~~void~~ and ||secret||.');
    expect(liveMarkdown(escaped)).toEqual([]);
    expect(escaped).toBe('Zarif called it \\*\\*historic\\*\\*, \\_final\\_, \\_\\_binding\\_\\_, \\`JCPOA\\`, \\~\\~void\\~\\~ and \\|\\|secret\\|\\|.');
  });

  it('neutralises a heading at the start of a line', () => {
    expect(escapeText('# Sanctions\nThe White House doubled down.')).toBe('\\# Sanctions\nThe White House doubled down.');
    expect(escapeText('Intro\n## Embargo')).toBe('Intro\n\\## Embargo');
  });

  it('neutralises subtext at the start of a line', () => {
    expect(escapeText('-# Published under: China , Iran , Russia')).toBe('\\-# Published under: China , Iran , Russia');
  });

  it('neutralises a quote at the start of a line, and a block quote', () => {
    expect(escapeText('> Iran has a choice')).toBe('\\> Iran has a choice');
    expect(escapeText('Price said:\n>>> Iran has a choice')).toBe('Price said:\n\\>>> Iran has a choice');
  });

  it('leaves a > inside a line as it is', () => {
    expect(escapeText('exports > imports')).toBe('exports > imports');
  });

  it('neutralises list markers at the start of a line', () => {
    expect(escapeText('- Page Count: 9\n1. Publication Year: 2020')).toBe('\\- Page Count: 9\n1\\. Publication Year: 2020');
  });

  it('neutralises a masked link so that it shows as text', () => {
    const escaped = escapeText('Read [the full report](https://evil.example/phish) now');
    expect(liveMarkdown(escaped)).toEqual([]);
    expect(escaped).toContain('\\[the full report]');
  });

  it('escapes backslashes so that text cannot undo an escape', () => {
    expect(escapeText('\\**bold**')).toBe('\\\\\\*\\*bold\\*\\*');
  });

  it('keeps plain corpus text unchanged', () => {
    const sentence = 'On Thursday, Washington announced the replacement of U.S. special representative for Iran Brian Hook.';
    expect(escapeText(sentence)).toBe(sentence);
  });
});

describe('boldRanges', () => {
  const sentence = 'Washington announced the replacement of Brian Hook with Elliott Abrams.';

  it('bolds exactly the given ranges', () => {
    const ranges = [
      { start: 25, end: 36 },
      { start: 40, end: 50 },
    ];
    expect(sentence.slice(25, 36)).toBe('replacement');
    expect(boldRanges(sentence, ranges)).toBe('Washington announced the **replacement** of **Brian Hook** with Elliott Abrams.');
  });

  it('escapes the text inside and outside the ranges', () => {
    const text = 'Zarif said **never** to _sanctions_';
    const start = text.indexOf('_sanctions_');
    expect(boldRanges(text, [{ start, end: start + '_sanctions_'.length }])).toBe('Zarif said \\*\\*never\\*\\* to **\\_sanctions\\_**');
  });

  it('returns the escaped text when there are no ranges', () => {
    expect(boldRanges('Abrams’s **appointment**', [])).toBe('Abrams’s \\*\\*appointment\\*\\*');
  });
});

describe('link', () => {
  it('builds a link with an angle-bracketed URL for a safe https URL', () => {
    expect(link('Iran Strengthens Relationship With Russia', FREE_BEACON_URL)).toBe(`[Iran Strengthens Relationship With Russia](<${FREE_BEACON_URL}>)`);
  });

  it('builds a link for a plain http URL', () => {
    expect(link('Gray literature', 'http://www.ceeol.com/search/gray-literature-detail?id=851863')).toBe(
      '[Gray literature](<http://www.ceeol.com/search/gray-literature-detail?id=851863>)',
    );
  });

  it('shows just the title when there is no URL', () => {
    expect(link('The Russian-Iranian Alliance that wasn’t', undefined)).toBe('The Russian-Iranian Alliance that wasn’t');
  });

  it.each([
    ['a javascript: URL', 'javascript:alert(document.cookie)'],
    ['a data: URL', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['a URL with credentials', 'https://user:secret@freebeacon.com/national-security/'],
    ['a URL with a space', 'https://freebeacon.com/national security/'],
    ['a relative URL', '/national-security/iran'],
    ['a URL with an angle bracket', 'https://freebeacon.com/a>b'],
  ])('shows just the escaped title for %s', (_name, url) => {
    expect(link('Iran **Strengthens**', url)).toBe('Iran \\*\\*Strengthens\\*\\*');
  });

  it('replaces brackets in the title so that the link cannot be broken out of', () => {
    const built = link('Memo](https://evil.example) [click', FREE_BEACON_URL);
    expect(built).toBe(`[Memo)(https://evil.example) (click](<${FREE_BEACON_URL}>)`);
    expect(built.indexOf(']')).toBe(built.lastIndexOf(']'));
  });

  it('escapes parentheses in the URL so that the link ends where it should', () => {
    const built = link('Brian Hook', 'https://en.wikipedia.org/wiki/Brian_Hook_(diplomat)');
    expect(built).toBe('[Brian Hook](<https://en.wikipedia.org/wiki/Brian_Hook_%28diplomat%29>)');
    expect(built.match(/\)/g)).toHaveLength(1);
  });

  it('escapes a lone closing parenthesis in the URL, which would end the link early', () => {
    expect(link('Brian Hook', 'https://example.com/notes/hook)replaced')).toBe('[Brian Hook](<https://example.com/notes/hook%29replaced>)');
  });

  it('escapes Markdown in the title', () => {
    expect(link('__Iran__ and ~~Russia~~', FREE_BEACON_URL)).toBe(`[\\_\\_Iran\\_\\_ and \\~\\~Russia\\~\\~](<${FREE_BEACON_URL}>)`);
  });
});

describe('neutralizeMentions', () => {
  it('breaks @everyone, @here, user, role and channel mentions with a zero-width space', () => {
    expect(escapeText('To @everyone and @here: <@1>, <@!2>, <@&3>, <#4>')).toBe('To @\u200beveryone and @\u200bhere: <\u200b@1>, <\u200b@!2>, <\u200b@&3>, <\u200b#4>');
  });

  it('leaves e-mail addresses and ordinary angle brackets alone', () => {
    expect(escapeText('write to desk@example.com <not a mention>')).toBe('write to desk@example.com <not a mention>');
  });
});
