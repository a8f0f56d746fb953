/**
 * An in-process fake of Discord for end-to-end tests: the HTTP API (v10) and the gateway
 * WebSocket, served by one `node:http` server on 127.0.0.1.
 *
 * It is faithful where discord.js 14 and the bot can notice: URL shapes, status codes,
 * Discord-style error bodies, the exactly-once interaction acknowledgement, rate-limit
 * headers, gateway sequencing and RESUME, a rejected token (401 on REST, close 4004 on IDENTIFY)
 * and refused intents (4013, 4014). It validates payload limits (content length,
 * embeds, autocomplete choices, command names) so that tests catch what Discord would reject.
 * For adding articles: files a member attaches to a slash command, served at their attachment
 * URL; message commands on a member's message; guild roles held by members.
 *
 * This file is the entry: the {@link FakeDiscord} a test drives, over the parts in `./fakeDiscord/`:
 * `rest.ts` (the HTTP routes the bot calls), `gateway.ts` (the WebSocket), `interactions.ts` and
 * `messages.ts` (interactions and the replies recorded), `validation.ts` (Discord's limits),
 * `guild.ts` (the bot, guild, members, messages and commands), `interactionInputs.ts` and
 * `contextMenu.ts` (building what a member triggers), `attachments.ts`, `http.ts`, `waiting.ts`.
 *
 * @example
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase } });
 * await client.login('fake-token');
 * const interaction = fake.dispatchInteraction(slashCommand('ask', { question: 'Who?' }));
 * const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  GatewayDispatchEvents,
  type APIApplicationCommand,
  type APIAttachment,
  type APIInteraction,
  type APIMessage,
  type APIRole,
  type APIUser,
  type ChannelType,
  type APIGuildTextChannel,
  type GatewayDispatchPayload,
  type GatewayIdentifyData,
  type Snowflake,
} from 'discord-api-types/v10';
import { AttachmentFiles, type UploadOptions } from './fakeDiscord/attachments.js';
import { nextSnowflake } from './fakeDiscord/discordValues.js';
import { FakeGateway } from './fakeDiscord/gateway.js';
import { FakeGuild } from './fakeDiscord/guild.js';
import { FakeInteractions } from './fakeDiscord/interactions.js';
import { FakeRest } from './fakeDiscord/rest.js';
import type {
  FakeDiscordOptions,
  FakeInteractionInput,
  InjectedFailure,
  RecordedGatewayClose,
  RecordedRequest,
  RecordedResume,
  UnrecoverableCloseCode,
} from './fakeDiscord/types.js';
import { Waiters } from './fakeDiscord/waiting.js';

export { attachmentCommand, messageCommand } from './fakeDiscord/contextMenu.js';
export { autocomplete, buttonPress, slashCommand } from './fakeDiscord/interactionInputs.js';
export { DISCORD_LIMITS } from './fakeDiscord/validation.js';
export type { UploadOptions } from './fakeDiscord/attachments.js';
export type {
  CommandOptionsInput,
  FakeDiscordOptions,
  FakeInteractionInput,
  InjectedFailure,
  InteractionContext,
  RecordedFile,
  RecordedGatewayClose,
  RecordedRequest,
  RecordedResume,
  UnrecoverableCloseCode,
} from './fakeDiscord/types.js';

const TEN_MEBIBYTES = 10 * 1024 * 1024;

/** Starts a fake Discord on an ephemeral 127.0.0.1 port. Call {@link FakeDiscord.close} when done. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = new FakeDiscord(options);
  await fake.listen();
  return fake;
}

/**
 * A running fake Discord. Create it with {@link startFakeDiscord}.
 *
 * The fixture world is one bot (whose user id is also the application id), one guild with one
 * text channel, and one human member who triggers interactions unless told otherwise.
 */
export class FakeDiscord {
  /** The bot user, as sent in READY. Its id is also the application id. */
  readonly botUser: APIUser;
  /** The human user who triggers interactions by default. */
  readonly user: APIUser;
  readonly guildId: Snowflake;
  readonly textChannel: APIGuildTextChannel<ChannelType.GuildText>;
  /** Every HTTP request answered so far, in order. */
  readonly requests: RecordedRequest[];
  /** Every IDENTIFY payload received, in order. */
  readonly identifies: GatewayIdentifyData[];
  /** Every RESUME received, in order. */
  readonly resumes: RecordedResume[];
  /** Every gateway connection the fake closed (refused IDENTIFYs, drops), in order. */
  readonly gatewayCloses: RecordedGatewayClose[];

