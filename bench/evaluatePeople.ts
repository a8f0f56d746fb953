/**
 * Scores the person-name extractor on a CoNLL-2003 file (exact spans, precision/recall/F1),
 * beside a plain baseline: compromise's `people()`, trimmed of punctuation and possessives.
 *
 *   npm run eval:people -- --file ../shared/eval/conll2003-eng.testa [--json] [--half first|second]
 *
 * Only the words (first column) reach the extractors: each sentence's tokens are joined with
 * single spaces and each document is given whole, as an article would be.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { extractPeople } from '../src/core/people/extractPeople.js';
import { entitySpans, joinTokens, parseConll, scoreSpans, type CharSpan, type ConllDocument, type SpanScore } from './conll.js';

/** What `--json` prints. */
export interface PeopleEvaluation {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly baseline: { readonly precision: number; readonly recall: number; readonly f1: number };
  readonly sentences: number;
  readonly goldSpans: number;
}

/** A person finder: the sentences of one document in, spans per sentence out. */
export type PersonFinder = (document: readonly string[]) => ReadonlyArray<readonly CharSpan[]>;

/**
 * The baseline: compromise's `people()` on each sentence, its matches trimmed of surrounding
 * punctuation and a possessive `'s` (titles are kept: that is what it returns).
 */
export function findPeopleWithCompromise(document: readonly string[]): CharSpan[][] {
  return document.map((sentence) => {
    const matches = nlp(sentence).people().json({ offset: true }) as Array<{ offset: { start: number; length: number } }>;
    const spans: CharSpan[] = [];
    for (const { offset } of matches) {
      let start = offset.start;
      let end = offset.start + offset.length;
      while (start < end && /[^\p{L}\p{N}]/u.test(sentence[start]!)) start += 1;
      const text = sentence.slice(start, end).replace(/(?:\s*['’]s)?[^\p{L}\p{N}.]*$/u, '');
      end = start + text.length;
      if (end > start) spans.push({ start, end });
    }
    return spans;
  });
}

/** Runs a finder over documents and scores it against their gold person spans. */
export function evaluateFinder(documents: readonly ConllDocument[], finder: PersonFinder): SpanScore {
  const gold: CharSpan[][] = [];
  const predicted: Array<readonly CharSpan[]> = [];
  for (const document of documents) {
    const texts = document.sentences.map((sentence) => joinTokens(sentence.tokens).text);
    const found = finder(texts);
    document.sentences.forEach((sentence, index) => {
      gold.push(entitySpans(sentence, 'PER'));
      predicted.push(found[index] ?? []);
    });
  }
  return scoreSpans(gold, predicted);
}

/** The documents of one half of a file (by document order), or all of them. */
export function selectHalf(documents: readonly ConllDocument[], half: 'first' | 'second' | undefined): readonly ConllDocument[] {
  if (half === undefined) return documents;
  const middle = Math.ceil(documents.length / 2);
  return half === 'first' ? documents.slice(0, middle) : documents.slice(middle);
}

function formatRow(label: string, score: SpanScore): string {
  const cell = (value: number): string => value.toFixed(3).padStart(9);
  return `${label.padEnd(18)}${cell(score.precision)}${cell(score.recall)}${cell(score.f1)}${String(score.truePositives).padStart(7)}${String(score.falsePositives).padStart(7)}${String(score.falseNegatives).padStart(7)}`;
}

function main(): void {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, json: { type: 'boolean', default: false }, half: { type: 'string' } },
  });
  if (values.file === undefined) {
    process.stderr.write('usage: npm run eval:people -- --file CONLL_FILE [--json] [--half first|second]\n');
    process.exit(2);
  }
  if (values.half !== undefined && values.half !== 'first' && values.half !== 'second') {
    process.stderr.write(`eval:people: --half must be "first" or "second", not "${values.half}"\n`);
    process.exit(2);
  }
  const documents = selectHalf(parseConll(readFileSync(values.file, 'utf8')), values.half);
  const sentences = documents.reduce((sum, document) => sum + document.sentences.length, 0);
  const goldSpans = documents.reduce((sum, document) => sum + document.sentences.reduce((inner, sentence) => inner + entitySpans(sentence, 'PER').length, 0), 0);
  const startedAt = performance.now();
  const score = evaluateFinder(documents, extractPeople);
  const elapsed = performance.now() - startedAt;
  const baseline = evaluateFinder(documents, findPeopleWithCompromise);
  if (values.json) {
    const result: PeopleEvaluation = {
      precision: score.precision,
      recall: score.recall,
      f1: score.f1,
      baseline: { precision: baseline.precision, recall: baseline.recall, f1: baseline.f1 },
      sentences,
      goldSpans,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const header = `${''.padEnd(18)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'F1'.padStart(9)}${'TP'.padStart(7)}${'FP'.padStart(7)}${'FN'.padStart(7)}`;
  process.stdout.write(
    [
      `${values.file}${values.half ? ` (${values.half} half)` : ''}: ${documents.length} documents, ${sentences} sentences, ${goldSpans} gold person spans`,
      header,
      formatRow('extractPeople', score),
      formatRow('compromise people', baseline),
      `extractPeople took ${Math.round(elapsed)} ms (word lists included)`,
      '',
    ].join('\n'),
  );
}

// Run only as a script, so the functions above can be imported.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
