/**
 * The paragraph-level filters: page furniture inside the article's container goes, sentences
 * that merely look like it stay.
 */
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../../../src/core/ingest/extract/bodyText.js';
import { filterBoilerplateParagraphs, isBoilerplateParagraph } from '../../../../src/core/ingest/extract/paragraphFilters.js';

/** A block of plain prose (no links) with the given tag. */
function block(text: string, tag = 'P', linkedChars = 0): TextBlock {
  return { text, tag, linkedChars };
}

describe('isBoilerplateParagraph', () => {
  it.each([
    'Posted: Fri 6:45 PM, Feb 16, 2018 |',
    'Updated on: November 19, 2019 / 10:07 AM / CBS News',
    'October 06, 2018',
    'sexta-feira, 22 de outubro de 2010 às 20:13',
    'Related: The 15 Weirdest Galaxies in Our Universe',
    '[Related: Salesforce Dreamforce Keynote: AI, Integration, Alicia Keys And Protestors]',
    'Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.',
    'Sign up for our daily email.',
    'Have a tip? Amy Kuperinsky may be reached at akuperinsky@njadvancemedia.com. Follow her on Twitter @AmyKup or on Facebook.',
    'Comments (12)',
    'Tags: Budget, Tax, Treasury',
    'You may also like',
    '(Reporting by Greg Roumeliotis, Joshua Franklin, Koh Gui Qing, with reporting by Herb Lash and Megan Davies, editing by Martin Howell.)',
  ])('drops "%s"', (text) => {
    expect(isBoilerplateParagraph(block(text))).toBe(true);
  });

  it.each([
    'More than 200 people were evacuated from the coast on Tuesday as the storm made landfall.',
    'On November 19, 2019, the council voted 7-2 to approve the cycle lanes.',
    'Sign up for a Hulu ad-free account for $11.99 a month',
    'Disney’s tech teams isolated the problem, Mayer said, and “patched” the software as the company continued to sign up additional subscribers throughout the week.',
    'Watch officials say the footage shows the moment the girl was found.',
    'Comments from the minister came after the vote.',
    'Tags on the recovered birds showed they had flown from Norway.',
    'Reporting by the Associated Press found that the agency had been warned twice.',
  ])('keeps "%s"', (text) => {
    expect(isBoilerplateParagraph(block(text))).toBe(false);
  });
});

describe('filterBoilerplateParagraphs', () => {
  const story = block('Neo-banks promise to ease your pain, but that is just morphine for the real condition.');

  it('drops a "More … Stories" prompt together with the list it introduces', () => {
    const blocks = [
      story,
      block('More Great WIRED Stories'),
      block('YouTubers must unionize, no matter what Google says', 'LI', 26),
      block('Could an astronaut lost in space use gravity to get around?', 'LI', 25),
    ];
    expect(filterBoilerplateParagraphs(blocks).map((kept) => kept.text)).toEqual([story.text]);
  });

  it('trims the links that end the text, with their heading', () => {
    const blocks = [story, block('Most read', 'H2'), block('Storm batters the coast', 'LI', 23), block('Council approves cycle lanes', 'LI', 28)];
    expect(filterBoilerplateParagraphs(blocks).map((kept) => kept.text)).toEqual([story.text]);
  });

  it('keeps a list of links inside the text', () => {
    const deal = block('Apple AirPods with Charging Case for $129', 'LI', 41);
    const blocks = [story, deal, story];
    expect(filterBoilerplateParagraphs(blocks)).toEqual(blocks);
  });
});
