/**
 * What a command module provides (a slash command, or a message command from a message's Apps
 * menu), and what its handler may answer. The router does everything commands share (defer,
 * acknowledge once, map errors, cooldowns); a handler only reads its options, calls the core and
 * renders.
 */
import {
  ApplicationCommandType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { CorpusIndex, WordVectors } from '../core/index.js';
import type { ArticleAdder } from '../corpus/addArticle.js';
import type { ReloadReport } from '../corpus/liveCorpus.js';
import type { QuestionMemory } from '../questionMemory.js';
import type { OutgoingChoice, OutgoingMessage } from './send.js';

/** What handlers are given: dependencies are passed in, never imported. */
export interface CommandContext {
  /** The index in service when the interaction arrived: a reload never swaps it under an answer. */
  readonly index: CorpusIndex;
  /** Operating the bot: what `/status` shows and what `/reload` does. */
  readonly operations: BotOperations;
  /** Adding articles (`/add`, Add to Dossier); absent when the bot was started without an adder. */
  readonly adding?: AddingContext;
  /** The memory of questions and votes (`/ask` records, its vote buttons, `/gaps`, `/status`); absent when recording is off. */
  readonly memory?: QuestionMemory;
  /** Word vectors for related words in answers (`AnswerOptions.wordVectors`); absent: answered without them. */
  readonly wordVectors?: WordVectors;
}

/** What `/add` and its Undo button need. */
export interface AddingContext {
  readonly adder: ArticleAdder;
  /** Roles whose members may add, besides those who can manage the server (`ADD_ROLES`). */
  readonly roleIds: readonly string[];
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

/** What every application command shares, for its kind of interaction. */
export interface CommandHandler<Invocation> {
  /** Whether the router defers before running the handler, and whether the reply is ephemeral. */
  readonly deferral: (interaction: Invocation) => { readonly ephemeral: boolean };
  /** Whether the per-user cooldown applies. */
  readonly cooldown?: boolean;
  readonly execute: (interaction: Invocation, context: CommandContext) => CommandResult | Promise<CommandResult>;
}

export interface SlashCommand extends CommandHandler<ChatInputCommandInteraction> {
  /** The definition registered with Discord, as plain data. */
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  readonly autocomplete?: (interaction: AutocompleteInteraction, context: CommandContext) => readonly OutgoingChoice[];
  /** Handles this command's buttons (`custom_id` = `name:action:arguments`). */
  readonly button?: (interaction: ButtonInteraction, action: string, args: readonly string[], context: CommandContext) => CommandResult | Promise<CommandResult>;
  /**
   * Whether a press of this action's button is acknowledged with a deferred update before the
   * handler runs (for work that may outlast Discord's 3 s); a notice then arrives as a follow-up.
   */
  readonly defersButton?: (action: string) => boolean;
}

/** A command in a message's Apps menu (right-click → Apps); its buttons belong to a slash command. */
export interface MessageCommand extends CommandHandler<MessageContextMenuCommandInteraction> {
  /** The definition registered with Discord, as plain data (`type: ApplicationCommandType.Message`). */
  readonly definition: RESTPostAPIContextMenuApplicationCommandsJSONBody & { readonly type: ApplicationCommandType.Message };
}

/** Any command module: the one list in `commands/index.ts` holds both kinds. */
export type Command = SlashCommand | MessageCommand;

export function isMessageCommand(command: Command): command is MessageCommand {
  return command.definition.type === ApplicationCommandType.Message;
}

/** Shorthand for a notice. */
export function notice(text: string): CommandResult {
  return { kind: 'notice', text };
}
