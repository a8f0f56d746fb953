/**
 * The one way Dossier sends anything to Discord. Every payload — replies, edits, updates,
 * follow-ups, autocomplete — passes through here, which:
 * - pings no one (`allowedMentions: { parse: [] }`, edits included: Discord applies a message's
 *   mentions again when it is edited);
 * - suppresses link unfurls on plain messages;
 * - fits every Discord limit by cutting text at word boundaries, never by failing.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  type APIEmbed,
  type AutocompleteInteraction,
  type MessageComponentInteraction,
  type RepliableInteraction,
} from 'discord.js';
import {
  MAX_AUTOCOMPLETE_CHOICES,
  MAX_AUTOCOMPLETE_NAME_LENGTH,
  MAX_AUTOCOMPLETE_VALUE_LENGTH,
  MAX_BUTTON_LABEL_LENGTH,
  MAX_CONTENT_LENGTH,
  MAX_CUSTOM_ID_LENGTH,
  MAX_EMBED_AUTHOR_LENGTH,
  MAX_EMBED_DESCRIPTION_LENGTH,
  MAX_EMBED_FIELD_NAME_LENGTH,
  MAX_EMBED_FIELD_VALUE_LENGTH,
  MAX_EMBED_FIELDS,
  MAX_EMBED_FOOTER_LENGTH,
  MAX_EMBED_TITLE_LENGTH,
  MAX_EMBEDS,
  MAX_EMBEDS_TOTAL_LENGTH,
  truncate,
} from './limits.js';

/** A button, described as data; rendered as a row of Discord buttons. */
export interface OutgoingButton {
  readonly customId: string;
  readonly label: string;
  readonly style?: 'primary' | 'secondary';
  readonly disabled?: boolean;
  /** A Unicode emoji shown before the label (`👍`). */
  readonly emoji?: string;
}

/** A file to attach. */
export interface OutgoingFile {
  readonly name: string;
  readonly content: string;
}

/** What a reply says, before Discord's rules are applied. */
export interface OutgoingMessage {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly buttons?: readonly OutgoingButton[];
  readonly files?: readonly OutgoingFile[];
  /** Only the person who asked sees it (new replies and follow-ups only; edits keep the original's visibility). */
  readonly ephemeral?: boolean;
}

/** A choice offered while a user types an option. */
export interface OutgoingChoice {
  readonly name: string;
  readonly value: string;
}

const MAX_BUTTONS_PER_ROW = 5;

/** The payload discord.js sends, with every rule applied. Pure, so it can be tested on its own. */
export function fitMessage(message: OutgoingMessage) {
  const embeds = fitEmbeds(message.embeds ?? []);
  const buttons = (message.buttons ?? []).filter((button) => button.customId.length > 0 && button.customId.length <= MAX_CUSTOM_ID_LENGTH);
  const rows: Array<ActionRowBuilder<ButtonBuilder>> = [];
  for (let start = 0; start < buttons.length && rows.length < 5; start += MAX_BUTTONS_PER_ROW) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        buttons.slice(start, start + MAX_BUTTONS_PER_ROW).map((button) => {
          const built = new ButtonBuilder()
            .setCustomId(button.customId)
            .setLabel(truncate(button.label, MAX_BUTTON_LABEL_LENGTH))
            .setStyle(button.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary)
            .setDisabled(button.disabled ?? false);
          return button.emoji === undefined ? built : built.setEmoji({ name: button.emoji });
        }),
      ),
    );
  }
  // Unfurls are suppressed on plain messages; the flag would also hide Dossier's own embeds.
  const flags = (message.ephemeral ? MessageFlags.Ephemeral : 0) | (embeds.length === 0 ? MessageFlags.SuppressEmbeds : 0);
  return {
    content: truncate(message.content ?? '', MAX_CONTENT_LENGTH),
    embeds,
    components: rows,
    files: (message.files ?? []).map((file) => ({ name: file.name, attachment: Buffer.from(file.content, 'utf8') })),
    allowedMentions: { parse: [] },
    flags,
  };
}

