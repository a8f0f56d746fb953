/**
 * Adding and removing documents of a complete MiniSearch index without touching the index in
 * service: the result is a new index that shares the postings of every term the change does not
 * touch, and scores every document exactly as an index built at once from the same documents.
 */
import MiniSearch, { type Options } from 'minisearch';
import { packedFieldPostings, packPosting, packRawPostings, packTermPostings, postingDocument, setTermsChanged } from './compactPostings.js';

/** Indexes an update was made from: each is updated once (its successor is the one to update next). */
const updated = new WeakSet<object>();

/** What changes in a search index. */
export interface SearchIndexChange<T> {
  /** Documents to take out, exactly as they were indexed (MiniSearch finds their postings from their fields). */
  readonly removed: readonly T[];
  /** Documents to put in. */
  readonly added: readonly T[];
  /** The ids of every document after the change, in the order a fresh build would add them. */
  readonly order: readonly string[];
}

/** A term's postings by field, as MiniSearch keeps them (a `Map`, or the compact form of `compactPostings`). */
interface FieldPostings {
  get(field: number): Iterable<[number, number]> | undefined;
}

/** The parts of MiniSearch (7.x) that an update reads and writes. */
interface MiniSearchInternals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, Record<string, unknown>>;
  _dirtCount: number;
  _fieldIds: Record<string, number>;
  _index: Iterable<[string, FieldPostings]> & { get(term: string): FieldPostings | undefined };
  _options: {
    readonly fields: readonly string[];
    readonly idField: string;
    readonly storeFields?: readonly string[];
    extractField(document: unknown, field: string): unknown;
    stringifyField(value: unknown, field: string): string;
    tokenize(text: string, field: string): string[];
    processTerm(term: string, field: string): string | string[] | null | undefined | false;
  };
}

/**
 * A new index holding `search`'s documents with `change` applied. Removal is exact (the
 * removed documents' postings are taken out, and the document count and average field lengths
 * are those without them, not merely hidden as `discard` does), term postings touched by the
 * change are rebuilt and packed (see `packTermPostings`), all others are shared with `search`,
 * and the average field lengths are recomputed in `change.order` so that they are the very
 * numbers a fresh build sums up: BM25 scores are equal to the last bit. `search` keeps answering
 * as before: the new index shares its document maps, to which documents are only added.
 * `change` is trusted to fit the index (a document removed twice, or added under an id in use,
 * is not detected: `updateCorpusIndex` checks its change). An index is updated once: its
 * successor is the one to update next (a second update of it throws).
 *
 * Cost: the changed documents' terms, the postings of the terms they use, and a pass over the
 * documents' ids and lengths (a few milliseconds per 10,000 documents).
 *
 * @param options the options `search` was created with
 * @throws Error (`search index update: …`) when a removed document is not in the index, an added one is, or `order` does not list the documents after the change
 * @example const next = updateSearchIndex(search, options, { removed: [oldDoc], added: [newDoc], order: ids });
 */
