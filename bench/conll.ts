/**
 * CoNLL-2003 reading and span scoring for the evaluations in `bench/`: pure functions, so the
 * tests can check them on small hand-made snippets.
 *
 * The format: one token a line, space-separated columns (word, part of speech, chunk, entity
 * tag), a blank line between sentences, `-DOCSTART-` lines between documents. Tags are IOB1:
 * `I-PER` inside a person's name, `B-PER` only where a second name starts right after another.
 */

/** One sentence: its tokens (the first column) and their entity tags (the last column). */
export interface ConllSentence {
  readonly tokens: readonly string[];
  readonly tags: readonly string[];
}

/** One document (a news story): the sentences between two `-DOCSTART-` lines. */
export interface ConllDocument {
  readonly sentences: readonly ConllSentence[];
}

/** A character range `[start, end)` in a sentence's text. */
export interface CharSpan {
  readonly start: number;
  readonly end: number;
}

/** Precision, recall and F1 of predicted spans against gold spans, with the counts behind them. */
export interface SpanScore {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * Parses a CoNLL-2003 file into documents. Line ends may be `\n` or `\r\n`; a line's first
 * column is the word and its last the entity tag (a line with one column is tagged `O`).
 * Sentences before the first `-DOCSTART-` form a document of their own; empty documents are
 * dropped. Cost: linear in the text.
 *
 * @example parseConll('-DOCSTART- -X- O O\r\n\r\nPeter NNP I-NP I-PER\r\n').length // 1
 */
export function parseConll(text: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let sentences: ConllSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (tokens.length > 0) sentences.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  const endDocument = (): void => {
    endSentence();
    if (sentences.length > 0) documents.push({ sentences });
    sentences = [];
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line.length === 0) {
      endSentence();
      continue;
    }
    const columns = line.split(/\s+/);
    const word = columns[0] ?? '';
    if (word === '-DOCSTART-') {
      endDocument();
      continue;
    }
    tokens.push(word);
    tags.push(columns.length > 1 ? (columns[columns.length - 1] ?? 'O') : 'O');
  }
  endDocument();
  return documents;
}

/**
 * Joins a sentence's tokens with single spaces, as the extractor sees them, and gives each
 * token's character range in the joined text.
 *
 * @example joinTokens(['Mr.', 'Smith']) // { text: 'Mr. Smith', ranges: [{start:0,end:3},{start:4,end:9}] }
 */
export function joinTokens(tokens: readonly string[]): { text: string; ranges: CharSpan[] } {
  const ranges: CharSpan[] = [];
  let offset = 0;
  for (const token of tokens) {
    ranges.push({ start: offset, end: offset + token.length });
    offset += token.length + 1;
  }
  return { text: tokens.join(' '), ranges };
}

/**
 * The character spans (in the sentence joined by {@link joinTokens}) of the entities of one type,
 * read from IOB1 tags: `I-X` continues an entity of type X or starts one, `B-X` always starts
 * one (IOB2 files therefore read the same way).
 *
 * @example entitySpans({ tokens: ['Peter', 'Blackburn'], tags: ['I-PER', 'I-PER'] }) // [{ start: 0, end: 15 }]
 */
export function entitySpans(sentence: ConllSentence, type = 'PER'): CharSpan[] {
  const { ranges } = joinTokens(sentence.tokens);
  const spans: CharSpan[] = [];
  let current: { start: number; end: number } | undefined;
  sentence.tags.forEach((tag, index) => {
    const range = ranges[index]!;
    const [prefix, tagType] = tag.includes('-') ? [tag.slice(0, tag.indexOf('-')), tag.slice(tag.indexOf('-') + 1)] : [tag, ''];
    if (tagType !== type) {
      if (current) spans.push(current);
      current = undefined;
      return;
    }
    if (current && prefix !== 'B') {
      current.end = range.end;
      return;
    }
    if (current) spans.push(current);
    current = { start: range.start, end: range.end };
  });
  if (current) spans.push(current);
  return spans;
}

/**
 * Scores predicted spans against gold spans, sentence by sentence: a prediction counts only when
 * its start and end both match a gold span (exact match, as in CoNLL). Precision is 1 when
 * nothing is predicted, recall is 1 when nothing is to be found; F1 is their harmonic mean.
 *
 * @param gold the gold spans of each sentence
 * @param predicted the predicted spans of the same sentences, in the same order
 */
export function scoreSpans(gold: readonly (readonly CharSpan[])[], predicted: readonly (readonly CharSpan[])[]): SpanScore {
  if (gold.length !== predicted.length) {
    throw new Error(`scoreSpans: ${gold.length} gold sentences but ${predicted.length} predicted`);
  }
  let truePositives = 0;
  let goldCount = 0;
  let predictedCount = 0;
  gold.forEach((goldSpans, index) => {
    const keys = new Set(goldSpans.map((span) => `${span.start}:${span.end}`));
    const predictedKeys = new Set((predicted[index] ?? []).map((span) => `${span.start}:${span.end}`));
    goldCount += keys.size;
    predictedCount += predictedKeys.size;
    for (const key of predictedKeys) if (keys.has(key)) truePositives += 1;
  });
  const precision = predictedCount === 0 ? 1 : truePositives / predictedCount;
  const recall = goldCount === 0 ? 1 : truePositives / goldCount;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    truePositives,
    falsePositives: predictedCount - truePositives,
    falseNegatives: goldCount - truePositives,
    precision,
    recall,
    f1,
  };
}
