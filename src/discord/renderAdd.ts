/**
 * Replies to `/add` and Add to Dossier, seen only by who added: what was saved, with an Undo
 * button whose `custom_id` names the file (stateless: it works after a restart), and what Undo
 * removed. Every text from the page (title, names, publisher) is escaped: it comes from strangers.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { AddedArticle, UndoOutcome } from '../corpus/addArticle.js';
import { MAX_CUSTOM_ID_LENGTH, truncate } from './limits.js';
import { escapeText, link } from './markdown.js';
import { customIds } from './render.js';
import type { OutgoingButton, OutgoingMessage } from './send.js';

const COLOR_ADDED = 0x3c8d5a;
const COLOR_REMOVED = 0x9aa0a6;
/** People listed by name; the rest are counted. */
const MAX_LISTED_PEOPLE = 5;
/** Near-duplicates listed by name; the rest are counted. */
const MAX_LISTED_DUPLICATES = 5;
/** A URL shown as the text of its own link is cut to this. */
const MAX_SHOWN_URL_LENGTH = 200;
/** Field value for metadata the page did not declare. */
const NOT_FOUND = '*not found*';

/** Custom ids of the adding buttons: `add:undo:<file>` (the file relative to the corpus folder). */
export const addCustomIds = {
  undo: (file: string) => `add:undo:${file}`,
} as const;

/** The reply once an article is saved: its metadata, passages, people, `/source` id and file; Read it and Undo buttons. */
export function renderAdded(added: AddedArticle): OutgoingMessage {
  const undoId = addCustomIds.undo(added.file);
  const undoFits = undoId.length <= MAX_CUSTOM_ID_LENGTH;
  const lines = [`**Saved to the corpus** and served now: read it with \`/source ${escapeCode(added.id)}\`.`];
  if (!undoFits) lines.push(`No Undo button: the file name is too long for one. To remove the article, delete \`${escapeCode(added.file)}\` from the corpus folder.`);
  const fields: APIEmbedField[] = [
    { name: 'Publisher', value: orNotFound(added.publisher), inline: true },
    { name: 'Author', value: orNotFound(added.author), inline: true },
    { name: 'Date', value: orNotFound(added.date), inline: true },
    { name: 'URL', value: added.url === undefined ? NOT_FOUND : link(truncate(added.url, MAX_SHOWN_URL_LENGTH), added.url) },
    { name: 'Passages', value: added.passages.toLocaleString('en-US'), inline: true },
    { name: 'Id', value: `\`${escapeCode(added.id)}\``, inline: true },
    { name: 'File', value: `\`${escapeCode(added.file)}\``, inline: true },
    { name: 'People named', value: added.people.length === 0 ? '*none found*' : listed(added.people.map(escapeText), MAX_LISTED_PEOPLE) },
  ];
  if (added.alsoReportedBy.length > 0) {
    const others = added.alsoReportedBy.map((other) => `${escapeText(other.publisher ?? other.title)} (\`/source ${escapeCode(other.id)}\`)`);
    fields.push({ name: 'Also reported by', value: listed(others, MAX_LISTED_DUPLICATES) });
  }
  const embed: APIEmbed = { title: escapeText(added.title), description: lines.join('\n'), color: COLOR_ADDED, fields };
  const buttons: OutgoingButton[] = [{ customId: customIds.openArticle(added.id), label: 'Read it', style: 'primary' }];
  if (undoFits) buttons.push({ customId: undoId, label: 'Undo' });
  return { embeds: [embed], buttons, ephemeral: true };
}

/** What Undo did: the message it was pressed on now says the article was removed (no buttons left). */
export function renderRemoved(outcome: Extract<UndoOutcome, { kind: 'removed' }>): OutgoingMessage {
  const embed: APIEmbed = {
    title: escapeText(outcome.title ?? outcome.file),
    description: `**Removed from the corpus**: \`${escapeCode(outcome.file)}\` was deleted and the article is no longer served.`,
    color: COLOR_REMOVED,
  };
  return { embeds: [embed], buttons: [], ephemeral: true };
}

function orNotFound(value: string | undefined): string {
  return value === undefined || value.trim() === '' ? NOT_FOUND : escapeText(value);
}

function listed(items: readonly string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

/** A code span cannot hold a backtick. */
function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}
