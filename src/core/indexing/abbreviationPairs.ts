/**
 * The abbreviations a corpus defines itself ("the International Monetary Fund (IMF)"), learned
 * at index time and kept with the index, so that a question may use either form.
 */
import { abbreviationTerm, findDefinedAbbreviations } from '../text/abbreviations.js';
import { analyzeTerms } from '../text/analysis.js';
import type { Article } from '../types.js';

/** The most names kept for one abbreviation (the ones most articles define), so that a question's cost stays bounded. */
const MAX_NAMES_PER_ABBREVIATION = 3;

/**
 * The abbreviation pairs of a corpus, as terms: each abbreviation's names and each name's
 * abbreviations. Built from {@link counts}, the number of articles that define each pair, so
 * that a table made by adding and removing articles is the table of a fresh build.
 */
export class AbbreviationTable {
  /** Each pair as `abbreviation<TAB>name's terms` (`imf\tintern monetari fund`), with the number of articles defining it. */
  readonly counts: ReadonlyMap<string, number>;
  private readonly namesByShort = new Map<string, string[][]>();
  private readonly shortsByName = new Map<string, string[]>();
  private readonly nameStarts = new Set<string>();

  constructor(counts: ReadonlyMap<string, number>) {
    this.counts = counts;
    // Most-defined first, then in key order: the same table whatever order the articles came in.
    const pairs = [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0));
    for (const [key] of pairs) {
      const [short, name] = key.split('\t') as [string, string];
      const names = this.namesByShort.get(short) ?? [];
      if (names.length === MAX_NAMES_PER_ABBREVIATION) continue;
      names.push(name.split(' '));
      this.namesByShort.set(short, names);
      const shorts = this.shortsByName.get(name) ?? [];
      shorts.push(short);
      this.shortsByName.set(name, shorts);
      this.nameStarts.add(name.split(' ')[0]!);
    }
  }

  /** The names (as terms) the corpus gives an abbreviation's term; empty when it defines none. */
  namesOf(short: string): readonly (readonly string[])[] {
    return this.namesByShort.get(short) ?? [];
  }

  /** The abbreviations (as terms) the corpus gives a name (its terms); empty when it defines none. */
  abbreviationsOf(name: readonly string[]): readonly string[] {
    return this.shortsByName.get(name.join(' ')) ?? [];
  }

  /** Whether some name the corpus abbreviates begins with `term`. */
  startsName(term: string): boolean {
    return this.nameStarts.has(term);
  }
}

/** Each article's pairs, read once while the article object lives. */
const articlePairs = new WeakMap<Article, readonly string[]>();

/**
 * The abbreviation pairs an article defines ({@link findDefinedAbbreviations}), as table keys,
 * each once. A name whose terms are the abbreviation's own ("Opec (OPEC)") is no pair.
 * Cost: linear in the article's text, once per article object.
 *
 * @example learnAbbreviationPairs(article) // ['imf\tintern monetari fund']
 */
export function learnAbbreviationPairs(article: Article): readonly string[] {
  let pairs = articlePairs.get(article);
  if (pairs !== undefined) return pairs;
  const keys = new Set<string>();
  for (const { short, long } of findDefinedAbbreviations(article.text)) {
    const term = abbreviationTerm(short);
    const name = analyzeTerms(long);
    if (term === null || name.length === 0 || (name.length === 1 && name[0] === term) || name.includes(term)) continue;
    keys.add(`${term}\t${name.join(' ')}`);
  }
  pairs = [...keys].sort();
  articlePairs.set(article, pairs);
  return pairs;
}

/**
 * The abbreviation table of a corpus. Cost: linear in the articles' text (only parentheses are
 * looked at); a few milliseconds for a few thousand news articles.
 *
 * @example buildAbbreviationTable(articles).namesOf('imf') // [['intern', 'monetari', 'fund']]
 */
export function buildAbbreviationTable(articles: readonly Article[]): AbbreviationTable {
  return updateAbbreviationTable(new AbbreviationTable(new Map()), [], articles);
}

/**
 * The table after a change of the corpus: the removed articles' pairs taken out, the added
 * ones' put in; the same table as {@link buildAbbreviationTable} of the corpus after it.
 * Cost: linear in the changed articles, plus a pass over the table's pairs.
 */
export function updateAbbreviationTable(table: AbbreviationTable, removed: readonly Article[], added: readonly Article[]): AbbreviationTable {
  const counts = new Map(table.counts);
  for (const article of removed) {
    for (const key of learnAbbreviationPairs(article)) {
      const count = (counts.get(key) ?? 0) - 1;
      if (count > 0) counts.set(key, count);
      else counts.delete(key);
    }
  }
  for (const article of added) for (const key of learnAbbreviationPairs(article)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return new AbbreviationTable(counts);
}

/** The table as JSON text, for an index snapshot. */
export function saveAbbreviationTable(table: AbbreviationTable): string {
  return JSON.stringify([...table.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The table saved by {@link saveAbbreviationTable}.
 *
 * @throws Error (`index snapshot: …`) when the text is not a list of pairs and counts
 */
export function restoreAbbreviationTable(json: string): AbbreviationTable {
  let saved: unknown;
  try {
    saved = JSON.parse(json);
  } catch (error) {
    throw new Error(`index snapshot: the abbreviations section is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const valid = (entry: unknown): entry is [string, number] =>
    Array.isArray(entry) && typeof entry[0] === 'string' && entry[0].includes('\t') && Number.isInteger(entry[1]) && (entry[1] as number) > 0;
  if (!Array.isArray(saved) || !saved.every(valid)) throw new Error('index snapshot: the abbreviations section is not a list of pairs');
  return new AbbreviationTable(new Map(saved));
}
