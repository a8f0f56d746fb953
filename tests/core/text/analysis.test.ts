import { describe, expect, it } from 'vitest';
import { analyze, analyzeTerms, toTerm, tokenizeWords } from '../../../src/core/text/analysis.js';

/** The single term a word becomes (fails the test when it becomes none or several). */
function termOf(word: string): string {
  const terms = analyzeTerms(word);
  expect(terms, `terms of ${JSON.stringify(word)}`).toHaveLength(1);
  return terms[0]!;
}

describe('tokenizeWords', () => {
  it('finds the words of a sentence from the corpus in order', () => {
    const words = tokenizeWords('Iran hawk Elliott Abrams replaced Brian Hook.').map((token) => token.raw);
    expect(words).toEqual(['Iran', 'hawk', 'Elliott', 'Abrams', 'replaced', 'Brian', 'Hook']);
  });

  it('gives offsets that index the original string, even after curly quotes and accents', () => {
    const text = '“Ośrodek Studiów” said U.S. envoy’s remarks — Ｚａｒｉｆ’s reply.';
    const tokens = tokenizeWords(text);
    expect(tokens.length).toBeGreaterThan(5);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.raw);
    expect(tokens.map((token) => token.word)).toEqual(['Osrodek', 'Studiow', 'said', 'US', 'envoy', 'remarks', 'Zarif', 'reply']);
  });

  it('keeps a dotted acronym together as one word', () => {
    const [token] = tokenizeWords('U.S. presence');
    expect(token).toMatchObject({ raw: 'U.S.', word: 'US', start: 0, end: 4 });
  });

  it('keeps an apostrophe inside a word and drops the possessive', () => {
    expect(tokenizeWords('Abrams’s appointment').map((token) => token.word)).toEqual(['Abrams', 'appointment']);
    expect(tokenizeWords('The alliance that wasn’t').map((token) => token.word)).toEqual(['The', 'alliance', 'that', 'wasnt']);
  });
});

describe('toTerm', () => {
  it('stems ordinary words with Porter', () => {
    expect(toTerm('Sanctions')).toBe('sanction');
    expect(toTerm('relations')).toBe(toTerm('relation'));
  });

  it('drops stop words, including the question words people type', () => {
    for (const word of ['the', 'Who', 'what', 'did', 'tell', 'explain', 'which', 'according']) expect(toTerm(word), word).toBeNull();
  });

  it('drops single letters, such as an initial', () => {
    expect(toTerm('J')).toBeNull();
  });

  it('keeps a single digit, which can be the answer (the OSW record has 9 pages)', () => {
    expect(toTerm('9')).toBe('9');
    expect(analyzeTerms('Page Count: 9')).toEqual(['page', 'count', '9']);
  });

  it('keeps acronyms written in capitals whole and unstemmed', () => {
    expect(toTerm('NATO')).toBe('nato');
    expect(toTerm('JCPOA')).toBe('jcpoa');
  });

  it('folds a plural acronym onto its singular', () => {
    expect(toTerm('UAVs')).toBe(toTerm('UAV'));
  });
});

describe('analyze', () => {
  it('pairs each term with the range of the word it came from', () => {
    const text = 'Russia plans to lift visa requirements for Iranian citizens.';
    const tokens = analyze(text);
    expect(tokens.map((token) => token.term)).toEqual(['russia', 'plan', 'lift', 'visa', 'requir', 'iranian', 'citizen']);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.raw);
  });

  it('gives `replaced` and `replacement` the same term', () => {
    expect(termOf('replaced')).toBe(termOf('replacement'));
  });

  it('gives a word and its plural the same term', () => {
    expect(termOf('visas')).toBe(termOf('visa'));
  });

  it("gives `Abrams’s` (curly) and `Abrams's` (straight) the same term as `Abrams`", () => {
    expect(termOf('Abrams’s')).toBe(termOf('Abrams'));
    expect(termOf("Abrams's")).toBe(termOf('Abrams'));
  });

  it('makes the dotted acronym `U.S.` the same term as `US`', () => {
    expect(termOf('U.S.')).toBe(termOf('US'));
    expect(termOf('U.N.')).toBe(termOf('UN'));
  });

  it('treats the pronoun `us` as a stop word but keeps the country `US`', () => {
    expect(analyzeTerms('tell us about it')).toEqual([]);
    expect(analyzeTerms('the US and the region’s Arab monarchies')).toEqual(['us', 'region', 'arab', 'monarchi']);
  });
});

it('gives irregular forms the term of their base, so "Who won the election?" matches "the party that wins"', () => {
  expect(analyzeTerms('Who won the election?')).toEqual(analyzeTerms('Who wins the election?'));
  expect(termOf('died')).toBe(termOf('die'));
  expect(termOf('began')).toBe(termOf('begins'));
  expect(termOf('children')).toBe(termOf('child'));
  expect(analyzeTerms('Tesla died in 1943 and his papers were held by the FBI')).toEqual(analyzeTerms('Tesla dies in 1943 and his papers are hold by the FBI'));
});

it('leaves a form that is also another word as it is (`found` a company, the `Fed`)', () => {
  expect(termOf('found')).not.toBe(termOf('find'));
  expect(termOf('Fed')).not.toBe(termOf('feed'));
});

it('does not turn a word into a stop word through its base (`made` stays a term)', () => {
  expect(analyzeTerms('the decision was made')).toEqual(['decis', 'made']);
});

describe('Unicode', () => {
  it('matches a composed `é` with a decomposed one', () => {
    const composed = 'Défying América: café policy'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(analyzeTerms(decomposed)).toEqual(analyzeTerms(composed));
  });

  it('folds accents away, so `Ośrodek` matches `Osrodek`', () => {
    expect(analyzeTerms('Ośrodek Studiów')).toEqual(analyzeTerms('Osrodek Studiow'));
  });

  it('matches fullwidth `Ｚａｒｉｆ` with `Zarif`', () => {
    expect(termOf('Ｚａｒｉｆ')).toBe(termOf('Zarif'));
  });

  it('matches fullwidth `Ｕ.Ｓ.` with `US`', () => {
    expect(termOf('Ｕ.Ｓ.')).toBe(termOf('US'));
  });

  it('still matches a word with a zero-width space inside it', () => {
    expect(analyzeTerms('Mohammad Javad Za\u200Brif')).toEqual(analyzeTerms('Mohammad Javad Zarif'));
  });

  it('keeps offsets into the original string when a word hides a zero-width space', () => {
    const text = 'minister Za\u200Brif met';
    const zarif = tokenizeWords(text).find((token) => token.word === 'Zarif');
    expect(zarif).toBeDefined();
    expect(text.slice(zarif!.start, zarif!.end)).toBe('Za\u200Brif');
  });

  it('ignores bidirectional controls around a word', () => {
    expect(analyzeTerms('\u202BZarif\u202C \u2067Lavrov\u2069')).toEqual(['zarif', 'lavrov']);
  });

  it('tokenizes Cyrillic words as words', () => {
    expect(analyzeTerms('Россия и Иран укрепляют связи')).toEqual(['россия', 'иран', 'укрепляют', 'связи']);
  });

  it('tokenizes Arabic words as words, with harakat folded', () => {
    const terms = analyzeTerms('روسيا وإيران');
    expect(terms).toHaveLength(2);
    expect(analyzeTerms('رُوسِيَا')).toEqual(['روسيا']);
  });

  it('keeps Cyrillic text out of the Porter stemmer (no English suffix rules applied)', () => {
    expect(toTerm('Санкции')).toBe('санкции');
  });
});
