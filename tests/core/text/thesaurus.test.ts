import { describe, expect, it } from 'vitest';
import { toTerm } from '../../../src/core/text/analysis.js';
import { synonymTerms } from '../../../src/core/text/thesaurus.js';

const term = (word: string): string => toTerm(word)!;

describe('synonymTerms', () => {
  it('gives the terms of a word’s synonyms in its commonest senses', () => {
    expect(synonymTerms(term('beat'))).toContain(term('vanquish'));
    expect(synonymTerms(term('final'))).toContain(term('conclusion'));
  });

  it('relates a word to the forms derived from it, both ways', () => {
    expect(synonymTerms(term('decide'))).toContain(term('decision'));
    expect(synonymTerms(term('decision'))).toContain(term('decide'));
    expect(synonymTerms(term('French'))).toContain(term('France'));
  });

  it('never gives a term as its own synonym', () => {
    for (const word of ['beat', 'final', 'decide', 'die', 'French']) expect(synonymTerms(term(word))).not.toContain(term(word));
  });

  it('gives nothing for a word WordNet does not hold', () => {
    expect(synonymTerms(term('Khodorkovsky'))).toEqual([]);
  });
});
