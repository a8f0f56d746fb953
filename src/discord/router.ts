/**
 * The interaction router: owns what every command shares. It defers before any work, sends
 * exactly one acknowledgement per interaction, maps expected outcomes to short ephemeral notices
 * and unexpected errors to a generic message with an error id, applies cooldowns, and tracks
 * interactions in flight so that shutdown can wait for them.
 */
import { randomUUID } from 'node:crypto';
import {
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { Logger } from '../log.js';
import { isMessageCommand, type Command, type CommandContext, type CommandHandler, type CommandResult, type MessageCommand, type SlashCommand } from './command.js';
import type { Cooldown } from './cooldown.js';
import { followUp, respond, respondChoices, updateMessage } from './send.js';

export interface RouterOptions {
  /** Slash commands and message commands (a message command's name may equal a slash command's). */
  readonly commands: readonly Command[];
  /** The context of each interaction, taken when it arrives (so a corpus reload applies to the next one). */
  readonly context: () => CommandContext;
  readonly log: Logger;
  readonly cooldown: Cooldown;
}

export class InteractionRouter {
  private readonly byName: ReadonlyMap<string, SlashCommand>;
  private readonly messageCommandsByName: ReadonlyMap<string, MessageCommand>;
  private readonly inFlight = new Set<Promise<void>>();
  private accepting = true;

  constructor(private readonly options: RouterOptions) {
    this.byName = new Map(options.commands.flatMap((command) => (isMessageCommand(command) ? [] : [[command.definition.name, command] as const])));
    this.messageCommandsByName = new Map(options.commands.flatMap((command) => (isMessageCommand(command) ? [[command.definition.name, command] as const] : [])));
  }

  /** Handles one interaction; never throws (errors are logged and answered). */
  handle(interaction: Interaction): Promise<void> {
    if (!this.accepting) {
      this.options.log.info({ interactionId: interaction.id }, 'shutting down: interaction ignored');
      return Promise.resolve();
    }
    const work = this.dispatch(interaction).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
    return work;
  }

  /** Stops taking interactions and waits for those in flight, at most `timeoutMs`. */
  async drain(timeoutMs: number): Promise<{ unfinished: number }> {
    this.accepting = false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.inFlight]), timeout]);
    clearTimeout(timer);
    return { unfinished: this.inFlight.size };
  }

  private async dispatch(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const log = this.options.log.child({ interactionId: interaction.id, userId: interaction.user.id });
    try {
      if (interaction.isChatInputCommand()) await this.runCommand(interaction, this.byName.get(interaction.commandName), log);
      else if (interaction.isAutocomplete()) await this.runAutocomplete(interaction);
      else if (interaction.isButton()) await this.runButton(interaction, log);
      else if (interaction.isMessageContextMenuCommand()) await this.runCommand(interaction, this.messageCommandsByName.get(interaction.commandName), log);
      log.info({ kind: interactionKind(interaction), ms: Math.round(performance.now() - started) }, 'interaction handled');
    } catch (error) {
      await this.recover(interaction, error, log);
    }
  }

  private async runCommand<Invocation extends ChatInputCommandInteraction | MessageContextMenuCommandInteraction>(
    interaction: Invocation,
    command: CommandHandler<Invocation> | undefined,
    log: Logger,
  ): Promise<void> {
    if (!command) {
      await respond(interaction, { content: 'This command is not available any more.', ephemeral: true });
      return;
    }
    if (command.cooldown) {
      const wait = this.options.cooldown.take(interaction.user.id);
      if (wait > 0) {
        await respond(interaction, { content: `You are asking quickly: try again in ${wait} s.`, ephemeral: true });
        return;
      }
    }
    const { ephemeral } = command.deferral(interaction);
    // Discord allows 3 s for the first response: acknowledge before any work.
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    log.debug({ command: interaction.commandName }, 'deferred');
    await this.deliver(interaction, await command.execute(interaction, this.options.context()), ephemeral);
  }

  private async runAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = this.byName.get(interaction.commandName);
    await respondChoices(interaction, command?.autocomplete?.(interaction, this.options.context()) ?? []);
  }

  private async runButton(interaction: ButtonInteraction, log: Logger): Promise<void> {
    const [commandName = '', action = '', ...args] = interaction.customId.split(':');
    const command = this.byName.get(commandName);
    if (!command?.button) {
      await respond(interaction, { content: 'This button no longer works.', ephemeral: true });
      return;
    }
    log.debug({ customId: interaction.customId }, 'button');
    if (command.defersButton?.(action) === true) {
      // Slow work (removing an article): acknowledge within Discord's 3 s, then edit the message.
      await interaction.deferUpdate();
      const result = await command.button(interaction, action, args, this.options.context());
      // Editing would replace the message the button is on: a notice goes to who pressed, alone.
      if (result.kind === 'notice') return followUp(interaction, { content: result.text, ephemeral: true });
      return this.deliver(interaction, result, true);
    }
    const result = await command.button(interaction, action, args, this.options.context());
    await this.deliver(interaction, result, true);
  }

  /** Sends a handler's result as the interaction's one acknowledgement (or the edit of it). */
  private async deliver(interaction: RepliableInteraction, result: CommandResult, deferredEphemeral: boolean): Promise<void> {
    switch (result.kind) {
      case 'message':
        return respond(interaction, result.message);
      case 'update':
        if (interaction.isMessageComponent()) return updateMessage(interaction, result.message);
        return respond(interaction, result.message);
      case 'followUp':
        if (interaction.deferred || interaction.replied) return followUp(interaction, result.message);
        return respond(interaction, result.message);
      case 'notice':
        // A public "thinking…" cannot turn private: remove it and tell only the user.
        if (interaction.deferred && !deferredEphemeral) {
          await interaction.deleteReply();
          return followUp(interaction, { content: result.text, ephemeral: true });
        }
        return respond(interaction, { content: result.text, ephemeral: true });
    }
  }

  private async recover(interaction: Interaction, error: unknown, log: Logger): Promise<void> {
    if (error instanceof DiscordAPIError && (error.code === RESTJSONErrorCodes.UnknownInteraction || error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)) {
      // Too late or already answered: retrying would fail the same way.
      log.warn({ code: error.code, kind: interactionKind(interaction) }, 'interaction could not be answered');
      return;
    }
    const errorId = randomUUID().slice(0, 8);
    log.error({ err: error, errorId, kind: interactionKind(interaction) }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    try {
      const message = { content: `Something went wrong on our side (error id \`${errorId}\`). Please try again.`, ephemeral: true };
      // The first follow-up after a deferral becomes the deferred message and keeps its visibility
      // (https://github.com/discord/discord-api-docs/pull/3466): remove a public "thinking…" first.
      if (interaction.deferred && !interaction.replied && !interaction.ephemeral) await interaction.deleteReply();
      if (interaction.deferred || interaction.replied) await followUp(interaction, message);
      else await respond(interaction, message);
    } catch (reportError) {
      log.warn({ err: reportError, errorId }, 'could not report the error to the user');
    }
  }
}

function interactionKind(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return `/${interaction.commandName}`;
  if (interaction.isAutocomplete()) return `autocomplete /${interaction.commandName}`;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  if (interaction.isMessageContextMenuCommand()) return `message command ${interaction.commandName}`;
  return `type ${interaction.type}`;
}
