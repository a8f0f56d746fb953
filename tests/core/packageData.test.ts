import { describe, expect, it } from 'vitest';
import {
  readBrillLexicon,
  readCompromiseLexicon,
  readDoubleMetaphone,
  readGenderDetectionNames,
  readJaroWinkler,
  readMobyGivenNames,
  readNaturalStopWords,
  readPorterStemmer,
} from '../../src/core/packageData.js';

describe('the package data the core reads', () => {
  it("reads natural's Porter stemmer, which stems plurals and verb forms", () => {
    const stemmer = readPorterStemmer();
    expect(['sanctions', 'replaced', 'relationship'].map((word) => stemmer.stem(word))).toEqual(['sanction', 'replac', 'relationship']);
  });

  it("reads natural's English stop words, lowercase, with the commonest function words", () => {
    const words = readNaturalStopWords();
    expect(words).toEqual(expect.arrayContaining(['the', 'of', 'and']));
    expect(words.every((word) => word === word.toLowerCase())).toBe(true);
  });

  it("reads compromise's lexicon with given names, surnames and places tagged", () => {
    const { lexicon } = readCompromiseLexicon().model.one;
    expect([lexicon['john'], lexicon['smith'], lexicon['tehran']]).toEqual(['MaleName', 'LastName', 'City']);
  });

  it("reads natural's Brill lexicon, where an ordinary word has a tag other than a proper noun's", () => {
    const brill = readBrillLexicon();
    expect(brill['frank']).toEqual(['JJ', 'NN']);
    expect(brill['minister']).toContain('NN');
  });

  it('reads the Moby given names, male then female, as written', () => {
    const [male, female] = readMobyGivenNames();
    expect(male).toContain('Aaron');
    expect(female).toContain('Rose');
    expect(male).not.toContain('Rose');
  });

  it("reads gender-detection-from-name's six lists, English first and French second, keyed in lowercase", () => {
    const lists = readGenderDetectionNames();
    expect(lists).toHaveLength(6);
    expect(lists[1]!.get('jean')).toBe('female');
    expect(lists[1]!.get('Jean')).toBeUndefined();
  });

  it('reads the name distances: Jaro–Winkler and Double Metaphone', () => {
    expect(readJaroWinkler()('sergei', 'sergey')).toBeCloseTo(0.933, 3);
    expect(readDoubleMetaphone().process('lavrof')).toEqual(readDoubleMetaphone().process('lavrov'));
  });
});
