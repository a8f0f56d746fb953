/**
 * MiniSearch keeps, for every term, a `Map` of fields and, for every field, a `Map` from document
 * to term frequency: about 40 bytes a posting and 150 more for each map, most of the memory of an
 * index (most terms are in one or two documents). Once an index is complete, {@link compactPostings}
 * packs every posting into 4 bytes of one shared array and puts, in place of each term's maps,
 * read-only objects that answer the few calls MiniSearch makes on them (`get`, `size`, `keys`,
 * iteration). Searches read the same postings in the same order, so they score exactly as before;
 * `toJSON` writes the same index. A compacted index is read-only: MiniSearch's own `add` and
 * `remove` are not supported on it; `updateSearchIndex` makes a new index from it instead.
 */
import type MiniSearch from 'minisearch';

/** The parts of MiniSearch (7.x) that are replaced: its term index, a radix tree of terms. */
interface MiniSearchInternals {
  readonly _index: {
    [Symbol.iterator](): Iterator<[string, unknown]>;
    set(term: string, value: unknown): unknown;
  };
  readonly _fieldIds: Readonly<Record<string, number>>;
}

/** A posting is `document * 256 + frequency`: documents below 2^24, frequencies up to 255 (else the term keeps its maps). */
const FREQUENCY_BITS = 8;
const MAX_FREQUENCY = (1 << FREQUENCY_BITS) - 1;
const MAX_DOCUMENT = 2 ** (32 - FREQUENCY_BITS) - 1;

/** Every compacted posting of one index, and where each term's fields start in it. */
interface PostingStore {
  readonly fieldCount: number;
  readonly postings: Uint32Array;
  /** Term `row`, field `f`: postings `bounds[row * (fieldCount + 1) + f]` up to the next bound. */
  readonly bounds: Uint32Array;
}

/**
 * Replaces the term maps of a complete MiniSearch index by compact read-only equivalents, and
 * puts its terms in their canonical order (see {@link setTermsInOrder}).
 * Cost: one pass over the postings; after it, the index holds about 4 bytes a posting plus 40 a
 * term. A term whose postings do not fit (a document number past 2^24, a frequency past 255,
 * documents out of order) keeps its maps.
 *
 * @example const search = new MiniSearch(options); search.addAll(documents); compactPostings(search);
 */
export function compactPostings<T>(search: MiniSearch<T>): void {
  const internals = search as unknown as Partial<MiniSearchInternals>;
  // Another MiniSearch version may keep its index otherwise: then the index stays as it is, uncompacted.
  if (typeof internals._fieldIds !== 'object' || typeof internals._index?.set !== 'function') return;
  const fieldCount = Object.keys(internals._fieldIds).length;
  const packed = packTermPostings(fieldCount, internals._index);
  setTermsInOrder(
    search,
    [...internals._index].map(([term, fields]) => [term, packed.get(term) ?? fields] as const),
  );
}

/**
 * Packs the postings of the given terms (MiniSearch's `Map<field, Map<document, frequency>>`)
 * into one new store: a term that fits gets a read-only {@link TermPostings} in the result, one
 * that does not (see {@link compactPostings}) is left out of it and keeps its maps.
 * Cost: one pass over the terms' postings.
 *
 * @example packTermPostings(4, [['iran', new Map([[3, new Map([[0, 2]])]])]]).get('iran')?.get(3)?.get(0) // 2
 */
export function packTermPostings(fieldCount: number, entries: Iterable<readonly [string, unknown]>): Map<string, TermPostings> {
  const terms: Array<[string, ReadonlyMap<number, ReadonlyMap<number, number>>]> = [];
  let total = 0;
  for (const [term, fields] of entries) {
    if (!(fields instanceof Map) || !fitsCompaction(fields, fieldCount)) continue;
    terms.push([term, fields]);
    for (const postings of fields.values()) total += postings.size;
  }
  const store: PostingStore = { fieldCount, postings: new Uint32Array(total), bounds: new Uint32Array(terms.length * (fieldCount + 1)) };
  const postings = store.postings as Uint32Array;
  const packed = new Map<string, TermPostings>();
  let next = 0;
  terms.forEach(([term, fields], row) => {
    const base = row * (fieldCount + 1);
    for (let field = 0; field < fieldCount; field += 1) {
      store.bounds[base + field] = next;
      for (const [document, frequency] of fields.get(field) ?? []) postings[next++] = document * (MAX_FREQUENCY + 1) + frequency;
    }
    store.bounds[base + fieldCount] = next;
    packed.set(term, new TermPostings(store, row));
  });
  return packed;
}

