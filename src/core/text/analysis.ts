/**
 * Text analysis shared by indexing, querying and highlighting, so that all three agree on what
 * a "term" is: Unicode-aware word tokens, dotted acronyms folded (`U.S.` → `US`), possessives
 * dropped, English stop words removed and the rest Porter-stemmed.
 */
import { normalizeForMatching } from './normalize.js';
import { readNaturalStopWords, readPorterStemmer } from '../packageData.js';
import type { TextRange } from '../types.js';

const porterStemmer = readPorterStemmer();
const naturalStopWords = readNaturalStopWords();

/**
 * Words that carry no topic: natural's English list (without its single digits: one digit can be
 * an answer, see {@link toTerm}), plus the pronoun `us` (absent from that list) and question and
 * request words that people type but articles do not ("tell me about…", "explain…").
 */
// biome-ignore format: packed word list
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...naturalStopWords.filter((word) => !/^\p{N}$/u.test(word)),
  'us', 'also', 'did', 'does', 'done', 'doing', 'tell', 'explain', 'describe', 'please', 'whom',
  'whose', 'which', 'according', 'would', 'could', 'should', 'shall', 'might', 'must',
]);

/**
 * Irregular English forms that Porter stemming leaves apart from their base (`won`/`win`,
 * `began`/`begin`, `died`/`die`, `children`/`child`), mapped to it. Forms that are also other
 * words are left out (`found` a company, `left` side, `saw`, `felt`, `bound`, `wound`, `lay`, `bit`, `fed`,
 * `rose`, `leaves`, `lives`, `bases`), and so are verbs whose base is a stop word (`made`, `took`, `came`).
 */
const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  (
    'arise:arose,arisen awake:awoke,awoken bear:bore,borne beat:beaten become:became begin:began,begun bend:bent bite:bitten ' +
    'blow:blew,blown break:broke,broken breed:bred bring:brought build:built buy:bought catch:caught choose:chose,chosen ' +
    'deal:dealt die:died,dies,dying dig:dug draw:drew,drawn drink:drank,drunk drive:drove,driven eat:ate,eaten fall:fell,fallen ' +
    'fight:fought flee:fled fly:flew,flown forbid:forbade,forbidden forget:forgot,forgotten forgive:forgave,forgiven ' +
    'freeze:froze,frozen give:gave,given go:went,gone grow:grew,grown hang:hung hear:heard hide:hid,hidden hold:held keep:kept ' +
    'know:knew,known lead:led lend:lent lie:lying lose:lost mean:meant meet:met overcome:overcame overtake:overtook pay:paid ' +
    'ride:rode,ridden ring:rang,rung rise:risen run:ran seek:sought sell:sold send:sent shake:shook,shaken shine:shone ' +
    'shoot:shot shrink:shrank,shrunk sing:sang,sung sink:sank,sunk sit:sat sleep:slept slide:slid speak:spoke,spoken ' +
    'spend:spent spin:spun spring:sprang,sprung stand:stood steal:stole,stolen stick:stuck sting:stung strike:struck,stricken ' +
    'strive:strove,striven swear:swore,sworn swim:swam,swum swing:swung teach:taught tear:tore,torn think:thought ' +
    'throw:threw,thrown tie:tied,ties,tying understand:understood undertake:undertook,undertaken uphold:upheld wake:woke,woken ' +
    'wear:wore,worn weep:wept win:won withdraw:withdrew,withdrawn withstand:withstood write:wrote,written ' +
    'man:men woman:women child:children foot:feet tooth:teeth mouse:mice goose:geese person:persons ' +
    'wife:wives knife:knives analysis:analyses crisis:crises thesis:theses hypothesis:hypotheses ' +
    'criterion:criteria phenomenon:phenomena'
  )
    .split(' ')
    .flatMap((entry) => {
      const [base, forms] = entry.split(':') as [string, string];
      return forms.split(',').map((form) => [form, base] as const);
    }),
);

