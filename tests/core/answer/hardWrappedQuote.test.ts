import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { parseCorpus } from '../../../src/core/ingest/parseCorpus.js';
import { ask } from '../../support/answering.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

const STORY = { name: 'opec-output-talks.txt', bytes: readFileSync(new URL('../../fixtures/hard-wrapped/opec-output-talks.txt', import.meta.url)) };

/** The index of one hard-wrapped newswire story, loaded by the corpus parser from its `.txt` file. */
function storyIndex() {
  return buildCorpusIndex(parseCorpus([STORY]).articles);
}

describe('quotes from a hard-wrapped newswire story', () => {
  it('starts the quote at the start of its sentence', async () => {
    const answer = await ask(storyIndex(), 'What will the monitoring committee detect?');
    expect(answer.quote?.text).toBe('The monitoring committee will detect any country that is producing over its quota," he said.');
  });

  it('quotes a sentence wrapped over three lines with no line break', async () => {
    const answer = await ask(storyIndex(), 'How much crude had members sold at discounts?');
    expect(answer.quote?.text).toBe(
      'Lukman said there was still some doubt about how much crude some members had sold at discounts, but he said a monitoring committee of three ministers would report to the group in late March.',
    );
  });

  it('answers a question on a quotation that opens a wrapped paragraph', async () => {
    const answer = await ask(storyIndex(), 'What did Lukman say about the December agreement?');
    expect(answer.quote?.text).toMatch(/^"The agreement reached in December is holding and I do not think any member wants to reopen it now," Lukman said/);
  });
});

describe('a quote of a short sentence and the next one', () => {
  it('joins the two across a paragraph break with a space', async () => {
    const file = [
      '---',
      'title: Wolves appoint Hoddle as manager',
      '---',
      'Glenn Hoddle has been unveiled as the new Wolves manager.',
      '',
      "The ex-England coach has been given a six-month contract to succeed Dave Jones, who was sacked after the club's poor start to the season.",
    ].join('\n');
    const index = buildCorpusIndex(parseCorpus([STORY, { name: 'wolves-appoint-hoddle.md', bytes: encode(file) }]).articles);
    const answer = await ask(index, 'How long is the contract Glenn Hoddle was given as Wolves manager?');
    expect(answer.quote?.text).toBe(
      "Glenn Hoddle has been unveiled as the new Wolves manager. The ex-England coach has been given a six-month contract to succeed Dave Jones, who was sacked after the club's poor start to the season.",
    );
  });
});
