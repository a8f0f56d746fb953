/**
 * Loading a corpus and building its index: what every entry point does first.
 */
import { buildCorpusIndex, type CorpusIndex, type CorpusIssue } from '../core/index.js';
import { loadCorpus } from './loadCorpus.js';

export interface OpenedCorpus {
  readonly index: CorpusIndex;
  readonly issues: readonly CorpusIssue[];
}

/** Loads the corpus at `corpusPath` and indexes the articles that could be used. */
export async function openCorpus(corpusPath: string): Promise<OpenedCorpus> {
  const { articles, issues } = await loadCorpus(corpusPath);
  return { index: buildCorpusIndex(articles), issues };
}

/** One line per corpus issue: `file: reason`. */
export function describeCorpusIssues(issues: readonly CorpusIssue[]): string[] {
  return issues.map((issue) => `${issue.file}: ${issue.reason}`);
}
