/**
 * Discord's limits on what a bot sends, checked as Discord checks them: a payload over a limit is
 * answered 400 Invalid Form Body (50035) with Discord's nested `errors`, so a test fails when the
 * bot breaks a limit that would break it in a real guild.
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * https://discord.com/developers/docs/interactions/application-commands#application-command-object
 */
import { ApplicationCommandType, ComponentType, InteractionResponseType, InteractionType, MessageFlags } from 'discord-api-types/v10';
import { validateContextMenuCommand } from './contextMenu.js';
import { isRecord, type JsonObject } from './discordValues.js';
import type { FakeResponse, UploadedFile } from './http.js';

/** The limits the fake enforces, by what they bound (characters for texts, items for lists). */
export const DISCORD_LIMITS = {
  content: 2_000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4_096,
  embedFooterText: 2_048,
  embedAuthorName: 256,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1_024,
  /** Title, description, footer, author and fields of every embed of a message together. */
  embedsTotal: 6_000,
  /** Action rows of a message, unless it is flagged IS_COMPONENTS_V2. */
  actionRows: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  actionRowComponents: 5,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  modalTitle: 45,
  modalComponents: 5,
  commands: 100,
  commandDescription: 100,
  commandOptions: 25,
  optionChoices: 25,
} as const;

/** Discord's nested `errors` object for 50035 Invalid Form Body. */
export class FormErrors {
  private readonly root: JsonObject = {};
  private count = 0;

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = this.root;
    for (const key of path) {
      const child = node[String(key)];
      node = isRecord(child) ? child : (node[String(key)] = {});
    }
    const leaf = Array.isArray(node['_errors']) ? (node['_errors'] as unknown[]) : (node['_errors'] = []);
    leaf.push({ code, message });
    this.count += 1;
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  toResponse(): FakeResponse {
    return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: this.root } };
  }
}

/** The callback types Discord accepts for an interaction of this type. */
export function allowedCallbackTypes(interactionType: InteractionType): number[] {
  switch (interactionType) {
    case InteractionType.ApplicationCommand:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.Modal,
        InteractionResponseType.LaunchActivity,
      ];
    case InteractionType.MessageComponent:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.Modal,
      ];
    case InteractionType.ApplicationCommandAutocomplete:
      return [InteractionResponseType.ApplicationCommandAutocompleteResult];
    case InteractionType.ModalSubmit:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
      ];
    default:
      return [];
  }
}

function maxLength(errors: FormErrors, path: readonly (string | number)[], value: unknown, limit: number): void {
  if (typeof value === 'string' && value.length > limit) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${limit} or fewer in length.`);
  }
}

function lengthBetween(errors: FormErrors, path: readonly (string | number)[], value: unknown, min: number, max: number): void {
  const length = typeof value === 'string' ? value.length : 0;
  if (length < min || length > max) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }
}

function maxItems(errors: FormErrors, path: readonly (string | number)[], value: unknown, limit: number): void {
  if (Array.isArray(value) && value.length > limit) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${limit} or fewer in length.`);
  }
}

