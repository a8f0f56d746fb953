/**
 * Messages as the fake Discord stores them: created by an interaction's response or follow-up,
 * edited (a deferred reply stops loading), with the attachments a body keeps or uploads.
 */
import {
  ApplicationCommandType,
  InteractionType,
  MessageFlags,
  MessageType,
  type APIAttachment,
  type APIEmbed,
  type APIInteraction,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIMessageTopLevelComponent,
  type APIUser,
  type Snowflake,
} from 'discord-api-types/v10';
import { discordTimestamp, isRecord, nextSnowflake, type JsonObject } from './discordValues.js';
import type { UploadedFile } from './http.js';

/** Merges an edit into a message; a deferred (loading) message becomes a normal one. */
export function mergeEdit(message: APIMessage, body: JsonObject, attachments: APIAttachment[]): APIMessage {
  const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
  // Only these flags can change on edit; ephemerality is fixed at creation.
  const editableFlags = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;
  const requestedFlags = typeof body['flags'] === 'number' ? body['flags'] : (message.flags ?? 0);
  return {
    ...message,
    ...(typeof body['content'] === 'string' ? { content: body['content'] } : {}),
    ...(Array.isArray(body['embeds']) ? { embeds: body['embeds'] as APIEmbed[] } : {}),
    ...(Array.isArray(body['components']) ? { components: body['components'] as APIMessageTopLevelComponent[] } : {}),
    attachments,
    flags: (((message.flags ?? 0) & ~editableFlags) | (requestedFlags & editableFlags)) & ~MessageFlags.Loading,
    edited_timestamp: wasLoading ? null : discordTimestamp(),
  };
}

/** The type of a command's first response: a context-menu command's differs from a slash command's. */
export function commandMessageType(interaction: APIInteraction): MessageType {
  const data = 'data' in interaction ? interaction.data : undefined;
  const isContextMenu = data !== undefined && 'type' in data && (data.type === ApplicationCommandType.Message || data.type === ApplicationCommandType.User);
  return isContextMenu ? MessageType.ContextMenuCommand : MessageType.ChatInputCommand;
}

/** Whether a message has nothing to show, which Discord refuses (50006). */
export function isEmptyMessage(message: APIMessage): boolean {
  return (
    message.content === '' &&
    message.embeds.length === 0 &&
    (message.components ?? []).length === 0 &&
    message.attachments.length === 0 &&
    (message.sticker_items ?? []).length === 0 &&
    message.poll === undefined
  );
}

/** The `interaction_metadata` of a message an interaction created. */
export function interactionMetadata(interaction: APIInteraction, user: APIUser): APIMessageInteractionMetadata | undefined {
  const common = { id: interaction.id, user, authorizing_integration_owners: interaction.authorizing_integration_owners };
  if (interaction.type === InteractionType.ApplicationCommand) return { ...common, type: interaction.type };
  if (interaction.type === InteractionType.MessageComponent) {
    return { ...common, type: interaction.type, interacted_message_id: interaction.message.id };
  }
  return undefined;
}

/**
 * Attachments after a create or edit: those of `existing` the body keeps (all of them when
 * the body has no `attachments`), plus one per uploaded file, served under `origin` in `channelId`.
 */
export function attachmentsFrom(body: JsonObject, files: UploadedFile[], existing: APIAttachment[], origin: string, channelId: Snowflake): APIAttachment[] {
  const references = Array.isArray(body['attachments']) ? body['attachments'].filter(isRecord) : undefined;
  const kept = references ? existing.filter((attachment) => references.some((reference) => String(reference['id']) === attachment.id)) : existing;
  const uploaded = files.map((file): APIAttachment => {
    const index = /^files\[(\d+)\]$/.exec(file.field)?.[1];
    const reference = references?.find((candidate) => String(candidate['id']) === index);
    const filename = typeof reference?.['filename'] === 'string' ? reference['filename'] : file.name;
    const id = nextSnowflake();
    const url = `${origin}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    return {
      id,
      filename,
      size: file.size,
      url,
      proxy_url: url,
      content_type: file.contentType,
      ...(typeof reference?.['description'] === 'string' ? { description: reference['description'] } : {}),
    };
  });
  return [...kept, ...uploaded];
}
