/**
 * Who said what: the quotations of a passage of news and the person each is attributed to
 * ("…," he said; X said: "…"; X described Y as "…"; according to X), "he" and "she" resolved to
 * the nearest person or role named before. Pure text analysis, no index.
 */
import type { TextRange } from '../types.js';
import { splitSentences } from './sentences.js';

/** A quotation and who it is attributed to. */
export interface AttributedQuote {
  /** The quoted words, without the quotation marks. */
  readonly quote: TextRange;
  /**
   * Who the quotation is attributed to, as written ("UKA chief executive David Moorcroft", "Kenteris'
   * lawyer Gregory Ioannidis"); "he" or "she" is replaced by the nearest person or role named before
   * it ("Mr Sarkozy"). `null` when the text says nobody.
   */
  readonly speaker: string | null;
  /** The verb that attributes it, lowercase (`said`, `described`, `told`, `according to`), or `null` with no speaker. */
  readonly verb: string | null;
}

/** A statement reported without quotation marks ("…, X told reporters", "X said that …", "according to X, …"), and who made it. */
export interface ReportedStatement {
  /** The sentence that reports it. */
  readonly sentence: TextRange;
  /** Who made it, as written; "he" or "she" replaced as for a quotation ({@link AttributedQuote.speaker}). */
  readonly speaker: string;
  /** The verb that reports it, lowercase (`said`, `told`, `according to`). */
  readonly verb: string;
}

interface Attribution {
  readonly speaker: string;
  readonly verb: string;
}

/** Options of {@link findAttributedQuotes}. */
export interface AttributionOptions {
  /** The text before `text` in its article (the paragraphs before it), where "he" or "she" may find the person it stands for. */
  readonly before?: string;
}

/** Verbs that attribute speech (past and present forms). */
const SPEECH_VERB =
  '(?:said|says|say|told|tells|added|adds|explained|insisted|warned|argued|claimed|stated|declared|admitted|continued|concluded|replied|remarked|wrote|writes|noted|stressed|acknowledged|commented|suggested|asked|joked|agreed|announced|recalled|revealed|confirmed|complained|described|describes|called|calls|dubbed|branded|labelled|labeled|hailed)';
