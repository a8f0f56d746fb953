/**
 * Interactions in the fake Discord: completing what a test dispatches into a realistic guild
 * interaction, and recording the bot's replies as Discord takes them: the one acknowledgement
 * within the deadline (3 s on Discord), follow-ups, edits and deletions of its messages, each
 * payload checked against Discord's limits (`./validation.ts`).
 */
import { randomBytes } from 'node:crypto';
import {
  ApplicationIntegrationType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  type APIEmbed,
  type APIInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type RESTPostAPIInteractionCallbackWithResponseResult,
  type Snowflake,
} from 'discord-api-types/v10';
import { BOT_PERMISSIONS, discordTimestamp, isRecord, MEMBER_PERMISSIONS, nextSnowflake, type JsonObject } from './discordValues.js';
import type { FakeGuild } from './guild.js';
import { discordError, unknownInteraction, unknownMessage, unknownWebhook, type FakeResponse, type ParsedRequest, type UploadedFile } from './http.js';
import { attachmentsFrom, commandMessageType, interactionMetadata, isEmptyMessage, mergeEdit } from './messages.js';
import type { FakeInteractionInput } from './types.js';
import { allowedCallbackTypes, FormErrors, isEmptyPayload, validateChoices, validateMessage, validateModal } from './validation.js';

interface InteractionState {
  interaction: APIInteraction;
  dispatchedAt: number;
  acknowledgedWith: InteractionResponseType | undefined;
  originalMessageId: Snowflake | undefined;
  /** Original response first, then follow-ups, in creation order. */
  messageIds: Snowflake[];
}

export interface InteractionOptions {
  /** How long after dispatch an interaction can still be acknowledged. */
  ackDeadlineMs: number;
  /** Largest accepted upload per file, also sent as `attachment_size_limit`. */
  attachmentSizeLimit: number;
  /** The fake's `http://127.0.0.1:<port>`, where uploaded files are served. */
  origin: () => string;
}

export class FakeInteractions {
  private readonly byId = new Map<Snowflake, InteractionState>();
  private readonly byToken = new Map<string, InteractionState>();

  constructor(
    private readonly guild: FakeGuild,
    private readonly options: InteractionOptions,
  ) {}

  /** Completes `input` into a guild interaction and starts its acknowledgement window now. */
  start(input: FakeInteractionInput): APIInteraction {
    const interaction = this.build(input);
    const state: InteractionState = {
      interaction,
      dispatchedAt: Date.now(),
      acknowledgedWith: undefined,
      originalMessageId: undefined,
      messageIds: [],
    };
    this.byId.set(interaction.id, state);
    this.byToken.set(interaction.token, state);
    return interaction;
  }

  /** The messages an interaction produced as they are now: original response first, then follow-ups. */
  messagesFor(interaction: Pick<APIInteraction, 'id'>): APIMessage[] {
    const state = this.byId.get(interaction.id);
    if (!state) return [];
    return state.messageIds.flatMap((id) => this.guild.messages.get(id) ?? []);
  }

  private build(input: FakeInteractionInput): APIInteraction {
    const user = this.guild.userFor(input.userId ?? this.guild.user.id);
    const member: APIInteractionGuildMember = {
      ...this.guild.guildMember(user, discordTimestamp(Date.now() - 86_400_000)),
      roles: input.roles ?? [],
      user,
      permissions: (input.permissions ?? MEMBER_PERMISSIONS).toString(),
    };
    const base = {
      id: nextSnowflake(),
      application_id: this.guild.applicationId,
      token: `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`,
      version: 1 as const,
      guild: { id: this.guild.guildId, features: [], locale: Locale.EnglishUS },
      guild_id: this.guild.guildId,
      channel_id: this.guild.textChannel.id,
      channel: this.guild.textChannel,
      member,
      app_permissions: BOT_PERMISSIONS.toString(),
      locale: input.locale ?? Locale.EnglishUS,
      guild_locale: Locale.EnglishUS,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: this.guild.guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: this.options.attachmentSizeLimit,
    };
    switch (input.type) {
      case InteractionType.ApplicationCommand:
        return { ...base, type: input.type, data: { ...input.data, id: input.data.id ?? this.guild.commandIdFor(input.data.name, input.data.type) } } as APIInteraction;
      case InteractionType.ApplicationCommandAutocomplete:
        return {
          ...base,
          type: input.type,
          data: { ...input.data, id: input.data.id ?? this.guild.commandIdFor(input.data.name), options: input.data.options ?? [] },
        };
      case InteractionType.MessageComponent:
        return { ...base, type: input.type, data: input.data, message: this.guild.componentMessage(input.message, input.data.custom_id) };
      case InteractionType.ModalSubmit:
        return { ...base, type: input.type, data: input.data };
    }
  }

