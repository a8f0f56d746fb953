/**
 * The checks on a corpus file's bytes before they are read as text (size, line length, byte-order
 * marks, binary signatures, NUL bytes), and their decoding by the corpus encoding.
 */
import { normalizeText } from '../text/normalize.js';
import { MAX_ARTICLE_FILE_BYTES, extensionOf, issue, type CorpusEncoding, type ParseOptions } from './corpusFormat.js';
import { decodeWindows1252 } from './windows1252.js';
import type { CorpusIssue } from '../types.js';

export const NEWLINE = 0x0a;
/** Bytes at the start of a file that tell its format (byte-order marks, binary signatures). */
export const SNIFF_BYTES = 512;

/**
 * The `too-large` issue of a `.md` or `.txt` file of `size` bytes over
 * {@link MAX_ARTICLE_FILE_BYTES}, or `undefined` (always for `.jsonl`, which has no file limit).
 * The loader calls it with the size it stats, before reading the file.
 *
 * @example checkCorpusFileSize('book.txt', 5_000_000)?.kind // 'too-large'
 */
export function checkCorpusFileSize(name: string, size: number, options: ParseOptions = {}): CorpusIssue | undefined {
  const max = options.limits?.maxFileBytes ?? MAX_ARTICLE_FILE_BYTES;
  if (extensionOf(name) === '.jsonl' || size <= max) return undefined;
  return issue(name, 'too-large', `file too large (${formatCount(size)} bytes; an article file may have at most ${formatSize(max)})`);
}

/** The `line-too-long` issue of the first line of `bytes` longer than `max` bytes, if any. */
export function checkLineLengths(name: string, bytes: Uint8Array, max: number): CorpusIssue | undefined {
  if (bytes.length <= max) return undefined;
  let line = 1;
  for (let start = 0; start <= bytes.length; line += 1) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 ? bytes.length : newline;
    if (end - start > max) {
      return issue(name, 'line-too-long', `line ${line} too long (${formatCount(end - start)} bytes; a line may have at most ${formatSize(max)})`);
    }
    start = end + 1;
  }
  return undefined;
}

/** Formats that start with a known byte sequence and are never an article. */
const BINARY_SIGNATURES: ReadonlyArray<{ readonly bytes: readonly number[]; readonly format: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], format: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], format: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], format: 'GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], format: 'PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: 'ZIP archive, or a Word or OpenDocument file' },
  { bytes: [0x1f, 0x8b], format: 'gzip archive' },
];

/**
 * What the first bytes of a file say it is, when that is not something Dossier reads: UTF-32 or
 * UTF-16 (by the byte-order mark, or by the NUL of every other byte of Latin-script UTF-16
 * without one), or a binary format. Checked before NUL bytes, so that UTF-16 text is reported as
 * an encoding to change, not as a binary file.
 */
export function sniffFormat(name: string, head: Uint8Array): CorpusIssue | undefined {
  const startsWith = (prefix: readonly number[]): boolean => prefix.length <= head.length && prefix.every((byte, index) => head[index] === byte);
  if (startsWith([0xff, 0xfe, 0x00, 0x00]) || startsWith([0x00, 0x00, 0xfe, 0xff])) return issue(name, 'encoding', 'UTF-32: save as UTF-8');
  if (startsWith([0xff, 0xfe]) || startsWith([0xfe, 0xff]) || looksLikeUtf16(head)) return issue(name, 'encoding', 'UTF-16: save as UTF-8');
  const binary = BINARY_SIGNATURES.find((signature) => startsWith(signature.bytes));
  return binary === undefined ? undefined : issue(name, 'binary', `binary file (${binary.format})`);
}

/** Whether the bytes look like UTF-16 without a byte-order mark: a NUL in most high bytes, none in the low ones. */
function looksLikeUtf16(head: Uint8Array): boolean {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let pair = 0; pair < pairs; pair += 1) {
    if (head[2 * pair] === 0) evenNuls += 1;
    if (head[2 * pair + 1] === 0) oddNuls += 1;
  }
  const mostly = (count: number): boolean => count >= pairs * 0.75;
  return (mostly(oddNuls) && evenNuls === 0) || (mostly(evenNuls) && oddNuls === 0);
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's (or a line's) bytes by the corpus encoding, or says why it cannot be read. */
export function decodeText(name: string, bytes: Uint8Array, encoding: CorpusEncoding): string | CorpusIssue {
  if (bytes.includes(0)) return issue(name, 'binary', 'binary file (contains NUL bytes)');
  let text: string;
  try {
    text = utf8Decoder.decode(bytes);
  } catch {
    if (encoding !== 'latin1') return issue(name, 'encoding', 'not valid UTF-8 text');
    text = decodeWindows1252(bytes);
  }
  return normalizeText(text);
}

/** The pieces joined in one array (the piece itself when there is one). */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  if (pieces.length === 0) return new Uint8Array();
  const joined = new Uint8Array(pieces.reduce((length, piece) => length + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.length;
  }
  return joined;
}

/** `1048576` → `1,048,576`. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A limit in bytes as people say it: `4 MiB`, `256 KiB`, or `1,000 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${formatCount(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${formatCount(bytes / 1024)} KiB`;
  return `${formatCount(bytes)} bytes`;
}
