/**
 * The fetcher against a local web site on 127.0.0.1. Tests of the address checks use
 * `fetchPageVia` with a route that dials every vetted address to the local site: were a check
 * missing, the request would reach the site, so "the site saw nothing" can fail.
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchPage, fetchPageVia, MAX_PAGE_BYTES, type FetchOptions, type FetchResult, type ResolvedAddress } from '../../src/fetch/fetchPage.js';
import { ARTICLE_PAGE, drip, startLocalSite, type LocalSite } from './localSite.js';

const ARTICLE = readFileSync(ARTICLE_PAGE);
const HTML = 'text/html; charset=utf-8';
/** A public address (example.com's former one) that a fake resolver hands out for `news.example`. */
const PUBLIC_ADDRESS = '93.184.216.34';
const toLocalSite = (): ResolvedAddress => ({ address: '127.0.0.1', family: 4 });

let site: LocalSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** Serves the article at every path. */
async function articleSite(): Promise<LocalSite> {
  site = await startLocalSite((_request, response) => {
    response.writeHead(200, { 'content-type': HTML, 'content-length': ARTICLE.length });
    response.end(ARTICLE);
  });
  return site;
}

/** Resolves each name as the table says; any other name fails like NXDOMAIN. */
function fakeResolver(table: Record<string, readonly string[]>): NonNullable<FetchOptions['resolve']> {
  return async (hostname) => {
    const addresses = table[hostname];
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

function refusal(result: FetchResult): { refusal: string; message: string } {
  if (result.kind !== 'refused') throw new Error(`expected a refusal, got a ${result.mediaType} page from ${result.url}`);
  return { refusal: result.refusal, message: result.message };
}

describe('fetchPage: pages it accepts', () => {
  it('downloads an article page from a local server when private addresses are allowed', async () => {
    const local = await articleSite();
    const result = await fetchPage(`${local.origin}/science/titan-map`, { allowPrivate: true });
    expect(result).toMatchObject({ kind: 'page', url: `${local.origin}/science/titan-map`, mediaType: 'text/html', contentType: HTML });
    expect(result.kind === 'page' && Buffer.from(result.bytes).equals(ARTICLE)).toBe(true);
  });

  it('connects to the vetted address while sending the host name in the Host header', async () => {
    const local = await articleSite();
    // news.example has no DNS record: the page arrives only if no second resolution happens.
    const result = await fetchPageVia(`http://news.example:${local.port}/story`, { resolve: fakeResolver({ 'news.example': [PUBLIC_ADDRESS] }) }, toLocalSite);
    expect(result.kind).toBe('page');
    expect(local.hosts).toEqual([`news.example:${local.port}`]);
  });

  it.each([
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const)('decompresses a page sent with Content-Encoding %s', async (encoding, compress) => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': HTML, 'content-encoding': encoding });
      response.end(compress(ARTICLE));
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(result.kind === 'page' && Buffer.from(result.bytes).equals(ARTICLE)).toBe(true);
  });

  it('decompresses raw deflate, which some servers send for Content-Encoding deflate', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': HTML, 'content-encoding': 'deflate' });
      response.end(zlib.deflateRawSync(ARTICLE));
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(result.kind === 'page' && Buffer.from(result.bytes).equals(ARTICLE)).toBe(true);
  });

  it('accepts plain text', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      response.end("Titan, Saturn's largest moon, now has a global geological map.\n");
    });
    const result = await fetchPage(`${site.origin}/story.txt`, { allowPrivate: true });
    expect(result).toMatchObject({ kind: 'page', mediaType: 'text/plain' });
  });

  it('takes a page without Content-Type as HTML when it starts like HTML', async () => {
    site = await startLocalSite((_request, response) => {
      response.removeHeader('content-type');
      response.end(ARTICLE);
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(result).toMatchObject({ kind: 'page', mediaType: 'text/html', contentType: '' });
  });

  it('accepts a page of exactly maxBytes', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': HTML });
      response.end(ARTICLE.subarray(0, 10_000));
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true, maxBytes: 10_000 });
    expect(result.kind === 'page' && result.bytes.length).toBe(10_000);
  });
});

