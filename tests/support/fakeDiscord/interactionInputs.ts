/**
 * Builders of the interactions a member triggers, for {@link FakeDiscord.dispatchInteraction}:
 * a slash command, an autocomplete while typing, a button press. Message commands and attachment
 * options are in `./contextMenu.ts`.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  type APIApplicationCommandInteractionDataOption,
  type Snowflake,
} from 'discord-api-types/v10';
import type { CommandOptionsInput, FakeInteractionInput, InteractionContext } from './types.js';

/** Builds a chat-input (slash) command interaction for {@link FakeDiscord.dispatchInteraction}. */
export function slashCommand(name: string, options: CommandOptionsInput = [], context: InteractionContext = {}): FakeInteractionInput {
  return {
    ...context,
    type: InteractionType.ApplicationCommand,
    data: { name, type: ApplicationCommandType.ChatInput, options: toInteractionOptions(options) },
  };
}

/**
 * Builds an autocomplete interaction whose `focusedOptionName` option is marked `focused: true`.
 * As on Discord, the focused value is sent as the raw string the user typed.
 */
export function autocomplete(name: string, options: CommandOptionsInput, focusedOptionName: string, context: InteractionContext = {}): FakeInteractionInput {
  const asTyped = toInteractionOptions(options);
  if (!asTyped.some((option) => option.name === focusedOptionName && 'value' in option)) {
    throw new Error(`autocomplete(): no option named "${focusedOptionName}" to focus`);
  }
  // Autocomplete sends number options' values as the raw strings typed so far.
  const asTyping = asTyped.map((option) => {
    if (!('value' in option)) return option;
    const value = typeof option.value === 'number' ? String(option.value) : option.value;
    return option.name === focusedOptionName ? { ...option, value, focused: true } : { ...option, value };
  }) as APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>[];
  return {
    ...context,
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { name, type: ApplicationCommandType.ChatInput, options: asTyping },
  };
}

/** Builds a button press on message `messageId` for {@link FakeDiscord.dispatchInteraction}. */
export function buttonPress(customId: string, messageId: Snowflake, context: InteractionContext = {}): FakeInteractionInput {
  return {
    ...context,
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message: { id: messageId },
  };
}

function toInteractionOptions(options: CommandOptionsInput): APIApplicationCommandInteractionDataOption[] {
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]): APIApplicationCommandInteractionDataOption => {
    if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value };
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (Number.isInteger(value)) return { name, type: ApplicationCommandOptionType.Integer, value };
    return { name, type: ApplicationCommandOptionType.Number, value };
  });
}