  private readonly guild: FakeGuild;
  private readonly gateway: FakeGateway;
  private readonly interactions: FakeInteractions;
  private readonly rest: FakeRest;
  private readonly attachmentFiles = new AttachmentFiles(() => this.origin);
  private readonly waiters = new Waiters();
  private readonly httpServer: Server;
  private readonly openSockets = new Set<Socket>();
  private port = 0;
  private closed = false;

  /** @internal Use {@link startFakeDiscord}. */
  constructor(options: FakeDiscordOptions) {
    const onChange = (): void => this.waiters.settle();
    const gatewayUrl = (): string => this.gatewayUrl;
    const origin = (): string => this.origin;
    this.guild = new FakeGuild(options.botUsername ?? 'Dossier', options.guildName ?? 'Dossier Test Guild');
    this.gateway = new FakeGateway(this.guild, {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      acceptedToken: options.token,
      privilegedIntents: options.privilegedIntents ?? 0,
      gatewayUrl,
      onChange,
    });
    this.interactions = new FakeInteractions(this.guild, {
      ackDeadlineMs: options.interactionAckDeadlineMs ?? 3_000,
      attachmentSizeLimit: options.attachmentSizeLimit ?? TEN_MEBIBYTES,
      origin,
    });
    this.rest = new FakeRest(this.guild, this.interactions, this.attachmentFiles, {
      acceptedToken: options.token,
      applicationCommandsScope: options.applicationCommandsScope ?? true,
      origin,
      gatewayUrl,
      onChange,
    });
    ({ botUser: this.botUser, user: this.user, guildId: this.guildId, textChannel: this.textChannel } = this.guild);
    ({ requests: this.requests } = this.rest);
    ({ identifies: this.identifies, resumes: this.resumes, gatewayCloses: this.gatewayCloses } = this.gateway);
    this.httpServer = createServer((request, response) => void this.rest.handle(request, response));
    this.httpServer.on('connection', (socket) => {
      this.openSockets.add(socket);
      socket.once('close', () => this.openSockets.delete(socket));
    });
    this.httpServer.on('upgrade', (request, socket, head) => this.gateway.handleUpgrade(request, socket, head));
  }

