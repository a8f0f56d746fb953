/**
 * The gateway connection, told in the log, and the problems no retry can fix.
 *
 * discord.js 14 (through @discordjs/ws) resumes or reconnects by itself after any close of the
 * gateway but six: 4004 (authentication failed), 4010 (invalid shard), 4011 (sharding required),
 * 4012 (invalid API version), 4013 (invalid intents) and 4014 (disallowed intents). After those it
 * emits `shardDisconnect` and stays disconnected for good; during `login()` the same closes make
 * `login()` reject. A token Discord rejects outright fails earlier: `GET /gateway/bot` answers
 * 401 and `login()` rejects with `TokenInvalid` before any connection. Either way the process
 * could only sit there: {@link describeClose} and {@link describeStartFailure} say what to fix,
 * and the bot exits non-zero so that a supervisor shows (or restarts) it.
 * https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes
 */
import { DiscordAPIError, DiscordjsErrorCodes, Events, GatewayCloseCodes, RESTJSONErrorCodes, type Client, type WebSocketShard } from 'discord.js';
import type { Logger } from '../log.js';

/** A problem that stops the bot for good, with what the operator should do about it. */
export interface Unrecoverable {
  /** What happened, e.g. `DISCORD_TOKEN was rejected by Discord (401 Unauthorized at login)`. */
  readonly reason: string;
  /** What to change before starting again. */
  readonly fix: string;
  /** The gateway close code, when the gateway closed. */
  readonly closeCode?: number;
  readonly shardId?: number;
}

/** Thrown by `startBot` when it could not start for an {@link Unrecoverable} reason. */
export class UnrecoverableError extends Error {
  constructor(readonly problem: Unrecoverable) {
    super(describeUnrecoverable(problem));
    this.name = 'UnrecoverableError';
  }
}

/** The one line that says what happened and what to do: `reason: fix`. */
export function describeUnrecoverable(problem: Unrecoverable): string {
  return `${problem.reason}: ${problem.fix}`;
}

const TOKEN_FIX =
  'copy the bot token again from the Developer Portal (your application → Bot → Reset Token) into DISCORD_TOKEN in .env and start again; ' +
  'it is the Bot token, not the Application ID or the OAuth2 client secret';

/** What each close code that discord.js will not recover from means for Dossier. */
const UNRECOVERABLE_CLOSES: Readonly<Record<number, { readonly reason: string; readonly fix: string }>> = {
  [GatewayCloseCodes.AuthenticationFailed]: {
    reason: 'DISCORD_TOKEN was rejected by the gateway (close code 4004, authentication failed: the token is wrong or was reset)',
    fix: TOKEN_FIX,
  },
  [GatewayCloseCodes.DisallowedIntents]: {
    reason: 'Discord refused the gateway intents (close code 4014, disallowed intents)',
    fix:
      'the bot asked for a privileged intent that is not enabled for it. Dossier asks for the Guilds intent only, which is not privileged and needs no switch in the Developer Portal: ' +
      'rebuild from an unmodified checkout (npm start builds), or, if you added an intent to the code, enable it under Bot → Privileged Gateway Intents',
  },
  [GatewayCloseCodes.InvalidIntents]: {
    reason: 'Discord rejected the gateway intents as invalid (close code 4013)',
    fix: 'the intents value is not a valid bit set. Dossier sends the Guilds intent only (1): rebuild from an unmodified checkout (npm ci, then npm start)',
  },
  [GatewayCloseCodes.InvalidShard]: {
    reason: 'Discord rejected the shard (close code 4010, invalid shard)',
    fix: 'the shard id or count is wrong: unset SHARDS to run one process, or set SHARDS=auto (or a number of shards) and let npm start run the shards; do not start a shard process by hand',
  },
  [GatewayCloseCodes.ShardingRequired]: {
    reason: 'Discord requires sharding (close code 4011): the bot is in too many servers for one connection',
    fix: 'set SHARDS=auto in .env (or a larger number of shards); see SHARDS under "Settings" in the README',
  },
  [GatewayCloseCodes.InvalidAPIVersion]: {
    reason: 'Discord rejected the gateway API version (close code 4012)',
    fix: 'this discord.js speaks a gateway version Discord no longer accepts: update discord.js (npm install discord.js@14) and start again; with DISCORD_API_BASE set, check the proxy too',
  },
};

/** Names for the close codes that are not Discord's own. */
const WEBSOCKET_CLOSE_NAMES: Readonly<Record<number, string>> = {
  1000: 'normal closure',
  1001: 'going away',
  1006: 'connection lost',
  1011: 'server error',
  4200: 'resuming',
};

/** A close code's name, for the log: `UnknownError`, `SessionTimedOut`, `connection lost`… */
export function closeCodeName(code: number): string {
  return (GatewayCloseCodes as unknown as Record<number, string | undefined>)[code] ?? WEBSOCKET_CLOSE_NAMES[code] ?? 'unknown';
}

