import { describe, expect, it } from 'vitest';
import { entitySpans, joinTokens, parseConll, scoreSpans, type CharSpan } from '../../bench/conll.js';

/**
 * Two short Reuters-style documents in CoNLL-2003 form, with CRLF line ends as in the shared
 * files: a `-DOCSTART-` line before each document, a blank line after each sentence.
 */
const SNIPPET = [
  '-DOCSTART- -X- -X- O',
  '',
  'CRICKET NNP I-NP O',
  '- : O O',
  'SIMMONS NNP I-NP I-PER',
  'STARS NNP I-NP O',
  '. . O O',
  '',
  'West NNP I-NP I-MISC',
  'Indian NNP I-NP I-MISC',
  'all-rounder NN I-NP O',
  'Phil NNP I-NP I-PER',
  'Simmons NNP I-NP I-PER',
  'took VBD I-VP O',
  'four CD I-NP O',
  'for IN I-PP O',
  '38 CD I-NP O',
  '. . O O',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'Results NNS I-NP O',
  ': : O O',
  'Nasser NNP I-NP I-PER',
  'Hussain NNP I-NP I-PER',
  'Peter NNP B-NP B-PER',
  'Such NNP I-NP I-PER',
  'and CC O O',
  'Essex NNP I-NP I-ORG',
  '',
].join('\r\n');

describe('parseConll', () => {
  it('splits the file into documents at -DOCSTART- lines, reading CRLF line ends', () => {
    const documents = parseConll(SNIPPET);
    expect(documents).toHaveLength(2);
    expect(documents.map((document) => document.sentences.length)).toEqual([2, 1]);
  });

  it('keeps the word of each line and its entity tag, without carriage returns', () => {
    const [first] = parseConll(SNIPPET);
    expect(first?.sentences[1]?.tokens).toEqual(['West', 'Indian', 'all-rounder', 'Phil', 'Simmons', 'took', 'four', 'for', '38', '.']);
    expect(first?.sentences[1]?.tags.slice(0, 5)).toEqual(['I-MISC', 'I-MISC', 'O', 'I-PER', 'I-PER']);
  });

  it('reads sentences that come before any -DOCSTART- line as a document of their own', () => {
    const documents = parseConll('Peter NNP I-NP I-PER\nSuch NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nEssex NNP I-NP I-ORG\n');
    expect(documents.map((document) => document.sentences.map((sentence) => sentence.tokens))).toEqual([[['Peter', 'Such']], [['Essex']]]);
  });
});

describe('joinTokens', () => {
  it('joins the tokens with single spaces and gives each token its character range', () => {
    expect(joinTokens(['Mr.', 'Hussain', "'s", 'century'])).toEqual({
      text: "Mr. Hussain 's century",
      ranges: [
        { start: 0, end: 3 },
        { start: 4, end: 11 },
        { start: 12, end: 14 },
        { start: 15, end: 22 },
      ],
    });
  });
});

describe('entitySpans', () => {
  it('reads a run of I-PER tags as one person', () => {
    const sentence = parseConll(SNIPPET)[0]!.sentences[1]!;
    const text = joinTokens(sentence.tokens).text;
    expect(entitySpans(sentence).map((span) => text.slice(span.start, span.end))).toEqual(['Phil Simmons']);
  });

  it('starts a second person at B-PER, right after the first', () => {
    const sentence = parseConll(SNIPPET)[1]!.sentences[0]!;
    const text = joinTokens(sentence.tokens).text;
    expect(entitySpans(sentence).map((span) => text.slice(span.start, span.end))).toEqual(['Nasser Hussain', 'Peter Such']);
  });

  it('finds the entities of another type when asked', () => {
    const sentence = parseConll(SNIPPET)[1]!.sentences[0]!;
    const text = joinTokens(sentence.tokens).text;
    expect(entitySpans(sentence, 'ORG').map((span) => text.slice(span.start, span.end))).toEqual(['Essex']);
  });
});

describe('scoreSpans', () => {
  const gold: CharSpan[][] = [
    [{ start: 10, end: 20 }],
    [
      { start: 0, end: 5 },
      { start: 8, end: 12 },
    ],
  ];

  it('counts only exact matches: a span one character short is a false positive and a miss', () => {
    const predicted: CharSpan[][] = [[{ start: 10, end: 19 }], [{ start: 0, end: 5 }]];
    expect(scoreSpans(gold, predicted)).toEqual({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 2,
      precision: 0.5,
      recall: 1 / 3,
      f1: 0.4,
    });
  });

  it('matches spans sentence by sentence, not across sentences', () => {
    const swapped: CharSpan[][] = [[{ start: 0, end: 5 }], [{ start: 10, end: 20 }]];
    expect(scoreSpans(gold, swapped).truePositives).toBe(0);
  });

  it('scores a perfect prediction 1 everywhere', () => {
    expect(scoreSpans(gold, gold)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('refuses predictions for a different number of sentences, naming both counts', () => {
    expect(() => scoreSpans(gold, [[]])).toThrow('scoreSpans: 2 gold sentences but 1 predicted');
  });
});
