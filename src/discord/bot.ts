/**
 * The Discord gateway client: connects with the `Guilds` intent only, registers the commands to
 * the test guild when one is configured, routes interactions, and shuts down gracefully. The
 * gateway's events are logged (`./gateway.ts`); a rejected token or refused intents, at start-up
 * or later, stop it with a fatal line that says what to fix.
 */
import { Client, Events, GatewayIntentBits, REST, Status } from 'discord.js';
import { commands } from '../../commands/index.js';
import type { CorpusIndex, WordVectors } from '../core/index.js';
import type { ArticleAdder } from '../corpus/addArticle.js';
import type { ReloadReport, ReloadTrigger } from '../corpus/liveCorpus.js';
import type { Logger } from '../log.js';
import type { QuestionMemory } from '../questionMemory.js';
import type { AddingContext, BotOperations, GatewayState } from './command.js';
import { Cooldown } from './cooldown.js';
import { registerCommands } from './registerCommands.js';
import { UnrecoverableError, describeStartFailure, describeUnrecoverable, watchGateway, type Unrecoverable } from './gateway.js';
import { InteractionRouter } from './router.js';

export interface BotOptions {
  readonly token: string;
  /** The corpus in service; a reload swaps its index between interactions. */
  readonly corpus: ServedCorpus;
  /** Dossier's version, for `/status`. */
  readonly version: string;
  /** Adds articles for `/add` and Add to Dossier; without it, those commands say adding is not set up. */
  readonly adder?: ArticleAdder;
  /** Roles whose members may add, besides those who can manage the server (`ADD_ROLES`). Default none. */
  readonly addRoleIds?: readonly string[];
  /** Records questions and votes, and answers `/gaps`; without it (`RECORD_QUESTIONS=off`) nothing is recorded and answers carry no vote buttons. */
  readonly memory?: QuestionMemory;
  /** Word vectors for related words in answers; without them, `/ask` answers without related words. */
  readonly wordVectors?: WordVectors;
  readonly log: Logger;
  readonly apiBase?: string;
  readonly clientId?: string;
  readonly guildId?: string;
  /** Whether to register the commands to `guildId` (default true; among shards, only the first does). */
  readonly registerGuildCommands?: boolean;
  /**
   * Called once the bot has stopped for a reason no retry can fix (a rejected token, refused
   * intents, a server that will not take the commands), at start-up or later, after the fatal line
   * saying what to fix was logged: the caller should exit non-zero. At start-up `startBot` then
   * rejects with an {@link UnrecoverableError}, unless the callback has exited.
   */
  readonly onUnrecoverable?: (problem: Unrecoverable) => void;
}

/** What the bot needs of the corpus: {@link LiveCorpus} provides it. */
export interface ServedCorpus {
  readonly index: CorpusIndex;
  readonly lastReload: ReloadReport;
  readonly watching: boolean;
  reload(trigger: ReloadTrigger): Promise<ReloadReport>;
}

export interface RunningBot {
  /** Stops taking interactions, finishes those in flight (at most `timeoutMs`), disconnects. */
  stop(timeoutMs: number): Promise<void>;
}

/** How long replies in flight may take to finish when the bot stops for an unrecoverable reason. */
const UNRECOVERABLE_STOP_TIMEOUT_MS = 3_000;

