/**
 * Scores Dossier's article extractor on saved news pages against a person's marked article
 * body, beside plain Readability.js run in the same process on the same DOM (linkedom):
 * precision, recall and F1 by the benchmark's shingle measure, for all pages and for each half
 * (keys ending in 0-7: tuning, 8-f: held out), pages Dossier calls no-article, and the time per
 * page (median of `--repeat` runs per page, 5 by default; then median, p95 and max over pages).
 *
 *   npm run eval:extract -- --pages ../shared/eval/extraction/pages --truth ../shared/eval/extraction/ground-truth.json [--json] [--per-page] [--repeat N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/core/ingest/extract/extractArticle.js';
import { averageScores, scorePage, type ExtractionScore, type PageScore } from './extractionMeasure.js';

/** A saved page with its marked article body. */
export interface BenchmarkPage {
  readonly key: string;
  readonly html: string;
  readonly url: string;
  readonly articleBody: string;
}

/** Times in milliseconds over pages. */
export interface TimingSummary {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** The scores of one extractor on one set of pages. */
export interface ExtractorFigures {
  readonly all: ExtractionScore;
  readonly tuning: ExtractionScore;
  readonly heldOut: ExtractionScore;
  readonly timing: TimingSummary;
}

/** What `--json` prints. */
export interface ExtractionEvaluation {
  readonly pages: number;
  readonly dossier: ExtractorFigures & { readonly noArticle: number };
  readonly readability: ExtractorFigures;
  readonly perPage: ReadonlyArray<{ readonly key: string; readonly dossier: PageScore; readonly readability: PageScore; readonly kind: string }>;
}

/** How many times each page is extracted for its time. */
export const DEFAULT_REPEAT = 5;

/**
 * Whether a page belongs to the held-out half: keys whose last hex digit is 8-f (the dev pages'
 * keys all start with 0-5, so the first digit would not split them; the last gives 31 and 29).
 */
export function isHeldOut(key: string): boolean {
  return /[89a-f]$/i.test(key);
}

/** Plain Readability.js: `textContent` of its result, or nothing. */
export function extractWithReadability(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document).parse()?.textContent ?? '';
}

/** Dossier's body text, or nothing when it finds no article. */
export function extractWithDossier(html: string, url: string): { text: string; kind: string } {
  const result = extractArticle(html, url);
  return result.kind === 'article' ? { text: result.article.text, kind: result.kind } : { text: '', kind: result.kind };
}

/** Reads the pages that have ground truth, in key order. */
export function loadBenchmarkPages(pagesDir: string, truthFile: string): BenchmarkPage[] {
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return readdirSync(pagesDir)
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.slice(0, -'.html'.length))
    .filter((key) => truth[key] !== undefined)
    .sort()
    .map((key) => ({
      key,
      html: readFileSync(path.join(pagesDir, `${key}.html`), 'utf8'),
      url: truth[key]?.url ?? '',
      articleBody: truth[key]?.articleBody ?? '',
    }));
}

/** Median, 95th percentile and maximum of a list of times. */
export function summarizeTimes(times: readonly number[]): TimingSummary {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (quantile: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))] ?? 0;
  return { medianMs: at(0.5), p95Ms: at(0.95), maxMs: sorted[sorted.length - 1] ?? 0 };
}

/** The median of a few numbers. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/**
 * Runs both extractors over the pages, each page `repeat` times in turn (Dossier, then
 * Readability) with the median time kept per page, so that a busy machine's hiccups do not
 * decide the figures; one warm-up pass over a few pages first leaves out JIT start-up.
 */
export function evaluateExtraction(pages: readonly BenchmarkPage[], repeat = DEFAULT_REPEAT): ExtractionEvaluation {
  for (const page of pages.slice(0, 5)) {
    extractWithDossier(page.html, page.url);
    extractWithReadability(page.html);
  }
  const perPage: Array<ExtractionEvaluation['perPage'][number]> = [];
  const dossierTimes: number[] = [];
  const readabilityTimes: number[] = [];
  for (const page of pages) {
    const dossierRuns: number[] = [];
    const readabilityRuns: number[] = [];
    let dossier = { text: '', kind: 'no-article' };
    let readability = '';
    for (let run = 0; run < Math.max(1, repeat); run += 1) {
      let start = performance.now();
      dossier = extractWithDossier(page.html, page.url);
      dossierRuns.push(performance.now() - start);
      start = performance.now();
      readability = extractWithReadability(page.html);
      readabilityRuns.push(performance.now() - start);
    }
    dossierTimes.push(median(dossierRuns));
    readabilityTimes.push(median(readabilityRuns));
    perPage.push({ key: page.key, dossier: scorePage(page.articleBody, dossier.text), readability: scorePage(page.articleBody, readability), kind: dossier.kind });
  }
  const figures = (pick: (row: (typeof perPage)[number]) => PageScore, times: number[]): ExtractorFigures => ({
    all: averageScores(perPage.map(pick)),
    tuning: averageScores(perPage.filter((row) => !isHeldOut(row.key)).map(pick)),
    heldOut: averageScores(perPage.filter((row) => isHeldOut(row.key)).map(pick)),
    timing: summarizeTimes(times),
  });
  return {
    pages: pages.length,
    dossier: { ...figures((row) => row.dossier, dossierTimes), noArticle: perPage.filter((row) => row.kind !== 'article').length },
    readability: figures((row) => row.readability, readabilityTimes),
    perPage,
  };
}

