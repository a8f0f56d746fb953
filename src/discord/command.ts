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
import type { ReloadReport } from '../corpus/liveCorpus.js';
import type { OutgoingChoice, OutgoingMessage } from './send.js';

/** What handlers are given: dependencies are passed in, never imported. */
export interface CommandContext {
  /** The index in service when the interaction arrived: a reload never swaps it under an answer. */
  readonly index: CorpusIndex;
  /** Operating the bot: what `/status` shows and what `/reload` does. */
  readonly operations: BotOperations;
}

/** What moderators can ask of the running bot. */
export interface BotOperations {
  status(): BotStatus;
  /** Reads the corpus again and swaps in a new index if its articles changed. Never throws. */
  reloadCorpus(): Promise<ReloadReport>;
}

/** The running bot, as `/status` shows it. */
export interface BotStatus {
  /** Dossier's version (package.json). */
  readonly version: string;
  readonly startedAt: Date;
  readonly index: CorpusIndex;
  /** The latest corpus reload (at first, the load at start-up). */
  readonly lastReload: ReloadReport;
  /** Whether changes to the corpus folder are reloaded as they happen. */
  readonly watchingCorpus: boolean;
  readonly gateway: GatewayState;
}

/** The gateway connection, as discord.js reports it. */
export interface GatewayState {
  /** `ready`, `connecting`, `reconnecting`, `resuming`, `disconnected`… */
  readonly status: string;
  /** The last heartbeat's round trip, once one was measured. */
  readonly pingMs?: number;
  readonly shardIds: readonly number[];
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
