/**
 * Roles written around a person's name ("Iranian foreign minister Javad Zarif", "Ned Price, the
 * State Department spokesperson"), and a person's latest role for one-line labels.
 */
import type { Person } from './directory.js';

/** Head words of a role ("foreign minister", "ambassador to the U.N.", "Supreme Leader"). */
// biome-ignore format: packed word list
export const ROLE_HEADS = new Set([
  'minister', 'president', 'premier', 'chancellor', 'ambassador', 'envoy', 'representative', 'advisor', 'adviser',
  'spokesperson', 'spokesman', 'spokeswoman', 'secretary', 'leader', 'hawk', 'official', 'chief', 'director', 'head',
  'chairman', 'chairwoman', 'chair', 'commander', 'general', 'governor', 'senator', 'mayor', 'king', 'queen', 'prince',
  'ayatollah', 'analyst', 'editor', 'correspondent', 'reporter', 'diplomat', 'negotiator', 'deputy', 'founder', 'ceo',
  'counterpart', 'counterparts', 'researcher', 'professor', 'author', 'lawmaker', 'congressman', 'congresswoman',
  'judge', 'prosecutor', 'coach', 'captain', 'striker', 'manager', 'candidate', 'emir', 'sheikh', 'sultan', 'colonel',
]);

/** Lowercase words that may stand inside a role before its head word. */
// biome-ignore format: packed word list
const ROLE_MODIFIERS = new Set([
  'foreign', 'prime', 'deputy', 'special', 'former', 'senior', 'national', 'supreme', 'vice', 'acting', 'top',
  'defense', 'defence', 'security', 'state', 'interior', 'finance', 'economy', 'trade', 'energy', 'oil', 'nuclear',
  'chief', 'executive', 'general', 'military', 'presidential', 'political', 'assistant', 'associate', 'lead',
]);

const ROLE_CONNECTORS = new Set(['to', 'for', 'of', 'the', 'and', 'on']);

const ROLE_WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

/**
 * The role written just before a name: "Iranian foreign minister", "U.S. ambassador to the U.N.",
 * "National Security Advisor". Read backwards over capitalised words, acronyms, role words and
 * connectors, up to punctuation, another word or `from` (the end of the previous name); kept
 * only if it holds a role word.
 */
export function roleBefore(sentence: string, nameStart: number, from = 0): string | undefined {
  const words = [...sentence.slice(from, nameStart).matchAll(ROLE_WORD)].map((match) => ({ text: match[0], start: from + match.index, end: from + match.index + match[0].length }));
  let first = words.length;
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = words[index]!;
    const gap = sentence.slice(word.end, index + 1 < words.length ? words[index + 1]!.start : nameStart);
    if (!/^\s+$/u.test(gap) && !(gap === '' && index === words.length - 1)) break;
    if (!isRoleWord(word.text)) break;
    first = index;
  }
  const taken = words.slice(first);
  while (taken.length > 0 && ROLE_CONNECTORS.has(taken[0]!.text.toLowerCase())) taken.shift();
  if (!taken.some((word) => ROLE_HEADS.has(stripPossessive(word.text).toLowerCase()))) return undefined;
  return sentence.slice(taken[0]!.start, taken.at(-1)!.end);
}