describe('fetchPage: private addresses', () => {
  it.each([
    ['127.0.0.1'],
    ['10.0.0.5'],
    ['172.16.4.2'],
    ['192.168.1.1'],
    ['169.254.169.254'],
    ['100.64.0.1'],
    ['0.0.0.0'],
    ['224.0.0.251'],
    ['::1'],
    ['fc00::1'],
    ['fd00:ec2::254'],
    ['fe80::1'],
    ['::ffff:127.0.0.1'],
    ['::ffff:10.0.0.1'],
  ])('refuses a name that resolves to %s without connecting', async (address) => {
    const local = await articleSite();
    const result = await fetchPageVia(`http://news.example:${local.port}/story`, { resolve: fakeResolver({ 'news.example': [address] }) }, toLocalSite);
    expect(refusal(result)).toEqual({ refusal: 'private-address', message: `That link points to a private address (${address}): only public web pages can be added.` });
    expect(local.connections).toBe(0);
  });

  it('refuses a name when one of its several addresses is private', async () => {
    const local = await articleSite();
    const result = await fetchPageVia(`http://news.example:${local.port}/story`, { resolve: fakeResolver({ 'news.example': [PUBLIC_ADDRESS, '10.0.0.1'] }) }, toLocalSite);
    expect(refusal(result).refusal).toBe('private-address');
    expect(local.connections).toBe(0);
  });

  it.each([
    ['127.0.0.1', 'dotted'],
    ['2130706433', 'decimal'],
    ['0x7f.0.0.1', 'hexadecimal'],
    ['0177.0.0.1', 'octal'],
    ['127.1', 'shorthand'],
    ['[::ffff:127.0.0.1]', 'IPv4-mapped IPv6'],
    ['[::1]', 'IPv6 loopback'],
  ])('refuses a link to the literal address %s (%s) without connecting', async (host) => {
    const local = await articleSite();
    const result = await fetchPage(`http://${host}:${local.port}/admin`);
    expect(refusal(result).refusal).toBe('private-address');
    expect(local.connections).toBe(0);
  });

  it('fetches a literal loopback address when private addresses are allowed', async () => {
    const local = await articleSite();
    const result = await fetchPage(`http://2130706433:${local.port}/story`, { allowPrivate: true });
    expect(result).toMatchObject({ kind: 'page', url: `${local.origin}/story` });
  });

  it('refuses a redirect to a private IP literal after an allowed first hop', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(302, { location: `http://127.0.0.1:${site!.port}/secret` });
      response.end();
    });
    const result = await fetchPageVia(`http://news.example:${site.port}/story`, { resolve: fakeResolver({ 'news.example': [PUBLIC_ADDRESS] }) }, toLocalSite);
    expect(refusal(result)).toEqual({ refusal: 'private-address', message: 'That link redirects to a private address (127.0.0.1): only public web pages can be added.' });
    expect(site.requests).toEqual(['/story']);
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(301, { location: `http://intranet.example:${site!.port}/secret` });
      response.end();
    });
    const resolve = fakeResolver({ 'news.example': [PUBLIC_ADDRESS], 'intranet.example': ['10.0.0.1'] });
    const result = await fetchPageVia(`http://news.example:${site.port}/story`, { resolve }, toLocalSite);
    expect(refusal(result).refusal).toBe('private-address');
    expect(site.requests).toEqual(['/story']);
  });

  it('checks the same name again at a redirect, so a rebinding DNS answer is refused', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(307, { location: '/secret' });
      response.end();
    });
    const answers = [PUBLIC_ADDRESS, '127.0.0.1'];
    const resolve: FetchOptions['resolve'] = async () => [{ address: answers.shift() ?? '127.0.0.1', family: 4 }];
    const result = await fetchPageVia(`http://news.example:${site.port}/story`, { resolve }, toLocalSite);
    expect(refusal(result).refusal).toBe('private-address');
    expect(site.requests).toEqual(['/story']);
  });

  it('refuses a name that does not resolve', async () => {
    const result = await fetchPage('https://no-such-site.example/story', { resolve: fakeResolver({}) });
    expect(refusal(result)).toEqual({ refusal: 'unresolvable', message: 'The site no-such-site.example could not be found: check the link.' });
  });
});