export function updateSearchIndex<T>(search: MiniSearch<T>, options: Options<T>, change: SearchIndexChange<T>): MiniSearch<T> {
  // Its document maps are handed on to the new index (see below): updating it a second time would number documents twice.
  if (updated.has(search)) throw new Error('search index update: this index was updated already; update the index that update gave');
  updated.add(search);
  const old = search as unknown as MiniSearchInternals;
  const { fields, idField, storeFields, extractField, stringifyField, tokenize, processTerm } = old._options;
  const fieldIds = old._fieldIds;
  const fieldCount = Object.keys(fieldIds).length;
  // The document maps are shared with `search` and only ever added to: a removed document stays in
  // them (`search` may still find it) but no posting of the new index names it. They are copied
  // without those once they make up half of the entries.
  let { _documentIds: documentIds, _idToShortId: idToShortId, _fieldLength: fieldLength, _storedFields: storedFields } = old;
  let documentCount = old._documentCount;
  let nextId = old._nextId;

  /** The terms of one field of a document, as MiniSearch's `add` and `remove` derive them. */
  const termsOf = (document: T, field: string): { tokens: string[]; terms: string[] } | undefined => {
    const value = extractField(document, field);
    if (value == null) return undefined;
    const tokens = tokenize(stringifyField(value, field), field);
    const terms: string[] = [];
    for (const token of tokens) {
      const processed = processTerm(token, field);
      if (Array.isArray(processed)) terms.push(...processed);
      else if (processed) terms.push(processed);
    }
    return { tokens, terms };
  };

  const touched = new Set<string>();
  const removedIds = new Set<number>();
  /** The ids of the documents taken out and put in (a document indexed again is both). */
  const removedKeys = new Set<unknown>();
  const addedKeys = new Set<unknown>();
  for (const document of change.removed) {
    const id = extractField(document, idField);
    removedKeys.add(id);
    const shortId = idToShortId.get(id);
    if (shortId === undefined) throw new Error(`search index update: cannot remove ${String(id)}, not in the index`);
    for (const field of fields) for (const term of termsOf(document, field)?.terms ?? []) touched.add(term);
    removedIds.add(shortId);
    documentCount -= 1;
  }

  /** Term → field → added document → frequency; documents are numbered after all existing ones, so each list is in order. */
  const addedPostings = new Map<string, Map<number, Map<number, number>>>();
  for (const document of change.added) {
    const id = extractField(document, idField);
    if (id == null) throw new Error('search index update: cannot add a document without an id');
    addedKeys.add(id);
    const shortId = nextId;
    nextId += 1;
    idToShortId.set(id, shortId);
    documentIds.set(shortId, id);
    documentCount += 1;
    if (storeFields !== undefined && storeFields.length > 0) {
      const stored: Record<string, unknown> = {};
      for (const name of storeFields) {
        const value = extractField(document, name);
        if (value !== undefined) stored[name] = value;
      }
      storedFields.set(shortId, stored);
    }
    const lengths: number[] = [];
    for (const field of fields) {
      const analysed = termsOf(document, field);
      if (analysed === undefined) continue;
      const fieldId = fieldIds[field]!;
      lengths[fieldId] = new Set(analysed.tokens).size;
      for (const term of analysed.terms) {
        touched.add(term);
        let byField = addedPostings.get(term);
        if (byField === undefined) addedPostings.set(term, (byField = new Map()));
        let postings = byField.get(fieldId);
        if (postings === undefined) byField.set(fieldId, (postings = new Map()));
        postings.set(shortId, (postings.get(shortId) ?? 0) + 1);
      }
    }
    fieldLength.set(shortId, lengths);
  }

  // Every touched term's postings again: the old ones less the removed documents, then the added ones.
  // Packed postings are copied as numbers; a term that keeps its maps (or would not fit packed) is rebuilt as maps.
  const copied: Array<[string, Uint32Array[]]> = [];
  const rebuilt: Array<[string, Map<number, Map<number, number>>]> = [];
  for (const term of touched) {
    const before = old._index.get(term);
    const added = addedPostings.get(term);
    const packedFields = copyPacked(before, added, removedIds, fieldCount);
    if (packedFields !== undefined) {
      if (packedFields.some((postings) => postings.length > 0)) copied.push([term, packedFields]);
      continue;
    }
    const byField = new Map<number, Map<number, number>>();
    for (let field = 0; field < fieldCount; field += 1) {
      const postings = new Map<number, number>();
      for (const [document, frequency] of before?.get(field) ?? []) if (!removedIds.has(document)) postings.set(document, frequency);
      for (const [document, frequency] of added?.get(field) ?? []) postings.set(document, frequency);
      if (postings.size > 0) byField.set(field, postings);
    }
    if (byField.size > 0) rebuilt.push([term, byField]);
  }
  const packed = packTermPostings(fieldCount, rebuilt);
  for (const [term, postings] of packRawPostings(fieldCount, copied)) packed.set(term, postings);

  const lengths = lengthsInOrder(lengthTables.get(search), { removed: removedKeys, added: addedKeys }, change.order, idToShortId, fieldLength, fieldCount);
  if (change.order.length !== documentCount || lengths === undefined) throw new Error('search index update: the order given does not list the documents after the change');
  const averages = averageFieldLengths(lengths.lengths, fieldCount);
  if (documentIds.size > 2 * documentCount) {
    const live = change.order.map((id) => [idToShortId.get(id)!, id] as const);
    documentIds = new Map(live);
    idToShortId = new Map(live.map(([shortId, id]) => [id, shortId]));
    fieldLength = new Map(live.map(([shortId]) => [shortId, fieldLength.get(shortId)!]));
    storedFields = new Map(live.flatMap(([shortId]) => (storedFields.has(shortId) ? [[shortId, storedFields.get(shortId)!] as const] : [])));
  }

  const next = new MiniSearch<T>(options);
  const internals = next as unknown as MiniSearchInternals;
  internals._documentCount = documentCount;
  internals._nextId = nextId;
  internals._documentIds = documentIds;
  internals._idToShortId = idToShortId;
  internals._fieldLength = fieldLength;
  internals._avgFieldLength = averages;
  internals._storedFields = storedFields;
  internals._dirtCount = old._dirtCount;
  // The touched terms' new postings (none: the term is gone); every other term's are shared with `search`.
  const changes = new Map<string, unknown>();
  for (const term of touched) changes.set(term, undefined);
  for (const [term, byField] of rebuilt) changes.set(term, packed.get(term) ?? byField);
  for (const [term] of copied) changes.set(term, packed.get(term)!);
  setTermsChanged(next, search, changes);
  lengthTables.set(next, lengths);
  return next;
}

