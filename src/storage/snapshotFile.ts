/**
 * The index snapshot on disk: where it is, what it is keyed by, reading and writing it. What goes
 * in it is the core's business (`serializeCorpusIndex`, `restoreCorpusIndex`).
 *
 * The file is JSON lines: a header (`{ "dossierIndexSnapshot": format, "key": … }`), then one line
 * per section. The key is a SHA-256 of the corpus files' bytes, the settings that shape the index
 * (the encoding) and the code that builds it (every file of the core, and the versions of the
 * packages it uses): a snapshot taken of other files, settings or code is never used.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_PACKAGES, INDEX_SNAPSHOT_FORMAT, INDEX_SNAPSHOT_SECTIONS, type CorpusEncoding, type IndexSnapshot } from '../core/index.js';

/** The snapshot's file name beside a corpus folder. */
export const SNAPSHOT_FILE_NAME = '.dossier-index.json';

/** Where snapshots go: beside the corpus, in a folder of their own, or nowhere. */
export type SnapshotPlace = 'beside-corpus' | 'off' | { readonly folder: string };

/** Bytes read first: enough for the header line, so that a stale snapshot is not read whole. */
const HEADER_BYTES = 4_096;

/** Where snapshots go when the corpus's own folder is read-only: a folder in the working directory. */
export const FALLBACK_SNAPSHOT_FOLDER = '.dossier-cache';

/**
 * The snapshot file of a corpus: `<corpus>/.dossier-index.json` for a folder,
 * `<file>.dossier-index.json` beside a single-file corpus, or a file named after the corpus in
 * the given folder. A corpus in a read-only folder (a shared data set) gets its snapshot in
 * {@link FALLBACK_SNAPSHOT_FOLDER} instead. `undefined` when snapshots are off.
 */
export async function snapshotPathFor(corpusPath: string, isFolder: boolean, place: SnapshotPlace): Promise<string | undefined> {
  if (place === 'off') return undefined;
  const resolved = path.resolve(corpusPath);
  if (place === 'beside-corpus') {
    const folder = isFolder ? resolved : path.dirname(resolved);
    if (await isWritableFolder(folder)) return isFolder ? path.join(resolved, SNAPSHOT_FILE_NAME) : `${resolved}${SNAPSHOT_FILE_NAME}`;
    return snapshotPathFor(corpusPath, isFolder, { folder: FALLBACK_SNAPSHOT_FOLDER });
  }
  const tag = createHash('sha256').update(resolved).digest('hex').slice(0, 12);
  return path.join(path.resolve(place.folder), `${path.basename(resolved).replace(/[^\w.-]+/g, '_')}-${tag}${SNAPSHOT_FILE_NAME}`);
}

/** Whether a folder may be written to: by permission, and by intent (a folder without any write bit is read-only even for root). */
async function isWritableFolder(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK);
    return ((await stat(folder)).mode & 0o222) !== 0;
  } catch {
    return false;
  }
}

/** The settings an index depends on besides the corpus files. */
export interface IndexSettings {
  readonly encoding: CorpusEncoding;
}

/** The key of the snapshot of a corpus whose files have `fingerprint`, indexed with `settings` by this code. */
export async function snapshotKey(fingerprint: string, settings: IndexSettings): Promise<string> {
  const code = await codeVersion();
  return createHash('sha256')
    .update(JSON.stringify({ format: INDEX_SNAPSHOT_FORMAT, fingerprint, settings, code }))
    .digest('hex');
}

let codeVersionPromise: Promise<string> | undefined;

