/**
 * A read-only map that an update makes from another for the cost of the change, not of the
 * map: what an index updated for one article keeps of the corpus-wide maps of the index it came
 * from (passages by id, each passage's names and terms).
 */

/** Marks a key the changes removed from the base. */
const GONE: unique symbol = Symbol('gone');

/**
 * A base map and the changes made to it since (keys removed, entries added or replaced), read
 * as one map. The base is shared with the map it came from and never changed; each
 * {@link OverlayMap.withChanges} copies only the changes, and copies the whole map into a new
 * base once the changes make up a quarter of it, so that reading stays one or two lookups and
 * updates cost the change on average. Iteration lists the base's entries (less those changed),
 * then the changed ones: not the order the entries were first set in.
 *
 * @example OverlayMap.of(new Map([['a', 1]])).withChanges(['a'], [['b', 2]]).get('b') // 2
 */
export class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly changes: ReadonlyMap<K, V | typeof GONE>,
    readonly size: number,
  ) {}

  /** A map reading `base` (not copied: it must not change after). */
  static of<K, V>(base: ReadonlyMap<K, V>): OverlayMap<K, V> {
    return base instanceof OverlayMap ? base : new OverlayMap(base, new Map(), base.size);
  }

  /**
   * This map without the `removed` keys, then with the `added` entries (replacing those of the
   * same key). This map is unchanged. Cost: the changes made so far plus these, and once in a
   * while a copy of the whole map.
   */
  withChanges(removed: Iterable<K>, added: Iterable<readonly [K, V]>): OverlayMap<K, V> {
    const changes = new Map(this.changes);
    let size = this.size;
    const present = (key: K): boolean => (changes.has(key) ? changes.get(key) !== GONE : this.base.has(key));
    for (const key of removed) {
      if (!present(key)) continue;
      size -= 1;
      if (this.base.has(key)) changes.set(key, GONE);
      else changes.delete(key);
    }
    for (const [key, value] of added) {
      if (!present(key)) size += 1;
      changes.set(key, value);
    }
    if (changes.size * 4 <= this.base.size) return new OverlayMap(this.base, changes, size);
    const flat = new Map<K, V>();
    for (const [key, value] of this.base) if (!changes.has(key)) flat.set(key, value);
    for (const [key, value] of changes) if (value !== GONE) flat.set(key, value);
    return new OverlayMap(flat, new Map(), flat.size);
  }

  get(key: K): V | undefined {
    const changed = this.changes.get(key);
    if (changed !== undefined) return changed === GONE ? undefined : changed;
    return this.changes.has(key) ? (changed as V) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.changes.has(key) ? this.changes.get(key) !== GONE : this.base.has(key);
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this) callback.call(thisArg, value, key, this);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) if (!this.changes.has(key)) yield [key, value];
    for (const [key, value] of this.changes) if (value !== GONE) yield [key, value];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
