/**
 * Discord's limits, as named constants, and the one way Dossier fits text into them: cut at a
 * word boundary (never inside a code point), with an ellipsis.
 * https://discord.com/developers/docs/resources/message#create-message-jsonform-params
 */
export const MAX_CONTENT_LENGTH = 2_000;
export const MAX_EMBED_TITLE_LENGTH = 256;
export const MAX_EMBED_DESCRIPTION_LENGTH = 4_096;
export const MAX_EMBED_FIELDS = 25;
export const MAX_EMBED_FIELD_NAME_LENGTH = 256;
export const MAX_EMBED_FIELD_VALUE_LENGTH = 1_024;
export const MAX_EMBED_FOOTER_LENGTH = 2_048;
export const MAX_EMBED_AUTHOR_LENGTH = 256;
/** Sum over title, description, field names and values, footer and author of every embed in a message. */
export const MAX_EMBEDS_TOTAL_LENGTH = 6_000;
export const MAX_EMBEDS = 10;
export const MAX_CUSTOM_ID_LENGTH = 100;
export const MAX_BUTTON_LABEL_LENGTH = 80;
export const MAX_AUTOCOMPLETE_CHOICES = 25;
export const MAX_AUTOCOMPLETE_NAME_LENGTH = 100;
export const MAX_AUTOCOMPLETE_VALUE_LENGTH = 100;

const ELLIPSIS = '…';

/**
 * Cuts text to at most `limit` UTF-16 units, at the last word boundary when one is near
 * (within the last fifth), never between a surrogate pair, ending with `…` when cut.
 *
 * @example truncate('Iran strengthens ties with Russia', 20) // 'Iran strengthens…'
 */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  if (limit <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, limit));
  let cut = limit - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const space = text.lastIndexOf(' ', cut);
  if (space > cut * 0.8) cut = space;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}