/**
 * A packed term's postings of one field: `document * 256 + frequency` numbers in increasing
 * document order (a view into the shared store: read it, do not change it); empty when the term
 * is not in that field; `undefined` when the term keeps MiniSearch's maps (see {@link compactPostings}).
 *
 * @internal
 */
export function packedFieldPostings(value: unknown, field: number): Uint32Array | undefined {
  return value instanceof TermPostings ? value.raw(field) : undefined;
}

/** @internal a posting as packed: `document * 256 + frequency`; `undefined` when it does not fit (see {@link compactPostings}) */
export function packPosting(document: number, frequency: number): number | undefined {
  return Number.isInteger(document) && document >= 0 && document <= MAX_DOCUMENT && frequency >= 1 && frequency <= MAX_FREQUENCY
    ? document * (MAX_FREQUENCY + 1) + frequency
    : undefined;
}

/** @internal the document of a packed posting */
export function postingDocument(posting: number): number {
  return posting >>> FREQUENCY_BITS;
}

/**
 * Packs terms whose postings are given already packed, one array per field (in increasing
 * document order), into one new store. Cost: copying the postings.
 *
 * @internal
 */
export function packRawPostings(fieldCount: number, terms: ReadonlyArray<readonly [string, ReadonlyArray<Uint32Array>]>): Map<string, TermPostings> {
  let total = 0;
  for (const [, fields] of terms) for (const postings of fields) total += postings.length;
  const store: PostingStore = { fieldCount, postings: new Uint32Array(total), bounds: new Uint32Array(terms.length * (fieldCount + 1)) };
  const postings = store.postings as Uint32Array;
  const packed = new Map<string, TermPostings>();
  let next = 0;
  terms.forEach(([term, fields], row) => {
    const base = row * (fieldCount + 1);
    for (let field = 0; field < fieldCount; field += 1) {
      store.bounds[base + field] = next;
      const list = fields[field];
      if (list !== undefined) {
        postings.set(list, next);
        next += list.length;
      }
    }
    store.bounds[base + fieldCount] = next;
    packed.set(term, new TermPostings(store, row));
  });
  return packed;
}

/**
 * Gives a MiniSearch index a new term tree holding `entries`, inserted in code-unit order of the
 * terms. MiniSearch's radix tree lists terms (in prefix and fuzzy search) in an order that
 * depends on the history of insertions; built in sorted order it depends on the set of terms
 * only, so an index updated in place (see `updateCorpusIndex`) sums a document's scores over
 * matched terms in the same order as one built at once, and scores exactly alike.
 * The tree given is new: an index sharing the old one (an earlier version) is not changed.
 * Cost: sorting and inserting the terms (a few milliseconds for tens of thousands).
 *
 * @example setTermsInOrder(search, [['iran', postings], ['russia', others]]);
 */
export function setTermsInOrder<T>(search: MiniSearch<T>, entries: Iterable<readonly [string, unknown]>): void {
  const internals = search as unknown as { _index: { constructor: new () => { set(term: string, value: unknown): unknown } } };
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const tree = new internals._index.constructor();
  for (const [term, value] of sorted) tree.set(term, value);
  (internals as { _index: unknown })._index = tree;
}

/** A node of MiniSearch's radix tree: the value under `''`, then each edge (a part of a term) to the node below. */
type TreeNode = Map<string, unknown>;
const LEAF = '';

/**
 * Gives `search` the term tree of `from` with `changes` applied (a term set to a value, or taken
 * out when its value is `undefined`): the very tree {@link setTermsInOrder} would build from all
 * the terms, each node listing its value first and its edges in code-unit order, made by copying
 * only the nodes on the changed terms' paths (the others are shared with `from`, which is not
 * changed). Cost: the changed terms' paths, not the tree.
 *
 * @example setTermsChanged(next, previous, new Map([['iran', postings], ['gone', undefined]]));
 */
