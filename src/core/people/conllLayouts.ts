/**
 * Clues from layouts common in CoNLL-2003's Reuters newswire (1996), written while reading the
 * first half of its testa file (see docs/experiments.md, People): names in results with a
 * country, a role or a minute in brackets, cricket scorecards, line-ups with shirt numbers,
 * bylines standing alone, lists of names.
 */
import { LIST_JOINERS } from './wordLists.js';
import type { Lexicons } from './lexicon.js';
import type { Token } from './nameTokens.js';
import { isRoleNoun } from './wordClasses.js';
import type { Candidate } from './judgeRun.js';

/**
 * What stands in brackets right after a name: a country (`( Britain )`, `( U.S. )`, as in
 * results), a minute (`( 31st )`, as in lists of scorers) or a role (`( captain )`).
 */
export function bracketAfter(tokens: readonly Token[], index: number, lex: Lexicons): 'country' | 'minute' | 'role' | undefined {
  if (tokens[index]?.text !== '(') return undefined;
  const inside: Token[] = [];
  for (let position = index + 1; position < tokens.length && position < index + 6; position += 1) {
    const token = tokens[position]!;
    if (token.text === ')') break;
    inside.push(token);
  }
  const head = inside[0];
  if (head === undefined) return undefined;
  const phrase = inside.map((token) => token.lower).join(' ');
  if (lex.places.has(phrase) || inside.every((token) => token.kind === 'dotted') || (inside.length === 1 && lex.demonyms.has(phrase))) return 'country';
  if (/^\d+(?:st|nd|rd|th)$/u.test(head.text) || (head.lower === 'pen' && /^\d+/u.test(inside[1]?.text ?? ''))) return 'minute';
  if (inside.length === 1 && head.kind === 'word' && !head.capitalised && isRoleNoun(head.lower, lex)) return 'role';
  return undefined;
}

/** `31st`, `75th`: a minute right after a name, as in lists of scorers and substitutes. */
export function isOrdinal(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'number' && /^\d+(?:st|nd|rd|th)$/u.test(token.text);
}

/**
 * A name in a cricket scorecard: a fielder or bowler after `c` (caught), `b` (bowled), `st`
 * (stumped) or `lbw`; a batsman before them or before `not out`; a bowler before his figures
 * (`Wasim Akram 10-0-50-0`).
 */
export function isScorecardName(tokens: readonly Token[], from: number, to: number): boolean {
  const before = tokens[from - 1];
  const after = tokens[to];
  if (before !== undefined && before.kind === 'word' && SCORECARD_MARKS.has(before.text) && from >= 2) return true;
  if (after === undefined) return false;
  if (after.kind === 'word' && SCORECARD_MARKS.has(after.text) && tokens[to + 1]?.kind === 'word' && (tokens[to + 1]!.capitalised || tokens[to + 1]!.text === 'b')) return true;
  if (after.text === 'not' && tokens[to + 1]?.text === 'out') return true;
  return after.kind === 'number' && /^\d+(?:\.\d)?-\d+-\d+-\d+$/u.test(after.text);
}

const SCORECARD_MARKS: ReadonlySet<string> = new Set(['c', 'b', 'st', 'lbw']);

/** A name that stands alone on its line, as in a byline (`Larry Fine`, `-- Amra Kevic , Belgrade newsroom`). */
export function isStandalone(tokens: readonly Token[], from: number, to: number): boolean {
  for (let index = 0; index < from; index += 1) if (tokens[index]!.kind !== 'punct') return false;
  const after = tokens[to];
  return after === undefined || after.text === ',';
}

/** Candidates that stand as items of one list (`A , B and C`, `A ( Kenya ) , B ( Kenya )`), by index. */
export function listGroups(tokens: readonly Token[], candidates: readonly Candidate[], lex: Lexicons): Array<{ members: number[]; countryGaps: boolean }> {
  const groups: Array<{ members: number[]; countryGaps: boolean }> = [];
  let group = { members: [] as number[], countryGaps: false };
  let previous: Candidate | undefined;
  candidates.forEach((candidate, index) => {
    // A country in brackets after a name belongs to the gap between items, not to the list.
    if (tokens[candidate.from - 1]?.text === '(' && tokens[candidate.to]?.text === ')') return;
    if (previous !== undefined) {
      if (isListGap(tokens, previous.to, candidate.from)) {
        group.countryGaps ||= bracketAfter(tokens, previous.to, lex) === 'country';
      } else {
        if (group.members.length >= 2) groups.push(group);
        group = { members: [], countryGaps: false };
      }
    }
    group.members.push(index);
    previous = candidate;
  });
  if (group.members.length >= 2) groups.push(group);
  return groups;
}

/** Whether the tokens between two names only join list items (commas, `and`, a bracketed country or number). */
function isListGap(tokens: readonly Token[], from: number, to: number): boolean {
  if (to <= from) return false;
  let joiners = 0;
  let depth = 0;
  for (let index = from; index < to; index += 1) {
    const token = tokens[index]!;
    if (token.text === '(') depth += 1;
    else if (token.text === ')') depth -= 1;
    else if (depth > 0) continue;
    else if (LIST_JOINERS.has(token.lower)) joiners += 1;
    // Shirt numbers in line-ups (`7 - Didier Deschamps , 10 - Youri Djorkaeff`).
    else if (token.kind !== 'number' && token.text !== '-') return false;
  }
  return joiners >= 1 && depth === 0;
}
