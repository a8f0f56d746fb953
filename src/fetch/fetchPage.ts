/**
 * Downloads a web page a stranger linked, safely: only http(s), only public addresses (checked
 * before connecting and at every redirect, and the connection made to the very address checked),
 * a size cap that holds after decompression, one deadline for the whole fetch, and only HTML or
 * plain text. Every failure comes back as a `refused` result with one short sentence for the user.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { lookup as lookupHost } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { isPublicAddress } from './addressGuard.js';

export { isPublicAddress } from './addressGuard.js';

/** The largest page accepted, counted after decompression: 5 MiB. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
/** The whole fetch (resolving, connecting, redirects and body) must finish within this: 10 s. */
export const FETCH_TIMEOUT_MS = 10_000;
/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;
/** The longest link accepted, in characters (browsers and CDNs cap URLs around here). */
export const MAX_URL_LENGTH = 2_048;
/** Sent unless the caller passes its own. */
export const DEFAULT_USER_AGENT = 'Mozilla/5.0 (compatible; DossierBot/0.1; Discord bot that quotes news articles)';

export interface FetchOptions {
  /** Allow loopback/private/link-local/unique-local addresses (FETCH_ALLOW_PRIVATE=true: intranets and tests). Default false. */
  readonly allowPrivate?: boolean;
  /** The largest body accepted, after decompression; default `MAX_PAGE_BYTES`. */
  readonly maxBytes?: number;
  /** Milliseconds for the whole fetch, redirects included; default `FETCH_TIMEOUT_MS`. */
  readonly timeoutMs?: number;
  /** Redirects followed; default `MAX_REDIRECTS`. */
  readonly maxRedirects?: number;
  /** Resolves a host name to addresses; default dns.promises.lookup(host, { all: true }). Tests pass a fake to make a name resolve to 10.0.0.1 etc. Not called for IP literals. */
  readonly resolve?: (hostname: string) => Promise<readonly { address: string; family: number }[]>;
  /** Default `DEFAULT_USER_AGENT`. */
  readonly userAgent?: string;
  /** Aborting it ends the fetch with a `network` refusal ("cancelled"). */
  readonly signal?: AbortSignal;
}

export type FetchRefusalKind = 'bad-url' | 'private-address' | 'unresolvable' | 'too-many-redirects' | 'too-large' | 'timeout' | 'http-error' | 'unsupported-type' | 'network';

export type FetchResult =
  | {
      readonly kind: 'page';
      /** The final URL, after redirects. */
      readonly url: string;
      /** Lowercase media type without parameters: `text/html`, `application/xhtml+xml` or `text/plain`. */
      readonly mediaType: string;
      /** The raw Content-Type header (for its charset); '' when the site sent none and the body was sniffed as HTML. */
      readonly contentType: string;
      /** The body, decompressed. */
      readonly bytes: Uint8Array;
    }
  | { readonly kind: 'refused'; readonly refusal: FetchRefusalKind; readonly message: string };

/** An address a host name resolved to, as node:dns gives it. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Maps the address that passed the checks to the one actually dialled. For tests only (see `fetchPageVia`). */
export type ConnectionRoute = (vetted: ResolvedAddress) => ResolvedAddress;

const ACCEPTED_MEDIA_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT_HEADER = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1';
/** At most this many stacked Content-Encodings ("gzip, br"); real servers send one. */
const MAX_CONTENT_ENCODINGS = 2;

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

/** A refusal on its way up to `fetchPage`, which turns it into a result. */
class Refusal extends Error {
  constructor(
    readonly refusal: FetchRefusalKind,
    message: string,
  ) {
    super(message);
  }
}

interface Settings {
  readonly allowPrivate: boolean;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly resolve: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  readonly userAgent: string;
  readonly route: ConnectionRoute;
}

