/**
 * The other forms of a question's words that the corpus uses: "IMF" for "International Monetary
 * Fund" and the reverse, "Iranian" for "Iran", "mln" for "million". Every stage counts a passage's
 * alternative form as the question's own words: the first stage searches it, re-ranking matches
 * it, highlighting marks it, and coverage (whether to answer) counts it; exactly for an
 * abbreviation and its name, as a near form for a word's other form ("Iranian" for "Iran").
 */
import { builtInAlternatives, isBuiltInNameStart, isCapitalisedBuiltIn } from '../text/abbreviations.js';
import { toTerm, type WordToken } from '../text/analysis.js';
import { normalizeForMatching } from '../text/normalize.js';
import type { CorpusIndex } from '../indexing/corpusIndex.js';

/** Another form of some of the question's terms, which a passage may hold instead. */
export interface TermAlternative {
  /** The question terms it stands for, as bits (bit `i` for term `i`). */
  readonly covers: number;
  /** Its terms, in order: one word (`imf`) or a name's words (`intern`, `monetari`, `fund`). */
  readonly terms: readonly string[];
  /**
   * Only a near form of the terms, not the same name (see {@link builtInAlternatives}: "Iranian" for
   * "Iran", "Corp" for "Corporation"): coverage and re-ranking count it as a near form of the
   * question's word, not as the word itself.
   */
  readonly near: boolean;
}

/** The most alternatives kept for one question (bit sets in re-ranking have 31 places). */
export const MAX_ALTERNATIVES = 24;
/** The longest name looked up among the question's words, in terms. */
const MAX_NAME_TERMS = 8;
/** Fewer initials than this are not guessed from a question's capitalised words ("Gordon Brown" is no `gb`). */
const MIN_GUESSED_INITIALS = 3;
/** Words a capitalised name may hold without giving its abbreviation a letter. */
const LINKING_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'on', 'de']);
const CAPITALISED = /^\p{Lu}/u;

/** A question word that has a term. */
interface QuestionWord {
  readonly term: string;
  /** The term's index in the question's terms, or -1 (cut by the limit). */
  readonly termIndex: number;
  readonly capitalised: boolean;
  /** Its position among all the question's words. */
  readonly position: number;
}

/**
 * The alternatives of a question's terms that the corpus uses (every term of each is in the
 * index), from three sources: the built-in list ({@link builtInAlternatives}: `US`/"United States"/
 * "American", `mln`/"million", "Iran"/"Iranian"), the pairs the corpus defines
 * ({@link CorpusIndex.abbreviations}), and the initials of a capitalised name of three words or more
 * ("Organisation of the Petroleum Exporting Countries" → `opec`) when the corpus uses them. A
 * one-word name of the list written with a capital (`US`, `Turkey`), and a learned abbreviation,
 * stand for their names only where the question capitalises them (`us`, `turkey`, `un-`).
 * At most {@link MAX_ALTERNATIVES}. Cost: a few lookups per question word; microseconds.
 *
 * @param text the question
 * @param written its words as written (capitals kept; {@link tokenizeWords} of `text`)
 * @param terms its terms
 * @example findAlternatives(index, 'What did the IMF say?', tokenizeWords('What did the IMF say?'), ['imf', 'sai']) // [{ covers: 1, terms: ['intern', 'monetari', 'fund'] }]
 */
export function findAlternatives(index: CorpusIndex, text: string, written: readonly WordToken[], terms: readonly string[]): TermAlternative[] {
  const words: QuestionWord[] = [];
  written.forEach((token, position) => {
    const term = toTerm(normalizeForMatching(token.word));
    if (term !== null) words.push({ term, termIndex: terms.indexOf(term), capitalised: CAPITALISED.test(token.word), position });
  });
  const found = new Map<string, TermAlternative>();
  const add = (covered: readonly QuestionWord[], alternative: readonly string[], near = false): void => {
    if (covered.some((word) => word.termIndex < 0)) return;
    if (alternative.every((term) => terms.includes(term)) || !alternative.every((term) => index.documentFrequency.has(term))) return;
    const covers = covered.reduce((bits, word) => bits | (1 << word.termIndex), 0);
    const key = `${covers} ${alternative.join(' ')}`;
    const known = found.get(key);
    // The same form found as an abbreviation too (a learned pair) is exact.
    if (known === undefined ? found.size < MAX_ALTERNATIVES : known.near && !near) found.set(key, { covers, terms: alternative, near });
  };

  words.forEach((word, start) => {
    if (word.capitalised || !isCapitalisedBuiltIn(word.term)) {
      for (const forms of builtInAlternatives([word.term])) for (const form of forms) add([word], form.terms, form.near);
    }
    if (word.capitalised) for (const name of index.abbreviations.namesOf(word.term)) add([word], name);
    for (const short of index.abbreviations.abbreviationsOf([word.term])) add([word], [short]);
    if (!isBuiltInNameStart(word.term) && !index.abbreviations.startsName(word.term)) return;
    for (let end = Math.min(words.length, start + MAX_NAME_TERMS); end >= start + 2; end -= 1) {
      const covered = words.slice(start, end);
      const name = covered.map((each) => each.term);
      for (const forms of builtInAlternatives(name)) for (const form of forms) add(covered, form.terms);
      for (const short of index.abbreviations.abbreviationsOf(name)) add(covered, [short]);
    }
  });
  for (const { covered, initials } of capitalisedNames(text, written, words)) add(covered, [initials]);
  return [...found.values()];
}

/**
 * Every run of three capitalised words or more in the question (linking words such as "of the"
 * allowed between them, a hyphen or spaces but no other punctuation), with its initials:
 * "General Certificates of Secondary Education" → `gcse`.
 */
function capitalisedNames(text: string, written: readonly WordToken[], words: readonly QuestionWord[]): Array<{ covered: QuestionWord[]; initials: string }> {
  const byPosition = new Map(words.map((word) => [word.position, word]));
  const names: Array<{ covered: QuestionWord[]; initials: string }> = [];
  let run: QuestionWord[] = [];
  const close = (): void => {
    for (let first = 0; first + MIN_GUESSED_INITIALS <= run.length; first += 1) {
      for (let last = first + MIN_GUESSED_INITIALS; last <= run.length; last += 1) {
        const covered = run.slice(first, last);
        const initials = toTerm(covered.map((word) => written[word.position]!.word[0]!.toUpperCase()).join(''));
        if (initials !== null) names.push({ covered, initials });
      }
    }
    run = [];
  };
  written.forEach((token, position) => {
    const word = byPosition.get(position);
    if (position > 0 && !/^[\s-]*$/u.test(text.slice(written[position - 1]!.end, token.start))) close();
    if (word !== undefined && word.capitalised) run.push(word);
    else if (!(run.length > 0 && LINKING_WORDS.has(token.word.toLowerCase()))) close();
  });
  close();
  return names;
}
