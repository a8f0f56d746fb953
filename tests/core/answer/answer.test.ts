import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../../src/core/text/analysis.js';
import { answerQuestion, DEFAULT_CITATION_COUNT, findHighlights, isQuestionProblem } from '../../../src/core/answer/answer.js';
import { buildCorpusIndex, type CorpusIndex } from '../../../src/core/indexing/corpusIndex.js';
import { analyzeQuestion } from '../../../src/core/search/question.js';
import { splitSentences } from '../../../src/core/text/sentences.js';
import type { TextRange } from '../../../src/core/types.js';
import { ask } from '../../support/answering.js';
import { SEED, seedIndex } from '../../support/seedCorpus.js';
import { SAMPLE_TEXT } from '../../support/tempCorpus.js';

let index: CorpusIndex;

beforeAll(async () => {
  index = await seedIndex();
});

/** Levenshtein distance, for terms matched within typo tolerance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, position) => position);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether a term is one of the question's, exactly or within the retrieval's typo tolerance (two edits at most). */
function matchesQuestion(term: string, questionTerms: ReadonlySet<string>): boolean {
  return [...questionTerms].some((wanted) => wanted === term || (wanted.length >= 5 && editDistance(wanted, term) <= Math.min(2, Math.round(wanted.length * 0.2))));
}

/** Fails unless the ranges are sorted, disjoint, non-empty and inside a text of `length`. */
function expectWellFormedRanges(ranges: readonly TextRange[], length: number): void {
  let previousEnd = 0;
  for (const range of ranges) {
    expect(range.start).toBeGreaterThanOrEqual(previousEnd);
    expect(range.end).toBeGreaterThan(range.start);
    expect(range.end).toBeLessThanOrEqual(length);
    previousEnd = range.end;
  }
}

describe('answers', () => {
  it('quotes the sentence that names the new envoy', async () => {
    const result = await ask(index, 'Who replaced Brian Hook?');
    expect(result.abstained).toBe(false);
    expect(result.quote?.text).toBe(
      'On Thursday, Washington announced the replacement of U.S. special representative for Iran Brian Hook with recent Venezuela envoy and Iran hawk Elliott Abrams.',
    );
  });

  it('takes the quote verbatim from the excerpt of citation 1', async () => {
    for (const question of ['Who replaced Brian Hook?', 'What did Russia promise about visas for Iranians?', 'How big was the oil and gas deal between Moscow and Tehran?']) {
      const { quote, citations } = await ask(index, question);
      expect(quote?.citation).toBe(1);
      expect(citations[0]?.rank).toBe(1);
      expect(citations[0]?.excerpt).toContain(quote?.text);
    }
  });

  it('quotes whole sentences of the excerpt, never part of one', async () => {
    for (const question of ['Who replaced Brian Hook?', 'Which palace hosted the talks between Putin and Raisi?', 'What is the snapback?']) {
      const { quote, citations } = await ask(index, question);
      const excerpt = citations[0]!.excerpt;
      const start = excerpt.indexOf(quote!.text);
      const sentences = splitSentences(excerpt);
      expect(sentences.some((sentence) => sentence.start === start)).toBe(true);
      expect(sentences.some((sentence) => sentence.end === start + quote!.text.length)).toBe(true);
    }
  });

  it('takes each excerpt verbatim from its article', async () => {
    for (const citation of (await ask(index, 'Which countries sit on the Security Council and resist renewing sanctions?')).citations) {
      expect(index.articleById.get(citation.articleId)?.text).toContain(citation.excerpt);
      expect(index.passageById.get(citation.passageId)?.text).toBe(citation.excerpt);
    }
  });

  it('gives each citation the metadata of its article', async () => {
    const [first] = (await ask(index, 'Who took over from Brian Hook as Iran envoy?')).citations;
    expect(first).toMatchObject({
      rank: 1,
      articleId: SEED.freeBeacon,
      title: 'Iran Strengthens Relationship With Russia Amid New Pressure From Washington',
      publisher: 'Washington Free Beacon',
      date: '2020-08-07',
      url: 'https://freebeacon.com/national-security/iran-strengthens-relationship-with-russia-amid-new-pressure-from-washington/',
    });
    expect(first?.author).toBeUndefined();
  });

  it('names the author when the article has one', async () => {
    const [first] = (await ask(index, 'Who did Lavrov host in Moscow in October?')).citations;
    expect(first).toMatchObject({ articleId: SEED.allianceThatWasnt, author: 'Hamidreza Azizi', date: '2016' });
    expect(first?.url).toBeUndefined();
  });

  it(`lists ${DEFAULT_CITATION_COUNT} citations by default, ranked from 1, best first, and keeps the rest for "more"`, async () => {
    const result = await ask(index, 'What has Russia done about sanctions on Iran?');
    expect(result.citations.map((citation) => citation.rank)).toEqual([1, 2, 3]);
    for (let position = 1; position < result.citations.length; position += 1) {
      expect(result.citations[position]!.score).toBeLessThanOrEqual(result.citations[position - 1]!.score);
    }
    expect(result.moreCitations.length).toBeGreaterThan(0);
    expect(result.moreCitations[0]?.rank).toBe(4);
  });

  it('lists as many citations as asked', async () => {
    const result = await answerQuestion(index, 'What has Russia done about sanctions on Iran?', { citations: 1, moreCitations: 0 });
    expect(isQuestionProblem(result)).toBe(false);
    if (isQuestionProblem(result)) return;
    expect(result.citations).toHaveLength(1);
    expect(result.moreCitations).toEqual([]);
  });

  it('rounds scores to three decimals', async () => {
    for (const citation of (await ask(index, 'What did Russia promise about visas for Iranians?')).citations) {
      expect(Math.round(citation.score * 1000) / 1000).toBe(citation.score);
    }
  });

  it('quotes the next sentence too when the best sentence is very short', async () => {
    const articles = [
      { id: 'short-news', title: 'Envoy News', text: `Abrams replaced Hook. ${SAMPLE_TEXT.hook}\n\n${SAMPLE_TEXT.visas}`, source: 'short-news.md' },
      { id: 'drones', title: 'Drones', text: SAMPLE_TEXT.uavs, source: 'drones.md' },
    ];
    const result = await ask(buildCorpusIndex(articles), 'Abrams replaced Hook');
    expect(result.quote?.text).toBe(`Abrams replaced Hook. ${SAMPLE_TEXT.hook}`);
  });
});