/** Validates a message body (a callback's `data`, a follow-up, an edit) found at `at`. */
export function validateMessage(body: JsonObject, at: readonly (string | number)[], errors: FormErrors): void {
  maxLength(errors, [...at, 'content'], body['content'], DISCORD_LIMITS.content);
  const embeds = body['embeds'];
  maxItems(errors, [...at, 'embeds'], embeds, DISCORD_LIMITS.embedsPerMessage);
  if (Array.isArray(embeds)) {
    let totalCharacters = 0;
    embeds.filter(isRecord).forEach((embed, index) => {
      totalCharacters += validateEmbed(embed, [...at, 'embeds', index], errors);
    });
    if (totalCharacters > DISCORD_LIMITS.embedsTotal) {
      errors.add([...at, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${DISCORD_LIMITS.embedsTotal}`);
    }
  }
  const components = body['components'];
  const componentsV2 = typeof body['flags'] === 'number' && (body['flags'] & MessageFlags.IsComponentsV2) !== 0;
  if (!componentsV2) maxItems(errors, [...at, 'components'], components, DISCORD_LIMITS.actionRows);
  if (Array.isArray(components)) validateComponents(components, [...at, 'components'], errors);
}

/** Validates one embed and returns its character count towards the total (`DISCORD_LIMITS.embedsTotal`). */
function validateEmbed(embed: JsonObject, at: readonly (string | number)[], errors: FormErrors): number {
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const footer = isRecord(embed['footer']) ? embed['footer'] : {};
  const author = isRecord(embed['author']) ? embed['author'] : {};
  const fields = Array.isArray(embed['fields']) ? embed['fields'].filter(isRecord) : [];
  maxLength(errors, [...at, 'title'], embed['title'], DISCORD_LIMITS.embedTitle);
  maxLength(errors, [...at, 'description'], embed['description'], DISCORD_LIMITS.embedDescription);
  maxLength(errors, [...at, 'footer', 'text'], footer['text'], DISCORD_LIMITS.embedFooterText);
  maxLength(errors, [...at, 'author', 'name'], author['name'], DISCORD_LIMITS.embedAuthorName);
  maxItems(errors, [...at, 'fields'], embed['fields'], DISCORD_LIMITS.embedFields);
  fields.forEach((field, index) => {
    maxLength(errors, [...at, 'fields', index, 'name'], field['name'], DISCORD_LIMITS.embedFieldName);
    maxLength(errors, [...at, 'fields', index, 'value'], field['value'], DISCORD_LIMITS.embedFieldValue);
  });
  return [embed['title'], embed['description'], footer['text'], author['name'], ...fields.flatMap((f) => [f['name'], f['value']])]
    .map(text)
    .reduce((sum, part) => sum + part.length, 0);
}

function validateComponents(components: unknown[], at: readonly (string | number)[], errors: FormErrors): void {
  components.forEach((component, index) => {
    if (!isRecord(component)) return;
    const path = [...at, index];
    maxLength(errors, [...path, 'custom_id'], component['custom_id'], DISCORD_LIMITS.customId);
    maxLength(errors, [...path, 'label'], component['label'], DISCORD_LIMITS.buttonLabel);
    maxItems(errors, [...path, 'options'], component['options'], DISCORD_LIMITS.selectOptions);
    if (component['type'] === ComponentType.ActionRow) maxItems(errors, [...path, 'components'], component['components'], DISCORD_LIMITS.actionRowComponents);
    if (Array.isArray(component['components'])) validateComponents(component['components'], [...path, 'components'], errors);
  });
}

/** Validates an autocomplete result's choices. */
export function validateChoices(data: JsonObject, errors: FormErrors): void {
  const choices = data['choices'];
  maxItems(errors, ['data', 'choices'], choices, DISCORD_LIMITS.autocompleteChoices);
  if (!Array.isArray(choices)) return;
  choices.filter(isRecord).forEach((choice, index) => {
    lengthBetween(errors, ['data', 'choices', index, 'name'], choice['name'], 1, DISCORD_LIMITS.choiceName);
    maxLength(errors, ['data', 'choices', index, 'value'], choice['value'], DISCORD_LIMITS.choiceValue);
  });
}

/** Validates a modal's title, custom id and rows. */
export function validateModal(data: JsonObject, errors: FormErrors): void {
  lengthBetween(errors, ['data', 'title'], data['title'], 1, DISCORD_LIMITS.modalTitle);
  lengthBetween(errors, ['data', 'custom_id'], data['custom_id'], 1, DISCORD_LIMITS.customId);
  const components = data['components'];
  if (!Array.isArray(components) || components.length === 0 || components.length > DISCORD_LIMITS.modalComponents) {
    errors.add(['data', 'components'], 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${DISCORD_LIMITS.modalComponents} in length.`);
  }
}

/** Whether a message body would create an empty message, which Discord refuses (50006). */
export function isEmptyPayload(body: JsonObject, files: UploadedFile[]): boolean {
  const nonEmpty = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
  return (
    (typeof body['content'] !== 'string' || body['content'] === '') &&
    !nonEmpty(body['embeds']) &&
    !nonEmpty(body['components']) &&
    !nonEmpty(body['attachments']) &&
    !nonEmpty(body['sticker_ids']) &&
    body['poll'] === undefined &&
    files.length === 0
  );
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Validates a bulk overwrite of application commands. */
export function validateCommands(commands: unknown[]): FormErrors {
  const errors = new FormErrors();
  maxItems(errors, [], commands, DISCORD_LIMITS.commands);
  const seen = new Set<string>();
  commands.forEach((command, index) => {
    if (!isRecord(command)) {
      errors.add([index], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    const type = typeof command['type'] === 'number' ? command['type'] : ApplicationCommandType.ChatInput;
    const name = command['name'];
    const key = `${type}:${String(name)}`;
    if (seen.has(key)) errors.add([index, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.add(key);
    if (type === ApplicationCommandType.ChatInput) {
      validateCommandNameAndDescription(command, [index], errors);
      validateCommandOptions(command['options'], [index, 'options'], errors);
    } else {
      validateContextMenuCommand(command, [index], errors);
    }
  });
  return errors;
}

function validateCommandNameAndDescription(command: JsonObject, at: readonly (string | number)[], errors: FormErrors): void {
  const name = command['name'];
  if (typeof name !== 'string' || !COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
    errors.add([...at, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  lengthBetween(errors, [...at, 'description'], command['description'], 1, DISCORD_LIMITS.commandDescription);
}

function validateCommandOptions(options: unknown, at: readonly (string | number)[], errors: FormErrors): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    errors.add(at, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  maxItems(errors, at, options, DISCORD_LIMITS.commandOptions);
  let sawOptional = false;
  options.forEach((option, index) => {
    if (!isRecord(option)) return;
    validateCommandNameAndDescription(option, [...at, index], errors);
    maxItems(errors, [...at, index, 'choices'], option['choices'], DISCORD_LIMITS.optionChoices);
    if (option['required'] === true && sawOptional) {
      errors.add([...at, index, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    if (option['required'] !== true) sawOptional = true;
    validateCommandOptions(option['options'], [...at, index, 'options'], errors);
  });
}
