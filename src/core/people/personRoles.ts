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
