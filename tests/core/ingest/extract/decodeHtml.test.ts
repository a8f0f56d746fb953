/**
 * Decoding page bytes with the charset the page declares: BOM, Content-Type, <meta>, default.
 */
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../../src/core/index.js';

/** Bytes of a Latin-1 string (each character one byte), as a windows-1252 page would hold them. */
function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0));
}

/** A French news paragraph with accents; in windows-1252 "é" is E9 and "’" is 92. */
const FRENCH_PAGE = (head: string): string =>
  `<html><head>${head}<title>R\u00e9forme des retraites</title></head><body><p>Le gouvernement a pr\u00e9sent\u00e9 mercredi sa r\u00e9forme.</p></body></html>`;

describe('decodeHtml', () => {
  it('decodes a page whose <meta charset> says windows-1252', () => {
    const text = decodeHtml(latin1Bytes(FRENCH_PAGE('<meta charset="windows-1252">')));
    expect(text).toContain('Le gouvernement a présenté mercredi sa réforme.');
  });

  it('decodes windows-1252 curly quotes (byte 0x92) declared through http-equiv', () => {
    const bytes = latin1Bytes(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>L\u0092\u00e9t\u00e9 dernier</p></body></html>`);
    expect(decodeHtml(bytes)).toContain('L’été dernier');
  });

  it("prefers the Content-Type header's charset to the page's <meta>", () => {
    const bytes = latin1Bytes(FRENCH_PAGE('<meta charset="utf-8">'));
    expect(decodeHtml(bytes, 'text/html; charset=windows-1252')).toContain('présenté');
  });

  it('prefers a byte order mark to every declaration', () => {
    const body = new TextEncoder().encode(FRENCH_PAGE('<meta charset="windows-1252">'));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    const text = decodeHtml(withBom, 'text/html; charset=windows-1252');
    expect(text.startsWith('<html>')).toBe(true);
    expect(text).toContain('présenté');
  });

  it('decodes Shift_JIS declared in the Content-Type header', () => {
    // 「東京」 in Shift_JIS: 93 8C 8B 9E.
    const bytes = new Uint8Array([...new TextEncoder().encode('<p>'), 0x93, 0x8c, 0x8b, 0x9e, ...new TextEncoder().encode('</p>')]);
    expect(decodeHtml(bytes, 'text/html; charset="Shift_JIS"')).toBe('<p>東京</p>');
  });

  it('reads UTF-8 when nothing is declared', () => {
    expect(decodeHtml(new TextEncoder().encode(FRENCH_PAGE('')))).toContain('présenté');
  });

  it('falls back to UTF-8 for an unknown charset label', () => {
    expect(decodeHtml(new TextEncoder().encode(FRENCH_PAGE('<meta charset="klingon-8">')))).toContain('présenté');
  });

  it('ignores a <meta charset> beyond the first 4 KiB', () => {
    const padding = `<!-- ${'x'.repeat(5_000)} -->`;
    const text = decodeHtml(new TextEncoder().encode(`${padding}${FRENCH_PAGE('<meta charset="windows-1252">')}`));
    expect(text).toContain('présenté');
  });

  it('turns invalid bytes into replacement characters instead of throwing', () => {
    expect(decodeHtml(new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xfd, 0x3c]))).toContain('\ufffd');
  });
});
