/**
 * Cutting articles into passages: a few whole sentences, the unit that is ranked and quoted.
 */
import { splitSentences } from '../text/sentences.js';
import type { Article, Passage, TextRange } from '../types.js';

/** How passages are sized, in characters. */
export interface ChunkOptions {
  /** A passage closes at the end of a paragraph once it is at least this long. Default 280. */
  readonly targetLength?: number;
  /**
   * A passage of several paragraphs, or a piece of a long paragraph, never grows past this by
   * adding a paragraph or a sentence (a single longer sentence stands alone). Default 720.
   */
  readonly maxLength?: number;
  /** A paragraph up to this long is never split, even when it is longer than {@link maxLength}. Default 1,200. */
  readonly maxParagraphLength?: number;
}

const DEFAULT_TARGET_LENGTH = 280;
const DEFAULT_MAX_LENGTH = 720;
/**
 * A paragraph is written around one point, and a question is asked about one point: cut in two,
 * neither half matches the whole question, and the halves take two of the three citations. 1,200
 * characters keeps most paragraphs whole; the figures that chose it are in docs/experiments.md
 * ("Corpus files, passages and index").
 */
const DEFAULT_MAX_PARAGRAPH_LENGTH = 1_200;

/**
 * Cuts an article into passages of whole sentences, in order, covering every sentence once.
 * A paragraph of up to `maxParagraphLength` characters stays whole; short paragraphs are gathered
 * until the passage reaches the target length, without passing the maximum; a longer paragraph
 * is cut into runs of sentences of at most the maximum. Ids are `articleId#position`, so they
 * depend only on the article itself: adding other articles never changes them.
 *
 * @example chunkArticle(article).map((passage) => passage.id) // ['russia-iran-deepening-relationship#0', …]
 */
export function chunkArticle(article: Article, options: ChunkOptions = {}): Passage[] {
  const targetLength = options.targetLength ?? DEFAULT_TARGET_LENGTH;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const maxParagraphLength = options.maxParagraphLength ?? DEFAULT_MAX_PARAGRAPH_LENGTH;
  const { text } = article;
  const passages: Passage[] = [];
  const emit = (range: TextRange): void => {
    const position = passages.length;
    passages.push({ id: `${article.id}#${position}`, articleId: article.id, position, start: range.start, end: range.end, text: text.slice(range.start, range.end) });
  };

  let current: TextRange | null = null;
  for (const paragraph of splitParagraphs(text)) {
    const first = paragraph[0]!;
    const last = paragraph[paragraph.length - 1]!;
    const pieces = last.end - first.start <= maxParagraphLength ? [{ start: first.start, end: last.end }] : paragraph;
    for (const piece of pieces) {
      if (current !== null && piece.end - current.start > maxLength) {
        emit(current);
        current = null;
      }
      current = current === null ? piece : { start: current.start, end: piece.end };
    }
    if (current !== null && current.end - current.start >= targetLength) {
      emit(current);
      current = null;
    }
  }
  if (current !== null) emit(current);
  return passages;
}

/** The sentences of a text grouped by paragraph (paragraphs are separated by a blank line). */
function splitParagraphs(text: string): TextRange[][] {
  const paragraphs: TextRange[][] = [];
  let paragraph: TextRange[] = [];
  for (const sentence of splitSentences(text)) {
    paragraph.push(sentence);
    if (/^\s*(?:\n\s*\n|$)/.test(text.slice(sentence.end))) {
      paragraphs.push(paragraph);
      paragraph = [];
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph);
  return paragraphs;
}
