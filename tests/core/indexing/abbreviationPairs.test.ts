import { describe, expect, it } from 'vitest';
import {
  buildAbbreviationTable,
  learnAbbreviationPairs,
  restoreAbbreviationTable,
  saveAbbreviationTable,
  updateAbbreviationTable,
} from '../../../src/core/indexing/abbreviationPairs.js';
import type { Article } from '../../../src/core/index.js';

function story(id: string, text: string): Article {
  return { id, source: `${id}.txt`, title: id, text };
}

const gold = story(
  'business-210',
  'The price of gold has fallen after the International Monetary Fund (IMF) said it will look at ways of using its gold reserves to provide debt relief.\n\nThe IMF holds 3,217 tonnes of gold.',
);
const argentina = story(
  'business-013',
  'The Argentine government is also under pressure from European Union countries and the International Monetary Fund (IMF) to raise utilities tariffs.',
);
const airlines = story(
  'business-015',
  'The European Commission is facing two legal challenges - one from the European Low-fare Airlines Association (ELAA) and the other from the International Air Transport Association (IATA).',
);

describe('learnAbbreviationPairs', () => {
  it("gives the pairs an article defines as the abbreviation's term and the name's terms", () => {
    expect(learnAbbreviationPairs(gold)).toEqual(['imf\tintern monetari fund']);
  });
});

describe('AbbreviationTable', () => {
  it('gives the names of an abbreviation and the abbreviations of a name', () => {
    const table = buildAbbreviationTable([gold, airlines]);
    expect(table.namesOf('iata')).toEqual([['intern', 'air', 'transport', 'associ']]);
    expect(table.abbreviationsOf(['intern', 'monetari', 'fund'])).toEqual(['imf']);
  });

  it('counts a pair once per article that defines it', () => {
    expect(buildAbbreviationTable([gold, argentina]).counts.get('imf\tintern monetari fund')).toBe(2);
  });

  it('forgets a pair when the last article defining it is removed', () => {
    const table = updateAbbreviationTable(buildAbbreviationTable([gold, argentina, airlines]), [gold, argentina], []);
    expect(table.namesOf('imf')).toEqual([]);
    expect(table.namesOf('elaa')).toEqual([['european', 'low', 'fare', 'airlin', 'associ']]);
  });

  it('is the table of a fresh build after articles are added and removed, in any order', () => {
    const updated = updateAbbreviationTable(updateAbbreviationTable(buildAbbreviationTable([airlines, gold]), [], [argentina]), [gold], []);
    expect([...updated.counts].sort()).toEqual([...buildAbbreviationTable([argentina, airlines]).counts].sort());
  });

  it('is saved and restored as it was', () => {
    const table = buildAbbreviationTable([gold, argentina, airlines]);
    const restored = restoreAbbreviationTable(saveAbbreviationTable(table));
    expect([...restored.counts]).toEqual([...table.counts].sort());
    expect(restored.namesOf('iata')).toEqual(table.namesOf('iata'));
  });

  it('refuses a saved table that is not a list of pairs and counts, naming the section', () => {
    expect(() => restoreAbbreviationTable('{"imf":1}')).toThrow('index snapshot: the abbreviations section is not a list of pairs');
    expect(() => restoreAbbreviationTable('[["imf\\tintern monetari fund"')).toThrow(/^index snapshot: the abbreviations section is not valid JSON/);
  });
});
