import { describe, expect, it } from 'vitest';
import { normalizeForMatching, normalizeText } from '../../../src/core/text/normalize.js';

describe('normalizeText (text that is stored and quoted)', () => {
  it('composes a decomposed accent so NFD and NFC spellings become the same string', () => {
    const decomposed = 'Os\u0301rodek Studio\u0301w Wschodnich';
    expect(decomposed).not.toBe('Ośrodek Studiów Wschodnich');
    expect(normalizeText(decomposed)).toBe('Ośrodek Studiów Wschodnich');
  });

  it('removes a zero-width space hidden inside a name', () => {
    expect(normalizeText('Mohammad Javad Za\u200Brif')).toBe('Mohammad Javad Zarif');
  });

  it('removes bidirectional controls, the byte-order mark and soft hyphens', () => {
    expect(normalizeText('\uFEFF\u202BZarif\u202C met Lav\u00ADrov\u2066 in Moscow\u2069')).toBe('Zarif met Lavrov in Moscow');
  });

  it('turns Windows and old Mac line ends into \\n', () => {
    expect(normalizeText('Iran hawk Elliott Abrams.\r\n\r\nAbrams’s appointment\rfollowed.')).toBe('Iran hawk Elliott Abrams.\n\nAbrams’s appointment\nfollowed.');
  });

  it('keeps visible text verbatim: curly quotes, dashes, fullwidth letters, Cyrillic and Arabic', () => {
    const visible = '“Russia deepening an alliance” — Zarif’s visit—his third; Ｚａｒｉｆ; Россия; إيران; $40 billion';
    expect(normalizeText(visible)).toBe(visible);
  });
});

describe('normalizeForMatching (text that is compared, never shown)', () => {
  it('folds fullwidth letters to ASCII', () => {
    expect(normalizeForMatching('Ｚａｒｉｆ')).toBe('Zarif');
  });

  it('folds diacritics, whether composed or decomposed', () => {
    expect(normalizeForMatching('Ośrodek')).toBe('Osrodek');
    expect(normalizeForMatching('Os\u0301rodek')).toBe('Osrodek');
  });

  it('removes zero-width and bidirectional controls', () => {
    expect(normalizeForMatching('\u202BZa\u200Brif\u202C')).toBe('Zarif');
  });

  it('leaves Cyrillic and Arabic letters in place', () => {
    expect(normalizeForMatching('Россия')).toBe('Россия');
    expect(normalizeForMatching('ايران')).toBe('ايران');
  });
});