/** Logs in and starts answering. Resolves once the client is ready (and guild commands are registered). */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { log } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...(options.apiBase ? { rest: { api: options.apiBase } } : {}) });
  const { corpus } = options;
  const startedAt = new Date();
  const operations: BotOperations = {
    status: () => ({ version: options.version, startedAt, index: corpus.index, lastReload: corpus.lastReload, watchingCorpus: corpus.watching, gateway: gatewayState(client) }),
    reloadCorpus: () => corpus.reload('command'),
  };
  const adding: AddingContext | undefined = options.adder ? { adder: options.adder, roleIds: options.addRoleIds ?? [] } : undefined;
  const router = new InteractionRouter({
    commands,
    context: () => ({
      index: corpus.index,
      operations,
      ...(adding ? { adding } : {}),
      ...(options.memory ? { memory: options.memory } : {}),
      ...(options.wordVectors ? { wordVectors: options.wordVectors } : {}),
    }),
    log,
    cooldown: new Cooldown(),
  });

  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'client warning'));

  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    rejectReady = reject;
  });
  // Awaited only after login(): a failure while login() is still running must not count as unhandled.
  ready.catch(() => undefined);

  let stopping: Promise<void> | undefined;
  const stop = (timeoutMs: number): Promise<void> => {
    stopping ??= (async () => {
      gateway.markStopping();
      const { unfinished } = await router.drain(timeoutMs);
      if (unfinished > 0) log.warn({ unfinished }, 'stopped with interactions still in flight');
      await client.destroy();
      log.info('disconnected from Discord');
    })();
    return stopping;
  };
  /** Says what to fix, stops (finishing replies in flight, briefly), then lets the caller exit. */
  let failing: Promise<void> | undefined;
  const fail = (problem: Unrecoverable): Promise<void> => {
    failing ??= (async () => {
      log.fatal(
        { ...(problem.shardId === undefined ? {} : { shardId: problem.shardId }), ...(problem.closeCode === undefined ? {} : { closeCode: problem.closeCode }) },
        describeUnrecoverable(problem),
      );
      rejectReady(new UnrecoverableError(problem));
      await stop(UNRECOVERABLE_STOP_TIMEOUT_MS);
      options.onUnrecoverable?.(problem);
    })();
    return failing;
  };
  const gateway = watchGateway(client, log, (problem) => void fail(problem));

  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    const problem = gateway.unrecoverable ?? describeStartFailure(error);
    if (problem === undefined) {
      await stop(0);
      throw error;
    }
    await fail(problem);
    throw new UnrecoverableError(problem);
  }
  // The token's own application: a DISCORD_CLIENT_ID of another application could not register.
  const applicationId = client.application?.id ?? options.clientId ?? client.user?.id;
  if (options.clientId !== undefined && applicationId !== undefined && options.clientId !== applicationId) {
    log.warn(
      { clientId: options.clientId, applicationId },
      "DISCORD_CLIENT_ID is not the application of DISCORD_TOKEN: using the token's application; correct DISCORD_CLIENT_ID for npm run deploy:commands",
    );
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
  if (options.guildId && applicationId && options.registerGuildCommands !== false) {
    const rest = new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
    let registered: number;
    try {
      registered = await registerCommands(rest, applicationId, options.guildId);
    } catch (error) {
      const problem = describeStartFailure(error, { guildId: options.guildId });
      if (problem === undefined) {
        await stop(0);
        throw error;
      }
      await fail(problem);
      throw new UnrecoverableError(problem);
    }
    log.info({ guildId: options.guildId, commands: registered }, 'commands registered to the guild');
  }

  return { stop };
}

/** The gateway connection as `/status` shows it. */
function gatewayState(client: Client): GatewayState {
  const ping = client.ws.ping;
  return {
    status: GATEWAY_STATUS_NAMES[client.ws.status] ?? `status ${client.ws.status}`,
    ...(ping >= 0 ? { pingMs: ping } : {}),
    shardIds: client.shard?.ids ?? [0],
  };
}

const GATEWAY_STATUS_NAMES: Readonly<Record<number, string>> = {
  [Status.Ready]: 'connected',
  [Status.Connecting]: 'connecting',
  [Status.Reconnecting]: 'reconnecting',
  [Status.Idle]: 'idle',
  [Status.Nearly]: 'almost ready',
  [Status.Disconnected]: 'disconnected',
  [Status.WaitingForGuilds]: 'waiting for servers',
  [Status.Identifying]: 'identifying',
  [Status.Resuming]: 'resuming',
};