/** A hash of the core's files (the running ones: `.ts` under tsx, `.js` once built) and of the index packages' versions. */
export function codeVersion(): Promise<string> {
  codeVersionPromise ??= (async () => {
    const coreDir = fileURLToPath(new URL('../core', import.meta.url));
    const entries = await readdir(coreDir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile() && /\.(?:ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    const hash = createHash('sha256');
    for (const file of files)
      hash
        .update(`${path.relative(coreDir, file)}\u0000`)
        .update(await readFile(file))
        .update('\u0000');
    for (const nameAndVersion of await corePackageVersions()) hash.update(`${nameAndVersion}\n`);
    return hash.digest('hex');
  })();
  return codeVersionPromise;
}

/** `name@version` of each package the core reads (`CORE_PACKAGES`), as installed; `name@unknown` for one that cannot be found. */
export async function corePackageVersions(): Promise<string[]> {
  return Promise.all(CORE_PACKAGES.map(async (name) => `${name}@${await installedVersion(name)}`));
}

async function installedVersion(name: string): Promise<string> {
  try {
    const entry = createRequire(import.meta.url).resolve(name);
    const marker = `${path.sep}node_modules${path.sep}${name.split('/').join(path.sep)}${path.sep}`;
    const root = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
    return (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** What reading a snapshot found. */
export type SnapshotRead =
  | { readonly kind: 'found'; readonly snapshot: IndexSnapshot }
  | { readonly kind: 'missing' }
  | { readonly kind: 'stale' }
  | { readonly kind: 'unusable'; readonly reason: string };

interface SnapshotHeader {
  readonly dossierIndexSnapshot: number;
  readonly key: string;
  readonly sections: readonly string[];
}

/**
 * Reads the snapshot at `file` if it carries `key`. A missing file, another key, and a file that
 * cannot be read or is malformed are told apart (the caller rebuilds in every case).
 */
export async function readIndexSnapshot(file: string, key: string): Promise<SnapshotRead> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unusable', reason: `cannot be read (${describeError(error)})` };
  }
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafe(size);
    const headerRead = await readInto(handle, bytes, 0, Math.min(size, HEADER_BYTES));
    const headerEnd = bytes.subarray(0, headerRead).indexOf(0x0a);
    if (headerEnd < 0) return { kind: 'unusable', reason: 'no header line' };
    let header: SnapshotHeader;
    try {
      header = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as SnapshotHeader;
    } catch {
      return { kind: 'unusable', reason: 'the header is not JSON' };
    }
    if (header.dossierIndexSnapshot !== INDEX_SNAPSHOT_FORMAT || header.key !== key) return { kind: 'stale' };
    if (!Array.isArray(header.sections) || header.sections.join() !== INDEX_SNAPSHOT_SECTIONS.join()) return { kind: 'unusable', reason: 'unexpected sections' };
    const total = headerRead + (await readInto(handle, bytes, headerRead, size - headerRead));
    const sections: Record<string, string> = {};
    let start = headerEnd + 1;
    for (const section of INDEX_SNAPSHOT_SECTIONS) {
      const end = bytes.indexOf(0x0a, start);
      if (end < 0 || end >= total) return { kind: 'unusable', reason: `truncated before the ${section} section ends` };
      sections[section] = bytes.toString('utf8', start, end);
      start = end + 1;
    }
    return { kind: 'found', snapshot: sections as IndexSnapshot };
  } catch (error) {
    return { kind: 'unusable', reason: `cannot be read (${describeError(error)})` };
  } finally {
    await handle.close();
  }
}

async function readInto(handle: Awaited<ReturnType<typeof open>>, buffer: Buffer, offset: number, length: number): Promise<number> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, offset + done, length - done, offset + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

/**
 * Writes a snapshot under `key`, atomically: to a temporary file beside it, then renamed, so that
 * a reader (another shard, another process) never sees half a file.
 */
export async function writeIndexSnapshot(file: string, key: string, snapshot: IndexSnapshot): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const header: SnapshotHeader = { dossierIndexSnapshot: INDEX_SNAPSHOT_FORMAT, key, sections: INDEX_SNAPSHOT_SECTIONS };
  const handle = await open(temporary, 'w');
  try {
    await handle.write(`${JSON.stringify({ ...header, createdAt: new Date().toISOString() })}\n`);
    // One write per section: their sum may exceed the longest string the engine can make.
    for (const section of INDEX_SNAPSHOT_SECTIONS) await handle.write(`${snapshot[section]}\n`);
    await handle.close();
    await rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
