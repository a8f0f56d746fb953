/**
 * Questions about what someone said: "What did the spokesman call the sanctions?", "How did the
 * minister describe the talks?", "What was Zarif's reaction to …?". Their answer is a quotation
 * attributed to that person, so retrieval and the quote look for one (see `saidQuotes.ts`).
 */
import { builtInAlternatives } from '../text/abbreviations.js';
import { tokenizeWords, toTerm } from '../text/analysis.js';
import { ROLE_NOUNS } from '../text/attribution.js';
import { normalizeForMatching } from '../text/normalize.js';

/** A question about what someone said, read by {@link analyzeSaidQuestion}. */
export interface SaidQuestion {
  /** Who is asked about, as written ("the EU's monetary affairs commissioner", "Nicolas Sarkozy"). */
  readonly speaker: string;
  /**
   * The speaker's words that tell them apart, as terms: the names (capitalised words: `sarkozi`)
   * and, failing names, every word (`spokesman`, `commission`); names that are only countries or
   * bodies of the built-in list ("the US national security adviser") count as no names, and are
   * left out of the words. A quotation is the speaker's when its attribution holds one of them.
   */
  readonly speakerTerms: readonly string[];
  /** The speaker's role nouns ("analyst", "lawyer"), as terms: a weaker sign than a name. */
  readonly roleTerms: readonly string[];
  /** What was said is about: the question's other terms, the speech verb left out (`sanction`). */
  readonly topicTerms: readonly string[];
  /** Whether the question asks how the speaker described or called something ("How did X describe…", "What did X call…"), not what they said. */
  readonly asksForDescription: boolean;
}

/** Verbs of a said-question, after "What/How did X …". */
const SAID_VERBS = 'say|said|call|called|describe|described|tell|told|think|react|reacted|respond|responded|characteri[sz]e|dub|label|brand|claim|warn|argue|reply|make of|sum up';
/** Longest speaker read, in words. */
const MAX_SPEAKER_WORDS = 10;
const DID_X_VERB = new RegExp(`^(?:what|how)\\s+(?:did|does|do|has|have|had)\\s+(.+?)\\s+(${SAID_VERBS})\\b(.*)$`, 'iu');
const DESCRIBING = /^(?:call|called|describe|described|characteri[sz]e|dub|label|brand)$/iu;
const X_REACTION =
  /^(?:what|how)\s+(?:was|were|is|are)\s+(.+?)(?:'s|’s|'|’)\s+(?:reaction|response|view|verdict|comment|comments|message|answer|reply|assessment|description|opinion|words|warning|explanation)\b(.*)$/iu;
/** "What did Russia call for?" asks for a demand, not words. */
const NOT_SPEECH = /^\s*(?:for|on|off|in|up|out|back)\b/iu;
/** The verbs that {@link NOT_SPEECH} turns into something else ("call for"); "say in 2022" is still speech. */
const PARTICLE_VERBS = /^call(?:ed)?$/iu;
/** A speaker that is no one in particular. */
const NO_SPEAKER = /^(?:he|she|they|it|you|we|i|people|anyone|someone|this|that|these|those)$/iu;
/** Titles are no part of a name: "Mr Bez" is quoted as "Bez" or "he". */
const TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'professor', 'prof']);
const LEADING_ARTICLE = /^(?:the|a|an)\s+/iu;
const SPEECH_TERMS: ReadonlySet<string> = new Set(
  ['say', 'said', 'call', 'called', 'describe', 'described', 'tell', 'told', 'react', 'reaction', 'respond', 'response', 'comment', 'view', 'verdict'].map(
    (word) => toTerm(word) ?? word,
  ),
);

/**
 * Who may be asked about by role: a person's role nouns (those of attribution, "the spokesman")
 * and the bodies that make statements ("the union", "the court"); kept in a said-question's
 * {@link SaidQuestion.roleTerms}. Compared lowercase.
 */
const SPEAKER_ROLE_NOUNS: ReadonlySet<string> = new Set([
  ...ROLE_NOUNS,
  ...['union', 'committee', 'group', 'party', 'company', 'firm', 'statement', 'report', 'court', 'tribunal', 'police'],
]);

/**
 * Reads a question about what someone said, or returns `null` for any other question. Shapes:
 * "What/How did (does, has…) X say / call / describe / react / think …", "What was X's reaction
 * (response, view, verdict, comment…) to …". X is at most
 * {@link MAX_SPEAKER_WORDS} words and not a bare pronoun; "call for", "call on" are no speech.
 * ("According to X, how many…" asks for a fact X reported, not for words: it is not read.)
 * Cost: a few regular expressions over the question; microseconds.
 *
 * @example analyzeSaidQuestion('What did Nicolas Sarkozy say about the fall of the dollar?')?.speaker // 'Nicolas Sarkozy'
 */
export function analyzeSaidQuestion(question: string): SaidQuestion | null {
  const text = question.trim().replace(/[?.!\s]+$/u, '');
  const didSay = DID_X_VERB.exec(text);
  if (didSay !== null && PARTICLE_VERBS.test(didSay[2]!) && NOT_SPEECH.test(didSay[3] ?? '')) return null;
  const reaction = didSay === null ? X_REACTION.exec(text) : null;
  const match = didSay ?? reaction;
  if (match === null) return null;
  // "Tony Blair mockingly" is Tony Blair.
  const speaker = match[1]!
    .trim()
    .replace(LEADING_ARTICLE, '')
    .replace(/\s+\p{Ll}+ly$/u, '');
  const rest = (didSay === null ? reaction![2] : didSay[3]) ?? '';
  const asksForDescription = didSay !== null && DESCRIBING.test(didSay[2]!);
  const speakerTokens = tokenizeWords(speaker);
  if (speakerTokens.length === 0 || speakerTokens.length > MAX_SPEAKER_WORDS || (speakerTokens.length === 1 && NO_SPEAKER.test(speakerTokens[0]!.word))) return null;
  const termOf = (word: string): string | null => toTerm(normalizeForMatching(word));
  const names = distinct(speakerTokens.filter((token) => /^\p{Lu}/u.test(token.word) && !TITLES.has(token.word.toLowerCase())).map((token) => termOf(token.word)));
  const all = distinct(speakerTokens.map((token) => termOf(token.word)));
  const roleTerms = distinct(speakerTokens.filter((token) => SPEAKER_ROLE_NOUNS.has(token.word.toLowerCase())).map((token) => termOf(token.word)));
  // "the US national security adviser": a country or body named in the speaker tells no one apart; the role's words do.
  const roleWords = all.filter((term) => !isBuiltInName(term));
  const speakerTerms = names.length > 0 && !names.every(isBuiltInName) ? names : roleWords.length > 0 ? roleWords : all;
  if (speakerTerms.length === 0) return null;
  const speakerSet = new Set(all);
  const topicTerms = distinct(tokenizeWords(rest).map((token) => termOf(token.word))).filter((term) => !speakerSet.has(term) && !SPEECH_TERMS.has(term));
  return { speaker, speakerTerms, roleTerms, topicTerms, asksForDescription };
}

/** Whether a term is a one-word name of the built-in list: a country, its people, a body ("us", "american", "eu"). */
function isBuiltInName(term: string): boolean {
  return builtInAlternatives([term]).length > 0;
}

function distinct(terms: readonly (string | null)[]): string[] {
  return [...new Set(terms.filter((term): term is string => term !== null))];
}
