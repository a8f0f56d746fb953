import { describe, expect, it } from 'vitest';
import { builtInAlternatives, findDefinedAbbreviations } from '../../../src/core/text/abbreviations.js';

describe('findDefinedAbbreviations', () => {
  it('reads a name followed by its abbreviation in parentheses', () => {
    const text = 'Women in full-time work earn 19% less than men, according to the Equal Opportunities Commission (EOC).';
    expect(findDefinedAbbreviations(text)).toEqual([{ short: 'EOC', long: 'Equal Opportunities Commission' }]);
  });

  it('lets linking words such as "and" stand in a name without giving a letter', () => {
    const text = 'The Food and Agriculture Organisation (FAO) recommend that the food assistance is bought locally.';
    expect(findDefinedAbbreviations(text)).toEqual([{ short: 'FAO', long: 'Food and Agriculture Organisation' }]);
  });

  it('takes a name written in lowercase', () => {
    const text = 'The ONS says gross domestic product (GDP) rose by a strong 0.7% in the quarter.';
    expect(findDefinedAbbreviations(text)).toEqual([{ short: 'GDP', long: 'gross domestic product' }]);
  });

  it('reads an abbreviation followed by its name', () => {
    const text = 'Most blogs offer an RSS (Really Simple Syndication) feed that readers can subscribe to.';
    expect(findDefinedAbbreviations(text)).toEqual([{ short: 'RSS', long: 'Really Simple Syndication' }]);
  });

  it('takes an abbreviation the BBC writes as a word, such as Opec', () => {
    const text = 'Members of the Organisation of the Petroleum Exporting Countries (Opec) meet in Isfahan next month.';
    expect(findDefinedAbbreviations(text)).toEqual([{ short: 'Opec', long: 'Organisation of the Petroleum Exporting Countries' }]);
  });

  it('takes a plural abbreviation', () => {
    const text = 'Pupils will still sit General Certificates of Secondary Education (GCSEs) at 16.';
    expect(findDefinedAbbreviations(text)).toEqual([{ short: 'GCSEs', long: 'General Certificates of Secondary Education' }]);
  });

  it('does not take a club, a caption or an agency whose initials the words before it do not give', () => {
    expect(findDefinedAbbreviations('Back row: Serge Betsen (Biarritz), Imanol Harinordoquy (Biarritz).')).toEqual([]);
    expect(findDefinedAbbreviations('Tony Blair (pictured) said the plan would be debated by MPs.')).toEqual([]);
    expect(findDefinedAbbreviations('The figures were released by the news agency (AP) on Monday.')).toEqual([]);
  });

  it('does not take a ticker or a party label', () => {
    expect(findDefinedAbbreviations('Shares in Google (GOOG) rose 4% on Friday.')).toEqual([]);
    expect(findDefinedAbbreviations('Senator Kay Bailey Hutchison (R-Texas) backed the bill.')).toEqual([]);
  });
});

describe('builtInAlternatives', () => {
  it('gives the other names of a built-in group', () => {
    expect(
      builtInAlternatives(['imf'])
        .flat()
        .map((form) => form.terms),
    ).toContainEqual(['intern', 'monetari', 'fund']);
  });

  it("gives a country its adjective and not its neighbour's", () => {
    const forms = builtInAlternatives(['iran'])
      .flat()
      .map((form) => form.terms.join(' '));
    expect(forms).toContain('iranian');
    expect(forms).not.toContain('iraqi');
  });

  it('marks a one-word name written with a capital, which a question must capitalise', () => {
    expect(builtInAlternatives(['unit', 'nation']).flat()).toContainEqual({ terms: ['un'], capitalised: true, near: false });
  });

  it("marks a country's adjective as a near form of its name, and an abbreviation as the same name", () => {
    expect(builtInAlternatives(['australia']).flat()).toContainEqual({ terms: ['australian'], capitalised: true, near: true });
    expect(builtInAlternatives(['britain']).flat()).toContainEqual({ terms: ['uk'], capitalised: true, near: false });
  });
});
