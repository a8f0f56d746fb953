/**
 * Message commands (right-click a message → Apps) and attachment options in the fake Discord:
 * validation of context-menu definitions as Discord applies it, and builders for the interactions
 * a member triggers with them.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionType,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIMessage,
} from 'discord-api-types/v10';
import type { FakeInteractionInput, InteractionContext } from './types.js';

/** Where validation problems go (the fake's Invalid Form Body errors). */
export interface FormErrorSink {
  add(path: readonly (string | number)[], code: string, message: string): void;
}

/**
 * Context-menu names may have capitals and spaces, unlike slash-command names
 * (https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-naming).
 */
const CONTEXT_MENU_NAME = /^[-_' \p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Validates a USER or MESSAGE command: its name, no description, no options. */
export function validateContextMenuCommand(command: Readonly<Record<string, unknown>>, at: readonly (string | number)[], errors: FormErrorSink): void {
  const name = command['name'];
  if (typeof name !== 'string' || !CONTEXT_MENU_NAME.test(name)) {
    errors.add([...at, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  if (command['description'] !== undefined && command['description'] !== '') {
    errors.add([...at, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have description');
  }
  if (command['options'] !== undefined) {
    errors.add([...at, 'options'], 'APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS', 'Context menu commands cannot have options');
  }
}

/**
 * A slash command whose `optionName` option is an uploaded file, as Discord sends it: the option's
 * value is the attachment id and `resolved.attachments` holds the attachment (from
 * {@link FakeDiscord.uploadAttachment}). `options` adds other options (strings, booleans).
 */
export function attachmentCommand(
  name: string,
  optionName: string,
  attachment: APIAttachment,
  options: APIApplicationCommandInteractionDataOption[] = [],
  context: InteractionContext = {},
): FakeInteractionInput {
  return {
    ...context,
    type: InteractionType.ApplicationCommand,
    data: {
      name,
      type: ApplicationCommandType.ChatInput,
      options: [...options, { name: optionName, type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
      resolved: { attachments: { [attachment.id]: attachment } },
    },
  };
}

/**
 * A message command on `target` (from {@link FakeDiscord.postMessage}), as Discord sends it:
 * `data.type` 3, `target_id`, and the message, content included, in `resolved.messages`.
 */
export function messageCommand(name: string, target: APIMessage, context: InteractionContext = {}): FakeInteractionInput {
  return {
    ...context,
    type: InteractionType.ApplicationCommand,
    data: { name, type: ApplicationCommandType.Message, target_id: target.id, resolved: { messages: { [target.id]: target } } },
  };
}
