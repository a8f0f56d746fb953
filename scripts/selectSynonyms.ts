/**
 * Reads WordNet's database text into the synonym list re-ranking uses: for each word common
 * enough to be sense-tagged in WordNet's corpus, the words of its two commonest senses in each
 * part of speech (synonyms), and the words derived from it or it from them (`decide`/`decision`,
 * `France`/`French`), both common too. Multi-word entries are left out: a question's words are
 * matched one by one.
 *
 * Why these limits: on SQuAD (`npm run eval`, tuning and held-out halves, see `rerank.ts`)
 * every sense and rare word (synonyms for 41,000 terms) gave the same R@1, and R@3 within 0.002,
 * as common words only (9,000 terms), and cost news questions one more answer phrase; one sense
 * per word (all words) gave R@3 0.899 against 0.900 on the tuning half, three senses the same as
 * two within 0.003.
 */

/** The database files of one WordNet release, as text. */
export interface WordNetFiles {
  readonly index: Readonly<Record<PartOfSpeech, string>>;
  readonly data: Readonly<Record<PartOfSpeech, string>>;
  readonly license: string;
}

type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';

const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];
/** Senses read per word and part of speech: WordNet lists them commonest first. */
const SENSES_READ = 2;
/** Pointer symbols followed: derivationally related form, and pertainym ("pertains to noun"). */
const DERIVED_FORM_POINTERS: ReadonlySet<string> = new Set(['+', '\\']);
const POINTER_TARGET_PART: Readonly<Record<string, PartOfSpeech>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

interface Pointer {
  readonly symbol: string;
  readonly target: string;
  /** The word of the source synset the pointer is from (1-based), or 0 for the whole synset. */
  readonly sourceWord: number;
  /** The word of the target synset the pointer is to (1-based), or 0 for the whole synset. */
  readonly targetWord: number;
}

interface Synset {
  readonly words: readonly string[];
  readonly pointers: readonly Pointer[];
}

/**
 * The synonym list, one line a word: the word, a tab, and its related words separated by
 * spaces, lines and words sorted.
 */
export function synonymLines(files: WordNetFiles): string[] {
  const synsets = new Map<string, Synset>();
  for (const part of PARTS_OF_SPEECH)
    for (const line of databaseLines(files.data[part])) {
      const [key, synset] = parseSynset(part, line);
      synsets.set(key, synset);
    }
  const entries = PARTS_OF_SPEECH.flatMap((part) => databaseLines(files.index[part]).map((line) => ({ part, ...parseIndexEntry(line) })));
  // Sense-tagged single words: the only ones related, on either side.
  const common = new Set(entries.filter((entry) => entry.taggedSenses > 0 && !entry.lemma.includes('_')).map((entry) => entry.lemma));

  const related = new Map<string, Set<string>>();
  const relate = (word: string, other: string): void => {
    if (word === other || !common.has(word) || !common.has(other)) return;
    let words = related.get(word);
    if (words === undefined) related.set(word, (words = new Set()));
    words.add(other);
  };
  for (const { part, lemma, synsetOffsets } of entries) {
    for (const offset of synsetOffsets.slice(0, SENSES_READ)) {
      const synset = synsets.get(`${part}:${offset}`);
      if (synset === undefined) continue;
      for (const word of synset.words) relate(lemma, word);
      const position = synset.words.indexOf(lemma) + 1;
      for (const pointer of synset.pointers) {
        if (!DERIVED_FORM_POINTERS.has(pointer.symbol) || (pointer.sourceWord !== 0 && pointer.sourceWord !== position)) continue;
        const target = synsets.get(pointer.target);
        if (target === undefined) continue;
        const targetWords = pointer.targetWord === 0 ? target.words : [target.words[pointer.targetWord - 1]].filter((word) => word !== undefined);
        for (const word of targetWords) {
          relate(lemma, word);
          relate(word, lemma);
        }
      }
    }
  }
  return [...related].map(([word, words]) => `${word}\t${[...words].sort().join(' ')}`).sort();
}

/** The lines of a database file past its licence header (which starts with two spaces). */
function databaseLines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0 && !line.startsWith('  '));
}

/** `lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...` */
function parseIndexEntry(line: string): { lemma: string; taggedSenses: number; synsetOffsets: string[] } {
  const fields = line.trim().split(' ');
  const pointerCount = Number(fields[3]);
  const synsetCount = Number(fields[2]);
  return { lemma: fields[0]!, taggedSenses: Number(fields[5 + pointerCount]), synsetOffsets: fields.slice(fields.length - synsetCount) };
}

/** `offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames...] | gloss` */
function parseSynset(part: PartOfSpeech, line: string): [string, Synset] {
  const fields = line.split(' | ')[0]!.split(' ');
  const wordCount = parseInt(fields[3]!, 16);
  const words: string[] = [];
  let at = 4;
  for (let word = 0; word < wordCount; word += 1, at += 2) words.push(fields[at]!.replace(/\(.*\)$/, '').toLowerCase());
  const pointerCount = Number(fields[at]);
  at += 1;
  const pointers: Pointer[] = [];
  for (let pointer = 0; pointer < pointerCount; pointer += 1, at += 4) {
    const targetPart = POINTER_TARGET_PART[fields[at + 2]!];
    const sourceTarget = fields[at + 3]!;
    if (targetPart === undefined) continue;
    pointers.push({
      symbol: fields[at]!,
      target: `${targetPart}:${fields[at + 1]}`,
      sourceWord: parseInt(sourceTarget.slice(0, 2), 16),
      targetWord: parseInt(sourceTarget.slice(2), 16),
    });
  }
  return [`${part}:${fields[0]}`, { words, pointers }];
}
