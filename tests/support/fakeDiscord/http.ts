/**
 * The HTTP plumbing of the fake Discord: parsed requests, Discord-style error responses, reading
 * JSON and multipart bodies as @discordjs/rest sends them, and writing responses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RawResponse } from './attachments.js';
import type { RecordedFile } from './types.js';

/** An uploaded file, with what the fake needs to turn it into an attachment. */
export interface UploadedFile extends RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  contentType: string;
}

export interface ParsedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorized: boolean;
  body: unknown;
  files: UploadedFile[];
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function discordError(status: number, code: number, message: string): FakeResponse {
  return { status, body: { code, message } };
}

export const notFound = (): FakeResponse => discordError(404, 0, '404: Not Found');
export const unknownInteraction = (): FakeResponse => discordError(404, 10062, 'Unknown interaction');
export const unknownWebhook = (): FakeResponse => discordError(404, 10015, 'Unknown Webhook');
export const unknownMessage = (): FakeResponse => discordError(404, 10008, 'Unknown Message');

export function safelyDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A body that is not JSON (or not valid multipart): answered 400 (50109), as Discord does. */
export class MalformedBodyError extends Error {}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedBodyError(String(error));
  }
}

/** Parses JSON, or multipart/form-data with `payload_json` and `files[n]` (as @discordjs/rest sends). */
export async function parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (!contentType.startsWith('multipart/form-data')) return { body: parseJson(raw.toString('utf8')), files: [] };
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData().catch((error: unknown) => {
    throw new MalformedBodyError(String(error));
  });
  let body: unknown;
  const files: UploadedFile[] = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = parseJson(value);
    } else {
      files.push({ field, name: value.name, size: value.size, contentType: value.type || 'application/octet-stream' });
    }
  }
  return { body, files };
}

export function sendHttp(outgoing: ServerResponse, response: FakeResponse | RawResponse): void {
  const headers: Record<string, string> = { via: '1.1 fake-discord', ...response.headers };
  if ('bytes' in response) {
    outgoing.writeHead(response.status, headers).end(response.bytes);
    return;
  }
  if (response.body === undefined) {
    outgoing.writeHead(response.status, headers).end();
    return;
  }
  const json = JSON.stringify(response.body);
  outgoing
    .writeHead(response.status, {
      ...headers,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(json)),
    })
    .end(json);
}
