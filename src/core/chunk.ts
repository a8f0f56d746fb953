/**
 * Cutting articles into passages: a few whole sentences, the unit that is ranked and quoted.
 */
import { splitSentences } from './sentences.js';
import type { Article, Passage, TextRange } from './types.js';

/** How passages are sized, in characters. */
export interface ChunkOptions {
  /** A passage closes at the end of a paragraph once it is at least this long. Default 280. */
  readonly targetLength?: number;
  /** A passage never grows past this by adding a sentence (a single longer sentence stands alone). Default 720. */
  readonly maxLength?: number;
}

const DEFAULT_TARGET_LENGTH = 280;
const DEFAULT_MAX_LENGTH = 720;

/**
 * Cuts an article into passages of whole sentences, in order, covering every sentence once.
 * Sentences are gathered until the passage reaches the target length at a paragraph end, or the
 * next sentence would push it past the maximum. Ids are `articleId#position`, so they depend only
 * on the article itself: adding other articles never changes them.
 *
 * @example chunkArticle(article).map((passage) => passage.id) // ['russia-iran-deepening-relationship#0', …]
 */
export function chunkArticle(article: Article, options: ChunkOptions = {}): Passage[] {
  const targetLength = options.targetLength ?? DEFAULT_TARGET_LENGTH;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const { text } = article;
  const passages: Passage[] = [];
  let current: TextRange | null = null;

  const close = (): void => {
    if (current === null) return;
    const position = passages.length;
    passages.push({
      id: `${article.id}#${position}`,
      articleId: article.id,
      position,
      start: current.start,
      end: current.end,
      text: text.slice(current.start, current.end),
    });
    current = null;
  };

  for (const sentence of splitSentences(text)) {
    if (current !== null && sentence.end - current.start > maxLength) close();
    current = current === null ? sentence : { start: current.start, end: sentence.end };
    const endsParagraph = /^\s*(?:\n\s*\n|$)/.test(text.slice(sentence.end));
    if (endsParagraph && current.end - current.start >= targetLength) close();
  }
  close();
  return passages;
}
