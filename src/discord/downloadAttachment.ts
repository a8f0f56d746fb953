/**
 * Downloading a file a member attached to `/add`, from the URL Discord gives for it. The size
 * Discord declares is checked by the caller before; the bytes are counted here too, since a
 * declared size is only a claim.
 */

/** How long a download may take, connection and body together. */
export const ATTACHMENT_DOWNLOAD_TIMEOUT_MS = 10_000;

export type AttachmentDownload =
  | { readonly kind: 'downloaded'; readonly bytes: Uint8Array }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'failed'; readonly reason: string };

export interface DownloadOptions {
  /** More bytes than this: the download stops and is refused. */
  readonly maxBytes: number;
  /** Default {@link ATTACHMENT_DOWNLOAD_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
}

/** Fetches `url` (http or https only), stopping as soon as the body exceeds `maxBytes`. Never throws. */
export async function downloadAttachment(url: string, options: DownloadOptions): Promise<AttachmentDownload> {
  if (!/^https?:\/\//i.test(url)) return { kind: 'failed', reason: 'not an http(s) URL' };
  const signal = AbortSignal.timeout(options.timeoutMs ?? ATTACHMENT_DOWNLOAD_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal, redirect: 'follow' });
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      return { kind: 'failed', reason: `HTTP ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > options.maxBytes) {
      await response.body.cancel();
      return { kind: 'too-large' };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) {
        await reader.cancel();
        return { kind: 'too-large' };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { kind: 'downloaded', bytes };
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
