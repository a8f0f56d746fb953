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
import { isPublicAddress } from './addressGuard.js';
import { bareHost, parseLink, parseRedirect } from './pageLink.js';
import { Refusal, describeMediaType, describeStatus, formatSeconds, httpErrorMessage, networkMessage, tooLarge, type FetchRefusalKind } from './refusals.js';
import { MAX_CONTENT_ENCODINGS, SUPPORTED_CONTENT_ENCODINGS, contentEncodings, decompress, readBody, sniffMediaType } from './responseBody.js';

export { isPublicAddress } from './addressGuard.js';
export { MAX_URL_LENGTH } from './pageLink.js';
export type { FetchRefusalKind } from './refusals.js';

/** The largest page accepted, counted after decompression: 5 MiB. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
/** The whole fetch (resolving, connecting, redirects and body) must finish within this: 10 s. */
export const FETCH_TIMEOUT_MS = 10_000;
/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;
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
  const deadline = setTimeout(
    () => controller.abort(new Refusal('timeout', `The site did not answer within ${formatSeconds(settings.timeoutMs)}: try again later, or add the page as a saved file.`)),
    settings.timeoutMs,
  );
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
    if (redirects >= settings.maxRedirects)
      throw new Refusal('too-many-redirects', `The site redirected more than ${settings.maxRedirects} times: link the article's final address.`);
    url = parseRedirect(location, url);
  }
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
      addresses = await raceAbort(
        Promise.resolve().then(() => settings.resolve(host)),
        signal,
      );
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
    if (hidden !== undefined)
      throw new Refusal('private-address', `That link ${redirected ? 'redirects' : 'points'} to a private address (${hidden.address}): only public web pages can be added.`);
  }
  return addresses;
}

/** Sends the GET and waits for the response head. The socket goes to the vetted addresses only. */
function requestPage(url: URL, addresses: readonly ResolvedAddress[], settings: Settings, signal: AbortSignal): Promise<IncomingMessage> {
  const targets = addresses.map((entry) => settings.route(entry));
  const first = targets[0]!;
  // Node calls this instead of resolving the host again; with autoSelectFamily (Node 20's default)
  // it asks for all addresses and tries them in turn.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all === true)
      callback(
        null,
        targets.map((entry) => ({ address: entry.address, family: entry.family })),
      );
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
  if (encodings.length > MAX_CONTENT_ENCODINGS || encodings.some((encoding) => !SUPPORTED_CONTENT_ENCODINGS.includes(encoding))) {
    response.destroy();
    throw new Refusal(
      'unsupported-type',
      `The site sent the page compressed as ${describeMediaType(encodings.join(', '))}, which Dossier cannot read: add the page as a saved file.`,
    );
  }
  const raw = await readBody(response, settings.maxBytes, signal);
  const bytes = await raceAbort(decompress(raw, encodings, settings.maxBytes), signal);
  const mediaType = declaredType !== '' ? declaredType : sniffMediaType(bytes);
  if (mediaType === undefined) throw new Refusal('unsupported-type', "The site did not say what kind of content the link serves: link the article's page.");
  return { kind: 'page', url: url.href, mediaType, contentType, bytes };
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