describe('fetchPage: redirects', () => {
  /** /hop/N redirects to /hop/N-1 with a relative Location; /hop/0 is the article. */
  async function redirectChain(): Promise<LocalSite> {
    site = await startLocalSite((request, response) => {
      const left = Number(/^\/hop\/(\d+)$/.exec(request.url ?? '')?.[1] ?? 0);
      if (left === 0) {
        response.writeHead(200, { 'content-type': HTML });
        response.end(ARTICLE);
      } else {
        response.writeHead(left % 2 === 0 ? 308 : 302, { location: `/hop/${left - 1}` });
        response.end();
      }
    });
    return site;
  }

  it('follows five redirects and reports the final URL', async () => {
    const local = await redirectChain();
    const result = await fetchPage(`${local.origin}/hop/5`, { allowPrivate: true });
    expect(result).toMatchObject({ kind: 'page', url: `${local.origin}/hop/0` });
  });

  it('refuses a sixth redirect without following it', async () => {
    const local = await redirectChain();
    const result = await fetchPage(`${local.origin}/hop/6`, { allowPrivate: true });
    expect(refusal(result)).toEqual({ refusal: 'too-many-redirects', message: "The site redirected more than 5 times: link the article's final address." });
    expect(local.requests).toHaveLength(6);
  });

  it.each(['file:///etc/passwd', 'ftp://ftp.example.com/story.html', 'javascript:alert(1)'])('refuses a redirect to %s', async (location) => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(302, { location });
      response.end();
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(refusal(result).refusal).toBe('bad-url');
    expect(site.requests).toEqual(['/story']);
  });

  it('refuses a redirect that says nowhere to go', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(302);
      response.end();
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(refusal(result)).toEqual({ refusal: 'http-error', message: 'The site answered 302 Found without saying where to: check the link.' });
  });
});

describe('fetchPage: size', () => {
  it('refuses a page whose Content-Length is over the limit before reading its body', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': HTML, 'content-length': MAX_PAGE_BYTES + 1 });
      response.write(ARTICLE); // and never the rest: only the header can end this fetch in time
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(refusal(result)).toEqual({ refusal: 'too-large', message: "That page is larger than 5 MiB: save the article's text as a file and add that instead." });
  });

  it('cuts off a page sent without Content-Length once it passes the limit', async () => {
    let sent = 0;
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': HTML });
      const send = (): void => {
        while (!response.destroyed && sent < 2 * MAX_PAGE_BYTES) {
          sent += ARTICLE.length;
          if (!response.write(ARTICLE)) return void response.once('drain', send);
        }
        response.end();
      };
      send();
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(refusal(result).refusal).toBe('too-large');
    expect(sent).toBeLessThan(2 * MAX_PAGE_BYTES);
  });

  it.each([
    ['gzip', zlib.gzipSync],
    ['br', zlib.brotliCompressSync],
  ] as const)('refuses a %s bomb by its decompressed size', async (encoding, compress) => {
    const bomb = compress(Buffer.concat([Buffer.from('<!doctype html><html><body><p>'), Buffer.alloc(16 * 1024 * 1024, 0x20)]));
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': HTML, 'content-encoding': encoding, 'content-length': bomb.length });
      response.end(bomb);
    });
    expect(bomb.length).toBeLessThan(MAX_PAGE_BYTES / 10);
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(refusal(result).refusal).toBe('too-large');
  });
});

describe('fetchPage: the deadline', () => {
  it('cuts off a body that drips slower than the deadline', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': HTML });
      drip(response, '<p>Titan', 50);
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true, timeoutMs: 300 });
    expect(refusal(result)).toEqual({ refusal: 'timeout', message: 'The site did not answer within 0.3 s: try again later, or add the page as a saved file.' });
  });

  it('gives up on a site that never answers', async () => {
    site = await startLocalSite(() => undefined);
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true, timeoutMs: 300 });
    expect(refusal(result).refusal).toBe('timeout');
  });

  it('counts the redirects against the same deadline', async () => {
    site = await startLocalSite((request, response) => {
      if (request.url === '/story') {
        response.writeHead(302, { location: '/slow' });
        response.end();
      } else {
        response.writeHead(200, { 'content-type': HTML });
        drip(response, '<p>Titan', 50);
      }
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true, timeoutMs: 300 });
    expect(refusal(result).refusal).toBe('timeout');
    expect(site.requests).toEqual(['/story', '/slow']);
  });

  it('stops when the caller aborts', async () => {
    site = await startLocalSite(() => undefined);
    const controller = new AbortController();
    const fetching = fetchPage(`${site.origin}/story`, { allowPrivate: true, signal: controller.signal });
    controller.abort();
    expect(refusal(await fetching)).toEqual({ refusal: 'network', message: 'The download was cancelled: try again.' });
  });
});

