/**
 * The Discord gateway client: connects with the `Guilds` intent only, registers the commands to
 * the test guild when one is configured, routes interactions, and shuts down gracefully.
 */
import { Client, Events, GatewayIntentBits, REST } from 'discord.js';
import { commands } from '../../commands/index.js';
import type { CorpusIndex } from '../core/index.js';
import type { Logger } from '../log.js';
import { Cooldown } from './cooldown.js';
import { deployCommands } from './deploy.js';
import { InteractionRouter } from './router.js';

export interface BotOptions {
  readonly token: string;
  readonly index: CorpusIndex;
  readonly log: Logger;
  readonly apiBase?: string;
  readonly clientId?: string;
  readonly guildId?: string;
  /** Whether to register the commands to `guildId` (default true; among shards, only the first does). */
  readonly registerGuildCommands?: boolean;
}

export interface RunningBot {
  /** Stops taking interactions, finishes those in flight (at most `timeoutMs`), disconnects. */
  stop(timeoutMs: number): Promise<void>;
}

/** Logs in and starts answering. Resolves once the client is ready (and guild commands are registered). */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { log } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...(options.apiBase ? { rest: { api: options.apiBase } } : {}) });
  const router = new InteractionRouter({ commands, context: { index: options.index }, log, cooldown: new Cooldown() });

  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'client warning'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway session resumed'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'gateway disconnected'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token);
  await ready;
  const applicationId = options.clientId ?? client.application?.id ?? client.user?.id;
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
  if (options.guildId && applicationId && options.registerGuildCommands !== false) {
    const rest = new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
    await deployCommands(rest, applicationId, options.guildId);
    log.info({ guildId: options.guildId, commands: commands.length }, 'commands registered to the guild');
  }

  return {
    async stop(timeoutMs) {
      const { unfinished } = await router.drain(timeoutMs);
      if (unfinished > 0) log.warn({ unfinished }, 'stopped with interactions still in flight');
      await client.destroy();
      log.info('disconnected from Discord');
    },
  };
}