/**
 * Downloads a web page a stranger linked; never throws for anything the page or the network does.
 *
 * The host's addresses are resolved and all must be public (see `isPublicAddress`) unless
 * `allowPrivate`, which turns the address check off altogether; the socket then goes to those very addresses (no second resolution, so DNS
 * rebinding cannot slip a private address in), with the Host header and TLS SNI still the host
 * name. Redirects (301, 302, 303, 307, 308) are checked the same way, at most `maxRedirects`. A
 * body over `maxBytes` (Content-Length up front, then counted, decompressed size included) is
 * refused; `timeoutMs` covers everything. Only HTML (text/html, application/xhtml+xml) and
 * text/plain are accepted; with no Content-Type the body is sniffed (the HTML signatures of the
 * WHATWG MIME Sniffing standard) and refused unless it looks like HTML. Options out of range
 * (negative sizes) reject with a RangeError: a programming error, not the page's.
 *
 * Cost: one DNS lookup and one connection per hop; memory up to `maxBytes` compressed plus
 * `maxBytes` decompressed.
 *
 * @example
 * const result = await fetchPage('https://www.bbc.com/news/articles/c0000000');
 * if (result.kind === 'refused') reply(result.message); // "That page is larger than 5 MiB: …"
 */
export function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  return fetchPageVia(url, options, (vetted) => vetted);
}

/**
 * `fetchPage`, with every connection dialled to `route(vettedAddress)` instead of the vetted
 * address itself, after all checks. For tests only: a fake `resolve` makes `news.example`
 * resolve to a public address, the route sends the socket to the local test server, so the
 * checks of later hops (a redirect to a private address) run exactly as in production. Applies
 * to host names only; an IP literal host is dialled as written.
 */
export async function fetchPageVia(url: string, options: FetchOptions, route: ConnectionRoute): Promise<FetchResult> {
  const settings = settingsFrom(options, route);
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(new Refusal('timeout', `The site did not answer within ${formatSeconds(settings.timeoutMs)}: try again later, or add the page as a saved file.`)), settings.timeoutMs);
  const cancel = (): void => controller.abort(new Refusal('network', 'The download was cancelled: try again.'));
  if (options.signal?.aborted === true) cancel();
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await raceAbort(fetchFollowingRedirects(url, settings, controller.signal), controller.signal);
  } catch (error) {
    return refusalFor(error, controller.signal);
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', cancel);
    if (!controller.signal.aborted) controller.abort(new Refusal('network', 'The download was finished.'));
  }
}

function settingsFrom(options: FetchOptions, route: ConnectionRoute): Settings {
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError(`fetchPage: maxBytes must be a positive integer, got ${maxBytes}`);
  if (!Number.isFinite(timeoutMs) || timeoutMs < 1) throw new RangeError(`fetchPage: timeoutMs must be positive, got ${timeoutMs}`);
  if (!Number.isSafeInteger(maxRedirects) || maxRedirects < 0) throw new RangeError(`fetchPage: maxRedirects must be a non-negative integer, got ${maxRedirects}`);
  return {
    allowPrivate: options.allowPrivate ?? false,
    maxBytes,
    timeoutMs,
    maxRedirects,
    resolve: options.resolve ?? ((hostname) => lookupHost(hostname, { all: true })),
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    route,
  };
}

async function fetchFollowingRedirects(link: string, settings: Settings, signal: AbortSignal): Promise<FetchResult> {
  let url = parseLink(link);
  for (let redirects = 0; ; redirects += 1) {
    const addresses = await vetHost(url, redirects > 0, settings, signal);
    const response = await requestPage(url, addresses, settings, signal);
    const status = response.statusCode ?? 0;
    if (!REDIRECT_STATUSES.has(status)) return await readPage(url, response, settings, signal);
    response.destroy();
    const location = response.headers.location;
    if (location === undefined || location === '') throw new Refusal('http-error', `The site answered ${describeStatus(status)} without saying where to: check the link.`);
    if (redirects >= settings.maxRedirects) throw new Refusal('too-many-redirects', `The site redirected more than ${settings.maxRedirects} times: link the article's final address.`);
    url = parseRedirect(location, url);
  }
}

