/**
 * What a slash command module provides, and what its handler may answer. The router does
 * everything commands share (defer, acknowledge once, map errors, cooldowns); a handler only
 * reads its options, calls the core and renders.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CorpusIndex } from '../core/index.js';
import type { OutgoingChoice, OutgoingMessage } from './send.js';

/** What handlers are given: dependencies are passed in, never imported. */
export interface CommandContext {
  readonly index: CorpusIndex;
}

/**
 * A handler's answer:
 * - `message`: the reply (it replaces the deferred "thinking…");
 * - `notice`: an expected outcome (empty question, unknown article), shown only to the user;
 * - `update`: for buttons, replace the message the button is on;
 * - `followUp`: for buttons, a new message seen only by who pressed it.
 */
export type CommandResult =
  | { readonly kind: 'message'; readonly message: OutgoingMessage }
  | { readonly kind: 'notice'; readonly text: string }
  | { readonly kind: 'update'; readonly message: OutgoingMessage }
  | { readonly kind: 'followUp'; readonly message: OutgoingMessage };

export interface SlashCommand {
  /** The definition registered with Discord, as plain data. */
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Whether the router defers before running the handler, and whether the reply is ephemeral. */
  readonly deferral: (interaction: ChatInputCommandInteraction) => { readonly ephemeral: boolean };
  /** Whether the per-user cooldown applies. */
  readonly cooldown?: boolean;
  readonly execute: (interaction: ChatInputCommandInteraction, context: CommandContext) => CommandResult | Promise<CommandResult>;
  readonly autocomplete?: (interaction: AutocompleteInteraction, context: CommandContext) => readonly OutgoingChoice[];
  /** Handles this command's buttons (`custom_id` = `name:action:arguments`). */
  readonly button?: (interaction: ButtonInteraction, action: string, args: readonly string[], context: CommandContext) => CommandResult | Promise<CommandResult>;
}

/** Shorthand for a notice. */
export function notice(text: string): CommandResult {
  return { kind: 'notice', text };
}