  /** Creates and stores a message sent through an interaction's callback or webhook. */
  private createInteractionMessage(state: InteractionState, body: JsonObject, files: UploadedFile[], extraFlags = 0): APIMessage {
    const { interaction } = state;
    const isCommand = interaction.type === InteractionType.ApplicationCommand;
    const user = interaction.member?.user ?? interaction.user ?? this.guild.user;
    const metadata = interactionMetadata(interaction, user);
    const message = this.guild.newMessage({
      id: nextSnowflake(),
      type: isCommand && state.messageIds.length === 0 ? commandMessageType(interaction) : MessageType.Default,
      content: typeof body['content'] === 'string' ? body['content'] : '',
      embeds: Array.isArray(body['embeds']) ? (body['embeds'] as APIEmbed[]) : [],
      components: Array.isArray(body['components']) ? (body['components'] as APIMessageTopLevelComponent[]) : [],
      tts: body['tts'] === true,
      attachments: this.attachmentsFrom(body, files, []),
      flags: (typeof body['flags'] === 'number' ? body['flags'] : 0) | extraFlags,
      ...(metadata ? { interaction_metadata: metadata } : {}),
      ...(isCommand && 'data' in interaction && interaction.data && 'name' in interaction.data
        ? { interaction: { id: interaction.id, type: interaction.type, name: interaction.data.name, user } }
        : {}),
    });
    this.guild.messages.set(message.id, message);
    state.messageIds.push(message.id);
    return message;
  }

  private attachmentsFrom(body: JsonObject, files: UploadedFile[], existing: APIMessage['attachments']): APIMessage['attachments'] {
    return attachmentsFrom(body, files, existing, this.options.origin(), this.guild.textChannel.id);
  }

  /** `POST /interactions/:id/:token/callback`: the one acknowledgement, within the deadline. */
  callback(request: ParsedRequest, interactionId: Snowflake, token: string): FakeResponse {
    const state = this.byId.get(interactionId);
    if (!state || state.interaction.token !== token) return unknownInteraction();
    if (state.acknowledgedWith !== undefined) return discordError(400, 40060, 'Interaction has already been acknowledged.');
    if (Date.now() - state.dispatchedAt > this.options.ackDeadlineMs) return unknownInteraction();

    const body = isRecord(request.body) ? request.body : {};
    const type = body['type'];
    const data = isRecord(body['data']) ? body['data'] : {};
    const errors = new FormErrors();
    if (typeof type !== 'number') {
      errors.add(['type'], 'BASE_TYPE_REQUIRED', 'This field is required');
      return errors.toResponse();
    }
    if (!allowedCallbackTypes(state.interaction.type).includes(type)) {
      errors.add(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', 'Invalid interaction response type for this interaction.');
      return errors.toResponse();
    }
    if (type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage) {
      validateMessage(data, ['data'], errors);
    }
    if (type === InteractionResponseType.ApplicationCommandAutocompleteResult) validateChoices(data, errors);
    if (type === InteractionResponseType.Modal) validateModal(data, errors);
    if (!errors.isEmpty) return errors.toResponse();
    const tooLarge = this.rejectOversizedFiles(request.files);
    if (tooLarge) return tooLarge;
    if (type === InteractionResponseType.ChannelMessageWithSource && isEmptyPayload(data, request.files)) {
      return discordError(400, 50006, 'Cannot send an empty message');
    }

    state.acknowledgedWith = type;
    const message = this.applyCallback(state, type, data, request.files);
    if (request.query.get('with_response') !== 'true') return { status: 204 };
    const result: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id: state.interaction.id,
        type: state.interaction.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
              response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      ...(message ? { resource: { type, message } } : {}),
    };
    return { status: 200, body: result };
  }

