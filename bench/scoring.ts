/**
 * What `npm run eval` and `npm run tune` share: the question files, and how a ranking is scored
 * (R@1, R@3, MRR over the first {@link RANKED} results).
 */
import { readFile } from 'node:fs/promises';
import type { CorpusIndex } from '../src/core/index.js';

/** One line of a question file (see bench/evaluate.ts for the formats). */
export interface Question {
  readonly id?: string;
  readonly q: string;
  readonly titles?: readonly string[];
  readonly expect?: readonly string[];
  readonly articleIds?: readonly string[];
  readonly abstain?: boolean;
}

/** R@1, R@3 and MRR of one system: ranks of the first expected article, 0 when not in the first {@link RANKED}. */
export interface Ranking {
  count: number;
  atOne: number;
  withinThree: number;
  reciprocalRanks: number;
}

/** R@1, R@3 and MRR as shares. */
export interface RankingFigures {
  readonly r1: number;
  readonly r3: number;
  readonly mrr: number;
  readonly count: number;
}

/** Results read for MRR: Dossier's three citations and the next seven hits, the baseline's first ten. R@3 reads the first three. */
export const RANKED = 10;

/** The questions of a JSON-lines file; with a filter, only those with an expected article id matching it. */
export async function readQuestions(file: string, articleFilter: RegExp | null = null): Promise<Question[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Question)
    .filter((question) => articleFilter === null || hasArticleMatching(question, articleFilter));
}

/** Whether one of the question's expected article ids matches `filter` (`^squad-[0-4]-`: the tuning half of SQuAD). */
export function hasArticleMatching(question: Question, filter: RegExp): boolean {
  return (question.articleIds ?? []).some((id) => filter.test(id));
}

export function ranking(): Ranking {
  return { count: 0, atOne: 0, withinThree: 0, reciprocalRanks: 0 };
}

/** Counts one question whose first expected article is at `rank` (1-based; 0: not found). */
export function rankAt(target: Ranking, rank: number): void {
  target.count += 1;
  if (rank === 1) target.atOne += 1;
  if (rank >= 1 && rank <= 3) target.withinThree += 1;
  if (rank >= 1) target.reciprocalRanks += 1 / rank;
}

/** R@1, R@3 and MRR as shares; `digits` rounds them (for JSON; tables round once, when printing). */
export function rankingFigures(target: Ranking, digits?: number): RankingFigures {
  const share = (value: number): number => {
    const exact = value / Math.max(1, target.count);
    return digits === undefined ? exact : round(exact, digits);
  };
  return { r1: share(target.atOne), r3: share(target.withinThree), mrr: share(target.reciprocalRanks), count: target.count };
}

/** Whether a cited article is one the question expects: by id, or by title prefix (a near-duplicate's title counts). */
export function matchesArticle(index: CorpusIndex, question: Question, articleId: string, title: string): boolean {
  if (question.articleIds?.includes(articleId)) return true;
  const group = index.duplicateGroupOf.get(articleId);
  const titles = [title, ...(group?.articleIds ?? []).map((id) => index.articleById.get(id)!.title)];
  return question.titles?.some((prefix) => titles.some((candidate) => candidate.toLowerCase().startsWith(prefix.toLowerCase()))) ?? false;
}

/** The 1-based rank of the first citation from an expected article among `citations` (0: none). */
export function rankOfExpected(index: CorpusIndex, question: Question, citations: ReadonlyArray<{ readonly articleId: string; readonly title: string }>): number {
  return citations.findIndex((citation) => matchesArticle(index, question, citation.articleId, citation.title)) + 1;
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
