/**
 * Turning an article's DOM into Dossier's body text: each paragraph, heading, list item and
 * other block its own paragraph, whitespace collapsed inside it, one blank line between them.
 */
import { childrenOf, isElement, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

/** Elements that end the running paragraph and start a new one. */
// biome-ignore format: packed word list
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose content is never text a reader sees. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'HEAD']);

/** One block of text with what the filters need to know about it. */
export interface TextBlock {
  /** The text, whitespace collapsed. */
  readonly text: string;
  /** Characters of the text that sit inside links. */
  readonly linkedChars: number;
  /** The tag of the closest block element holding the text (`P`, `LI`, `H2`…). */
  readonly tag: string;
}

/** Collapses runs of whitespace (non-breaking and zero-width spaces included) into one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
}

/**
 * Splits an element's content into text blocks, one per paragraph-like element (a `<br>` ends a
 * block too). Cost: one walk over the subtree.
 */
export function collectTextBlocks(root: DomElement): TextBlock[] {
  const blocks: TextBlock[] = [];
  let pieces: string[] = [];
  let linkedChars = 0;
  let tag = root.tagName;

  const flush = (): void => {
    const text = collapseWhitespace(pieces.join(''));
    if (text !== '') blocks.push({ text, linkedChars: Math.min(linkedChars, text.length), tag });
    pieces = [];
    linkedChars = 0;
  };

  const walk = (node: DomNode, insideLink: boolean, blockTag: string): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      if (pieces.length === 0) tag = blockTag;
      pieces.push(text);
      if (insideLink) linkedChars += collapseWhitespace(text).length;
      return;
    }
    if (!isElement(node)) return;
    const name = node.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(name)) return;
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) flush();
    const childBlockTag = isBlock ? name : blockTag;
    const childInsideLink = insideLink || name === 'A';
    for (const child of childrenOf(node)) walk(child, childInsideLink, childBlockTag);
    if (isBlock) flush();
  };

  walk(root, false, root.tagName.toUpperCase());
  flush();
  return blocks;
}

/** Joins paragraphs with one blank line between them. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}

/** How many words a text has (runs of letters and digits). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0;
}
