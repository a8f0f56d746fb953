import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../../src/core/ingest/chunk.js';
import { unwrapHardWrappedLines } from '../../../src/core/ingest/hardWrap.js';
import { parseCorpus } from '../../../src/core/ingest/parseCorpus.js';
import type { Article } from '../../../src/core/types.js';

const STORY_FILE = 'opec-output-talks.txt';
const STORY_BYTES = readFileSync(new URL(`../../fixtures/hard-wrapped/${STORY_FILE}`, import.meta.url));

/** The newswire story of the fixture, loaded by the corpus parser as a `.txt` file. */
function loadStory(): Article {
  const parsed = parseCorpus([{ name: STORY_FILE, bytes: STORY_BYTES }]);
  expect(parsed.issues).toEqual([]);
  return parsed.articles[0]!;
}

describe('a hard-wrapped newswire story loaded from a .txt file', () => {
  it('joins the lines of a wrapped sentence into one line', () => {
    expect(loadStory().text).toContain(
      'Lukman said there was still some doubt about how much crude some members had sold at discounts, but he said a monitoring committee of three ministers would report to the group in late March.',
    );
  });

  it('starts a paragraph, after a blank line, at each indented line', () => {
    expect(loadStory().text).toContain("as traders doubted the group's resolve.\n\nLukman said there was still some doubt");
  });

  it('keeps the sign-off as a paragraph of its own', () => {
    expect(loadStory().text.endsWith('closely.\n\nReuter')).toBe(true);
  });

  it('keeps the title as the first line, not joined to the dateline', () => {
    expect(loadStory().title).toBe('OPEC MINISTERS SEE NO NEED FOR EMERGENCY MEETING');
  });

  it('cuts passages that start at a sentence and hold no line break inside a paragraph', () => {
    const passages = chunkArticle(loadStory());
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) {
      expect(passage.text).toMatch(/^["\p{Lu}]/u);
      expect(passage.text.replace(/\n\n/g, '')).not.toContain('\n');
    }
  });
});

describe('a hard-wrapped newswire story exported as JSON Lines', () => {
  it('gives the same text as the story read from a .txt file', () => {
    const [title = '', ...body] = new TextDecoder().decode(STORY_BYTES).split('\n');
    const line = JSON.stringify({ id: 'opec-output-talks', title, text: body.join('\n') });
    const parsed = parseCorpus([{ name: 'wire.jsonl', bytes: new TextEncoder().encode(`${line}\n`) }]);
    expect(parsed.issues).toEqual([]);
    expect(parsed.articles[0]!.text).toBe(loadStory().text);
  });
});

describe('unwrapHardWrappedLines', () => {
  const WRAPPED = [
    'Showers continued throughout the week in the Bahia cocoa zone,',
    'alleviating the drought since early January and improving the',
    'prospects for the coming temporao, although normal humidity',
    'levels have not been restored, Comissaria Smith said in its',
    'weekly review.',
  ].join('\n');

  it('joins the lines of a wrapped paragraph with spaces', () => {
    expect(unwrapHardWrappedLines(WRAPPED)).toBe(
      'Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January and improving the prospects for the coming temporao, although normal humidity levels have not been restored, Comissaria Smith said in its weekly review.',
    );
  });

  it('does not join a short last line with the paragraph after it', () => {
    const text = `${WRAPPED}\nThe dry period means the temporao will be late this year.`;
    expect(unwrapHardWrappedLines(text)).toMatch(/weekly review\.\nThe dry period/);
  });

  it('keeps blank lines between paragraphs', () => {
    expect(unwrapHardWrappedLines(`${WRAPPED}\n\n${WRAPPED}`)).toMatch(/weekly review\.\n\nShowers continued/);
  });

  it('joins a word hyphenated at the end of a line without a space', () => {
    const text = [
      'The Brazilian Coffee Institute said its export registrations for',
      'the long-awaited May shipments would open on Monday, but a well-',
      'informed trade source said the quota would be lower than traders',
      'expected.',
    ].join('\n');
    expect(unwrapHardWrappedLines(text)).toContain('but a well-informed trade source');
  });

  it('does not join the items of a list', () => {
    const text = `${WRAPPED}\n\n- Bahia arrivals rose to 155,221 bags in the week to February 22\n- Cumulative arrivals reached 5.93 mln bags for the season so far\n- Exporters expect the temporao crop to start later than usual`;
    expect(unwrapHardWrappedLines(text)).toContain('\n- Bahia arrivals rose to 155,221 bags in the week to February 22\n- Cumulative');
  });

  it('does not join the rows of a Markdown table', () => {
    const text = `${WRAPPED}\n\n| Week ended | Bags of 60 kilos |\n| --- | --- |\n| February 22 | 155,221 |`;
    expect(unwrapHardWrappedLines(text)).toContain('| Week ended | Bags of 60 kilos |\n| --- | --- |\n| February 22 | 155,221 |');
  });

  it('does not join a heading to the paragraph under it', () => {
    const text = `## Cocoa arrivals in Bahia during the week to February 22 rose\n${WRAPPED}`;
    expect(unwrapHardWrappedLines(text)).toMatch(/rose\nShowers continued/);
  });

  it('keeps a Markdown hard line break (two trailing spaces)', () => {
    const text = `${WRAPPED}\n\nComissaria Smith, Rua Miguel Calmon 19, Salvador, Bahia, Brazil  \ntelephone and telex numbers are given in the weekly review.`;
    expect(unwrapHardWrappedLines(text)).toContain('Brazil  \ntelephone');
  });

  it('leaves fenced code as written', () => {
    const code = '```\nconst arrivals = bagsOfSixtyKilos.reduce((total, week) => total + week,\n  0);\n```';
    expect(unwrapHardWrappedLines(`${WRAPPED}\n\n${code}`)).toContain(code);
  });

  it('leaves verse as written, even with long lines of similar length', () => {
    const verse = [
      'This is the forest primeval. The murmuring pines and the hemlocks,',
      'Bearded with moss, and in garments green, indistinct in the twilight,',
      'Stand like Druids of eld, with voices sad and prophetic,',
      'Stand like harpers hoar, with beards that rest on their bosoms.',
    ].join('\n');
    expect(unwrapHardWrappedLines(verse)).toBe(verse);
  });

  it('leaves lines broken at a subscript as written when a line of the text is longer than any wrap width', () => {
    const text = [
      'People who climb mountains or fly in non-pressurized fixed-wing aircraft sometimes have supplemental O',
      '2 supplies.[h] Passengers traveling in (pressurized) commercial airplanes have an emergency supply of O',
      '2 automatically supplied to them in case of cabin depressurization. Sudden cabin pressure loss activates chemical oxygen generators above each seat, causing oxygen masks to drop. Pulling on the masks "to start the flow of oxygen" as cabin safety instructions dictate, forces iron filings into the sodium chlorate inside the canister.',
    ].join('\n');
    expect(unwrapHardWrappedLines(text)).toBe(text);
  });

  it('leaves text of one paragraph per line as written', () => {
    const text = [
      'Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier.',
      '',
      'The firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet connections and higher advert sales.',
    ].join('\n');
    expect(unwrapHardWrappedLines(text)).toBe(text);
  });

  it('leaves Markdown of one sentence per line as written', () => {
    const text = [
      'Time Warner said on Friday that it now owns 8% of search-engine Google.',
      'But its own internet business, AOL, had has mixed fortunes.',
      'It lost 464,000 subscribers in the fourth quarter.',
      'Profits were lower than in the preceding three quarters.',
    ].join('\n');
    expect(unwrapHardWrappedLines(text)).toBe(text);
  });
});