/** What a close after which discord.js does not reconnect means, and what to do. */
export function describeClose(closeCode: number, shardId: number): Unrecoverable {
  const known = UNRECOVERABLE_CLOSES[closeCode];
  if (known) return { ...known, closeCode, shardId };
  return {
    reason: `the gateway closed with code ${closeCode} (${closeCodeName(closeCode)}) and discord.js will not reconnect`,
    fix: 'start the bot again; if it keeps happening, look the code up in https://discord.com/developers/docs/topics/opcodes-and-status-codes',
    closeCode,
    shardId,
  };
}

/**
 * What a failed `login()` or command registration means, when nothing but the operator can fix it:
 * a rejected token, or a server that does not let the application register its commands.
 * Undefined for anything a restart might cure (a network error, a 5xx).
 */
export function describeStartFailure(error: unknown, context: { readonly guildId?: string } = {}): Unrecoverable | undefined {
  if (isRecord(error) && error['code'] === DiscordjsErrorCodes.TokenInvalid) {
    return { reason: 'DISCORD_TOKEN was rejected by Discord (401 Unauthorized at login)', fix: TOKEN_FIX };
  }
  if (!(error instanceof DiscordAPIError)) return undefined;
  if (error.status === 401) return { reason: `DISCORD_TOKEN was rejected by Discord (401 Unauthorized on ${error.method} ${routeOf(error.url)})`, fix: TOKEN_FIX };
  const cannotRegister = error.code === RESTJSONErrorCodes.MissingAccess || error.code === RESTJSONErrorCodes.UnknownGuild;
  if (cannotRegister && context.guildId !== undefined && /\/commands$/.test(routeOf(error.url))) {
    return {
      reason: `Discord refused to register the commands to the server DISCORD_GUILD_ID=${context.guildId} (${error.status} ${error.message})`,
      fix:
        'invite the bot to that server again with the scopes bot and applications.commands (Developer Portal → OAuth2 → URL Generator), ' +
        'or correct DISCORD_GUILD_ID (Developer Mode → right-click the server → Copy Server ID), or leave it empty to use global commands (npm run deploy:commands)',
    };
  }
  return undefined;
}

/** A request URL's path, without the host or any query. */
function routeOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export interface GatewayWatch {
  /** The first unrecoverable close seen, if any. */
  readonly unrecoverable: Unrecoverable | undefined;
  /** Call before destroying the client: the closes that follow are the bot's own, not news. */
  markStopping(): void;
}

/**
 * Logs the gateway's life: `gateway ready` (info), `gateway connection closed; reconnecting`
 * (warn, with the close code when known), `gateway session resumed` (info), `gateway error`
 * (error). A close discord.js will not recover from is handed to `onUnrecoverable` (once per
 * close), which is expected to log it and stop the bot.
 */
export function watchGateway(client: Client, log: Logger, onUnrecoverable: (problem: Unrecoverable) => void): GatewayWatch {
  const lastCloseCode = new Map<number, number>();
  const watchedShards = new WeakSet<WebSocketShard>();
  let stopping = false;
  let unrecoverable: Unrecoverable | undefined;

  // discord.js reports a reconnection without its close code; the shard's own `close` event has it.
  // Shards exist once the client connects, so the listener is added when one is first heard of.
  const watchShard = (shardId: number): void => {
    const shard = client.ws.shards.get(shardId);
    if (!shard || watchedShards.has(shard)) return;
    watchedShards.add(shard);
    shard.on('close', (event) => lastCloseCode.set(shardId, event.code));
  };

  client.on(Events.ShardReady, (shardId, unavailableGuilds) => {
    watchShard(shardId);
    log.info({ shardId, ...(unavailableGuilds?.size ? { unavailableGuilds: unavailableGuilds.size } : {}) }, 'gateway ready');
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    // client.destroy() closes with 1000, which discord.js also reports as "reconnecting".
    if (stopping) return;
    watchShard(shardId);
    const closeCode = lastCloseCode.get(shardId);
    lastCloseCode.delete(shardId);
    log.warn({ shardId, ...(closeCode === undefined ? {} : { closeCode, closeName: closeCodeName(closeCode) }) }, 'gateway connection closed; reconnecting');
  });
  client.on(Events.ShardResume, (shardId, replayedEvents) => log.info({ shardId, replayedEvents }, 'gateway session resumed'));
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (stopping) return;
    const problem = describeClose(event.code, shardId);
    unrecoverable ??= problem;
    onUnrecoverable(problem);
  });
  client.on(Events.ShardError, (error, shardId) => {
    // After an unrecoverable close @discordjs/ws also emits an error ("Authentication failed"):
    // the fatal line already says it, with the fix.
    if (unrecoverable?.shardId === shardId) return;
    log.error({ shardId, err: error }, 'gateway error');
  });

  return {
    get unrecoverable() {
      return unrecoverable;
    },
    markStopping() {
      stopping = true;
    },
  };
}
