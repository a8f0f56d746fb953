import { describe, expect, it } from 'vitest';
import { MAX_RECORDED_QUESTION_LENGTH, normalizeQuestion, wordingKeyOf } from '../../../src/core/index.js';

describe('wordingKeyOf', () => {
  it('keys a question by its distinct stemmed terms, sorted', () => {
    expect(wordingKeyOf('Who replaced Brian Hook?')).toBe('brian hook replac');
  });

  it('gives two wordings of one question the same key', () => {
    expect(wordingKeyOf('who replaces brian hook')).toBe(wordingKeyOf('Who replaced Brian Hook?'));
  });

  it('ignores word order and repeated words', () => {
    expect(wordingKeyOf('Hook, Brian Hook: replaced by whom?')).toBe(wordingKeyOf('Who replaced Brian Hook?'));
  });

  it('tells apart questions on different subjects', () => {
    expect(wordingKeyOf('Who replaced Brian Hook?')).not.toBe(wordingKeyOf('Who replaced Elliott Abrams?'));
  });

  it('folds fullwidth letters and diacritics as the index does', () => {
    expect(wordingKeyOf('Who is Ｚａｒｉｆ?')).toBe(wordingKeyOf('Who is Žarif?'));
    expect(wordingKeyOf('Who is Žarif?')).toBe('zarif');
  });

  it('keeps an acronym written in capitals apart from the pronoun', () => {
    expect(wordingKeyOf('What did the U.S. tell us?')).toBe('us');
  });

  it('gives a question of stop words only the empty key', () => {
    expect(wordingKeyOf('What is it?')).toBe('');
  });
});

describe('normalizeQuestion', () => {
  it('trims and collapses runs of whitespace', () => {
    expect(normalizeQuestion('  Who replaced\n\n Brian\tHook? ')).toBe('Who replaced Brian Hook?');
  });

  it('removes zero-width and control characters', () => {
    expect(normalizeQuestion('Who is Za\u200Brif\u0007?')).toBe('Who is Zarif?');
  });

  it('cuts a long question to 500 characters', () => {
    const question = `Why ${'sanctions '.repeat(80)}?`;
    expect(normalizeQuestion(question)).toBe(question.slice(0, MAX_RECORDED_QUESTION_LENGTH));
  });

  it('never cuts between the two halves of an emoji', () => {
    const recorded = normalizeQuestion(`${'a'.repeat(499)}😀 and more`);
    expect(recorded).toBe('a'.repeat(499));
  });
});
