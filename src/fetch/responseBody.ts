/**
 * A response's body within the size limit: read with a running count, decompressed with each
 * encoding's output capped (a zip bomb costs little), and sniffed for HTML when the site gave no
 * Content-Type.
 */
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Refusal, tooLarge } from './refusals.js';

/** At most this many stacked Content-Encodings ("gzip, br"); real servers send one. */
export const MAX_CONTENT_ENCODINGS = 2;
/** The Content-Encodings Dossier undoes (`accept-encoding: gzip, deflate, br`). */
export const SUPPORTED_CONTENT_ENCODINGS: readonly string[] = ['gzip', 'x-gzip', 'deflate', 'br'];

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

/** The body as sent, refused as soon as it passes `maxBytes`. */
export function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (error: unknown, body?: Buffer): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      response.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (body !== undefined) resolve(body);
      else {
        response.destroy();
        reject(error);
      }
    };
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > maxBytes) finish(tooLarge(maxBytes));
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(undefined, Buffer.concat(chunks, total));
    const onError = (error: Error): void => finish(error);
    const onClose = (): void => finish(new Refusal('network', 'The site stopped sending the page halfway: try again later.'));
    const onAbort = (): void => finish(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    response.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
    if (signal.aborted) onAbort();
  });
}

/** The Content-Encoding header as a list, in the order the site applied them; `identity` dropped. */
export function contentEncodings(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((encoding) => encoding.trim().toLowerCase())
    .filter((encoding) => encoding !== '' && encoding !== 'identity');
}

/** Undoes the encodings, the output of each capped at `maxBytes` (zlib stops as soon as it passes: a zip bomb costs little). */
export async function decompress(raw: Buffer, encodings: readonly string[], maxBytes: number): Promise<Buffer> {
  let body = raw;
  const options = { maxOutputLength: maxBytes };
  try {
    for (const encoding of [...encodings].reverse()) {
      if (body.length === 0) break;
      if (encoding === 'br') body = await brotliDecompress(body, options);
      else if (encoding === 'deflate') body = hasZlibHeader(body) ? await inflate(body, options) : await inflateRaw(body, options);
      else body = await gunzip(body, options);
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
    throw new Refusal('network', 'The site sent a damaged compressed page: try again later, or add the page as a saved file.');
  }
  return body;
}

/**
 * Whether a "deflate" body is zlib-wrapped, as RFC 9110 says it should be (some servers send raw
 * deflate): method 8 in the low nibble of the first byte, the first two bytes a multiple of 31.
 */
function hasZlibHeader(body: Buffer): boolean {
  return body.length >= 2 && (body[0]! & 0x0f) === 8 && ((body[0]! << 8) | body[1]!) % 31 === 0;
}

/** The HTML signatures of the WHATWG MIME Sniffing standard (§7.1), after leading whitespace. */
const HTML_SIGNATURE = /^[\t\n\f\r ]*<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[\t\n\f\r >]/i;

/** `text/html` when an untyped body looks like HTML; otherwise unknown. */
export function sniffMediaType(bytes: Uint8Array): string | undefined {
  const start = Buffer.from(bytes.subarray(0, 512))
    .toString('latin1')
    .replace(/^\u00ef\u00bb\u00bf/, '');
  return HTML_SIGNATURE.test(start) ? 'text/html' : undefined;
}
