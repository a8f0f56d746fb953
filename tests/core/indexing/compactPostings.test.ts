import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { compactPostings, setTermsChanged, setTermsInOrder } from '../../../src/core/indexing/compactPostings.js';
import { SAMPLE_TEXT } from '../../support/tempCorpus.js';

interface Doc {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

const DOCUMENTS: Doc[] = Object.entries(SAMPLE_TEXT).flatMap(([name, text], position) => [
  { id: `${name}#0`, title: name, text },
  { id: `${name}#1`, title: `${name} again`, text: `${text} ${text.split(' ').slice(0, 6).join(' ')}` },
  { id: `${name}#2`, title: `other ${position}`, text: text.split(' ').reverse().join(' ') },
]);
const OPTIONS = { fields: ['title', 'text'], storeFields: [] };
const QUERIES = ['Iran', 'Washington envoy', 'russia visa iranian', 'hook abrams', 'reprsentative', 'wash', 'again other', 'nothing matches this'];

function indexOf(documents: readonly Doc[]): MiniSearch<Doc> {
  const search = new MiniSearch<Doc>(OPTIONS);
  search.addAll(documents);
  return search;
}

/** An index's serialisation with its terms in sorted order: compaction puts them in that order. */
function serialised(search: MiniSearch<Doc>): unknown {
  const json = JSON.parse(JSON.stringify(search)) as { index: Array<[string, unknown]> };
  return { ...json, index: [...json.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
}

describe('compactPostings', () => {
  it('lists terms in the same order whatever order the documents were added in', () => {
    const forwards = indexOf(DOCUMENTS);
    const backwards = indexOf([...DOCUMENTS].reverse());
    compactPostings(forwards);
    compactPostings(backwards);
    const terms = (search: MiniSearch<Doc>) => (JSON.parse(JSON.stringify(search)) as { index: Array<[string, unknown]> }).index.map(([term]) => term);
    expect(terms(forwards)).toEqual(terms(backwards));
  });

  it('gives the same results, scores and serialisation as MiniSearch’s own maps', () => {
    const plain = indexOf(DOCUMENTS);
    const compact = indexOf(DOCUMENTS);
    compactPostings(compact);
    for (const query of QUERIES) {
      for (const options of [{}, { prefix: true }, { fuzzy: 0.2 }, { prefix: true, fuzzy: 0.3, boost: { title: 2 }, combineWith: 'AND' as const }]) {
        expect(compact.search(query, options)).toEqual(plain.search(query, options));
      }
    }
    expect(serialised(compact)).toEqual(serialised(plain));
    expect(compact.termCount).toBe(plain.termCount);
  });

  it('compacts a restored index as well, and the result restores again', () => {
    const json = JSON.stringify(indexOf(DOCUMENTS));
    const restored = MiniSearch.loadJSON<Doc>(json, OPTIONS);
    compactPostings(restored);
    const again = MiniSearch.loadJSON<Doc>(JSON.stringify(restored), OPTIONS);
    for (const query of QUERIES) expect(restored.search(query, { prefix: true })).toEqual(again.search(query, { prefix: true }));
  });

  it('leaves a term whose frequency does not fit in its maps, and still finds it', () => {
    const documents = [...DOCUMENTS, { id: 'long#0', title: 'long', text: 'buffalo '.repeat(300) }];
    const plain = indexOf(documents);
    const compact = indexOf(documents);
    compactPostings(compact);
    expect(compact.search('buffalo')).toEqual(plain.search('buffalo'));
    expect(serialised(compact)).toEqual(serialised(plain));
  });
});

describe('setTermsChanged', () => {
  /** A tree's shape: each node's keys in order, with the nodes below (values as they are). */
  function shape(node: Map<string, unknown>): unknown[] {
    return [...node].map(([key, value]) => [key, key === '' ? value : shape(value as Map<string, unknown>)]);
  }
  function treeOf(search: MiniSearch<{ id: string; text: string }>): Map<string, unknown> {
    return (search as unknown as { _index: { _tree: Map<string, unknown> } })._index._tree;
  }

  it('gives the tree that inserting every term in order gives, through a series of changes that split and join edges (seed 5)', () => {
    let state = 5;
    const random = (): number => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    // Short words of few letters: many share prefixes, so changes split and join edges.
    const word = (): string => Array.from({ length: 1 + Math.floor(random() * 5) }, () => 'abcé'[Math.floor(random() * 4)]).join('');
    let terms = new Map<string, unknown>();
    for (let n = 0; n < 60; n += 1) terms.set(word(), n);
    const options = { fields: ['text'] };
    let current = new MiniSearch<{ id: string; text: string }>(options);
    setTermsInOrder(current, terms);
    const before = shape(treeOf(current));
    for (let step = 0; step < 40; step += 1) {
      const changes = new Map<string, unknown>();
      for (let n = 0; n < 1 + Math.floor(random() * 6); n += 1) changes.set(word(), random() < 0.4 ? undefined : `step ${step}`);
      const next = new MiniSearch<{ id: string; text: string }>(options);
      const first = step === 0 ? before : undefined;
      setTermsChanged(next, current, changes);
      terms = new Map(terms);
      for (const [term, value] of changes) {
        if (value === undefined) terms.delete(term);
        else terms.set(term, value);
      }
      const built = new MiniSearch<{ id: string; text: string }>(options);
      setTermsInOrder(built, terms);

      expect({ step, tree: shape(treeOf(next)) }).toEqual({ step, tree: shape(treeOf(built)) });
      if (first !== undefined) expect(shape(treeOf(current))).toEqual(first);
      current = next;
    }
  });
});