/** An appositive role after a name: "Ned Price, the State Department spokesperson, said". */
export function roleAfter(sentence: string, nameEnd: number): string | undefined {
  const match = /^,\s+((?:the|a|an)\s+)?([^,.;:“”"()]{3,80}?)(?=,|\.(?:\s|$)|;)/u.exec(sentence.slice(nameEnd));
  const phrase = match?.[2]?.trim();
  if (!phrase) return undefined;
  const words = phrase.split(/\s+/u);
  if (words.length > 8 || !words.every(isRoleWord)) return undefined;
  return words.some((word) => ROLE_HEADS.has(stripPossessive(word).toLowerCase())) ? phrase : undefined;
}

function isRoleWord(word: string): boolean {
  const bare = stripPossessive(word);
  const lower = bare.toLowerCase();
  if (ROLE_HEADS.has(lower) || ROLE_MODIFIERS.has(lower) || ROLE_CONNECTORS.has(lower)) return true;
  return /^\p{Lu}/u.test(bare);
}

function stripPossessive(word: string): string {
  return word.replace(/['’]s$/u, '');
}

/** A person's most recent role, preferring any other to "author": for one-line labels. */
export function latestRole(person: Pick<Person, 'roles'>): string | undefined {
  const dated = [...person.roles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return dated.find((role) => role.role !== 'author')?.role ?? dated[0]?.role;
}

/** A role as one entry whatever its case, with every article that gives it (see {@link distinctRoles}). */
export interface DistinctRole {
  /** The role as most of its articles write it (see `distinctRoles`). */
  readonly role: string;
  /** The articles that give it, in the order of the person's roles (corpus order), each once. */
  readonly sources: ReadonlyArray<{ readonly articleId: string; readonly date?: string }>;
}

/**
 * A person's roles with those written alike up to case merged into one, keeping every source:
 * "Russian foreign minister" (one article) and "Russian Foreign Minister" (another) are one role
 * with two sources, shown as most articles write it, else with the most capitals. Order: first
 * appearance. Cost: linear in the roles.
 *
 * @example distinctRoles(lavrov.roles) // [{ role: 'Russian Foreign Minister', sources: [{ articleId: 'iran-relationship-…', date: '2020-08-07' }, { articleId: 'russian-iranian-…', date: '2016' }] }]
 */
export function distinctRoles(roles: Person['roles']): DistinctRole[] {
  const byKey = new Map<string, { spellings: Map<string, number>; sources: Array<{ articleId: string; date?: string }> }>();
  for (const { role, articleId, date } of roles) {
    const key = role.toLowerCase();
    let entry = byKey.get(key);
    if (entry === undefined) byKey.set(key, (entry = { spellings: new Map(), sources: [] }));
    entry.spellings.set(role, (entry.spellings.get(role) ?? 0) + 1);
    if (!entry.sources.some((source) => source.articleId === articleId)) entry.sources.push({ articleId, ...(date === undefined ? {} : { date }) });
  }
  return [...byKey.values()].map(({ spellings, sources }) => ({ role: preferredSpelling(spellings), sources }));
}

/** The spelling most articles use; on a tie, the one with the most capitals (the title as written before a name), then the first. */
function preferredSpelling(spellings: ReadonlyMap<string, number>): string {
  const capitals = (text: string): number => text.replace(/[^\p{Lu}]/gu, '').length;
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && capitals(spelling) > capitals(best))) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/** A list of names, joined by commas and `and`, between two of them. */
const LIST_GAP = /^\s*(?:,\s*(?:and\s+)?|and\s+)$/u;
/** The roles of a list before it: "his Iranian and Syrian counterparts, " → modifiers, then the plural head word. */
const ROLE_LIST_BEFORE = /((?:[\p{L}.’'-]+\s*,\s*)*[\p{L}.’'-]+\s*,?\s+and\s+[\p{L}.’'-]+)\s+(\p{L}+)\s*,\s*$/u;

/**
 * Roles shared out over a list of names by "respectively": "hosted his Iranian and Syrian
 * counterparts, Mohammad Javad Zarif and Walid Moallem, respectively" gives Zarif "Iranian
 * counterpart" and Moallem "Syrian counterpart". Only when the roles and the names are as many
 * and the plural is a role word ({@link ROLE_HEADS}). `spans` are the names of the sentence in
 * order; the answer maps a span's position to its role. Cost: linear in the sentence.
 *
 * @example respectiveRoles('He met his French and German counterparts, A Bc and D Ef, respectively.', spans) // Map { 0 => 'French counterpart', 1 => 'German counterpart' }
 */
export function respectiveRoles(sentence: string, spans: ReadonlyArray<{ readonly start: number; readonly end: number }>): Map<number, string> {
  const roles = new Map<number, string>();
  for (const match of sentence.matchAll(/\brespectively\b/gu)) {
    let last = -1;
    for (let position = spans.length - 1; position >= 0; position -= 1) {
      const span = spans[position]!;
      if (span.end <= match.index && /^\s*,?\s*$/u.test(sentence.slice(span.end, match.index))) last = position;
      if (span.end <= match.index) break;
    }
    if (last < 0) continue;
    let first = last;
    while (first > 0 && LIST_GAP.test(sentence.slice(spans[first - 1]!.end, spans[first]!.start))) first -= 1;
    const before = ROLE_LIST_BEFORE.exec(sentence.slice(first > 0 ? spans[first - 1]!.end : 0, spans[first]!.start));
    if (before === null) continue;
    const head = singular(before[2]!.toLowerCase());
    if (!ROLE_HEADS.has(head)) continue;
    const modifiers = before[1]!.split(/\s*,\s*(?:and\s+)?|\s+and\s+/u).map((word) => word.replace(/^(?:his|her|their|its|the)\s+/iu, ''));
    if (modifiers.length !== last - first + 1 || modifiers.some((word) => word.length === 0)) continue;
    const headAsWritten = before[2]!.replace(/ies$/u, 'y').replace(/s$/u, '');
    for (const [offset, modifier] of modifiers.entries()) roles.set(first + offset, `${modifier} ${headAsWritten}`);
  }
  return roles;
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}