  /** @internal Called by {@link startFakeDiscord}. */
  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.httpServer.address() as AddressInfo).port;
  }

  /** Pass to discord.js as `rest: { api }`; @discordjs/rest appends `/v10`. */
  get apiBase(): string {
    return `${this.origin}/api`;
  }

  /** The gateway URL announced by `GET /gateway/bot` and as `resume_gateway_url`. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The application id, which equals the bot user's id. */
  get applicationId(): Snowflake {
    return this.guild.applicationId;
  }

  private get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  // -------------------------------------------------------------------------
  // Test helpers
  // -------------------------------------------------------------------------

  /** Resolves with the latest IDENTIFY once READY has been sent for it (immediately if it has). */
  waitForReady(timeoutMs = 5_000): Promise<GatewayIdentifyData> {
    return this.waiters.waitFor('READY to be sent', timeoutMs, () => this.gateway.readyIdentify());
  }

  /**
   * Resolves with the first RESUME received since the last {@link dropGatewayConnection} (or since
   * start), after the missed dispatches were replayed and RESUMED was sent.
   */
  waitForResume(timeoutMs = 5_000): Promise<RecordedResume> {
    return this.waiters.waitFor('a RESUME', timeoutMs, () => this.gateway.resumeSinceLastDrop());
  }

  /** Resolves with the first recorded request, past or future, that matches `predicate`. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    return this.waiters.waitFor('a matching request', timeoutMs, () => this.requests.find(predicate));
  }

  /** Recorded requests whose path contains the interaction's id or token, in order. */
  requestsFor(interaction: Pick<APIInteraction, 'id' | 'token'>): RecordedRequest[] {
    return this.requests.filter((request) => request.path.includes(interaction.id) || request.path.includes(interaction.token));
  }

  /** The messages an interaction produced as they are now: original response first, then follow-ups. */
  messagesFor(interaction: Pick<APIInteraction, 'id'>): APIMessage[] {
    return this.interactions.messagesFor(interaction);
  }

  /**
   * Creates a role in the guild (sent in GUILD_CREATE, or as GUILD_ROLE_CREATE once connected);
   * give its id to an interaction's `roles`.
   */
  createRole(name: string, permissions = 0n): APIRole {
    const role = this.guild.addRole(name, permissions);
    if (this.gateway.hasSession) this.dispatch(GatewayDispatchEvents.GuildRoleCreate, { guild_id: this.guildId, role });
    return role;
  }

  /**
   * A file a member attached to a slash command: the fake serves its bytes at the attachment's
   * `url`; pass the attachment to {@link attachmentCommand}.
   */
  uploadAttachment(filename: string, bytes: Uint8Array | string, options: UploadOptions = {}): APIAttachment {
    const content = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    return this.attachmentFiles.add(nextSnowflake(), this.textChannel.id, filename, content, options);
  }

  /** A message a member posted in the channel (stored, not dispatched: the bot has no message intents), for {@link messageCommand}. */
  postMessage(content: string, userId: Snowflake = this.user.id): APIMessage {
    return this.guild.postMessage(content, userId);
  }

  /** Commands registered by bulk overwrite, globally or for `guildId`. */
  registeredCommands(guildId?: Snowflake): APIApplicationCommand[] {
    return this.guild.commandsByScope.get(guildId ?? 'global') ?? [];
  }

  /** Makes the next `times` requests matching `failure` fail with a 429 or a 500. */
  failNext(failure: InjectedFailure): void {
    this.rest.failNext(failure);
  }

  /**
   * Closes the gateway socket with `code`. With the default resumable 4000 (Unknown error)
   * discord.js reconnects to `resume_gateway_url` and sends RESUME about 500 ms later. With 1006
   * the TCP connection is cut without a close frame, as a network failure does (the client sees
   * 1006 Abnormal Closure). With an {@link UnrecoverableCloseCode} (say 4004 after the token was
   * reset) the client must not reconnect.
   */
  dropGatewayConnection(code = 4000): void {
    this.gateway.drop(code);
  }

  /**
   * Closes every following IDENTIFY with `code`, as Discord does when the bot cannot be let in
   * (4014: it asks for a privileged intent not enabled for it; 4011: it must shard…); `undefined`
   * lets IDENTIFYs through again. The token and intent checks apply first.
   */
  refuseIdentify(code: UnrecoverableCloseCode | undefined): void {
    this.gateway.refuseIdentify(code);
  }

  /** Resolves with the first gateway close the fake made, past or future, that matches `predicate`. */
  waitForGatewayClose(predicate: (close: RecordedGatewayClose) => boolean = () => true, timeoutMs = 5_000): Promise<RecordedGatewayClose> {
    return this.waiters.waitFor('a gateway close', timeoutMs, () => this.gatewayCloses.find(predicate));
  }

  /**
   * Sends a dispatch on the gateway session. While the client is disconnected it is only logged,
   * and replayed when the client resumes. Returns the dispatch's sequence number.
   */
  dispatch<Event extends GatewayDispatchPayload['t']>(event: Event, data: Extract<GatewayDispatchPayload, { t: Event }>['d']): number {
    return this.gateway.dispatch(event, data);
  }

  /**
   * Completes `input` into a realistic guild interaction, sends it as INTERACTION_CREATE and
   * returns it, so tests can find its requests by id or token. The 3-second acknowledgement
   * window starts now.
   */
  dispatchInteraction(input: FakeInteractionInput): APIInteraction {
    const interaction = this.interactions.start(input);
    this.dispatch(GatewayDispatchEvents.InteractionCreate, interaction);
    return interaction;
  }

  /** Closes sockets, the gateway and the HTTP server, and rejects pending waits. Never hangs. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.waiters.close();
    this.gateway.close();
    for (const socket of this.openSockets) socket.destroy();
    await new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
  }
}
