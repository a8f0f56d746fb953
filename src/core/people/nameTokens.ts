/**
 * A sentence as tokens for the person-name extractor, and the runs of tokens that may hold a
 * name: capitalised words and initials, with particles (`van der`) and regnal numbers (`VIII`).
 */
import { ABBREVIATIONS, DOTTED_NON_INITIALS, FUNCTION_WORDS, NAME_PREFIX, NAME_SUFFIXES, PARTICLES, REGNAL_NUMBER } from './wordLists.js';

type TokenKind = 'word' | 'initial' | 'dotted' | 'number' | 'possessive' | 'punct';

/** A token of a sentence, with the facts about its case that the rules read. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
  /** Lowercase, without a final period. */
  readonly lower: string;
  /** Starts with a capital letter (or a lowercase name prefix such as `al-` before a capital). */
  readonly capitalised: boolean;
  /** Two or more letters, all capitals (`NATO`, `SHEARER`). */
  readonly allCaps: boolean;
}

/**
 * One token: dotted initials or acronym (`J.R.R.`, `U.S.`), an initial (`M.`), a possessive
 * `'s`, a word (with inner apostrophes and hyphens: `O'Brien`, `Djate-Taillard`), a number, or
 * one other character.
 */
const TOKEN_PATTERN =
  /(?:\p{Lu}\.){2,}|(?:\p{Lu}\.)+\p{Lu}(?![\p{L}\p{N}'’])|\p{Lu}\.(?!\p{L}{2})|['’]s(?![\p{L}\p{N}])|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*|\p{N}(?:[\p{N}.,:/]*\p{N})?\p{L}*(?:-[\p{L}\p{N}]+)*|\S/gu;

/** A sentence's tokens (see {@link TOKEN_PATTERN}), a possessive `'s` and an abbreviation's period kept apart or joined as names need. */
export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN_PATTERN.source, 'gu');
  for (let match = pattern.exec(sentence); match !== null; match = pattern.exec(sentence)) {
    let text = match[0];
    const start = match.index;
    if (/^(?:\p{Lu}\.)+\p{Lu}?$/u.test(text)) {
      tokens.push(makeToken(text, start, text.length === 2 ? 'initial' : 'dotted'));
    } else if (/^['’]s$/u.test(text)) {
      tokens.push(makeToken(text, start, 'possessive'));
    } else if (/^[\p{L}\p{M}]/u.test(text)) {
      // A possessive glued to its word (`Trump's`) is its own token, not part of the name.
      if (/['’]s$/u.test(text) && text.length > 3) {
        tokens.push(makeToken(text.slice(0, -2), start, 'word'));
        tokens.push(makeToken(text.slice(-2), start + text.length - 2, 'possessive'));
        continue;
      }
      // `Mr.`, `St.`, `Jr.`: the period belongs to the abbreviation.
      if (sentence[start + text.length] === '.' && ABBREVIATIONS.has(text.toLowerCase())) {
        text += '.';
        pattern.lastIndex = start + text.length;
      }
      tokens.push(makeToken(text, start, 'word'));
    } else {
      tokens.push(makeToken(text, start, /^\p{N}/u.test(text) ? 'number' : 'punct'));
    }
  }
  return tokens;
}

const ADJECTIVAL_TAIL =
  /-(?:\p{Ll}*(?:ed|ing|ern|ese|ian|ic|ist|ish|style|like|wide|born|made|run|era|type|bound|proof|free|rich|only|owned|held|based)|\p{Ll}*\p{N}[\p{L}\p{N}]*)$/u;

function makeToken(text: string, start: number, kind: TokenKind): Token {
  const lower = text.toLowerCase().replace(/\.$/u, '');
  const letters = text.replace(/[^\p{L}]/gu, '');
  // `Kong-listed`, `Tripoli-based`: a capitalised word made into an adjective is not a name
  // (`Song-ho`, `Chester-le-Street` are).
  const adjectival = ADJECTIVAL_TAIL.test(text);
  const capitalised = (kind === 'word' || kind === 'initial' || kind === 'dotted') && (/^\p{Lu}/u.test(text) || NAME_PREFIX.test(text)) && !adjectival;
  const allCaps = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  return { text, start, end: start + text.length, kind, lower, capitalised, allCaps };
}

/** Whether a token can be part of a name run (capitalised word, initial, initials). */
function isNameToken(token: Token): boolean {
  if (token.kind === 'initial') return true;
  if (token.kind === 'word' && FUNCTION_WORDS.has(token.lower) && token.lower !== 'the') return false;
  if (token.kind === 'dotted') return !DOTTED_NON_INITIALS.has(token.text.toLowerCase().replace(/(?<=\p{L})$/u, '.'));
  return token.kind === 'word' && token.capitalised && !token.allCaps && !/\p{N}/u.test(token.text);
}

/** Positions where any word is capitalised: sentence start, after an opening quote, a dash, a colon or a list number. */
export function isSentenceInitial(tokens: readonly Token[], index: number): boolean {
  for (let position = index - 1; position >= 0; position -= 1) {
    const token = tokens[position]!;
    if (token.kind === 'punct' && /^["'“‘([:\-–—*•`]$/u.test(token.text)) continue;
    if (token.kind === 'number' && position === 0) continue;
    if (token.kind === 'punct' && token.text === '.' && position === 1) continue;
    return false;
  }
  return true;
}

/** How many lowercase particles start at `index` and lead to a capitalised word (`van der` in `van der Westhuizen`). */
function particlesBeforeName(tokens: readonly Token[], index: number): number {
  let count = 0;
  while (count < 3) {
    const token = tokens[index + count];
    if (token === undefined || token.kind !== 'word' || !PARTICLES.has(token.text)) break;
    count += 1;
  }
  const next = tokens[index + count];
  return count > 0 && next !== undefined && next.kind === 'word' && isNameToken(next) && !NAME_SUFFIXES.has(next.lower) ? count : 0;
}

/**
 * Maximal runs of capitalised words and initials, with lowercase particles inside or before
 * (`Aravinda de Silva`, `van der Westhuizen`) and regnal numbers after (`Henry VIII`). A
 * generational suffix (`Jr`) ends the run, outside it.
 */
export function findRuns(tokens: readonly Token[]): Array<{ from: number; to: number }> {
  const runs: Array<{ from: number; to: number }> = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    const leadingParticles = isNameToken(tokens[index - 1] ?? token) && index > 0 ? 0 : particlesBeforeName(tokens, index);
    if ((!isNameToken(token) || NAME_SUFFIXES.has(token.lower)) && leadingParticles === 0) {
      index += 1;
      continue;
    }
    const from = index;
    let to = index + Math.max(1, leadingParticles);
    while (to < tokens.length) {
      const next = tokens[to]!;
      const particles = particlesBeforeName(tokens, to);
      if (next.kind === 'word' && NAME_SUFFIXES.has(next.lower)) break;
      if (isNameToken(next) || REGNAL_NUMBER.test(next.text)) to += 1;
      else if (particles > 0) to += particles;
      else break;
    }
    runs.push({ from, to });
    index = to;
  }
  return runs;
}
