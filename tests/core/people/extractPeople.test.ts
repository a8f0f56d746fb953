import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/text/normalize.js';
import { extractPeople, type PersonSpan } from '../../../src/core/people/extractPeople.js';
import { splitSentences } from '../../../src/core/text/sentences.js';

/** The sentences of a seed article's body (front matter removed), as the bot splits them. */
function seedSentences(id: string): string[] {
  const file = readFileSync(new URL(`../../../corpus/${id}.md`, import.meta.url), 'utf8');
  const body = normalizeText(file).replace(/^---\n[\s\S]*?\n---\n/u, '');
  return splitSentences(body).map((range) => body.slice(range.start, range.end));
}

const SEED_IDS = [
  'defying-america-russia-policy-towards-iran',
  'iran-relationship-russia-washington-pressure',
  'iran-ties-russia-us-meddling',
  'russia-iran-deepening-relationship',
  'russian-iranian-alliance-that-wasnt',
] as const;

/** The names found in each sentence of a seed article, next to the sentence. */
function peopleBySentence(id: string): Array<{ sentence: string; names: string[] }> {
  const sentences = seedSentences(id);
  const found = extractPeople(sentences);
  return sentences.map((sentence, index) => ({ sentence, names: (found[index] ?? []).map((span) => span.text) }));
}

/** The names found in the first sentence of an article that contains `fragment`. */
function namesIn(id: string, fragment: string): string[] {
  const entry = peopleBySentence(id).find(({ sentence }) => sentence.includes(fragment));
  if (entry === undefined) throw new Error(`no sentence of ${id} contains "${fragment}"`);
  return entry.names;
}

/** Every name found in an article, in order. */
function allNames(id: string): string[] {
  return peopleBySentence(id).flatMap(({ names }) => names);
}

describe('extractPeople on the seed articles', () => {
  it('finds both foreign ministers in a photo caption and leaves the photo credit out', () => {
    expect(namesIn('iran-relationship-russia-washington-pressure', 'Getty Images')).toEqual(['Javad Zarif', 'Sergei Lavrov']);
  });

  it('keeps a three-part name whole (Mohammad Javad Zarif)', () => {
    expect(namesIn('iran-ties-russia-us-meddling', 'According to a report from Al-Monitor')).toEqual(['Mohammad Javad Zarif']);
  });

  it('finds the outgoing and incoming envoys, in the spelling each article uses', () => {
    expect(namesIn('iran-relationship-russia-washington-pressure', 'replacement of U.S. special representative')).toEqual(['Brian Hook', 'Elliott Abrams']);
    expect(namesIn('iran-ties-russia-us-meddling', 'replacement of U.S. special representative')).toContain('Elliot Abrams');
  });

  it('finds the ambassador whose name follows a dotted acronym (ambassador to the U.N. Kelly Craft)', () => {
    expect(namesIn('iran-relationship-russia-washington-pressure', 'ambassador to the U.N.')).toEqual(['Kelly Craft']);
  });

  it('takes a surname alone for the person the article named in full (Craft said)', () => {
    expect(namesIn('iran-ties-russia-us-meddling', 'shine a light on them')).toEqual(['Craft']);
  });

  it('leaves out the title before a name (President Putin → Putin)', () => {
    expect(namesIn('russia-iran-deepening-relationship', 'supporting President Putin')).toEqual(['Putin']);
  });

  it('leaves out a title and a possessive with a straight apostrophe (Mr. Trump’s → Trump)', () => {
    const sentence = peopleBySentence('iran-relationship-russia-washington-pressure').find(({ sentence: text }) => text.includes("Mr. Trump's term"));
    expect(sentence?.names).toEqual(['Abrams', 'Trump']);
  });

  it('leaves out a possessive with a curly apostrophe (Abrams’s appointment → Abrams)', () => {
    expect(namesIn('iran-ties-russia-us-meddling', 'Abrams’s appointment')).toEqual(['Abrams', 'Trump']);
  });

  it('finds a leader named by his regime or administration (the Assad regime, the Trump administration)', () => {
    expect(namesIn('iran-ties-russia-us-meddling', 'prop up the Assad regime')).toEqual(['Assad']);
    expect(namesIn('iran-ties-russia-us-meddling', 'the Trump administration announced')[0]).toBe('Trump');
  });

  it('finds the presidents in a photo caption after their nationality and title', () => {
    expect(namesIn('russia-iran-deepening-relationship', 'shakes hands with')).toEqual(['Vladimir Putin', 'Ebrahim Raisi']);
  });

  it('finds officials after a long title (National Security Advisor, Supreme Leader, State Department Spokesperson, Special Envoy)', () => {
    expect(namesIn('russia-iran-deepening-relationship', 'National Security Advisor')).toEqual(['Jake Sullivan']);
    expect(namesIn('russia-iran-deepening-relationship', 'That deepening alliance')).toEqual(['Vladimir Putin', 'Ali Khamenei']);
    expect(namesIn('russia-iran-deepening-relationship', 'State Department Spokesperson')).toEqual(['Ned Price', 'Putin']);
    expect(namesIn('russia-iran-deepening-relationship', 'In an interview on CNN')).toEqual(['Robert Malley']);
  });

  it('does not take a title alone for a person (the Supreme Leader offered his support)', () => {
    expect(namesIn('russia-iran-deepening-relationship', 'the Supreme Leader offered his support')).toEqual(['Putin']);
  });

  it('finds the host and both counterparts of a meeting (Sergey Lavrov, Mohammad Javad Zarif, Walid Moallem)', () => {
    expect(namesIn('russian-iranian-alliance-that-wasnt', 'hosted his Iranian and Syrian counterparts')).toEqual(['Sergey Lavrov', 'Mohammad Javad Zarif', 'Walid Moallem']);
  });

  it('finds the author in a byline and in an author line', () => {
    expect(namesIn('russian-iranian-alliance-that-wasnt', 'By Hamidreza Azizi')).toEqual(['Hamidreza Azizi']);
    expect(namesIn('defying-america-russia-policy-towards-iran', 'Author(s)')).toEqual(['Witold Rodkiewicz']);
  });

  it('names no outlet, organisation, place or title as a person anywhere in the seed articles', () => {
    const notPeople = [
      'Al-Monitor',
      'Getty Images',
      'White House',
      'Security Council',
      'Page Count',
      'New York Times',
      'Kremlin',
      'Supreme Leader',
      'Eurasian Economic Union',
      'Iran Business News',
      'CNN',
      'State Department',
      'Washington',
      'Moscow',
      'Tehran',
      'Iran',
      'Russia',
      'Ukraine',
    ];
    const found = SEED_IDS.flatMap(allNames);
    for (const name of notPeople) expect(found.filter((text) => text.includes(name))).toEqual([]);
  });

  it('finds only people in the analysis article, which names nobody but its author', () => {
    expect(allNames('defying-america-russia-policy-towards-iran')).toEqual(['Witold Rodkiewicz']);
  });
});