describe('fetchPage: what the site answers', () => {
  it.each([
    ['application/pdf', 'application/pdf'],
    ['image/png', 'image/png'],
    ['application/json; charset=utf-8', 'application/json'],
  ])('refuses Content-Type %s, naming the type', async (contentType, named) => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': contentType });
      response.end('%PDF-1.7');
    });
    const result = await fetchPage(`${site.origin}/report`, { allowPrivate: true });
    expect(refusal(result)).toEqual({ refusal: 'unsupported-type', message: `That link is not a web page (it serves ${named}): link the article's page.` });
  });

  it('refuses a body without Content-Type that does not look like HTML', async () => {
    site = await startLocalSite((_request, response) => {
      response.removeHeader('content-type');
      response.end('%PDF-1.7\n%âãÏÓ\n');
    });
    const result = await fetchPage(`${site.origin}/report`, { allowPrivate: true });
    expect(refusal(result).refusal).toBe('unsupported-type');
  });

  it('refuses a compression it cannot read, naming it', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': HTML, 'content-encoding': 'zstd' });
      response.end(ARTICLE);
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(refusal(result)).toEqual({
      refusal: 'unsupported-type',
      message: 'The site sent the page compressed as zstd, which Dossier cannot read: add the page as a saved file.',
    });
  });

  it('refuses a damaged gzip body', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': HTML, 'content-encoding': 'gzip' });
      response.end(zlib.gzipSync(ARTICLE).subarray(0, 500));
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(refusal(result).refusal).toBe('network');
  });

  it.each([
    [404, 'The site answered 404 Not Found: check the link.'],
    [403, 'The site answered 403 Forbidden: the page may need a login, so save it as a file and add that instead.'],
    [503, 'The site answered 503 Service Unavailable: try again later.'],
  ])('refuses status %i with a message saying what to do', async (status, message) => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(status, 'Whatever The Site Says', { 'content-type': HTML });
      response.end('<!doctype html><title>Error</title>');
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(refusal(result)).toEqual({ refusal: 'http-error', message });
  });

  it('refuses a site that closes the connection halfway through the page', async () => {
    site = await startLocalSite((_request, response) => {
      response.writeHead(200, { 'content-type': HTML, 'content-length': ARTICLE.length });
      response.write(ARTICLE.subarray(0, 1_000), () => response.socket?.destroy());
    });
    const result = await fetchPage(`${site.origin}/story`, { allowPrivate: true });
    expect(refusal(result).refusal).toBe('network');
  });
});

describe('fetchPage: https', () => {
  it('checks the certificate against the host name it sent as SNI, refusing an untrusted one', async () => {
    const fixture = (name: string): Buffer => readFileSync(new URL(`fixtures/${name}`, import.meta.url));
    const serverNames: string[] = [];
    const server = https.createServer({
      key: fixture('news.example.key.pem'),
      cert: fixture('news.example.cert.pem'),
      SNICallback: (serverName, done) => {
        serverNames.push(serverName);
        done(null); // the default certificate above
      },
    });
    server.on('tlsClientError', () => undefined);
    server.on('request', (_request, response) => response.end(ARTICLE));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await fetchPageVia(`https://news.example:${port}/story`, { resolve: fakeResolver({ 'news.example': [PUBLIC_ADDRESS] }) }, toLocalSite);
      expect(refusal(result)).toEqual({ refusal: 'network', message: "The site's secure connection could not be verified: check the link." });
      expect(serverNames).toEqual(['news.example']);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('fetchPage: links', () => {
  it.each([
    ['file:///etc/passwd', 'file:'],
    ['javascript:alert(document.cookie)', 'javascript:'],
    ['ftp://ftp.example.com/story.html', 'ftp:'],
    ['data:text/html,<h1>Titan</h1>', 'data:'],
  ])('refuses %s, naming its scheme', async (link, scheme) => {
    const result = await fetchPage(link);
    expect(refusal(result)).toEqual({ refusal: 'bad-url', message: `That link is not a web page address (${scheme}): link a page starting with https://.` });
  });

  it('refuses a link with a user name and password without connecting', async () => {
    const local = await articleSite();
    const result = await fetchPage(`http://editor:hunter2@127.0.0.1:${local.port}/story`, { allowPrivate: true });
    expect(refusal(result)).toEqual({ refusal: 'bad-url', message: 'That link carries a user name or password: link the public page without them.' });
    expect(local.connections).toBe(0);
  });

  it.each(['', 'www.bbc.com/news', 'not a link at all'])('refuses %j as not a web address', async (link) => {
    expect(refusal(await fetchPage(link)).refusal).toBe('bad-url');
  });

  it('refuses a link longer than 2,048 characters', async () => {
    const result = await fetchPage(`https://www.bbc.com/news/articles/c0000000?ref=${'x'.repeat(2_048)}`);
    expect(refusal(result)).toEqual({ refusal: 'bad-url', message: "That link is longer than 2,048 characters: link the article's page directly." });
  });
});
