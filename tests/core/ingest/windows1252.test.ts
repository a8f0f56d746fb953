import { describe, expect, it } from 'vitest';
import { decodeWindows1252, isWindows1252Label } from '../../../src/core/ingest/windows1252.js';

describe('decodeWindows1252', () => {
  it('reads the curly quotes, dashes and euro sign of the bytes 0x80–0x9F', () => {
    const bytes = Uint8Array.from([0x93, ...new TextEncoder().encode('Iran'), 0x92, ...new TextEncoder().encode('s talks '), 0x97, ...new TextEncoder().encode(' 5 '), 0x80, 0x94]);
    expect(decodeWindows1252(bytes)).toBe('\u201cIran\u2019s talks \u2014 5 \u20ac\u201d');
  });

  it('reads the bytes above 0x9F as Latin-1 letters', () => {
    expect(decodeWindows1252(Uint8Array.of(0x53, 0xe3, 0x6f, 0x20, 0xa3, 0x35))).toBe('S\u00e3o \u00a35');
  });

  it('decodes a page larger than one slice whole', () => {
    const bytes = new Uint8Array(20_000).fill(0x97);
    expect(decodeWindows1252(bytes)).toBe('\u2014'.repeat(20_000));
  });
});

describe('isWindows1252Label', () => {
  it('knows the labels browsers read as Windows-1252, in any case', () => {
    expect(['ISO-8859-1', 'latin1', 'Windows-1252', 'us-ascii', 'utf-8', 'shift_jis'].map(isWindows1252Label)).toEqual([true, true, true, true, false, false]);
  });
});
