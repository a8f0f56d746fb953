/**
 * The map an update makes from the previous index's: it must read exactly as a copied and changed Map.
 */
import { describe, expect, it } from 'vitest';
import { OverlayMap } from '../../../src/core/indexing/overlayMap.js';

/** A seeded series of changes applied both to an overlay and to plain copies of a Map. */
function walk(seed: number, steps: number): Array<{ overlay: OverlayMap<string, number>; plain: Map<string, number> }> {
  let state = seed;
  const random = (): number => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const base = new Map<string, number>(Array.from({ length: 40 }, (_, n) => [`passage-${n}`, n] as const));
  let overlay = OverlayMap.of(base);
  let plain = new Map(base);
  const seen: Array<{ overlay: OverlayMap<string, number>; plain: Map<string, number> }> = [];
  for (let step = 0; step < steps; step += 1) {
    const removed = Array.from({ length: Math.floor(random() * 4) }, () => `passage-${Math.floor(random() * 60)}`);
    const added = Array.from({ length: Math.floor(random() * 4) }, () => [`passage-${Math.floor(random() * 60)}`, step * 100] as const);
    overlay = overlay.withChanges(removed, added);
    plain = new Map(plain);
    for (const key of removed) plain.delete(key);
    for (const [key, value] of added) plain.set(key, value);
    seen.push({ overlay, plain });
  }
  return seen;
}

describe('OverlayMap', () => {
  it('reads as a copied Map with the same keys removed and entries set, through a series of changes (seed 11)', () => {
    for (const { overlay, plain } of walk(11, 30)) {
      expect(overlay.size).toBe(plain.size);
      expect(new Map(overlay)).toEqual(plain);
      for (let n = 0; n < 60; n += 1) {
        expect(overlay.has(`passage-${n}`)).toBe(plain.has(`passage-${n}`));
        expect(overlay.get(`passage-${n}`)).toBe(plain.get(`passage-${n}`));
      }
    }
  });

  it('leaves the map it was made from as it was', () => {
    const base = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const first = OverlayMap.of(base);
    first.withChanges(['a'], [['c', 3]]);

    expect([...first]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect([...base]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('lists each entry once, a replaced one with its new value', () => {
    const map = OverlayMap.of(new Map([['a', 1]])).withChanges(
      [],
      [
        ['a', 5],
        ['b', 2],
      ],
    );

    expect([...map.keys()].sort()).toEqual(['a', 'b']);
    expect(map.get('a')).toBe(5);
  });
});
