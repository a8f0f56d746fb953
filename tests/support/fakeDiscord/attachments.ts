/**
 * Files the fake Discord holds for attachments a member uploads (a slash command's attachment
 * option), served by the fake's own HTTP server on 127.0.0.1 as Discord's CDN serves them:
 * `GET /attachments/<channel id>/<attachment id>/<file name>`.
 */
import type { APIAttachment, Snowflake } from 'discord-api-types/v10';

/** How the fake describes an uploaded file. */
export interface UploadOptions {
  /** The MIME type Discord guessed; default from the extension (`text/html; charset=utf-8` for `.html`). */
  contentType?: string;
  /** The size Discord declares in the payload, when a test needs it to differ from the bytes' length. */
  declaredSize?: number;
}

/** An HTTP response with a raw body, as the fake's server sends it. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.jsonl': 'application/jsonl',
  '.pdf': 'application/pdf',
};

const ATTACHMENT_PATH = /^\/attachments\/(\d+)\/(\d+)\/([^/]+)$/;

export class AttachmentFiles {
  private readonly files = new Map<Snowflake, { filename: string; bytes: Uint8Array; contentType: string }>();

  /** @param origin The fake's `http://127.0.0.1:<port>`, read when a file is added. */
  constructor(private readonly origin: () => string) {}

  /** Stores `bytes` and returns the attachment as Discord puts it in `resolved.attachments`. */
  add(id: Snowflake, channelId: Snowflake, filename: string, bytes: Uint8Array, options: UploadOptions = {}): APIAttachment {
    const extension = /\.[^.]+$/.exec(filename)?.[0]?.toLowerCase() ?? '';
    const contentType = options.contentType ?? CONTENT_TYPES[extension] ?? 'application/octet-stream';
    this.files.set(id, { filename, bytes, contentType });
    const url = `${this.origin()}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    return {
      id,
      filename,
      size: options.declaredSize ?? bytes.byteLength,
      url,
      proxy_url: url,
      content_type: contentType,
      // Files attached to a slash command's option are ephemeral on Discord: kept only a while.
      ephemeral: true,
    };
  }

  /** The response to `GET path` when it names a stored file; `undefined` for any other path. */
  respond(method: string, path: string): RawResponse | undefined {
    const match = ATTACHMENT_PATH.exec(path);
    if (method !== 'GET' || match === null) return undefined;
    const file = this.files.get(match[2] ?? '');
    if (file === undefined || file.filename !== match[3]) {
      return { status: 404, headers: { 'content-type': 'text/plain' }, bytes: new TextEncoder().encode('Not Found') };
    }
    return { status: 200, headers: { 'content-type': file.contentType, 'content-length': String(file.bytes.byteLength) }, bytes: file.bytes };
  }
}