/**
 * A word: letters, marks and digits, optionally joined by apostrophes (`wasn’t`, `Abrams’s`);
 * or a dotted acronym (`U.S.`, `U.N.`), tried first so that its dots are kept together.
 * Invisible controls (zero-width space, soft hyphen, bidi marks) inside a word do not cut it:
 * `Za\u200Brif` is one word, folded to `Zarif` by {@link normalizeForMatching}.
 */
const WORD_PATTERN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE_SUFFIX = /['’ʼ]s$/u;
const APOSTROPHES = /['’ʼ]/gu;
const ACRONYM = /^\p{Lu}{2,}$/u;
const ASCII_WORD = /^[\x21-\x7e]+$/;
const PLAIN_WORD = /^[A-Za-z0-9]+$/;
const PLURAL_ACRONYM = /^(\p{Lu}{2,})s$/u;

/** A word found in a text, with where it stands, before stemming. */
export interface WordToken extends TextRange {
  /** The word as written (`U.S.`, `Abrams’s`). */
  readonly raw: string;
  /** The word folded for matching: acronym dots and possessives removed (`US`, `Abrams`). */
  readonly word: string;
}

/**
 * Finds the words of a text with their offsets. The text is not rewritten, so offsets index
 * the caller's string (each word is normalised on its own for {@link WordToken.word}).
 *
 * @example tokenizeWords('U.S. envoy’s') // [{ raw: 'U.S.', word: 'US', … }, { raw: 'envoy’s', word: 'envoy', … }]
 */
export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const raw = match[0];
    const start = match.index;
    // Plain letters and digits (most words of an English corpus) need no folding at all; this
    // check makes analysis about twice as fast, which matters when passages are read at query time.
    const folded = PLAIN_WORD.test(raw) ? raw : (ASCII_WORD.test(raw) ? raw : normalizeForMatching(raw)).replace(/\./g, '').replace(POSSESSIVE_SUFFIX, '').replace(APOSTROPHES, '');
    if (folded.length > 0) tokens.push({ raw, word: folded, start, end: start + raw.length });
  }
  return tokens;
}

/**
 * Turns one folded word into an index term, or `null` when it carries no meaning for search.
 * Acronyms written in capitals (`US`, `UN`, `NATO`, `UAVs`) are kept whole and never taken for
 * stop words, so `U.S.` matches `US` while the pronoun `us` is ignored.
 *
 * @example toTerm('Sanctions') // 'sanction'
 * @example toTerm('US') // 'us'; toTerm('us') // null
 */
export function toTerm(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const term = computeTerm(word);
  // Words repeat heavily across a corpus; stemming each once makes indexing several times faster.
  if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
  termCache.set(word, term);
  return term;
}

const TERM_CACHE_SIZE = 200_000;
const termCache = new Map<string, string | null>();

function computeTerm(word: string): string | null {
  const pluralAcronym = PLURAL_ACRONYM.exec(word);
  if (pluralAcronym?.[1]) return pluralAcronym[1].toLowerCase();
  if (ACRONYM.test(word)) return word.toLowerCase();
  const lower = word.toLowerCase();
  if (STOP_WORDS.has(lower)) return null;
  // One letter is noise (the `s` of a split possessive, an initial); one digit can be an answer.
  if (lower.length < 2 && !/^\p{N}$/u.test(lower)) return null;
  const base = IRREGULAR_FORMS.get(lower);
  const stemmed = base !== undefined && !STOP_WORDS.has(base) ? base : lower;
  return /^[a-z]+$/.test(stemmed) ? porterStemmer.stem(stemmed) : stemmed;
}

/** A term of a text, with the range of the word it came from. */
export interface TermToken extends WordToken {
  readonly term: string;
}

/**
 * Analyses a text into terms with their offsets: {@link tokenizeWords} then {@link toTerm}.
 * Cost: linear in the text's length.
 */
export function analyze(text: string): TermToken[] {
  const terms: TermToken[] = [];
  for (const { raw, word, start, end } of tokenizeWords(text)) {
    const term = toTerm(word);
    if (term !== null) terms.push({ raw, word, start, end, term });
  }
  return terms;
}

/** The terms of a text, in order, duplicates kept: what the search index sees. */
export function analyzeTerms(text: string): string[] {
  return analyze(text).map((token) => token.term);
}
