/**
 * The real news pages of the shared extraction benchmark (`../shared/eval/extraction/`), for
 * tests that need a page as a browser saved it. Their text belongs to their publishers: tests
 * read them in place and never copy them into the repository.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './seedCorpus.js';

export const EXTRACTION_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'eval', 'extraction');

/** Reuters, "Asian shares soft as trade doubts creep in" (2019-11-19): a wire story. */
export const REUTERS_PAGE_KEY = '57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca';

/** Where a saved page is, by its key in the benchmark. */
export function extractionPagePath(key: string): string {
  return path.join(EXTRACTION_DIR, 'pages', `${key}.html`);
}

/** A saved page's bytes, by its key in the benchmark. */
export function readExtractionPage(key: string): Buffer {
  return readFileSync(extractionPagePath(key));
}

/** Every page's article body as a person marked it, and its URL, by the page's key. */
export function readExtractionTruth(): Record<string, { readonly articleBody: string; readonly url: string }> {
  return JSON.parse(readFileSync(path.join(EXTRACTION_DIR, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
}

/** A page's article body as a person marked it, and its URL. */
export function extractionTruth(key: string): { readonly articleBody: string; readonly url: string } {
  const entry = readExtractionTruth()[key];
  if (entry === undefined) throw new Error(`no ground truth for ${key}`);
  return entry;
}
