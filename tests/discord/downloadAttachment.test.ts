import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadAttachment } from '../../src/discord/downloadAttachment.js';

const ARTICLE = "VIENNA — The house where Adolf Hitler was born will be turned into a police station, Austria's interior minister said on Tuesday.";
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/article.txt') response.writeHead(200, { 'content-type': 'text/plain' }).end(ARTICLE);
    // Chunked: no content-length, so only counting the bytes can find the size.
    else if (request.url === '/chunked.txt') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      for (let chunk = 0; chunk < 10; chunk += 1) response.write(ARTICLE);
      response.end();
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('downloadAttachment', () => {
  it('returns the bytes of a file within the limit', async () => {
    const download = await downloadAttachment(`${base}/article.txt`, { maxBytes: 1_000 });
    expect(download.kind === 'downloaded' && new TextDecoder().decode(download.bytes)).toBe(ARTICLE);
  });

  it('refuses a file whose declared length is over the limit', async () => {
    expect(await downloadAttachment(`${base}/article.txt`, { maxBytes: 50 })).toEqual({ kind: 'too-large' });
  });

  it('refuses a file sent without a length once its bytes pass the limit', async () => {
    expect(await downloadAttachment(`${base}/chunked.txt`, { maxBytes: ARTICLE.length * 3 })).toEqual({ kind: 'too-large' });
  });

  it('reports an HTTP error as a failure', async () => {
    expect(await downloadAttachment(`${base}/expired.txt`, { maxBytes: 1_000 })).toEqual({ kind: 'failed', reason: 'HTTP 404' });
  });

  it('refuses anything but http and https', async () => {
    expect(await downloadAttachment('file:///etc/passwd', { maxBytes: 1_000 })).toMatchObject({ kind: 'failed' });
  });
});
