/**
 * Watching the corpus folder (or the one corpus file) for changes, gathered into one reload
 * request once the folder has been quiet: editors and copies write in bursts.
 */
import { statSync, watch } from 'node:fs';
import path from 'node:path';
import { isIgnoredName } from '../storage/corpusFolder.js';

/** What a reload is asked to read: every file, or only the named ones. */
export type ReloadScope = { readonly kind: 'all' } | { readonly kind: 'files'; readonly names: Set<string> };

/** How long the folder must stay quiet before a change is reloaded: editors and copies write in bursts. */
export const RELOAD_QUIET_MS = 400;

/** A running watch; `close` stops it and drops a change still waiting for quiet. */
export interface CorpusWatcher {
  close(): void;
}

/**
 * Calls `onChanges` whenever a file in the corpus folder (or the corpus file) is added, changed
 * or removed, once the folder has been quiet for {@link RELOAD_QUIET_MS}, with the files named by
 * the change notices meanwhile (all of them when a notice names none). Files the loader skips
 * (the index snapshot, editors' swap files and backups) are not changes. Returns `undefined`
 * when the corpus cannot be watched, after telling `onError` why; `onError` also hears of the
 * watcher's later failures.
 */
export function watchCorpus(corpusPath: string, onChanges: (scope: ReloadScope) => void, onError: (error: Error) => void): CorpusWatcher | undefined {
  let isFolder: boolean;
  try {
    isFolder = statSync(corpusPath).isDirectory();
  } catch (error) {
    onError(error instanceof Error ? error : new Error(String(error)));
    return undefined;
  }
  // One corpus file is watched through its folder: editors save by replacing the file.
  const fileName = isFolder ? undefined : path.basename(corpusPath);
  let quietTimer: NodeJS.Timeout | undefined;
  // Names changed since the last call of onChanges; `all` when a change named no file.
  let watchedScope: ReloadScope | undefined;
  const onChange = (_event: string, name: string | Buffer | null): void => {
    const changed = name === null ? undefined : name.toString();
    if (changed !== undefined && (isIgnoredPath(changed) || (fileName !== undefined && changed !== fileName))) return;
    const scope: ReloadScope = changed === undefined ? { kind: 'all' } : { kind: 'files', names: new Set([changed.split(path.sep).join('/')]) };
    watchedScope = joinScopes(watchedScope, scope);
    clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      const watched = watchedScope ?? { kind: 'all' };
      watchedScope = undefined;
      onChanges(watched);
    }, RELOAD_QUIET_MS);
  };
  try {
    const watcher = watch(isFolder ? corpusPath : path.dirname(corpusPath), { recursive: isFolder, persistent: false }, onChange);
    watcher.on('error', (error) => onError(error));
    return {
      close() {
        clearTimeout(quietTimer);
        watcher.close();
      },
    };
  } catch (error) {
    onError(error instanceof Error ? error : new Error(String(error)));
    return undefined;
  }
}

/** The union of two reload requests: all files if either asks for all. */
export function joinScopes(a: ReloadScope | undefined, b: ReloadScope): ReloadScope {
  if (a === undefined) return b;
  if (a.kind === 'all' || b.kind === 'all') return { kind: 'all' };
  return { kind: 'files', names: new Set([...a.names, ...b.names]) };
}

/** Whether a changed path is one the loader skips (the index snapshot, editors' swap files and backups): no reload for it. */
function isIgnoredPath(name: string): boolean {
  return name.split(path.sep).some(isIgnoredName);
}
