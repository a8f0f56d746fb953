/**
 * Questions as users really type them, and as attackers do: no words at all, Unicode variants of
 * the same words, and scripts the corpus does not use.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, isQuestionProblem, normalizeUserText, type CorpusIndex } from '../../../src/core/index.js';
import { ask } from '../../support/answering.js';
import { SEED, seedIndex } from '../../support/seedCorpus.js';

let index: CorpusIndex;
beforeAll(async () => {
  index = await seedIndex();
});

async function problemOf(question: string): Promise<string | undefined> {
  const result = await answerQuestion(index, normalizeUserText(question));
  return isQuestionProblem(result) ? result.kind : undefined;
}

describe('questions with nothing to search', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \t\n  '],
    ['invisible characters only', '\u200B\u200D\u2066\uFEFF'],
  ])('treats a %s question as empty', async (_, question) => {
    expect(await problemOf(question)).toBe('empty-question');
  });

  it.each([
    ['punctuation only', '?!… — ¿¡ ...'],
    ['emoji only', '🙂🔥👍🏽 🇮🇷🇷🇺'],
    ['stop words only', 'what is it that they were about?'],
  ])('gives guidance, not a search, for a question of %s', async (_, question) => {
    expect(await problemOf(question)).toBe('no-searchable-words');
  });
});

describe('Unicode variants of the same question', () => {
  const plain = 'Who replaced Brian Hook?';

  it.each([
    ['fullwidth letters', 'Ｗｈｏ ｒｅｐｌａｃｅｄ Ｂｒｉａｎ Ｈｏｏｋ？'],
    ['a zero-width space inside a word', 'Who repla\u200Bced Brian Ho\u200Bok?'],
    ['a soft hyphen and a bidi override', 'Who re\u00ADplaced \u202EBrian\u202C Hook?'],
    ['non-breaking spaces', 'Who\u00A0replaced\u00A0Brian\u00A0Hook?'],
  ])('finds the same passage when written with %s', async (_, variant) => {
    expect((await ask(index, normalizeUserText(variant))).citations.map((citation) => citation.passageId)).toEqual(
      (await ask(index, normalizeUserText(plain))).citations.map((citation) => citation.passageId),
    );
  });

  it('reads a name with a combining accent as the precomposed one', async () => {
    // The corpus spells him "Walid Moallem": both encodings of the accented spelling must search alike.
    const composed = await ask(index, normalizeUserText('What did Walid Muall\u00E9m discuss in Moscow?'));
    const decomposed = await ask(index, normalizeUserText('What did Walid Mualle\u0301m discuss in Moscow?'));
    expect(decomposed.citations.map((citation) => citation.passageId)).toEqual(composed.citations.map((citation) => citation.passageId));
    expect(composed.citations[0]?.articleId).toBe(SEED.allianceThatWasnt);
  });
});

describe('questions in scripts the corpus does not use', () => {
  it.each([
    ['Cyrillic', 'Кто заменил Брайана Хука на посту спецпредставителя?'],
    ['Arabic', 'من حل محل برايان هوك كممثل خاص لإيران؟'],
    ['Chinese', '谁取代了布莱恩·胡克担任伊朗问题特别代表？'],
    ['Japanese', 'ブライアン・フックの後任は誰ですか？'],
  ])('declines a %s question without citing unrelated passages', async (_, question) => {
    const result = await ask(index, normalizeUserText(question));
    expect(result.abstained).toBe(true);
    expect(result.quote).toBeNull();
    expect(result.citations).toEqual([]);
  });
});
