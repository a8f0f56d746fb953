/**
 * What a corpus reload changes: which articles were added, changed or removed, and which
 * articles keep their previous version because their file no longer parses. Pure: the live
 * corpus adapter reads the files and decides when to reload.
 */
import type { ParsedCorpus } from './parseCorpus.js';
import type { Article } from '../types.js';

/** Article ids, by what happened to them between two versions of a corpus. */
export interface CorpusChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/** The articles to serve after a reload, and the files whose previous version was kept. */
export interface MergedCorpus {
  readonly articles: readonly Article[];
  /** Files that could not be used this time but were before: their previous articles stay in service. */
  readonly keptFiles: readonly string[];
}

/**
 * Compares two versions of a corpus by article id: an article is changed when any of its
 * metadata or its text differs. Ids are listed in the order of the version they come from.
 *
 * @example compareCorpora(before, after) // { added: ['new-deal'], changed: [], removed: [] }
 */
export function compareCorpora(previous: readonly Article[], next: readonly Article[]): CorpusChanges {
  const previousById = new Map(previous.map((article) => [article.id, article]));
  const nextIds = new Set(next.map((article) => article.id));
  const added: string[] = [];
  const changed: string[] = [];
  for (const article of next) {
    const before = previousById.get(article.id);
    if (before === undefined) added.push(article.id);
    else if (!sameArticle(before, article)) changed.push(article.id);
  }
  const removed = previous.filter((article) => !nextIds.has(article.id)).map((article) => article.id);
  return { added, changed, removed };
}

/** Whether a comparison found nothing to change. */
export function isUnchanged(changes: CorpusChanges): boolean {
  return changes.added.length === 0 && changes.changed.length === 0 && changes.removed.length === 0;
}

/**
 * The articles a reload should serve: the newly parsed ones, plus the previous version of every
 * article whose file now has an issue (a half-saved edit, a typo in the front matter) and whose
 * id no file uses any more. A file that was deleted loses its articles: deleting is deliberate,
 * a parse error is not.
 *
 * @param previous the articles in service now
 * @param parsed the corpus as just read
 */
export function keepPreviousVersions(previous: readonly Article[], parsed: ParsedCorpus): MergedCorpus {
  const failedFiles = new Set(parsed.issues.map((issue) => fileOf(issue.file)));
  if (failedFiles.size === 0) return { articles: parsed.articles, keptFiles: [] };
  const parsedIds = new Set(parsed.articles.map((article) => article.id));
  const kept = previous.filter((article) => failedFiles.has(fileOf(article.source)) && !parsedIds.has(article.id));
  if (kept.length === 0) return { articles: parsed.articles, keptFiles: [] };
  const keptFiles = [...new Set(kept.map((article) => fileOf(article.source)))];
  return { articles: [...parsed.articles, ...kept], keptFiles };
}

/** The file of an article's source or an issue: JSON Lines entries also name their line (`wire.jsonl:12`). */
function fileOf(source: string): string {
  const line = /^(.*\.jsonl):\d+$/i.exec(source);
  return line ? line[1]! : source;
}

function sameArticle(a: Article, b: Article): boolean {
  // An article whose file was not read again is the very object in service: nothing to compare.
  if (a === b) return true;
  return (
    a.text === b.text &&
    a.title === b.title &&
    a.publisher === b.publisher &&
    a.author === b.author &&
    a.date === b.date &&
    a.url === b.url &&
    fileOf(a.source) === fileOf(b.source)
  );
}