describe('highlights', () => {
  it('marks the words of the quote whose terms are in the question', async () => {
    const question = 'Who replaced Brian Hook?';
    const { quote } = await ask(index, question);
    const questionTerms = new Set(analyzeQuestion(index, question).terms);
    const marked = quote!.highlights.map((range) => quote!.text.slice(range.start, range.end));
    expect(marked).toEqual(['replacement', 'Brian Hook']);
    for (const words of marked) for (const term of analyzeTerms(words)) expect(questionTerms.has(term), term).toBe(true);
  });

  it('marks only words matching the question (within typo tolerance of it, or another name for them), in every citation', async () => {
    const question = 'What did Russia promise about visas for Iranians?';
    const analyzed = analyzeQuestion(index, question);
    const questionTerms = new Set([...analyzed.terms, ...analyzed.alternatives.flatMap((alternative) => alternative.terms)]);
    for (const citation of (await ask(index, question)).citations) {
      expectWellFormedRanges(citation.highlights, citation.excerpt.length);
      expect(citation.highlights.length).toBeGreaterThan(0);
      for (const range of citation.highlights) {
        for (const term of analyzeTerms(citation.excerpt.slice(range.start, range.end))) expect(matchesQuestion(term, questionTerms), term).toBe(true);
      }
    }
  });

  it('marks no word of an unrelated sentence', () => {
    const text = 'Page Count: 9. Publication Year: 2020. Language: English.';
    expect(findHighlights(text, analyzeQuestion(index, 'Who replaced Brian Hook?').terms)).toEqual([]);
  });

  it('marks a misspelt name where it is spelt right in the quote', async () => {
    const { quote } = await ask(index, 'Who replacd Brian Hok?');
    const marked = quote!.highlights.map((range) => quote!.text.slice(range.start, range.end)).join(' ');
    expect(marked).toContain('Brian');
    expectWellFormedRanges(quote!.highlights, quote!.text.length);
  });

  it('merges neighbouring marked words separated by spaces into one range', () => {
    const text = 'recent Venezuela envoy and Iran hawk Elliott Abrams';
    const ranges = findHighlights(text, analyzeTerms('Iran hawk Abrams'));
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(['Iran hawk', 'Abrams']);
  });

  it('does not merge marked words separated by punctuation', () => {
    const text = 'Iran, Russia';
    expect(findHighlights(text, analyzeTerms('Iran Russia')).map((range) => text.slice(range.start, range.end))).toEqual(['Iran', 'Russia']);
  });

  it('marks words with the exact offsets of the text, after accents and curly apostrophes', () => {
    const text = '“Ośrodek Studiów” hosted Abrams’s team';
    const ranges = findHighlights(text, analyzeTerms('Osrodek Abrams'));
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(['Ośrodek', 'Abrams’s']);
  });
});

