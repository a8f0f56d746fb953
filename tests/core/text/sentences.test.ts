import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/text/sentences.js';

/** The sentences of a text, as strings. */
function sentencesOf(text: string): string[] {
  return splitSentences(text).map((range) => text.slice(range.start, range.end));
}

describe('splitSentences', () => {
  it('splits ordinary sentences at their periods', () => {
    expect(sentencesOf('The report comes as the White House is all but doubling down. Abrams replaced Hook.')).toEqual([
      'The report comes as the White House is all but doubling down.',
      'Abrams replaced Hook.',
    ]);
  });

  it('does not end a sentence after `Mr.`', () => {
    const text = 'It appears to bury any chance of diplomacy before the end of Mr. Trump’s term, the New York Times reported.';
    expect(sentencesOf(text)).toEqual([text]);
  });

  it('does not end a sentence after a month abbreviation followed by a day (`Oct. 28`)', () => {
    const text =
      'Russian Foreign Minister Sergey Lavrov on Oct. 28 in Moscow hosted his Iranian and Syrian counterparts. It was announced Oct. 24 that Russia plans to lift visa requirements.';
    expect(sentencesOf(text)).toEqual([
      'Russian Foreign Minister Sergey Lavrov on Oct. 28 in Moscow hosted his Iranian and Syrian counterparts.',
      'It was announced Oct. 24 that Russia plans to lift visa requirements.',
    ]);
  });

  it('does not end a sentence at a dotted acronym in mid-sentence (`U.S. presence`)', () => {
    const text = 'Russia and Iran have been allied to check the U.S. presence in the Middle East. This recent report came at a time of sanctions.';
    expect(sentencesOf(text)).toEqual(['Russia and Iran have been allied to check the U.S. presence in the Middle East.', 'This recent report came at a time of sanctions.']);
  });

  it('does not end a sentence at a dotted acronym followed by a name (`U.N. Kelly Craft`)', () => {
    const text = 'U.S. ambassador to the U.N. Kelly Craft said earlier this week. Craft said more.';
    expect(sentencesOf(text)).toEqual(['U.S. ambassador to the U.N. Kelly Craft said earlier this week.', 'Craft said more.']);
  });

  it('keeps a closing quote with the sentence it closes (`…freedom.” Should`)', () => {
    const text = '“Everyone is going to know this is a choice between tyranny and freedom.” Should the U.N. embargo fail around October, Washington should act.';
    expect(sentencesOf(text)).toEqual([
      '“Everyone is going to know this is a choice between tyranny and freedom.”',
      'Should the U.N. embargo fail around October, Washington should act.',
    ]);
  });

  it('keeps a straight closing quote with its sentence too', () => {
    expect(sentencesOf('"It is striking," he said. "Iran has a choice." He went on.')).toEqual(['"It is striking," he said.', '"Iran has a choice."', 'He went on.']);
  });

  it('ends a sentence at a question mark and an exclamation mark', () => {
    expect(sentencesOf('Is it an alliance? Not quite! It is a partnership.')).toEqual(['Is it an alliance?', 'Not quite!', 'It is a partnership.']);
  });

  it('does not end a sentence at an ellipsis inside a quote (`Russia, which…is not`)', () => {
    const text = 'It can opt for dependency on a country like Russia, which…is not a reliable, dependable partner.';
    expect(sentencesOf(text)).toEqual([text]);
  });

  it('does not end a sentence when the next word starts in lowercase', () => {
    const text = 'The figure was approx. three hundred drones, officials said.';
    expect(sentencesOf(text)).toEqual([text]);
  });

  it('always ends a sentence at a line break, even without punctuation', () => {
    const text = 'Author(s): Witold Rodkiewicz\nSubject(s): International relations/trade, Security and defense\nPublished by: Ośrodek Studiów Wschodnich';
    expect(sentencesOf(text)).toEqual([
      'Author(s): Witold Rodkiewicz',
      'Subject(s): International relations/trade, Security and defense',
      'Published by: Ośrodek Studiów Wschodnich',
    ]);
  });

  it('ends a sentence at a line break even after an abbreviation', () => {
    expect(sentencesOf('Hosted by Lavrov on Oct.\nNext line')).toEqual(['Hosted by Lavrov on Oct.', 'Next line']);
  });

  it('returns trimmed, non-empty ranges separated only by whitespace', () => {
    const text = '  Iranian foreign minister Javad Zarif met Lavrov.   He flew home.  \n\n  - Page Count: 9\n';
    const ranges = splitSentences(text);
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(['Iranian foreign minister Javad Zarif met Lavrov.', 'He flew home.', '- Page Count: 9']);
    let cursor = 0;
    for (const range of ranges) {
      expect(range.end).toBeGreaterThan(range.start);
      expect(text.slice(cursor, range.start).trim()).toBe('');
      cursor = range.end;
    }
    expect(text.slice(cursor).trim()).toBe('');
  });

  it('returns no sentence for blank text', () => {
    expect(splitSentences(' \n\n \t')).toEqual([]);
  });
});
