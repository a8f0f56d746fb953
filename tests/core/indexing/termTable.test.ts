import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../../src/core/index.js';
import { TermTable } from '../../../src/core/indexing/termTable.js';
import { SAMPLE_TEXT } from '../../support/tempCorpus.js';

const ROWS = Object.entries(SAMPLE_TEXT).map(([name, text]) => [`${name}#0`, analyzeTerms(text)] as const);

describe('TermTable', () => {
  it('reads back each passage’s terms, in order, like the map it replaces', () => {
    const table = TermTable.from(ROWS);
    const map = new Map(ROWS);
    expect(table.size).toBe(map.size);
    expect([...table]).toEqual([...map]);
    expect([...table.keys()]).toEqual([...map.keys()]);
    expect(table.get('hook#0')).toEqual([
      'thursdai',
      'washington',
      'announc',
      'replac',
      'us',
      'special',
      'repres',
      'iran',
      'brian',
      'hook',
      'recent',
      'venezuela',
      'envoi',
      'iran',
      'hawk',
      'elliott',
      'abram',
    ]);
    expect(table.has('visas#0')).toBe(true);
    expect(table.get('unknown#0')).toBeUndefined();
  });

  it('round-trips through its parts, as a saved index stores it', () => {
    const table = TermTable.from(ROWS);
    const { keys, vocabulary, offsets, ids } = table.toIds();
    expect([...TermTable.fromIds(keys, vocabulary, offsets, ids)]).toEqual([...table]);
  });

  it('holds a vocabulary beyond 65,536 terms', () => {
    const terms = Array.from({ length: 70_000 }, (_, index) => `term${index}`);
    const table = TermTable.from([['long#0', terms]]);
    expect(table.get('long#0')?.at(-1)).toBe('term69999');
  });

  it('refuses parts that do not fit together', () => {
    expect(() => TermTable.fromIds(['a#0'], ['iran'], [0, 2], [0])).toThrow('term table: offsets do not fit the rows and terms');
    expect(() => TermTable.fromIds(['a#0'], ['iran'], [0, 1], [3])).toThrow('term table: a term id is outside the vocabulary');
  });
});
