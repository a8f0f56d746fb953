/**
 * Windows-1252, the encoding browsers use for pages labelled `latin1`, `iso-8859-1`,
 * `windows-1252` or `us-ascii`. Node 20's `TextDecoder` accepts these labels but decodes the bytes
 * 0x80–0x9F as C1 control characters (ISO-8859-1), where Windows-1252 has curly quotes, dashes,
 * `€` and `™`; so Dossier decodes them itself.
 */

/** Windows-1252's characters for the bytes 0x80–0x9F; the five bytes it leaves undefined keep their code. */
const HIGH_CONTROL_RANGE =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The WHATWG labels of Windows-1252 (the ones news pages and corpus settings use). */
const WINDOWS_1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'latin1',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'l1',
  'ascii',
  'us-ascii',
  'ansi_x3.4-1968',
  'cp819',
  'ibm819',
  'iso-ir-100',
]);

/**
 * Whether an encoding label means Windows-1252 to a browser (`latin1`, `ISO-8859-1`, `us-ascii`…).
 *
 * @example isWindows1252Label('ISO-8859-1') // true
 */
export function isWindows1252Label(label: string): boolean {
  return WINDOWS_1252_LABELS.has(label.trim().toLowerCase());
}

/**
 * Decodes Windows-1252 bytes: every byte is one character. Cost: one pass over the bytes.
 *
 * @example decodeWindows1252(Uint8Array.of(0x93, 0x68, 0x69, 0x94)) // '“hi”'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  // In slices, so that String.fromCharCode never gets more arguments than the engine takes.
  for (let start = 0; start < bytes.length; start += 8_192) {
    const codes = Array.from(bytes.subarray(start, start + 8_192), (byte) => (byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROL_RANGE.charCodeAt(byte - 0x80) : byte));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
