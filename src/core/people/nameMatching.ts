/**
 * Comparing person names: folding, tokens, spelling and transliteration variants
 * (`Sergei`/`Sergey`, `Elliot`/`Elliott`, `Lavrof`/`Lavrov`), via Jaro–Winkler similarity and
 * Double Metaphone codes from natural (read by `../packageData.ts`).
 */
import { normalizeForMatching } from '../text/normalize.js';
import { readDoubleMetaphone, readJaroWinkler } from '../packageData.js';

const jaroWinkler = readJaroWinkler();
const doubleMetaphone = readDoubleMetaphone();

/** Least Jaro–Winkler similarity for two spellings of one name. */
const SAME_NAME_SIMILARITY = 0.9;

/**
 * The words of a name, folded for comparison: lowercase, diacritics and periods removed,
 * possessive dropped. `Mohammad Javad Zarif’s` → `['mohammad', 'javad', 'zarif']`.
 */
export function nameTokens(name: string): string[] {
  return normalizeForMatching(name)
    .toLowerCase()
    .replace(/['’ʼ]s\b/gu, '')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((token) => token.replace(/^['’-]+|['’-]+$/gu, ''))
    .filter((token) => token.length > 0);
}

/** A name folded to one comparable string: `Ｓergei  LAVROV` → `sergei lavrov`. */
export function foldName(name: string): string {
  return nameTokens(name).join(' ');
}

/** Jaro–Winkler similarity of two folded words, 0 to 1. */
export function similarity(a: string, b: string): number {
  return a === b ? 1 : jaroWinkler(a, b);
}

/** Whether two folded words sound alike (a Double Metaphone code in common). */
export function soundAlike(a: string, b: string): boolean {
  if (a.length < 3 || b.length < 3) return a === b;
  const [a1, a2] = metaphone(a);
  const [b1, b2] = metaphone(b);
  return a1 === b1 || a1 === b2 || a2 === b1 || (a2 === b2 && a2 !== '');
}

const METAPHONE_CACHE_SIZE = 100_000;
const metaphoneCache = new Map<string, readonly [string, string]>();

/** A word's Double Metaphone codes, memoised: names repeat across a corpus and across lookups. */
function metaphone(word: string): readonly [string, string] {
  let codes = metaphoneCache.get(word);
  if (codes === undefined) {
    codes = doubleMetaphone.process(word);
    if (metaphoneCache.size >= METAPHONE_CACHE_SIZE) metaphoneCache.clear();
    metaphoneCache.set(word, codes);
  }
  return codes;
}

/**
 * Whether two folded words are spellings of one name: equal, or very similar and alike in
 * sound (`sergei`/`sergey`, `elliot`/`elliott`), never merely similar (`craft`/`kraft` pass,
 * `price`/`prince` do not sound alike).
 */
export function sameNameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  return similarity(a, b) >= SAME_NAME_SIMILARITY && soundAlike(a, b);
}

/**
 * Keys under which a name word can be looked up so that every spelling {@link sameNameWord}
 * accepts shares at least one key with it: the word itself and its Double Metaphone codes.
 */
export function nameWordKeys(word: string): string[] {
  if (word.length < 4) return [word];
  const [primary, secondary] = metaphone(word);
  return [...new Set([word, `~${primary}`, ...(secondary ? [`~${secondary}`] : [])])];
}

/**
 * Whether two names (token lists) can name the same person: same surname (last word, allowing
 * spelling variants) and given names that agree where both have them (`Javad Zarif` and
 * `Mohammad Javad Zarif` agree; `George Bush` and `Laura Bush` do not). A bare surname agrees
 * with any name that ends with it.
 */
export function compatibleNames(a: readonly string[], b: readonly string[]): boolean {
  const surnameA = a.at(-1);
  const surnameB = b.at(-1);
  if (surnameA === undefined || surnameB === undefined || !sameNameWord(surnameA, surnameB)) return false;
  const givenA = a.slice(0, -1).filter((token) => token.length > 1);
  const givenB = b.slice(0, -1).filter((token) => token.length > 1);
  if (givenA.length === 0 || givenB.length === 0) return true;
  const [shorter, longer] = givenA.length <= givenB.length ? [givenA, givenB] : [givenB, givenA];
  return shorter.every((token) => longer.some((other) => sameNameWord(token, other)));
}