/** Fits embeds to each field's limit, at most ten of them, and to the 6,000-character total by shortening the longest parts first. */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const fitted = embeds.slice(0, MAX_EMBEDS).map((embed): APIEmbed => {
    const result: APIEmbed = { ...embed };
    if (embed.title !== undefined) result.title = truncate(embed.title, MAX_EMBED_TITLE_LENGTH);
    if (embed.description !== undefined) result.description = truncate(embed.description, MAX_EMBED_DESCRIPTION_LENGTH);
    if (embed.footer !== undefined) result.footer = { ...embed.footer, text: truncate(embed.footer.text, MAX_EMBED_FOOTER_LENGTH) };
    if (embed.author !== undefined) result.author = { ...embed.author, name: truncate(embed.author.name, MAX_EMBED_AUTHOR_LENGTH) };
    if (embed.fields !== undefined) {
      result.fields = embed.fields.slice(0, MAX_EMBED_FIELDS).map((field) => ({
        ...field,
        name: truncate(field.name, MAX_EMBED_FIELD_NAME_LENGTH) || '\u200b',
        value: truncate(field.value, MAX_EMBED_FIELD_VALUE_LENGTH) || '\u200b',
      }));
    }
    return result;
  });
  let excess = embedsLength(fitted) - MAX_EMBEDS_TOTAL_LENGTH;
  while (excess > 0) {
    const longest = longestPart(fitted);
    if (longest === null) break;
    longest.shorten(Math.max(1, longest.length - excess));
    const next = embedsLength(fitted) - MAX_EMBEDS_TOTAL_LENGTH;
    if (next >= excess) break;
    excess = next;
  }
  return fitted;
}

/** Characters Discord counts toward the 6,000 total. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce(
    (sum, embed) =>
      sum +
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0) +
      (embed.fields ?? []).reduce((fields, field) => fields + field.name.length + field.value.length, 0),
    0,
  );
}

/** A text that counts toward the 6,000 total, and how to cut it. */
interface CountedPart {
  readonly length: number;
  readonly shorten: (limit: number) => void;
}

/**
 * The longest part that can still be cut. Descriptions and field values come first, so that on
 * equal lengths the body is cut before titles, names, footers and authors; these count too, and
 * ten embeds of full titles and footers exceed the total on their own.
 */
function longestPart(embeds: APIEmbed[]): CountedPart | null {
  const parts: CountedPart[] = [];
  for (const embed of embeds) {
    const { title, description, footer, author, fields } = embed;
    if (description !== undefined) parts.push({ length: description.length, shorten: (limit) => (embed.description = truncate(description, limit)) });
    fields?.forEach((field, index) => {
      parts.push({ length: field.value.length, shorten: (limit) => (fields[index] = { ...field, value: truncate(field.value, limit) }) });
    });
    if (title !== undefined) parts.push({ length: title.length, shorten: (limit) => (embed.title = truncate(title, limit)) });
    fields?.forEach((field, index) => {
      parts.push({ length: field.name.length, shorten: (limit) => (fields[index] = { ...field, name: truncate(field.name, limit) }) });
    });
    if (footer !== undefined) parts.push({ length: footer.text.length, shorten: (limit) => (embed.footer = { ...footer, text: truncate(footer.text, limit) }) });
    if (author !== undefined) parts.push({ length: author.name.length, shorten: (limit) => (embed.author = { ...author, name: truncate(author.name, limit) }) });
  }
  // A part of one character ('…') cannot get shorter.
  return parts.reduce<CountedPart | null>((best, part) => (part.length > (best?.length ?? 1) ? part : best), null);
}

/**
 * Sends a message as the interaction's response: a reply when it has not been acknowledged,
 * else an edit of the (deferred) original. Visibility of an edit is the original's.
 */
export async function respond(interaction: RepliableInteraction, message: OutgoingMessage): Promise<void> {
  const payload = fitMessage(message);
  if (interaction.deferred || interaction.replied) {
    // An edit keeps the original's visibility; only the unfurl flag may change.
    await interaction.editReply({ ...payload, flags: payload.flags & MessageFlags.SuppressEmbeds });
    return;
  }
  await interaction.reply({ ...payload, flags: payload.flags as MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds });
}

/** Sends another message after the response (for "more results" and attachments). */
export async function followUp(interaction: RepliableInteraction, message: OutgoingMessage): Promise<void> {
  const payload = fitMessage(message);
  await interaction.followUp({ ...payload, flags: payload.flags as MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds });
}

/** Replaces the message a button belongs to (page turns). */
export async function updateMessage(interaction: MessageComponentInteraction, message: OutgoingMessage): Promise<void> {
  const fitted = fitMessage(message);
  const payload = { ...fitted, flags: fitted.flags & MessageFlags.SuppressEmbeds };
  if (interaction.deferred || interaction.replied) await interaction.editReply(payload);
  else await interaction.update(payload);
}

/** Offers autocomplete choices, within Discord's count and length limits. */
export async function respondChoices(interaction: AutocompleteInteraction, choices: readonly OutgoingChoice[]): Promise<void> {
  await interaction.respond(
    choices
      .filter((choice) => choice.value.length > 0 && choice.value.length <= MAX_AUTOCOMPLETE_VALUE_LENGTH)
      .slice(0, MAX_AUTOCOMPLETE_CHOICES)
      .map((choice) => ({ name: truncate(choice.name, MAX_AUTOCOMPLETE_NAME_LENGTH) || choice.value, value: choice.value })),
  );
}
