/**
 * Other names for the same thing: an abbreviation and the name it stands for (`IMF`, "International
 * Monetary Fund"), a shortened word (`mln`, `million`), a country and its adjective (`Iran`,
 * `Iranian`). A short built-in list of the common ones, and the reading of the pairs an article
 * defines itself: "the International Monetary Fund (IMF)", "IMF (International Monetary Fund)".
 */
import { analyzeTerms, tokenizeWords, toTerm, type WordToken } from './analysis.js';

/**
 * The built-in groups of names for the same thing, `|` between the names of a group and `;`
 * between groups. A one-word name written with a capital ("US", "Turkey") stands for its group
 * only where the question writes it with one: `us` the pronoun, `turkey` the bird, `polish` the verb.
 */
// biome-ignore format: packed word list
const BUILT_IN_GROUPS =
  'US|U.S.|United States|American;UK|United Kingdom|Britain|British;UN|U.N.|United Nations;EU|European Union;' +
  'EC|European Community;EC|European Commission;IMF|International Monetary Fund;' +
  'WTO|World Trade Organization|World Trade Organisation;WHO|World Health Organization|World Health Organisation;' +
  'Nato|North Atlantic Treaty Organization|North Atlantic Treaty Organisation;' +
  'Opec|Organization of the Petroleum Exporting Countries|Organisation of the Petroleum Exporting Countries;' +
  'ILO|International Labour Organisation|International Labor Organization;ECB|European Central Bank;' +
  'FBI|Federal Bureau of Investigation;CIA|Central Intelligence Agency;NHS|National Health Service;' +
  'BBC|British Broadcasting Corporation;GDP|gross domestic product;CEO|chief executive officer|chief executive;' +
  'VAT|value added tax;MP|Member of Parliament;MEP|Member of the European Parliament;GP|general practitioner|family doctor;' +
  'GCSE|General Certificate of Secondary Education;AGM|annual general meeting;SMS|short message service|text message;' +
  'CCTV|closed-circuit television;DVD|digital versatile disc|digital video disc;PC|personal computer;TV|television;' +
  'IT|information technology;IP|Internet Protocol;VoIP|voice over Internet Protocol;' +
  'mln|million;bln|billion|bn;pct|percent|per cent;dlrs|dlr|dollars;cts|cents;Corp|Corporation;Inc|Incorporated;' +
  'Co|Company;Ltd|Limited;govt|government;intl|international;' +
  'Iran|Iranian;Iraq|Iraqi;Russia|Russian;China|Chinese;France|French;Germany|German;Japan|Japanese;Spain|Spanish;' +
  'Italy|Italian;Netherlands|Dutch|Holland;Switzerland|Swiss;Sweden|Swedish;Norway|Norwegian;Denmark|Danish;' +
  'Finland|Finnish;Poland|Polish;Greece|Greek;Turkey|Turkish;Israel|Israeli;Egypt|Egyptian;India|Indian;' +
  'Pakistan|Pakistani;Afghanistan|Afghan;Syria|Syrian;Ukraine|Ukrainian;Brazil|Brazilian;Mexico|Mexican;' +
  'Canada|Canadian;Australia|Australian;Ireland|Irish;Scotland|Scottish;Wales|Welsh;England|English;Korea|Korean;' +
  'Saudi Arabia|Saudi;Argentina|Argentine|Argentinian;Portugal|Portuguese;Belgium|Belgian;Austria|Austrian;' +
  'Hungary|Hungarian;Czech Republic|Czech;Nigeria|Nigerian;Kenya|Kenyan;Lebanon|Lebanese;Cuba|Cuban;' +
  'Vietnam|Vietnamese;Thailand|Thai;Philippines|Filipino|Philippine;Indonesia|Indonesian;Malaysia|Malaysian;' +
  'Kuwait|Kuwaiti;Libya|Libyan;Venezuela|Venezuelan;Colombia|Colombian;Chile|Chilean;Serbia|Serbian|Serb;' +
  'Taiwan|Taiwanese;Zimbabwe|Zimbabwean;Yemen|Yemeni;Sudan|Sudanese;Somalia|Somali;Europe|European';

/** One name of a group, as terms ({@link toTerm}), whether a question must write it with a capital, and whether it is only a near form of the name looked up. */
export interface NameForm {
  /** The name's terms, in order (`['intern', 'monetari', 'fund']`). */
  readonly terms: readonly string[];
  /** A one-word name written with a capital in the list: the question must capitalise it too. */
  readonly capitalised: boolean;
  /**
   * Only a near form of the name looked up, not the same name: two one-word names written as
   * words, not in capitals ("Australia"/"Australian", "Britain"/"British", "Corp"/"Corporation").
   * An abbreviation and its name ("US"/"United States", "NHS"/"National Health Service") are the
   * same name. A near form counts as the question's near forms do (a share of the term's weight).
   */
  readonly near: boolean;
}

