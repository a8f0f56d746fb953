/**
 * The article-extraction benchmark's own measure (scrapinghub/article-extraction-benchmark):
 * texts split into words (runs of letters, digits and underscores), every run of 4 consecutive
 * words a shingle counted with its repeats; per page, true positives are the shingles both texts
 * share, false positives the predicted ones in excess, false negatives the true ones missing.
 * Precision and recall are averaged over pages and F1 is computed from the two averages.
 */

/** The shingle length the benchmark uses. */
export const SHINGLE_WORDS = 4;

/** Precision and recall of one page's predicted text against its true text. */
export interface PageScore {
  readonly precision: number;
  readonly recall: number;
}

/** Averages over pages, with F1 from the averages. */
export interface ExtractionScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly pages: number;
}

/** The words of a text: runs of letters, digits and underscores, as Python's `\w+`. */
export function splitWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Every run of `size` consecutive words, joined by a space, with its count. */
export function countShingles(text: string, size = SHINGLE_WORDS): Map<string, number> {
  const words = splitWords(text);
  const counts = new Map<string, number>();
  for (let start = 0; start + size <= words.length; start += 1) {
    const shingle = words.slice(start, start + size).join(' ');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/**
 * Scores one page. Two empty texts agree fully; a text with no shingles against one with some
 * scores 0 on the side that has nothing.
 */
export function scorePage(truth: string, predicted: string): PageScore {
  const trueShingles = countShingles(truth);
  const predictedShingles = countShingles(predicted);
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const [shingle, predictedCount] of predictedShingles) {
    const trueCount = trueShingles.get(shingle) ?? 0;
    truePositives += Math.min(trueCount, predictedCount);
    falsePositives += Math.max(0, predictedCount - trueCount);
  }
  for (const [shingle, trueCount] of trueShingles) {
    falseNegatives += Math.max(0, trueCount - (predictedShingles.get(shingle) ?? 0));
  }
  if (truePositives + falsePositives + falseNegatives === 0) return { precision: 1, recall: 1 };
  return {
    precision: truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives),
  };
}

/** Averages page scores; F1 is the harmonic mean of the averaged precision and recall. */
export function averageScores(scores: readonly PageScore[]): ExtractionScore {
  if (scores.length === 0) return { precision: 0, recall: 0, f1: 0, pages: 0 };
  const precision = scores.reduce((sum, score) => sum + score.precision, 0) / scores.length;
  const recall = scores.reduce((sum, score) => sum + score.recall, 0) / scores.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pages: scores.length };
}
