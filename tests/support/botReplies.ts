/**
 * Reading the bot's replies from what the fake Discord recorded, for the end-to-end tests.
 */
import type { APIEmbed, APIInteraction } from 'discord-api-types/v10';
import type { FakeDiscord, RecordedRequest } from './fakeDiscord.js';

/** A message body the bot sent (a callback's `data`, an edit or a follow-up), as far as tests read it. */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<{ components: Array<{ custom_id?: string; label?: string; style?: number; disabled?: boolean }> }>;
  allowed_mentions?: { parse?: string[] };
  flags?: number;
}

/** The EPHEMERAL message flag, as it appears in a body's `flags`. */
export const EPHEMERAL = 64;

/** The message that completes an interaction: the edit of its (deferred) response, or a follow-up. */
export async function waitForFinalMessage(fake: FakeDiscord, interaction: APIInteraction, timeoutMs = 5_000): Promise<MessageBody> {
  const final = await fake.waitForRequest(
    (request: RecordedRequest) =>
      request.status < 300 &&
      request.path.includes(interaction.token) &&
      ((request.method === 'PATCH' && request.path.endsWith('/messages/@original')) || (request.method === 'POST' && request.path.endsWith(interaction.token))),
    timeoutMs,
  );
  return final.body as MessageBody;
}

/** What a member reads in a message: its content, then each embed's title, description, footer and fields, one per line. */
export function messageText(body: MessageBody): string {
  return [
    body.content,
    ...(body.embeds ?? []).flatMap((embed) => [embed.title, embed.description, embed.footer?.text, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])]),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The buttons of a message, row after row. */
export function messageButtons(body: MessageBody): NonNullable<MessageBody['components']>[number]['components'] {
  return (body.components ?? []).flatMap((row) => row.components);
}