/** The built-in list, read once: each name's groups, the terms names begin with, the capitalised one-word names. */
interface BuiltInNames {
  readonly groupsByName: ReadonlyMap<string, readonly (readonly NameForm[])[]>;
  readonly starts: ReadonlySet<string>;
  readonly capitalised: ReadonlySet<string>;
}

let builtIns: BuiltInNames | undefined;
/** A name of the list written as an abbreviation: two capitals or more ("US", "VoIP"), or a full stop ("U.S."). */
const WRITTEN_AS_ABBREVIATION = /\p{Lu}.*\p{Lu}|\./u;

/**
 * The built-in names for the same thing as `terms` (a name's terms, in order): for each group
 * that holds that name, the group's other names. Empty for a name no group holds.
 * Cost: the first call reads the list (about 150 groups, a millisecond or two); then a lookup.
 *
 * @example builtInAlternatives(['imf']) // [[{ terms: ['intern', 'monetari', 'fund'], capitalised: false, near: false }]]
 */
export function builtInAlternatives(terms: readonly string[]): readonly (readonly NameForm[])[] {
  builtIns ??= readGroups(BUILT_IN_GROUPS);
  return builtIns.groupsByName.get(terms.join(' ')) ?? [];
}

/** Whether some built-in name begins with `term`: a question's words from it may be a name of the list. */
export function isBuiltInNameStart(term: string): boolean {
  builtIns ??= readGroups(BUILT_IN_GROUPS);
  return builtIns.starts.has(term);
}

/** Whether `term` is a built-in one-word name written with a capital (`us`, `turkei`): a question must capitalise it. */
export function isCapitalisedBuiltIn(term: string): boolean {
  builtIns ??= readGroups(BUILT_IN_GROUPS);
  return builtIns.capitalised.has(term);
}

function readGroups(list: string): BuiltInNames {
  const byName = new Map<string, NameForm[][]>();
  const starts = new Set<string>();
  const capitalisedTerms = new Set<string>();
  for (const group of list.split(';')) {
    const forms: Array<NameForm & { readonly word: boolean }> = [];
    for (const name of group.split('|')) {
      const terms = analyzeTerms(name);
      if (terms.length === 0 || forms.some((form) => form.terms.join(' ') === terms.join(' '))) continue;
      const oneWord = terms.length === 1 && tokenizeWords(name).length === 1;
      const capitalised = oneWord && /^\p{Lu}/u.test(name);
      forms.push({ terms, capitalised, near: false, word: oneWord && !WRITTEN_AS_ABBREVIATION.test(name) });
      starts.add(terms[0]!);
      if (capitalised) capitalisedTerms.add(terms[0]!);
    }
    for (const form of forms) {
      const key = form.terms.join(' ');
      const others = forms.filter((other) => other !== form).map(({ terms, capitalised, word }) => ({ terms, capitalised, near: form.word && word }));
      const list = byName.get(key);
      if (list === undefined) byName.set(key, [others]);
      else list.push(others);
    }
  }
  return { groupsByName: byName, starts, capitalised: capitalisedTerms };
}

/** An abbreviation an article defines, as written: `{ short: 'IMF', long: 'International Monetary Fund' }`. */
export interface DefinedAbbreviation {
  readonly short: string;
  readonly long: string;
}

