/**
 * Kinds of answer: what a question asks for ("how many…", "when…", "who…") and what a word of a
 * passage can be (a number, a date, a name). Both sides are bit sets of {@link AnswerKind}.
 */

/** Kinds of answer as bits: a question asks for a set of them, a sentence holds a set of them. */
export const AnswerKind = Object.freeze({ number: 1, date: 2, name: 4 });

// biome-ignore format: packed word list
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty',
  'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'trillions',
  'dozen', 'dozens', 'half', 'twice',
]);
/** Month and weekday names count only capitalised: `may`, `march` and `sun` are ordinary words. */
// biome-ignore format: packed word list
const DATE_NAMES: ReadonlySet<string> = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);
const YEAR_OR_DECADE = /^(?:1\d{3}|20\d{2})s?$/;
const CAPITALISED = /^\p{Lu}/u;

/** The kinds of answer a word can be: a number (`24`, `seven`, `2½`), a date (`1995`, `February`). Names need the word's place in its sentence: see {@link isNameWord}. */
export function answerKindsOfWord(word: string): number {
  let kinds = 0;
  if (/^\p{N}/u.test(word) || NUMBER_WORDS.has(word.toLowerCase())) kinds |= AnswerKind.number;
  if (YEAR_OR_DECADE.test(word) || DATE_NAMES.has(word)) kinds |= AnswerKind.date;
  return kinds;
}

/** Whether a word, not first in its sentence, can be (part of) a name: capitalised, and not a month or weekday. */
export function isNameWord(word: string): boolean {
  return CAPITALISED.test(word) && !DATE_NAMES.has(word);
}

/** A name: asked for by "who", "whom", "whose" and "which" (when not asking for a number or a date). */
const ASKS_FOR_NAME = /\b(?:who|whom|whose|which)\b/i;
/** News asks for shares, stakes, prices and rates too ("What stake in Sunderland…"); see docs/experiments.md. */
const ASKS_FOR_NUMBER =
  /\bhow (?:many|much|long|far|old|large|big|tall|high|often|fast)\b|\bwhat (?:percentage|percent|number|amount|size|age|share|stake|proportion|price|rate|growth rate|fraction|sum|figure|total|cost|value)\b/i;
const ASKS_FOR_DATE = /\b(?:what|which) (?:year|day|date|month|century|decade|time|period|era)\b/i;
const QUESTION_WORD = /\b(?:what|which|who|whom|whose|where|when|why|how)\b/gi;

/** The kinds of answer a question (as written) asks for: a number or a date, else a name, else none. */
export function askedKindsOf(question: string): number {
  const asksForDate = ASKS_FOR_DATE.test(question) || questionWordOf(question) === 'when';
  const kinds = (ASKS_FOR_NUMBER.test(question) ? AnswerKind.number : 0) | (asksForDate ? AnswerKind.date : 0);
  return kinds !== 0 ? kinds : ASKS_FOR_NAME.test(question) ? AnswerKind.name : 0;
}

/**
 * The question's own question word, lowercased: its first, unless one follows a comma — a clause
 * before the question proper ("When John Fox left, who replaced him?"). A "when" further in is a
 * clause too ("How old was Manning when he played…?"); taking it for a date cost news answers
 * (see docs/experiments.md).
 */
function questionWordOf(question: string): string | undefined {
  const words = [...question.matchAll(QUESTION_WORD)];
  const afterComma = words.find((word) => /,\s*$/.test(question.slice(0, word.index)));
  return (afterComma ?? words[0])?.[0].toLowerCase();
}