export function setTermsChanged<T>(search: MiniSearch<T>, from: MiniSearch<T>, changes: ReadonlyMap<string, unknown>): void {
  const internals = from as unknown as { _index: { _tree: TreeNode; _prefix: string; constructor: new (tree?: TreeNode, prefix?: string) => unknown } };
  const Tree = internals._index.constructor;
  const sorted = [...changes].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const root = changedNode(internals._index._tree, sorted, Tree) ?? new Map();
  (search as unknown as { _index: unknown })._index = new Tree(root, '');
}

/** A node with the changes (keys relative to it, sorted) applied; `undefined` when nothing is left under it. */
function changedNode(node: TreeNode, changes: ReadonlyArray<readonly [string, unknown]>, Tree: new () => unknown): TreeNode | undefined {
  if (changes.length === 0) return node;
  const edges = new Map<string, [string, TreeNode]>();
  for (const [key, child] of node) if (key !== LEAF) edges.set(key[0]!, [key, child as TreeNode]);
  let leaf: { value: unknown } | undefined = node.has(LEAF) ? { value: node.get(LEAF) } : undefined;
  let start = 0;
  while (start < changes.length) {
    const [key, value] = changes[start]!;
    if (key === LEAF) {
      leaf = value === undefined ? undefined : { value };
      start += 1;
      continue;
    }
    let end = start + 1;
    while (end < changes.length && changes[end]![0][0] === key[0]) end += 1;
    const group = changes.slice(start, end);
    start = end;
    const first = key[0]!;
    const edge = edges.get(first);
    let made: [string, TreeNode] | undefined;
    if (edge !== undefined && group.every(([term]) => term.startsWith(edge[0]))) {
      made = compressed(
        edge[0],
        changedNode(
          edge[1],
          group.map(([term, change]) => [term.slice(edge[0].length), change] as const),
          Tree,
        ),
      );
    } else {
      // A change that splits the edge (or a new edge): the part of the tree under this first character built again, in order.
      const entries = new Map<string, unknown>();
      if (edge !== undefined) collectEntries(edge[1], edge[0], entries);
      for (const [term, change] of group) {
        if (change === undefined) entries.delete(term);
        else entries.set(term, change);
      }
      const tree = new Tree() as { set(term: string, value: unknown): unknown; _tree: TreeNode };
      for (const term of [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) tree.set(term, entries.get(term));
      const [only] = tree._tree;
      made = only === undefined ? undefined : [only[0], only[1] as TreeNode];
    }
    if (made === undefined) edges.delete(first);
    else edges.set(first, made);
  }
  const result: TreeNode = new Map();
  if (leaf !== undefined) result.set(LEAF, leaf.value);
  for (const first of [...edges.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [key, child] = edges.get(first)!;
    result.set(key, child);
  }
  return result.size === 0 ? undefined : result;
}

/** An edge to `child`, joined with the child's only edge when it has no value of its own (as the tree keeps edges); `undefined` for no child. */
function compressed(key: string, child: TreeNode | undefined): [string, TreeNode] | undefined {
  if (child === undefined) return undefined;
  if (child.size === 1 && !child.has(LEAF)) {
    const [below, grandchild] = child.entries().next().value as [string, TreeNode];
    return [key + below, grandchild];
  }
  return [key, child];
}

/** Every term under `node` (whose terms start with `prefix`) and its value. */
function collectEntries(node: TreeNode, prefix: string, into: Map<string, unknown>): void {
  for (const [key, value] of node) {
    if (key === LEAF) into.set(prefix, value);
    else collectEntries(value as TreeNode, prefix + key, into);
  }
}

/** Whether a term's maps can be packed: known fields, documents in increasing order below 2^24, frequencies 1–255. */
function fitsCompaction(fields: ReadonlyMap<unknown, unknown>, fieldCount: number): boolean {
  for (const [field, postings] of fields) {
    if (typeof field !== 'number' || !Number.isInteger(field) || field < 0 || field >= fieldCount || !(postings instanceof Map) || postings.size === 0) return false;
    let previous = -1;
    for (const [document, frequency] of postings as Map<unknown, unknown>) {
      if (typeof document !== 'number' || !Number.isInteger(document) || document <= previous || document > MAX_DOCUMENT) return false;
      if (typeof frequency !== 'number' || !Number.isInteger(frequency) || frequency < 1 || frequency > MAX_FREQUENCY) return false;
      previous = document;
    }
  }
  return true;
}

/** One term's postings by field: what MiniSearch reads of a `Map<field, Map<document, frequency>>`. */
export class TermPostings implements Iterable<[number, PostingList]> {
  constructor(
    private readonly store: PostingStore,
    private readonly row: number,
  ) {}

  /** The number of fields the term occurs in. */
  get size(): number {
    let size = 0;
    for (let field = 0; field < this.store.fieldCount; field += 1) if (this.has(field)) size += 1;
    return size;
  }

  has(field: number): boolean {
    const base = this.row * (this.store.fieldCount + 1) + field;
    return field >= 0 && field < this.store.fieldCount && this.store.bounds[base + 1]! > this.store.bounds[base]!;
  }

  /** The field's packed postings (a view into the store). */
  raw(field: number): Uint32Array {
    if (field < 0 || field >= this.store.fieldCount) return new Uint32Array(0);
    const base = this.row * (this.store.fieldCount + 1) + field;
    return this.store.postings.subarray(this.store.bounds[base]!, this.store.bounds[base + 1]!);
  }

  get(field: number): PostingList | undefined {
    if (!this.has(field)) return undefined;
    const base = this.row * (this.store.fieldCount + 1) + field;
    return new PostingList(this.store.postings, this.store.bounds[base]!, this.store.bounds[base + 1]!);
  }

  *keys(): IterableIterator<number> {
    for (let field = 0; field < this.store.fieldCount; field += 1) if (this.has(field)) yield field;
  }

  *values(): IterableIterator<PostingList> {
    for (const field of this.keys()) yield this.get(field)!;
  }

  *entries(): IterableIterator<[number, PostingList]> {
    for (const field of this.keys()) yield [field, this.get(field)!];
  }

  [Symbol.iterator](): IterableIterator<[number, PostingList]> {
    return this.entries();
  }
}

/** One field's postings of one term: what MiniSearch reads of a `Map<document, frequency>`, in increasing document order. */
class PostingList implements Iterable<[number, number]> {
  /** Where the last key read stands: MiniSearch asks for a document's frequency right after reading its key. */
  private cursor: number;

  constructor(
    private readonly postings: Uint32Array,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.cursor = start;
  }

  get size(): number {
    return this.end - this.start;
  }

  has(document: number): boolean {
    return this.find(document) >= 0;
  }

  get(document: number): number | undefined {
    const at = this.find(document);
    return at < 0 ? undefined : this.postings[at]! & MAX_FREQUENCY;
  }

  keys(): IterableIterator<number> {
    return new PostingIterator(this, (at) => this.postings[at]! >>> FREQUENCY_BITS);
  }

  values(): IterableIterator<number> {
    return new PostingIterator(this, (at) => this.postings[at]! & MAX_FREQUENCY);
  }

  entries(): IterableIterator<[number, number]> {
    return new PostingIterator(this, (at) => [this.postings[at]! >>> FREQUENCY_BITS, this.postings[at]! & MAX_FREQUENCY]);
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  /** @internal the range read by iterators, and where they stand */
  bounds(): { start: number; end: number } {
    return { start: this.start, end: this.end };
  }

  /** @internal */
  moveTo(at: number): void {
    this.cursor = at;
  }

  /** The position of a document's posting, or -1: the last key read first, else a binary search. */
  private find(document: number): number {
    const { postings } = this;
    if (this.cursor < this.end && postings[this.cursor]! >>> FREQUENCY_BITS === document) return this.cursor;
    let low = this.start;
    let high = this.end - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = postings[middle]! >>> FREQUENCY_BITS;
      if (found === document) return middle;
      if (found < document) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/** Walks a posting list, noting each position read so that `get` of the document just read costs nothing. */
class PostingIterator<T> implements IterableIterator<T> {
  private at: number;
  private readonly end: number;

  constructor(
    private readonly list: PostingList,
    private readonly read: (at: number) => T,
  ) {
    const { start, end } = list.bounds();
    this.at = start;
    this.end = end;
  }

  next(): IteratorResult<T> {
    if (this.at >= this.end) return { done: true, value: undefined };
    const at = this.at;
    this.at += 1;
    this.list.moveTo(at);
    return { done: false, value: this.read(at) };
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this;
  }
}
