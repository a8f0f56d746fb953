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
  /** The kind of question (issue 16: `abbreviation`, `quote`, `off-topic`…); with it, the evaluation prints figures by kind and half. */
  readonly kind?: string;
  /** Which half the question belongs to: `tuning` (choose on it) or `held-out` (confirm on it). */
  readonly half?: string;
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

/** Passed out of counted. */
export interface Share {
  passed: number;
  count: number;
}

/** What one question came to, as the table by kind and half counts it (bench/evaluate.ts fills it in). */
export interface QuestionOutcome {
  readonly kind: string;
  /** The question's half; questions without one are grouped under `-`. */
  readonly half: string;
  /** An off-topic question: declining it is right. */
  readonly abstain: boolean;
  /** Whether Dossier answered (did not decline). */
  readonly answered: boolean;
  /** 1-based rank of the first expected article for Dossier and the two baselines (0: not in the first {@link RANKED}); absent without `articleIds`. */
  readonly ranks?: { readonly dossier: number; readonly plain: number; readonly stemmed: number };
  /** Whether an expected phrase is in Dossier's answer or top excerpt, and in each baseline's top paragraph; absent without `expect`. */
  readonly phrase?: { readonly dossier: boolean; readonly plain: boolean; readonly stemmed: boolean };
}

/** The figures of one group of questions: one kind (or {@link ALL_KINDS}) in one half (or {@link BOTH_HALVES}). */
export interface GroupFigures {
  readonly kind: string;
  readonly half: string;
  readonly count: number;
  /** Top citation from an expected article, for Dossier and the baselines. */
  readonly r1: { readonly dossier: Share; readonly plain: Share; readonly stemmed: Share };
  /** Expected phrase in Dossier's answer or top excerpt, or in the baseline's top paragraph. */
  readonly phrase: { readonly dossier: Share; readonly plain: Share; readonly stemmed: Share };
  /** Answerable questions that Dossier answered. */
  readonly answered: Share;
  /** Off-topic questions that Dossier declined. */
  readonly declined: Share;
}

/** The kind label of the rows totalling every kind. */
export const ALL_KINDS = 'all kinds';
/** The half label of the rows totalling both halves. */
export const BOTH_HALVES = 'both';

/**
 * Figures by kind and half: for each kind in order of first appearance, one row per half
 * (`tuning`, then `held-out`, then any other half by name) and one for both; then the same
 * rows for all kinds together.
 *
 * Example: `figuresByKindAndHalf([{ kind: 'quote', half: 'tuning', abstain: false, answered: true }])`
 * gives rows quote/tuning, quote/both, all kinds/tuning, all kinds/both.
 */
export function figuresByKindAndHalf(outcomes: readonly QuestionOutcome[]): GroupFigures[] {
  const kinds = [...new Set(outcomes.map((outcome) => outcome.kind))];
  const halves = [...new Set(outcomes.map((outcome) => outcome.half))].sort((a, b) => halfOrder(a) - halfOrder(b) || a.localeCompare(b));
  const rows: GroupFigures[] = [];
  for (const kind of [...kinds, ALL_KINDS]) {
    const ofKind = kind === ALL_KINDS ? outcomes : outcomes.filter((outcome) => outcome.kind === kind);
    for (const half of halves) {
      const inHalf = ofKind.filter((outcome) => outcome.half === half);
      if (inHalf.length > 0) rows.push(groupFigures(kind, half, inHalf));
    }
    rows.push(groupFigures(kind, BOTH_HALVES, ofKind));
  }
  return rows;
}

function halfOrder(half: string): number {
  return half === 'tuning' ? 0 : half === 'held-out' ? 1 : 2;
}

function groupFigures(kind: string, half: string, outcomes: readonly QuestionOutcome[]): GroupFigures {
  const count = (test: (outcome: QuestionOutcome) => boolean | undefined, among: readonly QuestionOutcome[]): Share => ({
    passed: among.filter((outcome) => test(outcome) === true).length,
    count: among.length,
  });
  const ranked = outcomes.filter((outcome) => outcome.ranks !== undefined);
  const phrased = outcomes.filter((outcome) => outcome.phrase !== undefined);
  return {
    kind,
    half,
    count: outcomes.length,
    r1: {
      dossier: count((outcome) => outcome.ranks?.dossier === 1, ranked),
      plain: count((outcome) => outcome.ranks?.plain === 1, ranked),
      stemmed: count((outcome) => outcome.ranks?.stemmed === 1, ranked),
    },
    phrase: {
      dossier: count((outcome) => outcome.phrase?.dossier, phrased),
      plain: count((outcome) => outcome.phrase?.plain, phrased),
      stemmed: count((outcome) => outcome.phrase?.stemmed, phrased),
    },
    answered: count(
      (outcome) => outcome.answered,
      outcomes.filter((outcome) => !outcome.abstain),
    ),
    declined: count(
      (outcome) => !outcome.answered,
      outcomes.filter((outcome) => outcome.abstain),
    ),
  };
}
