/**
 * The first web link in a Discord message's text, for Add to Dossier: found in plain text,
 * `<…>` (unfurl suppressed), masked links `[text](url)` and Markdown around it (`**url**`).
 */

/** A run of characters that can be a URL: stops at spaces, angle brackets and the spoiler bars. */
const LINK = /https?:\/\/[^\s<>|"]+/iu;
/** Characters that end a sentence or close Markdown, not the URL. */
const TRAILING = /[.,;:!?'*_~`]+$/u;

/**
 * The first `http:` or `https:` link in `content`, without the punctuation or Markdown that
 * follows it; `undefined` when there is none.
 *
 * @example findFirstLink('Read this: <https://www.bbc.co.uk/news/world-123>.') // 'https://www.bbc.co.uk/news/world-123'
 */
export function findFirstLink(content: string): string | undefined {
  const match = LINK.exec(content);
  if (match === null) return undefined;
  let url = match[0];
  for (;;) {
    const trimmed = url.replace(TRAILING, '');
    // A closing bracket belongs to the URL only when the URL opened it (Wikipedia's `(film)`).
    const closer = /[)\]]$/u.exec(trimmed)?.[0];
    const unbalanced = closer !== undefined && count(trimmed, closer === ')' ? '(' : '[') < count(trimmed, closer);
    const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
    if (next === url) break;
    url = next;
  }
  return /^https?:\/\/[^/?#]+/iu.test(url) ? url : undefined;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
