/**
 * A web site on 127.0.0.1 (port 0) for the fetcher's tests: it records every connection and
 * request, so a test can assert that a refused link never reached it.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extractionPagePath } from '../support/extractionPages.js';

/** A saved ScienceAlert article (Titan's geological map) from the extraction benchmark's pages. */
export const ARTICLE_PAGE = extractionPagePath('359fee228518d55b921194561e9ca88e428df81940246f8fac7a75398377daea');

export interface LocalSite {
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  readonly port: number;
  /** Paths requested, in order. */
  readonly requests: string[];
  /** Host headers received, in order. */
  readonly hosts: string[];
  /** TCP connections accepted. */
  connections: number;
  close(): Promise<void>;
}

export async function startLocalSite(handle: (request: IncomingMessage, response: ServerResponse, site: LocalSite) => void): Promise<LocalSite> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const site: LocalSite = {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests: [],
    hosts: [],
    connections: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on('connection', () => {
    site.connections += 1;
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    site.requests.push(request.url ?? '');
    site.hosts.push(request.headers.host ?? '');
    // The fetcher hangs up on purpose (too large, timeout); writing on afterwards is expected to fail.
    response.on('error', () => undefined);
    handle(request, response, site);
  });
  return site;
}

/** Writes `chunk` every `everyMs` until the client leaves; the interval is cleared on close. */
export function drip(response: ServerResponse, chunk: string, everyMs: number): void {
  const timer = setInterval(() => {
    if (response.destroyed) clearInterval(timer);
    else response.write(chunk);
  }, everyMs);
  response.on('close', () => clearInterval(timer));
}
