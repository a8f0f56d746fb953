/**
 * Words of the same meaning, for re-ranking: a question says `postpone` or `beat`, the passage
 * that answers says `delay` or `defeat`. From WordNet (see `scripts/selectSynonyms.ts` for what
 * is kept), held as terms, so that they match passages the way the question's own words do.
 */
import { toTerm } from './analysis.js';
import { WORDNET_SYNONYMS } from './wordnetSynonyms.generated.js';

let synonymsByTerm: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * The terms of the words WordNet relates to a term's words (synonyms in their commonest senses,
 * derived forms), other than the term itself; empty for a term it does not know.
 * Cost: the first call reads the list (12,000 words, about 0.2 s); then a lookup.
 *
 * @example synonymTerms('postpon') // ['delai', 'prorogu', 'defer', …]
 */
export function synonymTerms(term: string): readonly string[] {
  synonymsByTerm ??= readSynonyms(WORDNET_SYNONYMS);
  return synonymsByTerm.get(term) ?? [];
}

/** Reads `word<TAB>word word…` lines into terms; words whose terms coincide pool their synonyms. */
function readSynonyms(lines: string): Map<string, readonly string[]> {
  const sets = new Map<string, Set<string>>();
  for (const line of lines.split('\n')) {
    const [word, related = ''] = line.split('\t');
    const term = word === undefined ? null : toTerm(word);
    if (term === null) continue;
    let terms = sets.get(term);
    for (const other of related.split(' ')) {
      const otherTerm = toTerm(other);
      if (otherTerm === null || otherTerm === term) continue;
      if (terms === undefined) sets.set(term, (terms = new Set()));
      terms.add(otherTerm);
    }
  }
  return new Map([...sets].map(([term, terms]) => [term, [...terms]]));
}