/** Words a name may hold without giving a letter to its abbreviation ("Organisation of the Petroleum…"). */
const LINKING_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'at', 'de', 'des', 'du', 'la', 'le', 'a', 'an']);
/** An abbreviation in parentheses: capitals ("IMF", "GCSEs", "VoIP") or a capitalised word of three letters or more ("Opec"). */
const ABBREVIATION = /^(?:\p{Lu}[\p{Lu}\p{Ll}&]*\p{Lu}[\p{Lu}\p{Ll}&]*|\p{Lu}\p{Ll}{2,7})$/u;
/** The longest name read before an abbreviation, in words. */
const MAX_NAME_WORDS = 12;
/** The longest text read inside parentheses for a name ("IMF (International Monetary Fund)"). */
const MAX_PARENTHESISED_NAME = 100;
/** Where a name cannot run across: sentence and clause punctuation, quotation marks, other parentheses. */
const NAME_BREAK = /[.;:!?()[\]"“”,\n]/u;

/**
 * The abbreviations a text defines: a name followed by its abbreviation in parentheses ("the
 * International Monetary Fund (IMF)", "gross domestic product (GDP)"), or an abbreviation followed
 * by its name ("IMF (International Monetary Fund)"). Evidence is asked for: each letter of the
 * abbreviation is the initial of a word of the name, in order, every word but linking ones
 * ("of", "the", "and"…) giving one (a hyphenated word gives one a part, a word with inner capitals
 * one a capital: "PlayStation Portable (PSP)"); a plural `s` is allowed ("GCSEs"). So "(AP)" after
 * "the agency", "(pictured)", tickers ("Google (GOOG)") and party labels ("(R-Texas)") are not
 * taken. Cost: linear in the text; only parentheses are looked at.
 *
 * @example findDefinedAbbreviations('the International Monetary Fund (IMF) said') // [{ short: 'IMF', long: 'International Monetary Fund' }]
 */
export function findDefinedAbbreviations(text: string): DefinedAbbreviation[] {
  const found: DefinedAbbreviation[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const close = text.indexOf(')', open + 1);
    if (close < 0) break;
    const inside = text.slice(open + 1, close).trim();
    if (inside.length === 0 || inside.length > MAX_PARENTHESISED_NAME) continue;
    const insideWords = tokenizeWords(inside);
    if (insideWords.length === 1 && insideWords[0]!.raw === inside && ABBREVIATION.test(inside)) {
      const before = wordsBefore(text, open);
      const start = matchInitials(lettersOf(inside), before, text, false);
      if (start >= 0) found.push({ short: inside, long: text.slice(before[start]!.start, before.at(-1)!.end) });
    } else if (insideWords.length >= 2 && !NAME_BREAK.test(inside)) {
      const previous = wordsBefore(text, open).at(-1);
      if (previous === undefined || !/^[ \t]*$/.test(text.slice(previous.end, open)) || !ABBREVIATION.test(previous.raw.replace(/\./g, ''))) continue;
      if (matchInitials(lettersOf(previous.raw), insideWords, inside, true) === 0) found.push({ short: previous.raw, long: inside });
    }
  }
  return found;
}

/** The words just before `at`, back to the last break ({@link NAME_BREAK}), at most {@link MAX_NAME_WORDS}. */
function wordsBefore(text: string, at: number): WordToken[] {
  const from = Math.max(0, at - 200);
  const slice = text.slice(from, at);
  let cut = 0;
  for (let position = slice.length - 1; position >= 0; position -= 1) {
    if (NAME_BREAK.test(slice[position]!)) {
      cut = position + 1;
      break;
    }
  }
  return tokenizeWords(slice.slice(cut))
    .slice(-MAX_NAME_WORDS)
    .map((token) => ({ ...token, start: token.start + from + cut, end: token.end + from + cut }));
}

/** An abbreviation's letters, lowercased, without dots, `&` and a plural `s` ("GCSEs" → `gcse`). */
function lettersOf(abbreviation: string): string {
  const plain = abbreviation.replace(/[.&]/g, '');
  return (/^\p{Lu}{2,}s$/u.test(plain) ? plain.slice(0, -1) : plain).toLowerCase();
}

/**
 * Where the name whose initials spell `letters` starts among `words` (found in `text`), ending at
 * the last word; -1 when none does. With `whole`, the name must start at the first word (0) as
 * well. Linking words, and the second part of a hyphenated word ("Low-fare"), may give a letter
 * or none; every other word gives one (a word's inner capitals may give one each).
 */
function matchInitials(letters: string, words: readonly WordToken[], text: string, whole: boolean): number {
  if (letters.length < 2 || words.length === 0) return -1;
  const initialsOf = words.map((token) => initialsOptions(token.raw));
  const optional = words.map((token, at) => LINKING_WORDS.has(token.word.toLowerCase()) || (at > 0 && text[token.start - 1] === '-' && words[at - 1]!.end === token.start - 1));
  const attempt = (wordIndex: number, letterEnd: number): number => {
    if (letterEnd === 0) return whole ? (wordIndex === -1 ? 0 : -1) : wordIndex + 1;
    if (wordIndex < 0) return -1;
    // A linking word gives no letter first ("Organisation of the Petroleum…"), one if need be ("Drink Or Die (DOD)").
    if (optional[wordIndex] && wordIndex < words.length - 1) {
      const start = attempt(wordIndex - 1, letterEnd);
      if (start >= 0) return start;
    }
    for (const initials of initialsOf[wordIndex]!) {
      if (initials.length <= letterEnd && letters.slice(letterEnd - initials.length, letterEnd) === initials) {
        const start = attempt(wordIndex - 1, letterEnd - initials.length);
        if (start >= 0) return start;
      }
    }
    return -1;
  };
  const start = attempt(words.length - 1, letters.length);
  // A name that is its own abbreviation ("Opec (Opec)") defines nothing.
  if (start >= 0 && words.length - start === 1 && words[start]!.word.toLowerCase() === letters) return -1;
  return start;
}

/** The letters a word may give an abbreviation: its initial; its inner capitals' initials ("PlayStation" → `ps`). */
function initialsOptions(raw: string): string[] {
  const options = [raw[0]!.toLowerCase()];
  const capitals = raw.match(/\p{Lu}/gu);
  if (capitals !== null && capitals.length >= 2 && /^\p{Lu}/u.test(raw) && !/^\p{Lu}+$/u.test(raw)) options.unshift(capitals.join('').toLowerCase());
  return options;
}

/**
 * The term of an abbreviation as written ("GCSEs" → `gcse`, "U.S." → `us`), or `null`.
 *
 * @example abbreviationTerm('Opec') // 'opec'
 */
export function abbreviationTerm(short: string): string | null {
  const word = tokenizeWords(short)[0]?.word;
  return word === undefined ? null : toTerm(word);
}