/** The printed report. */
export function formatEvaluation(evaluation: ExtractionEvaluation, perPage: boolean): string {
  const score = (value: ExtractionScore): string => `F1 ${value.f1.toFixed(3)}  P ${value.precision.toFixed(3)}  R ${value.recall.toFixed(3)}  (${value.pages} pages)`;
  const timing = (value: TimingSummary): string => `median ${value.medianMs.toFixed(1)} ms, p95 ${value.p95Ms.toFixed(1)} ms, max ${value.maxMs.toFixed(1)} ms`;
  const lines = [`Article extraction on ${evaluation.pages} pages (4-word shingles, P and R averaged over pages)`];
  for (const [name, figures] of [
    ['Dossier', evaluation.dossier],
    ['Readability', evaluation.readability],
  ] as const) {
    lines.push(
      `${name}`,
      `  all       ${score(figures.all)}`,
      `  tuning    ${score(figures.tuning)}`,
      `  held out  ${score(figures.heldOut)}`,
      `  time      ${timing(figures.timing)} per page`,
    );
  }
  lines.push(`Dossier found no article in ${evaluation.dossier.noArticle} of ${evaluation.pages} pages`);
  if (perPage) {
    lines.push('Per page (Dossier F1, Readability F1, key):');
    const f1 = (value: PageScore): number => (value.precision + value.recall === 0 ? 0 : (2 * value.precision * value.recall) / (value.precision + value.recall));
    for (const row of [...evaluation.perPage].sort((a, b) => f1(a.dossier) - f1(b.dossier))) {
      lines.push(
        `  ${f1(row.dossier).toFixed(3)} (P ${row.dossier.precision.toFixed(3)} R ${row.dossier.recall.toFixed(3)})  ${f1(row.readability).toFixed(3)}  ${row.key.slice(0, 12)}${row.kind === 'article' ? '' : ` ${row.kind}`}`,
      );
    }
  }
  return lines.join('\n');
}

/** The command line's options, or a one-line complaint. */
function readOptions(): { pages: string; truth: string; json: boolean; perPage: boolean; repeat: number } | string {
  try {
    const { values } = parseArgs({
      options: {
        pages: { type: 'string', default: '../shared/eval/extraction/pages' },
        truth: { type: 'string', default: '../shared/eval/extraction/ground-truth.json' },
        json: { type: 'boolean', default: false },
        'per-page': { type: 'boolean', default: false },
        repeat: { type: 'string', default: String(DEFAULT_REPEAT) },
      },
    });
    const repeat = Number(values.repeat);
    if (!Number.isInteger(repeat) || repeat < 1 || repeat > 100) return `--repeat takes a whole number from 1 to 100, not "${values.repeat}"`;
    return { pages: values.pages, truth: values.truth, json: values.json, perPage: values['per-page'], repeat };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function main(): void {
  const values = readOptions();
  if (typeof values === 'string') {
    process.stderr.write(`eval:extract: ${values}\nusage: npm run eval:extract -- --pages DIR --truth FILE [--json] [--per-page] [--repeat N]\n`);
    process.exitCode = 1;
    return;
  }
  let pages: BenchmarkPage[];
  try {
    pages = loadBenchmarkPages(values.pages, values.truth);
  } catch (error) {
    process.stderr.write(`eval:extract: cannot read the pages or the ground truth: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  if (pages.length === 0) {
    process.stderr.write(`eval:extract: no pages with ground truth in ${values.pages}\n`);
    process.exitCode = 1;
    return;
  }
  const evaluation = evaluateExtraction(pages, values.repeat);
  process.stdout.write(`${values.json ? JSON.stringify(evaluation, null, 2) : formatEvaluation(evaluation, values.perPage)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
