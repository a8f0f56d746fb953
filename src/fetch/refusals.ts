/**
 * Why a page was not fetched, as one short sentence for the person who linked it: the refusal
 * kinds, and the wording of HTTP statuses, sizes and network errors. A site's own text is never
 * quoted back, only standard reason phrases and cleaned header values.
 */
import http from 'node:http';

export type FetchRefusalKind = 'bad-url' | 'private-address' | 'unresolvable' | 'too-many-redirects' | 'too-large' | 'timeout' | 'http-error' | 'unsupported-type' | 'network';

/** A refusal on its way up to `fetchPage`, which turns it into a result. */
export class Refusal extends Error {
  constructor(
    readonly refusal: FetchRefusalKind,
    message: string,
  ) {
    super(message);
  }
}

export function tooLarge(maxBytes: number): Refusal {
  return new Refusal('too-large', `That page is larger than ${formatBytes(maxBytes)}: save the article's text as a file and add that instead.`);
}

export function httpErrorMessage(status: number): string {
  const described = describeStatus(status);
  if (status === 401 || status === 403 || status === 407) return `The site answered ${described}: the page may need a login, so save it as a file and add that instead.`;
  if (status === 429 || status >= 500) return `The site answered ${described}: try again later.`;
  return `The site answered ${described}: check the link.`;
}

/** "404 Not Found": the standard reason phrase, never the site's own text. */
export function describeStatus(status: number): string {
  const reason = http.STATUS_CODES[status];
  return reason === undefined ? String(status) : `${status} ${reason}`;
}

/** A header value fit to quote back: token characters only, short. */
export function describeMediaType(value: string): string {
  const cleaned = value.replace(/[^\w.+\-/, ]/g, '').slice(0, 60);
  return cleaned === '' ? 'an unknown type' : cleaned;
}

function formatBytes(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024);
  if (mebibytes >= 1 && Number.isInteger(mebibytes * 10)) return `${mebibytes} MiB`;
  const kibibytes = bytes / 1024;
  if (kibibytes >= 1 && Number.isInteger(kibibytes * 10)) return `${kibibytes} KiB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}

export function formatSeconds(milliseconds: number): string {
  return `${Math.round(milliseconds / 100) / 10} s`;
}

/** The sentence for a network error, by its Node error code. */
export function networkMessage(error: unknown): string {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'ECONNREFUSED') return 'The site refused the connection: check the link, or try again later.';
  if (code === 'ECONNRESET') return 'The site closed the connection before sending the page: try again later.';
  if (/CERT|TLS|SSL|SIGNATURE/.test(code)) return "The site's secure connection could not be verified: check the link.";
  if (code.startsWith('HPE_')) return 'The site sent a malformed answer: try again later, or add the page as a saved file.';
  return 'The site could not be reached: try again later, or add the page as a saved file.';
}
