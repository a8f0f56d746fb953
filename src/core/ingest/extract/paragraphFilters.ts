/**
 * Paragraph-level filters on the article's text blocks: lines that are page furniture even
 * inside the article's container (timestamps, "Related:" links, newsletter and subscription
 * pitches, share prompts, contact lines). Each rule looks at one block's wording and size,
 * never at a site.
 */
import type { TextBlock } from './bodyText.js';

/** Month and weekday names (English, and the Romance and Germanic forms news pages use). */
const DATE_WORDS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m|p\.m|gmt|utc|est|edt|pst|pdt|cst|cdt|ist|bst|cet|cest|de|às|at|on|um|le|el|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|segunda|terça|quarta|quinta|sexta|sábado|domingo|feira)$/i;

/** Words that announce a timestamp line. */
const TIMESTAMP_LEAD =
  /^(?:posted|updated|published|first published|last updated|last modified|modified|created|date|dated|publicado|atualizado|actualizado|veröffentlicht|aktualisiert|publié|mis à jour)\b/i;

/** Whether a short block is only a date or time, possibly with "Posted"/"Updated" and a site name. */
export function isTimestampLine(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}.]+/gu) ?? [];
  if (words.length === 0 || words.length > 16) return false;
  const hasNumber = /\d/.test(text);
  if (!hasNumber) return false;
  const hasYearOrTime = /\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b/.test(text);
  if (!hasYearOrTime) return false;
  const rest = words.filter((word) => !/^\d+(?:st|nd|rd|th)?\.?$/i.test(word) && !DATE_WORDS.test(word.replace(/\.$/, '')) && !/^\d{1,2}[:.]\d{2}/.test(word));
  if (TIMESTAMP_LEAD.test(text)) return rest.length <= 8;
  return rest.length <= 1;
}

/**
 * Openings of lines that point elsewhere instead of telling the story. "More", "Watch" and
 * "Listen" count only with a colon or as "More from/on", since sentences start with "More than".
 */
const PROMPT_PATTERN =
  /^\[?\s*(?:(?:related|read more|read also|see also|also read|also see|recommended|advertisement|sponsored|follow us|share this|share on|click here|don't miss|more great [\p{L} ]+ stories|more (?:from|on|stories|news)|you (?:may|might) also like|most (?:popular|read|viewed|shared)|about the author|filed under|related (?:articles|stories|posts|content|coverage)|further reading|sponsored content|promoted stories|editor's picks|leia também|veja também|leia mais|lesen sie auch|mehr zum thema|à lire aussi|lire aussi|читайте также)\b|(?:more|watch|listen|video)\s*:)/iu;

/**
 * Section labels that are a whole line ("Comments (12)", "Trending now") or open a list of
 * terms ("Tags: Budget, Tax"); alone, since a sentence may start with "Comments from…".
 */
const SECTION_LABEL =
  /^(?:(?:comments?|tags|topics|categories|trending(?: now)?|top stories|latest news|most popular)(?:\s*\(\d+\))?\s*:?|(?:tags|topics|categories|posted in|filed under)\s*:.*)$/i;

/** A request to subscribe or sign up… */
const PITCH_ACTION = /\b(?:subscribe|sign up|signup|get the latest|register)\b/i;
/** …for something the site sends or sells (a newsletter, its inbox updates, "our" anything). */
const PITCH_OBJECT = /\b(?:newsletters?|inbox|our|today|for free|stay (?:smart|informed|up to date))\b/i;

/** Whether a block points elsewhere, or asks for a subscription or a newsletter sign-up. */
export function isPromptLine(text: string): boolean {
  const words = text.split(/\s+/).length;
  if ((PROMPT_PATTERN.test(text) && words <= 25) || SECTION_LABEL.test(text)) return true;
  if (words > 40) return false;
  return /\bnewsletters?\b/i.test(text) || (PITCH_ACTION.test(text) && PITCH_OBJECT.test(text));
}

/** Whether a short block gives an email address: a reporter's contact line ("may be reached at…"). */
export function isContactLine(text: string): boolean {
  return /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}/u.test(text) && text.split(/\s+/).length <= MAX_CONTACT_LINE_WORDS;
}

/**
 * Whether a block is a wire service's credit line: "(Reporting by Jane Doe; Editing by John
 * Roe)", which names the staff, not the story.
 */
export function isWireCreditLine(text: string): boolean {
  return /^\(?\s*(?:reporting|writing|additional reporting) by\b/i.test(text) && /\bedit(?:ing|ed) by\b/i.test(text) && text.split(/\s+/).length <= MAX_CONTACT_LINE_WORDS;
}

/** A block with an email address (or a wire credit line) of at most this many words is a contact line. */
const MAX_CONTACT_LINE_WORDS = 40;

/** Whether a block is page furniture by its own wording. */
export function isBoilerplateParagraph(block: TextBlock): boolean {
  const text = block.text;
  return isTimestampLine(text) || isPromptLine(text) || isContactLine(text) || isWireCreditLine(text);
}

/** A prompt this short or shorter is a heading that can introduce a list of links. */
const MAX_LIST_PROMPT_WORDS = 8;

/** A block whose linked text is at least this share of its text is a link, not prose. */
export const LINK_BLOCK_SHARE = 0.7;

/** Whether a block is (nearly) all link text. */
function isLinkBlock(block: TextBlock): boolean {
  return block.linkedChars >= LINK_BLOCK_SHARE * block.text.length;
}

/**
 * Drops the blocks that are page furniture by their wording, with the list a short prompt such
 * as "More Great Stories" introduces; then the run of links that ends the text (a "more
 * stories" list after the article) with its heading. Links inside the text stay: lists of links
 * there are often the article's own (a deals page, a reading list). Cost: a few regular
 * expressions per block.
 */
export function filterBoilerplateParagraphs(blocks: readonly TextBlock[]): TextBlock[] {
  const kept: TextBlock[] = [];
  let introducesList = false;
  for (const block of blocks) {
    // A short prompt ("More Great Stories", "Related") takes the list right after it along.
    if (introducesList && block.tag === 'LI') continue;
    introducesList = false;
    if (isBoilerplateParagraph(block)) {
      introducesList = block.text.split(/\s+/).length <= MAX_LIST_PROMPT_WORDS && (PROMPT_PATTERN.test(block.text) || SECTION_LABEL.test(block.text));
      continue;
    }
    kept.push(block);
  }
  let end = kept.length;
  while (end > 0 && isLinkBlock(kept[end - 1]!)) end -= 1;
  if (end < kept.length && end > 0 && /^H[1-6]$/.test(kept[end - 1]!.tag)) end -= 1;
  return kept.slice(0, end);
}