  /** Applies an accepted callback; returns the message it created or touched, if any. */
  private applyCallback(state: InteractionState, type: number, data: JsonObject, files: UploadedFile[]): APIMessage | undefined {
    const { interaction } = state;
    const componentMessage = interaction.type === InteractionType.MessageComponent ? interaction.message : undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const message = this.createInteractionMessage(state, data, files);
        state.originalMessageId = message.id;
        return message;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const ephemeral = typeof data['flags'] === 'number' ? data['flags'] & MessageFlags.Ephemeral : 0;
        const message = this.createInteractionMessage(state, {}, [], ephemeral | MessageFlags.Loading);
        state.originalMessageId = message.id;
        return message;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (!componentMessage) return undefined;
        state.originalMessageId = componentMessage.id;
        state.messageIds.unshift(componentMessage.id);
        if (type === InteractionResponseType.DeferredMessageUpdate) return this.guild.messages.get(componentMessage.id);
        return this.storeEdit(this.guild.messages.get(componentMessage.id) ?? componentMessage, data, files);
      }
      default:
        return undefined;
    }
  }

  private rejectOversizedFiles(files: UploadedFile[]): FakeResponse | undefined {
    return files.some((file) => file.size > this.options.attachmentSizeLimit) ? discordError(413, 40005, 'Request entity too large') : undefined;
  }

  /** Finds the interaction behind a webhook token; Discord only accepts it after acknowledgement. */
  private acknowledgedInteraction(applicationId: Snowflake, token: string): InteractionState | undefined {
    const state = this.byToken.get(token);
    if (!state || applicationId !== this.guild.applicationId || state.acknowledgedWith === undefined) return undefined;
    return state;
  }

  /** `POST /webhooks/:application/:token`: a follow-up, or the first one replacing a deferred reply. */
  createFollowUp(request: ParsedRequest, applicationId: Snowflake, token: string): FakeResponse {
    const state = this.acknowledgedInteraction(applicationId, token);
    if (!state) return unknownWebhook();
    const body = isRecord(request.body) ? request.body : {};
    const errors = new FormErrors();
    validateMessage(body, [], errors);
    if (!errors.isEmpty) return errors.toResponse();
    const tooLarge = this.rejectOversizedFiles(request.files);
    if (tooLarge) return tooLarge;
    if (isEmptyPayload(body, request.files)) return discordError(400, 50006, 'Cannot send an empty message');

    const original = state.originalMessageId ? this.guild.messages.get(state.originalMessageId) : undefined;
    // Discord quirk: the first follow-up after a deferred reply replaces the loading message,
    // keeping the deferral's ephemerality.
    const message =
      original && ((original.flags ?? 0) & MessageFlags.Loading) !== 0
        ? this.storeEdit(original, { ...body, flags: original.flags ?? 0 }, request.files)
        : this.createInteractionMessage(state, body, request.files);
    return request.query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
  }

  /** Runs `handle` on the message `/webhooks/:application/:token/messages/:id` names (`@original` or an id). */
  withWebhookMessage(applicationId: Snowflake, token: string, messageId: string, handle: (message: APIMessage, state: InteractionState) => FakeResponse): FakeResponse {
    const state = this.acknowledgedInteraction(applicationId, token);
    if (!state) return unknownWebhook();
    const id = messageId === '@original' ? state.originalMessageId : messageId;
    const message = id && state.messageIds.includes(id) ? this.guild.messages.get(id) : undefined;
    return message ? handle(message, state) : unknownMessage();
  }

  /** `PATCH` of a webhook message: the edit, checked as a new message is. */
  editMessage(message: APIMessage, request: ParsedRequest): FakeResponse {
    const body = isRecord(request.body) ? request.body : {};
    const errors = new FormErrors();
    validateMessage(body, [], errors);
    if (!errors.isEmpty) return errors.toResponse();
    const tooLarge = this.rejectOversizedFiles(request.files);
    if (tooLarge) return tooLarge;
    const edited = mergeEdit(message, body, this.attachmentsFrom(body, request.files, message.attachments));
    if (isEmptyMessage(edited)) return discordError(400, 50006, 'Cannot send an empty message');
    this.guild.messages.set(edited.id, edited);
    return { status: 200, body: edited };
  }

  /** Applies an edit to a stored message and stores the result. */
  private storeEdit(message: APIMessage, body: JsonObject, files: UploadedFile[]): APIMessage {
    const edited = mergeEdit(message, body, this.attachmentsFrom(body, files, message.attachments));
    this.guild.messages.set(edited.id, edited);
    return edited;
  }

  /** `DELETE` of a webhook message. */
  deleteMessage(message: APIMessage, state: InteractionState): FakeResponse {
    this.guild.messages.delete(message.id);
    state.messageIds = state.messageIds.filter((id) => id !== message.id);
    return { status: 204 };
  }
}