/** Longest speaker phrase read before or after a speech verb, in words. */
const MAX_SPEAKER_WORDS = 9;
const SPEAKER_WORD = "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’.-]*";
const SPEAKER_PHRASE = `${SPEAKER_WORD}(?:\\s+${SPEAKER_WORD}){0,${MAX_SPEAKER_WORDS - 1}}`;
/** After a closing mark: `," he said`, `," MAB spokesman Dr Azzam Tamimi said`. */
const AFTER_SPEAKER_VERB = new RegExp(`^[,!?]?\\s*(${SPEAKER_PHRASE})\\s+(?:also\\s+|later\\s+|then\\s+)?${SPEECH_VERB}\\b`, 'u');
/** After a closing mark: `," said UKA chief executive David Moorcroft.` */
const AFTER_VERB_SPEAKER = new RegExp(`^[,!?]?\\s*${SPEECH_VERB}\\s+(${SPEAKER_PHRASE})`, 'u');
/** `according to X`, before or after. */
const ACCORDING_TO = new RegExp(`according to\\s+(${SPEAKER_PHRASE})`, 'iu');
/** Inside the clause before a quotation: `The ministers' comments, said Junya Tanase of JPMorgan, were "…"`. */
const INTERRUPT = new RegExp(`,\\s*${SPEECH_VERB}\\s+([^,.;"“”]{1,80}?)\\s*,`, 'u');
/** `described by one civil service union as a "…"`, `was called "…" by X` is not read (the speaker comes after). */
const PASSIVE_BY = /\b(described|called|dubbed|branded|labelled|labeled|hailed)\s+by\s+([^,.;"“”]{1,80}?)\s+as\s+(?:an?\s+|the\s+)?$/u;
/** Later in a sentence: `…, said PBS' Jacoba Atlas.` */
const INVERTED_LATER = new RegExp(`,\\s*${SPEECH_VERB}\\s+(${SPEAKER_PHRASE})\\s*[.,;]?\\s*$`, 'u');
/** The first speech verb of the text before a quotation: its subject is the speaker. */
const VERB_IN_BEFORE = new RegExp(`\\b${SPEECH_VERB}\\b`, 'u');
/** A reported statement's speaker at its sentence's end: `…, National Security Advisor Jake Sullivan told reporters in Washington.` */
const REPORTED_AT_END = new RegExp(`,\\s*(${SPEAKER_PHRASE})\\s+(?:(?:has|had|have|also|later|\\p{Ll}+ly)\\s+)*${SPEECH_VERB}\\b[^,;]{0,60}$`, 'u');
/** A reported statement's speaker first: `The minister said on Monday that …`, `Mr Brown told MPs the plan …`. */
const REPORTED_AT_START = new RegExp(`^(${SPEAKER_PHRASE})\\s+(?:(?:has|had|have|also|later|\\p{Ll}+ly)\\s+)*${SPEECH_VERB}\\s+\\S`, 'u');
/** A sentence's end punctuation and spaces. */
const SENTENCE_END = /[\s.!?…]+$/u;
const LEADING_FILLER = /^(?:(?:and|but|so|yet|however|meanwhile|still|also|instead|backstage|afterwards|later|then|now)\b[,]?\s*)+/iu;
const TRAILING_FILLER = /(?:\s+(?:has|have|had|was|were|is|also|afterwards|later|then|already|previously|publicly|earlier|once|again|had\s+also|has\s+also))+\s*$/iu;
/** A sentence whose subject is "he" or "she". */
const PRONOUN_SUBJECT = /^[\s"“]*(?:(?:and|but|so|then|later|backstage|afterwards|instead)[,]?\s+)?(?:he|she)\b/iu;
/** Words that stand for a person named before. */
const PRONOUN = /^(?:he|she)$/iu;
const WORD_END_SPEAKER = /[\s,;:]+$/u;

/**
 * Nouns for a person by role, which "he" or "she" can stand for as a name does ("the spokesman
 * … he said"). Compared lowercase.
 */
// biome-ignore format: packed word list
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'chairman', 'chairwoman', 'chair', 'executive',
  'analyst', 'lawyer', 'solicitor', 'director', 'commissioner', 'secretary', 'adviser', 'advisor', 'economist', 'official',
  'manager', 'coach', 'boss', 'leader', 'chancellor', 'governor', 'ambassador', 'envoy', 'chief', 'head', 'founder',
  'professor', 'judge', 'mayor', 'senator', 'mp', 'premier', 'king', 'queen', 'prince', 'captain', 'striker', 'actor',
  'actress', 'singer', 'frontman', 'producer', 'campaigner', 'farmer', 'author', 'editor', 'researcher', 'expert',
  'diplomat', 'general', 'commander', 'officer', 'inspector', 'presenter', 'star', 'player', 'owner', 'partner',
]);
/** Titles before a name. */
const TITLE = '(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Professor|Prof|President|Premier|Senator|Judge|Chancellor|Minister|Secretary|General|Gen|Col|Captain)\\.?';
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]+";
/** A titled name (`Mr Sarkozy`), or two or more capitalised words (`Nicolas Sarkozy`, `Kenteris' lawyer` is caught as a role). */
const ROLE_ALTERNATION = [...ROLE_NOUNS].join('|');
const PERSON_MENTION = new RegExp(
  `\\b(?:${NAME_WORD}\\s+)*(?:${ROLE_ALTERNATION})(?:\\s+${NAME_WORD})+|\\b${TITLE}\\s+${NAME_WORD}(?:\\s+${NAME_WORD})*|\\b${NAME_WORD}(?:\\s+(?:van|den|der|de|von|al|bin|da|di|le|la)?\\s*${NAME_WORD})+|\\b(?:${ROLE_ALTERNATION})\\b`,
  'gu',
);
/** A name right before a speech verb is a person (`Collins said`, `film-maker George Lucas has said`). */
const NAME_SPEAKING = new RegExp(`\\b(${NAME_WORD}(?:\\s+${NAME_WORD})*)\\s+(?:(?:has|had|have|also|later|afterwards|then|\\p{Ll}+ly)\\s+)*${SPEECH_VERB}\\b`, 'gu');
/** `…", adding: "…` — the second quotation is the first one's speaker's. */
const PARTICIPLE_RUN_ON = /^[^."“”]*,\s*(?:adding|saying|insisting|warning|explaining|arguing|telling\s+\S+(?:\s+\S+)?)\s*[:,]?\s*$/u;
/** A subject longer than this many words is a clause, not a speaker: its first person named is taken. */
const MAX_SUBJECT_WORDS = 10;
/** Capitalised words that start sentences and are no one. */
const NOT_NAMES =
  /^(?:The|A|An|But|And|He|She|It|They|We|I|You|This|That|These|Those|In|On|At|Of|For|With|As|If|When|While|After|Before|However|Still|So|Yet|Now|Then|There|Here|His|Her|Its|Their|Our|My|Your|Both|Many|Some|Most|All|One|Two|Three|Last|Next|Meanwhile|Backstage|Instead|Asked|Speaking)$/u;

/**
 * Finds the quotations of a text and who says each. Quotation marks are straight (`"`) or curly
 * (`“ ”`); a straight mark opens a quotation after a space or at the start and closes one
 * otherwise, and a quotation still open at the next opening mark ends there (news style repeats
 * the opening mark, not the closing one, when a quotation runs on into a new sentence). A
 * quotation is attributed by the words right after it (`," he said`, `," said X`), the clause
 * before it in its sentence (`X said: "`, `X described it as "`, `according to X, "`), or later
 * in its sentence (`…, said X.`); a quotation with none takes that of the quotation it runs on
 * from or into. "He" and "she" become the nearest person named before (a titled name, two or
 * more capitalised words, a single one speaking, or a role noun such as "spokesman"), in the
 * text outside quotations, else in `options.before`. Single quotes are not read (they are
 * apostrophes and quotations within quotations). Cost: linear in the text; tens of microseconds
 * for a paragraph.
 *
 * @example findAttributedQuotes('Collins said: "It\'s a great challenge."')[0].speaker // 'Collins'
 */
export function findAttributedQuotes(text: string, options: AttributionOptions = {}): AttributedQuote[] {
  const quotes = findQuotations(text);
  if (quotes.length === 0) return [];
  const speakers: (Attribution | null)[] = quotes.map((quote, position) => {
    const previousEnd = position > 0 ? quotes[position - 1]!.end + 1 : 0;
    const nextStart = position + 1 < quotes.length ? quotes[position + 1]!.start - 1 : text.length;
    const before = sentenceBefore(text.slice(previousEnd, Math.max(previousEnd, quote.start - 1)));
    const after = sentenceAfter(text.slice(Math.min(quote.end + 1, text.length), Math.max(quote.end + 1, nextStart)));
    // `"…," he said` / `"…?" he asked`: the words after a quotation attribute it only when it ends at a comma, "?" or "!".
    const endsClause = /[,?!]$/u.test(text.slice(quote.start, quote.end)) || /^[,?!]/u.test(after);
    return (endsClause ? attributionAfter(after) : null) ?? attributionBefore(before) ?? attributionLater(after);
  });
  // A quotation that runs on from or into an attributed one (only spaces, or the attribution, between them) shares its speaker.
  for (let pass = 0; pass < 2; pass += 1) {
    for (let position = 0; position < quotes.length; position += 1) {
      if (speakers[position] !== null) continue;
      const previous = position - 1;
      const next = position + 1;
      if (previous >= 0 && speakers[previous] !== null && isRunOn(text, quotes[previous]!, quotes[position]!)) speakers[position] = speakers[previous]!;
      else if (next < quotes.length && speakers[next] !== null && isRunOn(text, quotes[position]!, quotes[next]!)) speakers[position] = speakers[next]!;
    }
  }
  const outside = maskQuotations(text, quotes);
  let maskedBefore: string | undefined;
  const before = (): string => {
    maskedBefore ??= options.before === undefined ? '' : maskQuotations(options.before, findQuotations(options.before));
    return maskedBefore;
  };
  return quotes.map((quote, position) => {
    const found = speakers[position] ?? null;
    if (found === null) return { quote, speaker: null, verb: null };
    const speaker = isPronounPhrase(found.speaker) ? resolvePronoun(outside.slice(0, quote.start), before) : found.speaker;
    return { quote, speaker, verb: speaker === null ? null : found.verb };
  });
}

/**
 * Finds the statements a text reports without quotation marks, and who made each: a sentence
 * ending in its speaker and a speech verb (`…, National Security Advisor Jake Sullivan told
 * reporters in Washington.`, `…, said X.`), starting with them (`The minister said on Monday that
 * …`), or naming them with `according to`. A sentence holding a quotation mark is left to
 * {@link findAttributedQuotes}. "He" and "she" are resolved as for quotations. Cost: linear in the
 * text; tens of microseconds for a paragraph.
 *
 * @example findReportedStatements('Iran is preparing drones, Jake Sullivan told reporters.')[0].speaker // 'Jake Sullivan'
 */
export function findReportedStatements(text: string, options: AttributionOptions = {}): ReportedStatement[] {
  const statements: ReportedStatement[] = [];
  let maskedText: string | undefined;
  let maskedBefore: string | undefined;
  const before = (): string => {
    maskedBefore ??= options.before === undefined ? '' : maskQuotations(options.before, findQuotations(options.before));
    return maskedBefore;
  };
  for (const sentence of splitSentences(text)) {
    const words = text.slice(sentence.start, sentence.end);
    if (/["“”]/u.test(words)) continue;
    const found = reportedAttribution(words.replace(SENTENCE_END, ''));
    if (found === null) continue;
    maskedText ??= maskQuotations(text, findQuotations(text));
    const speaker = isPronounPhrase(found.speaker) ? resolvePronoun(maskedText.slice(0, sentence.start), before) : found.speaker;
    if (speaker !== null) statements.push({ sentence, speaker, verb: found.verb });
  }
  return statements;
}

/** Who a sentence without quotation marks reports, or `null` (see {@link findReportedStatements}). */
function reportedAttribution(sentence: string): Attribution | null {
  const according = ACCORDING_TO.exec(sentence);
  if (according !== null) return attributed(cutAtClause(according[1]!), 'according to');
  const inverted = INVERTED_LATER.exec(sentence);
  if (inverted !== null) return attributed(cutAtClause(inverted[1]!), inverted[0]);
  const atEnd = REPORTED_AT_END.exec(sentence);
  if (atEnd !== null && !/^(?:but|and|while|whereas|although|which|who)\b/iu.test(atEnd[1]!)) return attributed(atEnd[1]!, atEnd[0]);
  const atStart = REPORTED_AT_START.exec(sentence);
  if (atStart === null) return null;
  const verb = VERB_IN_BEFORE.exec(atStart[0]);
  return verb === null ? null : attributed(atStart[0].slice(0, verb.index), verb[0]);
}

/** The quotations of a text, as ranges inside their marks (see {@link findAttributedQuotes}). */
function findQuotations(text: string): TextRange[] {
  const quotes: TextRange[] = [];
  let openAt = -1;
  for (let at = 0; at < text.length; at += 1) {
    const mark = text[at];
    if (mark !== '"' && mark !== '“' && mark !== '”') continue;
    const before = at > 0 ? text[at - 1]! : ' ';
    const after = at + 1 < text.length ? text[at + 1]! : ' ';
    const opens = mark === '“' || (mark === '"' && /[\s([{—–-]/u.test(before) && !/\s/u.test(after));
    if (opens) {
      if (openAt >= 0) pushQuote(quotes, text, openAt, at);
      openAt = at + 1;
    } else if (openAt >= 0) {
      pushQuote(quotes, text, openAt, at);
      openAt = -1;
    }
  }
  if (openAt >= 0) pushQuote(quotes, text, openAt, text.length);
  return quotes;
}

function pushQuote(quotes: TextRange[], text: string, start: number, end: number): void {
  let trimmedEnd = end;
  while (trimmedEnd > start && /\s/u.test(text[trimmedEnd - 1]!)) trimmedEnd -= 1;
  if (trimmedEnd > start) quotes.push({ start, end: trimmedEnd });
}

/** The part of `text` (what stands before a quotation) in the quotation's sentence. */
function sentenceBefore(text: string): string {
  const end = Math.max(text.lastIndexOf('. '), text.lastIndexOf('? '), text.lastIndexOf('! '), text.lastIndexOf('\n'));
  return end < 0 ? text : text.slice(end + 1);
}

/** The part of `text` (what follows a quotation) in the quotation's sentence. */
function sentenceAfter(text: string): string {
  const end = /[.!?](?:\s|$)|\n/u.exec(text.slice(1));
  return end === null ? text : text.slice(0, end.index + 2);
}

function attributionAfter(after: string): Attribution | null {
  const inverted = AFTER_VERB_SPEAKER.exec(after);
  if (inverted !== null) return attributed(cutAtClause(inverted[1]!), inverted[0]);
  const direct = AFTER_SPEAKER_VERB.exec(after);
  // "…" but the government said…: a new clause with its own speaker.
  if (direct !== null && !/^(?:but|and|while|whereas|although)\b/iu.test(direct[1]!)) return attributed(direct[1]!, direct[0]);
  const according = /^[,.!?]?\s*according to/iu.test(after) ? ACCORDING_TO.exec(after) : null;
  return according === null ? null : attributed(cutAtClause(according[1]!), 'according to');
}

function attributionBefore(before: string): Attribution | null {
  const according = ACCORDING_TO.exec(before);
  if (according !== null) return attributed(cutAtClause(according[1]!), 'according to');
  const passive = PASSIVE_BY.exec(before);
  if (passive !== null) return attributed(passive[2]!, passive[1]!);
  const interrupt = INTERRUPT.exec(before);
  if (interrupt !== null) return attributed(interrupt[1]!, interrupt[0]);
  const verb = VERB_IN_BEFORE.exec(before);
  if (verb === null) return null;
  // "Cate Blanchett, who won for playing Katharine Hepburn, said…": the relative clause is no part of the speaker.
  const subject = cleanSpeaker(before.slice(0, verb.index).replace(/,\s*(?:who|which)\b[^,]*,/gu, ''));
  if (subject === null) return null;
  // "Of Hepburn, she said:" — the pronoun is the subject.
  const lastWord = /(\S+)$/u.exec(subject)?.[1] ?? '';
  if (PRONOUN.test(lastWord)) return { speaker: lastWord, verb: verb[0].toLowerCase() };
  return attributed(subject.split(/\s+/u).length > MAX_SUBJECT_WORDS ? lastClauseOf(subject) : subject, verb[0]);
}

function attributionLater(after: string): Attribution | null {
  const later = INVERTED_LATER.exec(after);
  return later === null ? null : attributed(cutAtClause(later[1]!), later[0]);
}

/** The speaker cleaned, with the last speech verb of `matched` (or `matched` itself when it is `according to`). */
function attributed(speaker: string | null, matched: string): Attribution | null {
  const cleaned = speaker === null ? null : cleanSpeaker(speaker);
  if (cleaned === null) return null;
  const verbs = [...matched.matchAll(new RegExp(`\\b${SPEECH_VERB}\\b`, 'gu'))];
  return { speaker: cleaned, verb: (verbs.at(-1)?.[0] ?? matched).toLowerCase() };
}

/**
 * The subject of the last clause of a long subject: "His comments come as the co-chairman of the
 * Conservative Party, Liam Fox, on Saturday" → "the co-chairman of the Conservative Party, Liam
 * Fox, on Saturday"; at most {@link MAX_SUBJECT_WORDS} words.
 */
function lastClauseOf(subject: string): string | null {
  const boundaries = [...subject.matchAll(/\b(?:as|after|before|when|while|because|since|that|where|whereas|although|though)\s+/gu)];
  const last = boundaries.at(-1);
  if (last === undefined) return firstMention(subject) ?? cleanSpeaker(subject.split(/\s+/u).slice(-MAX_SUBJECT_WORDS).join(' '));
  const clause = subject.slice(last.index + last[0].length);
  const words = clause.trim().split(/\s+/u);
  return cleanSpeaker(words.slice(-MAX_SUBJECT_WORDS).join(' '));
}

/** A speaker phrase ends at a clause: `Joaquin Almunia, "but…` → `Joaquin Almunia`. */
function cutAtClause(phrase: string): string {
  const cut = /\s+(?:who|which|that|when|as|after|before|in a|on|at)\s/u.exec(phrase);
  return cut === null ? phrase : phrase.slice(0, cut.index);
}

function cleanSpeaker(phrase: string): string | null {
  const cleaned = phrase
    .replace(WORD_END_SPEAKER, '')
    .trim()
    .replace(/[.,;:]+$/u, '')
    .replace(LEADING_FILLER, '')
    .replace(TRAILING_FILLER, '')
    .trim();
  return cleaned.length === 0 ? null : cleaned;
}

function isPronounPhrase(speaker: string): boolean {
  const first = /^\S+/u.exec(speaker)?.[0] ?? '';
  return PRONOUN.test(first);
}

/** Whether the text between two quotations is only spaces (a quotation run on), or an attribution. */
function isRunOn(text: string, first: TextRange, second: TextRange): boolean {
  const between = text.slice(first.end, second.start).replace(/["“”]/gu, '');
  return /^[\s,.!?]*(?:(?:and|or|but)[\s,]*)?$/u.test(between) || PARTICIPLE_RUN_ON.test(between) || AFTER_VERB_SPEAKER.test(between) || AFTER_SPEAKER_VERB.test(between);
}

/** The text with quoted words blanked out, so that names inside quotations are never taken for speakers. */
function maskQuotations(text: string, quotes: readonly TextRange[]): string {
  let masked = '';
  let at = 0;
  for (const quote of quotes) {
    masked += text.slice(at, quote.start) + ' '.repeat(quote.end - quote.start);
    at = quote.end;
  }
  return masked + text.slice(at);
}

/**
 * The person "he" or "she" stands for, from the text before it (`preceding`, quotations blanked),
 * else from the article before (`before`): the first person or role named in the nearest sentence
 * that names one (a sentence's subject comes first, and is what a pronoun opening the next
 * sentence usually means). A sentence whose subject is itself "he" or "she" is passed over (the
 * same person, named further back). A bare role ("the Tory leader") is completed by the last
 * name written after that role before it ("Tory leader Michael Howard").
 */
function resolvePronoun(preceding: string, before: () => string): string | null {
  for (const text of [preceding, before()]) {
    const sentences = text.split(/(?<=[.!?])\s+|\n/u);
    for (let sentence = sentences.length - 1; sentence >= 0; sentence -= 1) {
      if (PRONOUN_SUBJECT.test(sentences[sentence]!)) continue;
      const mention = firstMention(sentences[sentence]!);
      if (mention === null) continue;
      return ROLE_NOUNS.has(mention) ? (namedRole(mention, `${before()}\n${preceding}`) ?? mention) : mention;
    }
  }
  return null;
}

/** The last "ROLE Name Surname" written for a role noun in a text, or `null`. */
function namedRole(role: string, text: string): string | null {
  const named = [...text.matchAll(new RegExp(`\\b${role}\\s+(?:${TITLE}\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD})*`, 'gu'))];
  return named.at(-1)?.[0] ?? null;
}

/** The person named speaking in a text, else the first person or role named, or `null`. */
function firstMention(text: string): string | null {
  let best: { at: number; mention: string } | null = null;
  const consider = (at: number, mention: string): void => {
    if (best === null || at < best.at) best = { at, mention };
  };
  for (const match of text.matchAll(PERSON_MENTION)) {
    const words = match[0].split(/\s+/u);
    // A sentence's first word is capitalised anyway: "But Tony Blair" is Tony Blair.
    while (words.length > 1 && NOT_NAMES.test(words[0]!)) words.shift();
    if (words.length === 1 && /^\p{Lu}/u.test(words[0]!)) continue;
    // "US TV", "BBC News": organisations and programmes.
    if (words.every((word) => /^\p{Lu}{2,}$/u.test(word)) || words.some((word) => /^\p{Lu}{2,}$/u.test(word) && !ROLE_NOUNS.has(word.toLowerCase()) && words.length <= 2)) continue;
    const mention = words.join(' ');
    consider(match.index + match[0].length - mention.length, mention);
  }
  for (const match of text.matchAll(NAME_SPEAKING)) {
    const words = match[1]!.split(/\s+/u).filter((word) => !NOT_NAMES.test(word));
    if (words.length === 0) continue;
    // Two or more words speaking ("George Lucas has said") are whom the sentence is about, wherever they stand.
    if (words.length > 1) return words.join(' ');
    consider(match.index, words[0]!);
  }
  const found = best as { at: number; mention: string } | null;
  return found === null ? null : found.mention;
}