describe('abstention', () => {
  const OFF_TOPIC = [
    'What is the capital of Australia?',
    'Recommend a good recipe for pancakes',
    'Who won the 2018 World Cup?',
    'How do I reset my router password?',
    'Who painted the Mona Lisa?',
    'What is the boiling point of water at sea level?',
  ];

  it.each(OFF_TOPIC)('declines "%s" without quoting anything', async (question) => {
    const result = await ask(index, question);
    expect(result.abstained).toBe(true);
    expect(result.quote).toBeNull();
  });

  it('offers only the nearest passages when it declines, never as an answer', async () => {
    const result = await ask(index, 'Who won the 2018 World Cup?');
    expect(result.abstained).toBe(true);
    for (const citation of result.citations) expect(citation.excerpt).not.toMatch(/World Cup/i);
  });

  it('declines a question about a person the corpus never names, even next to a corpus word', async () => {
    expect((await ask(index, 'What did Angela Merkel say about Iran?')).abstained).toBe(true);
  });

  it('declines a question whose year no article mentions, and names the year', async () => {
    const result = await ask(index, 'What did Lavrov say about Iran in 2031?');
    expect(result).toMatchObject({ abstained: true, quote: null, unmentioned: '2031' });
  });

  describe('in a corpus of a few hundred passages', () => {
    const towns = Array.from({ length: 220 }, (_, number) => ({
      id: `council-${number}`,
      title: `Council ${number} sets its budget`,
      text: `The council of Ashford ${number} approved a budget for schools and roads on Monday, after a long debate.`,
      source: `council-${number}.md`,
    }));
    const large = buildCorpusIndex([
      ...towns,
      { id: 'moscow-talks', title: 'Lavrov and Zarif meet', text: 'Lavrov met Zarif in Moscow on Tuesday to discuss the nuclear deal and sanctions.', source: 'moscow-talks.md' },
      { id: 'geneva-visit', title: 'Kerry in Switzerland', text: 'Kerry visited Geneva for talks on refugees.', source: 'geneva-visit.md' },
    ]);

    it('declines a question naming a rare place that the nearest article never mentions, and names it', async () => {
      const result = await ask(large, 'When did Lavrov meet Zarif in Geneva to discuss the nuclear deal?');
      expect(result).toMatchObject({ abstained: true, quote: null, unmentioned: 'Geneva' });
      expect(result.citations[0]?.articleId).toBe('moscow-talks');
    });

    it('answers the same question when the nearest article mentions every name in it', async () => {
      const result = await ask(large, 'When did Lavrov meet Zarif in Moscow to discuss the nuclear deal?');
      expect(result.abstained).toBe(false);
      expect(result.unmentioned).toBeUndefined();
    });
  });

  it('declines everything on an empty corpus', async () => {
    const result = await ask(buildCorpusIndex([]), 'Who replaced Brian Hook?');
    expect(result).toMatchObject({ abstained: true, quote: null, citations: [], moreCitations: [] });
  });

  it('treats an empty question as a problem, not an answer', async () => {
    expect(await answerQuestion(index, '')).toEqual({ kind: 'empty-question' });
  });

  it('treats a question of spaces and line breaks as empty', async () => {
    expect(await answerQuestion(index, '  \n\t  ')).toEqual({ kind: 'empty-question' });
  });

  it('treats a question of stop words only as a problem, naming the question', async () => {
    expect(await answerQuestion(index, 'What is it that they were about?')).toEqual({ kind: 'no-searchable-words', query: 'What is it that they were about?' });
  });

  it('treats a question of punctuation only as a problem', async () => {
    const result = await answerQuestion(index, '?!… — ¿');
    expect(isQuestionProblem(result) && result.kind).toBe('no-searchable-words');
  });
});