/** The link as a URL, or a `bad-url` refusal: http(s) only, no credentials, not absurdly long. */
function parseLink(link: string): URL {
  if (typeof link !== 'string' || link.trim() === '') throw new Refusal('bad-url', 'That is not a web address: link a page starting with https://.');
  if (link.length > MAX_URL_LENGTH) throw new Refusal('bad-url', `That link is longer than ${MAX_URL_LENGTH.toLocaleString('en-US')} characters: link the article's page directly.`);
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new Refusal('bad-url', 'That is not a web address: link a page starting with https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refusal('bad-url', `That link is not a web page address (${url.protocol.slice(0, 20)}): link a page starting with https://.`);
  if (url.username !== '' || url.password !== '') throw new Refusal('bad-url', 'That link carries a user name or password: link the public page without them.');
  return url;
}

/** Where a redirect points, resolved against the current URL, held to the same rules as a link. */
function parseRedirect(location: string, current: URL): URL {
  let url: URL;
  try {
    if (location.length > MAX_URL_LENGTH) throw new Error('too long');
    url = new URL(location, current);
  } catch {
    throw new Refusal('bad-url', 'The site redirected to an address that is not valid: check the link.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refusal('bad-url', `The site redirected to a ${url.protocol.slice(0, 20)} address, not a web page: link the article's page.`);
  if (url.username !== '' || url.password !== '') throw new Refusal('bad-url', 'The site redirected to an address with a user name or password: link the article\'s public page.');
  return url;
}

/** The addresses to connect to for this URL's host, all checked. */
async function vetHost(url: URL, redirected: boolean, settings: Settings, signal: AbortSignal): Promise<readonly ResolvedAddress[]> {
  const host = bareHost(url);
  const literalFamily = isIP(host);
  let addresses: readonly ResolvedAddress[];
  if (literalFamily !== 0) {
    addresses = [{ address: host, family: literalFamily }];
  } else {
    const shown = host.length > 80 ? `${host.slice(0, 80)}…` : host;
    try {
      addresses = await raceAbort(Promise.resolve().then(() => settings.resolve(host)), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new Refusal('unresolvable', `The site ${shown} could not be found: check the link.`);
    }
    if (addresses.length === 0 || addresses.some((entry) => isIP(entry.address) === 0)) throw new Refusal('unresolvable', `The site ${shown} could not be found: check the link.`);
    // The family is the address's own, whatever the resolver said: Node opens the socket by it.
    addresses = addresses.map((entry) => ({ address: entry.address, family: isIP(entry.address) }));
  }
  if (!settings.allowPrivate) {
    const hidden = addresses.find((entry) => !isPublicAddress(entry.address));
    if (hidden !== undefined) throw new Refusal('private-address', `That link ${redirected ? 'redirects' : 'points'} to a private address (${hidden.address}): only public web pages can be added.`);
  }
  return addresses;
}

/** The URL's host without the brackets of an IPv6 literal. */
function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** Sends the GET and waits for the response head. The socket goes to the vetted addresses only. */
function requestPage(url: URL, addresses: readonly ResolvedAddress[], settings: Settings, signal: AbortSignal): Promise<IncomingMessage> {
  const targets = addresses.map((entry) => settings.route(entry));
  const first = targets[0]!;
  // Node calls this instead of resolving the host again; with autoSelectFamily (Node 20's default)
  // it asks for all addresses and tries them in turn.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all === true) callback(null, targets.map((entry) => ({ address: entry.address, family: entry.family })));
    else callback(null, first.address, first.family);
  };
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request({
      protocol: url.protocol,
      hostname: bareHost(url),
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: { 'user-agent': settings.userAgent, accept: ACCEPT_HEADER, 'accept-encoding': 'gzip, deflate, br' },
      agent: false,
      lookup,
      signal,
    });
    request.once('response', resolve);
    request.on('error', reject);
    request.end();
  });
}

/** Checks the final response and reads its body within the limits. */
async function readPage(url: URL, response: IncomingMessage, settings: Settings, signal: AbortSignal): Promise<FetchResult> {
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 299) {
    response.destroy();
    throw new Refusal('http-error', httpErrorMessage(status));
  }
  const declaredLength = response.headers['content-length'];
  if (declaredLength !== undefined && /^\d+$/.test(declaredLength) && Number(declaredLength) > settings.maxBytes) {
    response.destroy();
    throw tooLarge(settings.maxBytes);
  }
  const contentType = response.headers['content-type'] ?? '';
  const declaredType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (declaredType !== '' && !ACCEPTED_MEDIA_TYPES.has(declaredType)) {
    response.destroy();
    throw new Refusal('unsupported-type', `That link is not a web page (it serves ${describeMediaType(declaredType)}): link the article's page.`);
  }
  const encodings = contentEncodings(response.headers['content-encoding']);
  if (encodings.length > MAX_CONTENT_ENCODINGS || encodings.some((encoding) => !['gzip', 'x-gzip', 'deflate', 'br'].includes(encoding))) {
    response.destroy();
    throw new Refusal('unsupported-type', `The site sent the page compressed as ${describeMediaType(encodings.join(', '))}, which Dossier cannot read: add the page as a saved file.`);
  }
  const raw = await readBody(response, settings.maxBytes, signal);
  const bytes = await raceAbort(decompress(raw, encodings, settings.maxBytes), signal);
  const mediaType = declaredType !== '' ? declaredType : sniffMediaType(bytes);
  if (mediaType === undefined) throw new Refusal('unsupported-type', 'The site did not say what kind of content the link serves: link the article\'s page.');
  return { kind: 'page', url: url.href, mediaType, contentType, bytes };
}

/** The body as sent, refused as soon as it passes `maxBytes`. */
function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
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
function contentEncodings(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((encoding) => encoding.trim().toLowerCase())
    .filter((encoding) => encoding !== '' && encoding !== 'identity');
}

/** Undoes the encodings, the output of each capped at `maxBytes` (zlib stops as soon as it passes: a zip bomb costs little). */
async function decompress(raw: Buffer, encodings: readonly string[], maxBytes: number): Promise<Buffer> {
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
function sniffMediaType(bytes: Uint8Array): string | undefined {
  const start = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  return HTML_SIGNATURE.test(start) ? 'text/html' : undefined;
}

function tooLarge(maxBytes: number): Refusal {
  return new Refusal('too-large', `That page is larger than ${formatBytes(maxBytes)}: save the article's text as a file and add that instead.`);
}

function httpErrorMessage(status: number): string {
  const described = describeStatus(status);
  if (status === 401 || status === 403 || status === 407) return `The site answered ${described}: the page may need a login, so save it as a file and add that instead.`;
  if (status === 429 || status >= 500) return `The site answered ${described}: try again later.`;
  return `The site answered ${described}: check the link.`;
}

/** "404 Not Found": the standard reason phrase, never the site's own text. */
function describeStatus(status: number): string {
  const reason = http.STATUS_CODES[status];
  return reason === undefined ? String(status) : `${status} ${reason}`;
}

/** A header value fit to quote back: token characters only, short. */
function describeMediaType(value: string): string {
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

function formatSeconds(milliseconds: number): string {
  return `${Math.round(milliseconds / 100) / 10} s`;
}

/** The promise, or the signal's reason as soon as it aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      promise.catch(() => undefined);
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Any failure as a refusal: ours as thrown, the deadline's or the caller's abort, else a network error. */
function refusalFor(error: unknown, signal: AbortSignal): FetchResult {
  const refusal = error instanceof Refusal ? error : signal.aborted && signal.reason instanceof Refusal ? signal.reason : new Refusal('network', networkMessage(error));
  return { kind: 'refused', refusal: refusal.refusal, message: refusal.message };
}

function networkMessage(error: unknown): string {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'ECONNREFUSED') return 'The site refused the connection: check the link, or try again later.';
  if (code === 'ECONNRESET') return 'The site closed the connection before sending the page: try again later.';
  if (/CERT|TLS|SSL|SIGNATURE/.test(code)) return 'The site\'s secure connection could not be verified: check the link.';
  if (code.startsWith('HPE_')) return 'The site sent a malformed answer: try again later, or add the page as a saved file.';
  return 'The site could not be reached: try again later, or add the page as a saved file.';
}