/** Each field's length of every document, in the order given (`-1`: the document has no such field). */
interface LengthTable {
  readonly order: readonly unknown[];
  readonly lengths: Int32Array;
}

/** The field lengths of an updated index's documents in the order its update was given: the next update copies those it does not change. */
const lengthTables = new WeakMap<object, LengthTable>();

/**
 * Readies a complete index, whose documents are `order` (in the order a build added them), for
 * {@link updateSearchIndex}: its field lengths are listed in that order once, so that the first
 * update copies them instead of looking every document up (as later updates do). Cost: a pass over
 * the documents.
 *
 * @example prepareSearchIndexUpdate(index.passageSearch, index.passages.map((passage) => passage.id));
 */
export function prepareSearchIndexUpdate<T>(search: MiniSearch<T>, order: readonly unknown[]): void {
  if (lengthTables.has(search)) return;
  const internals = search as unknown as MiniSearchInternals;
  const table = lengthsInOrder(undefined, { removed: new Set(), added: new Set() }, order, internals._idToShortId, internals._fieldLength, Object.keys(internals._fieldIds).length);
  if (table !== undefined) lengthTables.set(search, table);
}

/**
 * The field lengths of the documents in `order`: copied from `before` (the lengths in the
 * previous order) for documents the change keeps in the same sequence, else looked up.
 * `undefined` when `order` names an unknown document.
 */
function lengthsInOrder(
  before: LengthTable | undefined,
  change: { readonly removed: ReadonlySet<unknown>; readonly added: ReadonlySet<unknown> },
  order: readonly unknown[],
  idToShortId: ReadonlyMap<unknown, number>,
  fieldLength: ReadonlyMap<number, readonly number[]>,
  fieldCount: number,
): LengthTable | undefined {
  const lengths = new Int32Array(order.length * fieldCount);
  const previous = before?.order ?? [];
  let from = 0;
  for (let position = 0; position < order.length; position += 1) {
    const id = order[position];
    while (from < previous.length && change.removed.has(previous[from])) from += 1;
    const at = position * fieldCount;
    if (from < previous.length && previous[from] === id && !change.added.has(id)) {
      lengths.set(before!.lengths.subarray(from * fieldCount, (from + 1) * fieldCount), at);
      from += 1;
      continue;
    }
    const shortId = idToShortId.get(id);
    const documentLengths = shortId === undefined ? undefined : fieldLength.get(shortId);
    if (documentLengths === undefined) return undefined;
    for (let field = 0; field < fieldCount; field += 1) lengths[at + field] = documentLengths[field] ?? -1;
  }
  return { order, lengths };
}

/**
 * A touched term's packed postings per field after the change (the old ones less the removed
 * documents, then the added ones), or `undefined` when the term keeps MiniSearch's maps or an
 * added posting does not fit packed (then it is rebuilt as maps).
 */
function copyPacked(
  before: FieldPostings | undefined,
  added: ReadonlyMap<number, ReadonlyMap<number, number>> | undefined,
  removedIds: ReadonlySet<number>,
  fieldCount: number,
): Uint32Array[] | undefined {
  const fields: Uint32Array[] = [];
  for (let field = 0; field < fieldCount; field += 1) {
    const old = before === undefined ? new Uint32Array(0) : packedFieldPostings(before, field);
    if (old === undefined) return undefined;
    const more = added?.get(field);
    const postings = new Uint32Array(old.length + (more?.size ?? 0));
    let next = 0;
    for (const posting of old) if (!removedIds.has(postingDocument(posting))) postings[next++] = posting;
    for (const [document, frequency] of more ?? []) {
      const posting = packPosting(document, frequency);
      if (posting === undefined) return undefined;
      postings[next++] = posting;
    }
    fields.push(next === postings.length ? postings : postings.slice(0, next));
  }
  return fields;
}

/**
 * The average length of each field over the documents' lengths (in order, `-1` for none),
 * computed as MiniSearch's `add` does while a fresh index is built (a running average, rounded at
 * every document), so that it is the same number.
 */
function averageFieldLengths(lengths: Int32Array, fieldCount: number): number[] {
  const averages: number[] = [];
  const documents = lengths.length / fieldCount;
  for (let count = 0; count < documents; count += 1) {
    for (let field = 0; field < fieldCount; field += 1) {
      const length = lengths[count * fieldCount + field]!;
      if (length < 0) continue;
      averages[field] = ((averages[field] || 0) * count + length) / (count + 1);
    }
  }
  return averages;
}
