/**
 * Discord Markdown from corpus and user text: everything escaped, so an article can neither
 * format nor break a reply; links only from validated http(s) URLs, with titles sanitised.
 */
import { escapeMarkdown } from 'discord.js';
import { isSafeUrl, type TextRange } from '../core/index.js';

/**
 * Escapes text for Discord Markdown: formatting characters, plus headings, lists, quotes and
 * subtext (`-# `) at line starts, and masked-link brackets; and neutralises mentions.
 */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }).replace(/^>/gm, '\\>').replace(/^-# /gm, '\\-# ');
  return neutralizeMentions(escaped);
}

/**
 * Breaks mention syntax with a zero-width space (`@\u200beveryone`, `<\u200b@&123>`), so quoted
 * text shows what it says but is never a live mention, even where `allowedMentions` would not
 * apply (a message copied or forwarded by a user).
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/giu, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/gu, '<\u200b$1$2>');
}

/** Escapes text and makes the given ranges bold (each range escaped on its own). */
export function boldRanges(text: string, ranges: readonly TextRange[]): string {
  let result = '';
  let cursor = 0;
  for (const range of ranges) {
    result += `${escapeText(text.slice(cursor, range.start))}**${escapeText(text.slice(range.start, range.end))}**`;
    cursor = range.end;
  }
  return result + escapeText(text.slice(cursor));
}

/**
 * A Markdown link `[title](<url>)` when the URL is a safe http(s) URL, else the escaped title.
 * The angle brackets stop Discord from unfurling it; brackets in the title are replaced so the
 * link cannot be broken out of.
 */
export function link(title: string, url: string | undefined): string {
  const safeTitle = escapeText(title.replace(/[[\]]/g, (bracket) => (bracket === '[' ? '(' : ')')));
  if (url === undefined || !isSafeUrl(url)) return safeTitle;
  // Percent-encoded by hand: encodeURIComponent leaves ( and ) as they are, and a lone ) ends the link.
  return `[${safeTitle}](<${url.replace(/[()<>]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)}>)`;
}
