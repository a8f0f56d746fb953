import { describe, expect, it } from 'vitest';
import type { AddedArticle } from '../../src/corpus/addArticle.js';
import { renderAdded, renderRemoved } from '../../src/discord/renderAdd.js';
import { fitMessage } from '../../src/discord/send.js';
import { buttonsOf, expectWithinDiscordLimits } from './discordLimits.js';

const ARTICLE: AddedArticle = {
  id: 'house-where-hitler-was-born-will-become-a-police-station',
  title: 'House where Hitler was born will become a police station, Austria says',
  publisher: 'NBC News',
  author: 'Reuters',
  date: '2019-11-19',
  url: 'https://www.nbcnews.com/news/world/house-hitler-was-born-will-become-police-station-austria-says-n1086531',
  file: 'house-where-hitler-was-born-will-become-a-police-station.md',
  passages: 3,
  people: ['Adolf Hitler', 'Wolfgang Peschorn'],
  alsoReportedBy: [],
};

describe('renderAdded', () => {
  it('says "not found" for metadata the page did not declare', () => {
    const { publisher: _publisher, author: _author, date: _date, url: _url, ...bare } = ARTICLE;
    const fields = renderAdded({ ...bare, people: [] }).embeds?.[0]?.fields ?? [];
    expect(Object.fromEntries(fields.map((field) => [field.name, field.value]))).toMatchObject({
      Publisher: '*not found*',
      Author: '*not found*',
      Date: '*not found*',
      URL: '*not found*',
      'People named': '*none found*',
    });
  });

  it('fits Discord limits with a huge title, hundreds of people and near-duplicates', () => {
    const huge: AddedArticle = {
      ...ARTICLE,
      title: 'Austria '.repeat(200),
      author: 'Reuters staff and '.repeat(100),
      people: Array.from({ length: 300 }, (_, n) => `Wolfgang Peschorn the ${n + 1}th`),
      alsoReportedBy: Array.from({ length: 50 }, (_, n) => ({
        id: `austria-police-station-${n}`,
        title: 'Hitler birthplace to become police station '.repeat(5),
        publisher: `Outlet ${n} `.repeat(30),
      })),
    };
    const payload = fitMessage(renderAdded(huge));
    expectWithinDiscordLimits(payload, 'a huge added article');
    expect(buttonsOf(payload).map((button) => button.label)).toEqual(['Read it', 'Undo']);
  });

  it('names the file in the Undo button, to the 100-character custom id limit', () => {
    const file = `${'a'.repeat(100 - 'add:undo:'.length - 3)}.md`;
    expect(buttonsOf(fitMessage(renderAdded({ ...ARTICLE, file }))).map((button) => button.custom_id)).toEqual([`source:open:${ARTICLE.id}`, `add:undo:${file}`]);
    expect(buttonsOf(fitMessage(renderAdded({ ...ARTICLE, file: `b${file}` }))).map((button) => button.label)).toEqual(['Read it']);
  });
});

describe('renderRemoved', () => {
  it('names the removed file and leaves no button', () => {
    const message = renderRemoved({ kind: 'removed', file: ARTICLE.file, title: ARTICLE.title });
    expect(message.embeds?.[0]?.title).toBe(ARTICLE.title);
    expect(message.embeds?.[0]?.description).toContain('`house-where-hitler-was-born-will-become-a-police-station.md` was deleted');
    expect(message.buttons).toEqual([]);
  });
});
