import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/discord/limits.js';
import { seededRandom } from '../support/seededRandom.js';
import { LONE_SURROGATE } from './discordLimits.js';

/** Pieces a generated text is made of: words from the corpus, spaces, emoji, Arabic, combining marks. */
const PIECES = [
  'Zarif',
  'Lavrov',
  'sanctions',
  'U.S.',
  ' ',
  ' ',
  '  ',
  '\n',
  '😀',
  '🇮🇷',
  '👩‍👩‍👧',
  '🤝🏽',
  'إيران',
  'روسيا',
  ' و ',
  'e\u0301',
  'a\u0308\u0304',
  'Москва',
  'Ｚａｒｉｆ',
  '\u200b',
  '…',
  '**',
] as const;

function randomText(random: () => number): string {
  const count = Math.floor(random() * 120);
  let text = '';
  for (let i = 0; i < count; i += 1) text += PIECES[Math.floor(random() * PIECES.length)] ?? '';
  return text;
}

describe('truncate', () => {
  it('returns text that fits unchanged', () => {
    expect(truncate('Elliott Abrams', 14)).toBe('Elliott Abrams');
    expect(truncate('Brian Hook', 100)).toBe('Brian Hook');
  });

  it('cuts at the last space when one is near the limit', () => {
    expect(truncate('Iran strengthens ties with Russia', 20)).toBe('Iran strengthens…');
  });

  it('cuts inside a word when no space is near the limit', () => {
    expect(truncate('Counter-hegemonic partnerships', 12)).toBe('Counter-heg…');
  });

  it('ends a cut text with an ellipsis', () => {
    expect(truncate('Russia has become a major advocate of maintaining it', 30).endsWith('…')).toBe(true);
  });

  it('never splits an emoji into half a surrogate pair', () => {
    expect(truncate('😀'.repeat(10), 6)).toBe('😀😀…');
    for (let limit = 0; limit <= 20; limit += 1) {
      const cut = truncate('😀'.repeat(10), limit);
      expect(LONE_SURROGATE.test(cut), `limit ${limit}: ${JSON.stringify(cut)}`).toBe(false);
      expect(cut.length, `limit ${limit}`).toBeLessThanOrEqual(limit);
    }
  });

  it('returns just the ellipsis, or nothing, when the limit leaves no room for text', () => {
    expect(truncate('Zarif', 1)).toBe('…');
    expect(truncate('Zarif', 0)).toBe('');
  });

  it('keeps a prefix within the limit and leaves no lone surrogate, on random mixed-script text', () => {
    for (let seed = 1; seed <= 2_000; seed += 1) {
      const generator = seededRandom(seed);
      const random = (): number => generator.next();
      const text = randomText(random);
      const limit = Math.floor(random() * (text.length + 10));
      const cut = truncate(text, limit);
      const replay = `seed ${seed}: truncate(${JSON.stringify(text)}, ${limit}) = ${JSON.stringify(cut)}`;
      expect(cut.length, replay).toBeLessThanOrEqual(limit);
      expect(LONE_SURROGATE.test(cut), replay).toBe(false);
      if (text.length <= limit) expect(cut, replay).toBe(text);
      else if (limit > 0) {
        expect(cut.endsWith('…'), replay).toBe(true);
        expect(text.startsWith(cut.slice(0, -1)), replay).toBe(true);
      }
    }
  });
});