describe('extractPeople spans', () => {
  it('returns one list per sentence, each span giving its own text as the sentence slice', () => {
    for (const id of SEED_IDS) {
      const sentences = seedSentences(id);
      const found = extractPeople(sentences);
      expect(found).toHaveLength(sentences.length);
      found.forEach((spans: PersonSpan[], index) => {
        for (const span of spans) expect(sentences[index]!.slice(span.start, span.end)).toBe(span.text);
      });
    }
  });

  it('gives character offsets into the sentence (Kelly Craft after U.N.)', () => {
    const sentence = 'U.S. ambassador to the U.N. Kelly Craft said earlier this week.';
    expect(extractPeople([sentence])).toEqual([[{ start: 28, end: 39, text: 'Kelly Craft' }]]);
  });

  it('gives the same answer every time', () => {
    const sentences = seedSentences('russia-iran-deepening-relationship');
    expect(extractPeople(sentences)).toEqual(extractPeople(sentences));
  });

  it('returns an empty list for an empty document', () => {
    expect(extractPeople([])).toEqual([]);
  });
});

describe('extractPeople across a document', () => {
  const story = [
    'ZARIF MEETS LAVROV IN MOSCOW',
    'Iranian foreign minister Mohammad Javad Zarif met Russian foreign minister Sergei Lavrov in Moscow on Tuesday.',
    'Zarif said the talks were useful.',
  ];

  it('finds a surname in a headline in capitals when the story names the person', () => {
    expect(extractPeople(story)[0]!.map((span) => span.text)).toEqual(['ZARIF', 'LAVROV']);
  });

  it('finds a surname alone at the start of a sentence when the story names the person', () => {
    expect(extractPeople(story)[2]!.map((span) => span.text)).toEqual(['Zarif']);
  });

  it('finds nobody in a headline in capitals that names no one the story confirms', () => {
    expect(extractPeople(['IRAN AND RUSSIA SIGN OIL DEAL', 'Iran and Russia signed a deal on Tuesday.'])).toEqual([[], []]);
  });
});

describe('extractPeople on Unicode text', () => {
  it('keeps letters with diacritics inside a name and takes no institute for a person (Ryszard Świątek, Ośrodek Studiów Wschodnich)', () => {
    const found = extractPeople(['Author(s): Ryszard Świątek', 'Published by: Ośrodek Studiów Wschodnich']);
    expect(found.map((spans) => spans.map((span) => span.text))).toEqual([['Ryszard Świątek'], []]);
  });

  it('keeps combining accents inside a name written in decomposed form (NFD)', () => {
    const sentence = 'European Commission President Jose\u0301 Manuel Barroso met officials in Brussels.'.normalize('NFD');
    const [spans] = extractPeople([sentence]);
    expect(spans?.map((span) => span.text)).toEqual(['Jose\u0301 Manuel Barroso'.normalize('NFD')]);
  });
});
