/**
 * Decoding an HTML page's bytes with the charset it declares, in the order browsers use: a byte
 * order mark, the HTTP Content-Type charset, then a `<meta>` declaration near the top.
 */

import { decodeWindows1252, isWindows1252Label } from '../windows1252.js';

/** How many bytes the `<meta charset>` prescan reads, as the WHATWG encoding sniffing does. */
export const CHARSET_PRESCAN_BYTES = 4_096;

/** Byte order marks and the encodings they announce, longest first. */
const BYTE_ORDER_MARKS: ReadonlyArray<{ readonly bytes: readonly number[]; readonly label: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8' },
  { bytes: [0xfe, 0xff], label: 'utf-16be' },
  { bytes: [0xff, 0xfe], label: 'utf-16le' },
];

/**
 * Decodes an HTML page's bytes with the charset it declares: a BOM first, then the charset of
 * the Content-Type header (the whole header value, or a bare label), then `<meta charset>` or
 * `<meta http-equiv="content-type" content="…; charset=…">` in the first 4 KiB (the WHATWG
 * prescan, simplified). Defaults to UTF-8; an unknown label falls back to UTF-8. Invalid bytes
 * become U+FFFD, never an exception. Cost: one pass over the bytes.
 *
 * @example
 * decodeHtml(bytes, 'text/html; charset=windows-1252') // 'café' from the bytes 63 61 66 E9
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  const bom = BYTE_ORDER_MARKS.find((mark) => mark.bytes.every((byte, index) => bytes[index] === byte));
  if (bom) return decodeWith(bom.label, bytes.subarray(bom.bytes.length));
  const declared = charsetOfContentType(contentType) ?? prescanMetaCharset(bytes);
  return decodeWith(declared ?? 'utf-8', bytes);
}

/** Decodes with a label, or with UTF-8 when the label is unknown (a page's own claim is input). */
function decodeWith(label: string, bytes: Uint8Array): string {
  // Node's TextDecoder reads these labels as ISO-8859-1, not as the Windows-1252 browsers use.
  if (isWindows1252Label(label)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(supportedLabel(label), { fatal: false, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  }
}

/**
 * The label to decode with: a page served as bytes cannot be UTF-16 unless a BOM says so, and
 * `x-user-defined` is not something a news page means; the WHATWG rules read both as UTF-8.
 */
function supportedLabel(label: string): string {
  const normalized = label.trim().toLowerCase();
  if (/^(?:utf-?16(?:be|le)?|unicode|ucs-2|x-user-defined)$/.test(normalized)) return 'utf-8';
  return normalized;
}

/** The charset of a Content-Type value (`text/html; charset="Shift_JIS"`), or a bare label. */
function charsetOfContentType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const parameter = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  if (parameter) return parameter[1];
  const bare = contentType.trim();
  return bare !== '' && !/[/=;\s]/.test(bare) ? bare : undefined;
}

/**
 * The charset a `<meta>` tag in the first 4 KiB declares. The bytes are read as Latin-1 so that
 * every byte maps to one character whatever the real encoding; comments are skipped.
 */
function prescanMetaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES)).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = readAttributes(tag[0]);
    const charset = attributes.get('charset');
    if (charset) return charset;
    const content = attributes.get('content');
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-type' && content !== undefined) {
      const fromContent = /charset\s*=\s*["']?([^"';\s]+)/i.exec(content);
      if (fromContent) return fromContent[1];
    }
  }
  return undefined;
}

/** A tag's attributes by lower-case name (quoted, single-quoted or bare values). */
function readAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.slice(5).matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, (match[2] ?? match[3] ?? match[4] ?? '').trim());
  }
  return attributes;
}
