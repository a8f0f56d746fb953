/**
 * An in-process fake of Discord for end-to-end tests: the HTTP API (v10) and the gateway
 * WebSocket, served by one `node:http` server on 127.0.0.1.
 *
 * It is faithful where discord.js 14 and the bot can notice: URL shapes, status codes,
 * Discord-style error bodies, the exactly-once interaction acknowledgement, rate-limit
 * headers, gateway sequencing and RESUME, a rejected token (401 on REST, close 4004 on IDENTIFY)
 * and refused intents (4013, 4014). It validates payload limits (content length,
 * embeds, autocomplete choices, command names) so that tests catch what Discord would reject.
 * For adding articles (`./fakeDiscord/`): files a member attaches to a slash command, served at
 * their attachment URL; message commands on a member's message; guild roles held by members.
 *
 * @example
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase } });
 * await client.login('fake-token');
 * const interaction = fake.dispatchInteraction(slashCommand('ask', { question: 'Who?' }));
 * const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type APIApplication,
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataOption,
  type APIAutocompleteApplicationCommandInteractionData,
  type ApplicationFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type APIAttachment,
  type APIChatInputApplicationCommandInteractionData,
  type APIEmbed,
  type APIGuildMember,
  type APIGuildTextChannel,
  type APIInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentInteractionData,
  type APIMessageApplicationCommandInteractionData,
  type APIMessageInteractionMetadata,
  type APIMessageTopLevelComponent,
  type APIModalSubmission,
  type APIRole,
  type APIUser,
  type GatewayDispatchPayload,
  type GatewayGuildCreateDispatchData,
  type GatewayIdentifyData,
  type GatewayReadyDispatchData,
  type GatewayReceivePayload,
  type GatewayResumeData,
  type RESTGetAPIGatewayBotResult,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIInteractionCallbackWithResponseResult,
  type Snowflake,
} from 'discord-api-types/v10';
import { AttachmentFiles, type RawResponse, type UploadOptions } from './fakeDiscord/attachments.js';
import { validateContextMenuCommand } from './fakeDiscord/contextMenu.js';

export { attachmentCommand, messageCommand } from './fakeDiscord/contextMenu.js';
export type { UploadOptions } from './fakeDiscord/attachments.js';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/** Options for {@link startFakeDiscord}. Every field has a realistic default. */
export interface FakeDiscordOptions {
  /** Heartbeat interval announced in HELLO. discord.js first beats after `interval × random()`. Default 41 250 ms. */
  heartbeatIntervalMs?: number;
  /** How long after dispatch an interaction can still be acknowledged. Default 3 000 ms, as on Discord. */
  interactionAckDeadlineMs?: number;
  /** Largest accepted upload per file, also sent as `attachment_size_limit`. Default 10 MiB. */
  attachmentSizeLimit?: number;
  /** The bot user's username. Default `'Dossier'`. */
  botUsername?: string;
  /** The fake guild's name. Default `'Dossier Test Guild'`. */
  guildName?: string;
  /**
   * The bot token the fake accepts. When set, as on Discord, a request with another bot token gets
   * 401 Unauthorized and an IDENTIFY with another token is closed with 4004 (Authentication
   * failed). Default: any non-empty token.
   */
  token?: string;
  /**
   * The privileged intents enabled for the bot in the Developer Portal, as a bit set
   * (GuildMembers 2, GuildPresences 256, MessageContent 32768). An IDENTIFY asking for another
   * privileged intent is closed with 4014 (Disallowed intents). Default 0: none, as for a new application.
   */
  privilegedIntents?: number;
  /**
   * Whether the application was added to the fake guild with the `applications.commands` scope.
   * When false, the guild's command routes answer 403 Missing Access (50001), as Discord does.
   * Default true.
   */
  applicationCommandsScope?: boolean;
}

/** An uploaded file as recorded by the fake. */
export interface RecordedFile {
  name: string;
  size: number;
}

/** One HTTP request the fake answered, recorded once its response was sent. */
export interface RecordedRequest {
  method: string;
  /** Path without the `/api/v10` prefix, e.g. `/interactions/123/abc/callback`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased request headers, without `authorization`. */
  headers: Record<string, string>;
  /** Whether an `Authorization: Bot <token>` header carried a token the fake accepts (see {@link FakeDiscordOptions.token}). */
  authorized: boolean;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body; `undefined` when empty. */
  body: unknown;
  files: RecordedFile[];
  /** `Date.now()` when the request arrived. */
  at: number;
  /** HTTP status the fake answered with. */
  status: number;
}

/** A fault to inject into upcoming requests; see {@link FakeDiscord.failNext}. */
export interface InjectedFailure {
  /** HTTP method to match (case-insensitive); any method when omitted. */
  method?: string;
  /** Tested against the request path without `/api/v10`. */
  pathPattern: RegExp;
  status: 429 | 500;
  /** Seconds to wait before retrying, for 429s. Default 0.1. */
  retryAfter?: number;
  /** How many matching requests fail. Default 1. */
  times?: number;
}

/** A RESUME the gateway received. */
export interface RecordedResume {
  sessionId: string;
  seq: number;
  /** False when the session was unknown or not resumable and INVALID_SESSION was sent. */
  accepted: boolean;
  at: number;
}

/** A gateway connection the fake closed, with the close code the client saw. */
export interface RecordedGatewayClose {
  /** 1006 when the connection was cut without a close frame ({@link FakeDiscord.dropGatewayConnection} with 1006). */
  code: number;
  reason: string;
  at: number;
}

/** Close codes Discord sends after which a client must not reconnect: the fix is on the bot's side. */
export type UnrecoverableCloseCode = 4004 | 4010 | 4011 | 4012 | 4013 | 4014;

/** Who triggers an interaction and where; every field defaults to the fake's user, guild and channel. */
export interface InteractionContext {
  userId?: Snowflake;
  locale?: Locale;
  /** The member's permissions in the channel (a bit set, as Discord sends it). Default: an ordinary member's. */
  permissions?: bigint;
  /** The member's roles (ids from {@link FakeDiscord.createRole}). Default none. */
  roles?: Snowflake[];
}

type ChatInputData = Omit<APIChatInputApplicationCommandInteractionData, 'id'> & { id?: Snowflake };
type AutocompleteData = Omit<APIAutocompleteApplicationCommandInteractionData, 'id'> & { id?: Snowflake };
type MessageCommandData = Omit<APIMessageApplicationCommandInteractionData, 'id'> & { id?: Snowflake };

/** What {@link FakeDiscord.dispatchInteraction} needs; it fills in everything else. */
export type FakeInteractionInput =
  | (InteractionContext & { type: InteractionType.ApplicationCommand; data: ChatInputData | MessageCommandData })
  | (InteractionContext & { type: InteractionType.ApplicationCommandAutocomplete; data: AutocompleteData })
  | (InteractionContext & {
      type: InteractionType.MessageComponent;
      data: APIMessageComponentInteractionData;
      /** The message carrying the component; a message the fake stored under this id wins. */
      message: Partial<APIMessage> & Pick<APIMessage, 'id'>;
    })
  | (InteractionContext & { type: InteractionType.ModalSubmit; data: APIModalSubmission });

/**
 * Slash-command options: either Discord's option array or a plain record, whose values map to
 * String, Integer (integral numbers), Number (other numbers) and Boolean options.
 */
export type CommandOptionsInput =
  | APIApplicationCommandInteractionDataOption[]
  | Record<string, string | number | boolean>;

// ---------------------------------------------------------------------------
// Interaction builders
// ---------------------------------------------------------------------------

/** Builds a chat-input (slash) command interaction for {@link FakeDiscord.dispatchInteraction}. */
export function slashCommand(
  name: string,
  options: CommandOptionsInput = [],
  context: InteractionContext = {},
): FakeInteractionInput {
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
export function autocomplete(
  name: string,
  options: CommandOptionsInput,
  focusedOptionName: string,
  context: InteractionContext = {},
): FakeInteractionInput {
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

// ---------------------------------------------------------------------------
// Server entry point
// ---------------------------------------------------------------------------

/** Starts a fake Discord on an ephemeral 127.0.0.1 port. Call {@link FakeDiscord.close} when done. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = new FakeDiscord(options);
  await fake.listen();
  return fake;
}

const API_PREFIX = '/api/v10';
const DISCORD_EPOCH = 1_420_070_400_000n;
const GATEWAY_VERSION = 10;
const MAX_CONTENT_LENGTH = 2000;
const TEN_MEBIBYTES = 10 * 1024 * 1024;
/** Close codes from the client after which Discord forgets the session. */
const SESSION_ENDING_CLOSE_CODES = new Set([1000, 1001]);
/** Every intent bit Discord knows; IDENTIFY with any other bit is closed with 4013 (Invalid intents). */
const KNOWN_INTENTS = Object.values(GatewayIntentBits)
  .filter((bit): bit is number => typeof bit === 'number')
  .reduce((all, bit) => all | bit, 0);
const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
/** The reasons Discord gives with each close code the fake sends. */
const CLOSE_REASONS: Readonly<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]: 'Authentication failed.',
  [GatewayCloseCodes.InvalidShard]: 'Invalid shard.',
  [GatewayCloseCodes.ShardingRequired]: 'Sharding required.',
  [GatewayCloseCodes.InvalidAPIVersion]: 'Invalid API version.',
  [GatewayCloseCodes.InvalidIntents]: 'Invalid intent(s).',
  [GatewayCloseCodes.DisallowedIntents]: 'Disallowed intent(s).',
};

const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;
const MEMBER_PERMISSIONS = BOT_PERMISSIONS | PermissionFlagsBits.AddReactions | PermissionFlagsBits.UseExternalEmojis;

let snowflakeIncrement = 0n;

/** A snowflake for "now", so discord.js's `createdTimestamp` is meaningful. */
function nextSnowflake(): Snowflake {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | snowflakeIncrement).toString();
}

/** Discord's timestamp format, e.g. `2024-05-01T12:00:00.000000+00:00`. */
function discordTimestamp(at = Date.now()): string {
  return new Date(at).toISOString().replace('Z', '000+00:00');
}

// ---------------------------------------------------------------------------
// Internal types
// ---------------------------------------------------------------------------

type JsonObject = Record<string, unknown>;

interface UploadedFile extends RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  contentType: string;
}

interface ParsedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorized: boolean;
  body: unknown;
  files: UploadedFile[];
}

interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Route {
  method: string;
  pattern: RegExp;
  requiresBotAuth: boolean;
  handle: (request: ParsedRequest, params: readonly string[]) => FakeResponse;
}

interface InteractionState {
  interaction: APIInteraction;
  dispatchedAt: number;
  acknowledgedWith: InteractionResponseType | undefined;
  originalMessageId: Snowflake | undefined;
  /** Original response first, then follow-ups, in creation order. */
  messageIds: Snowflake[];
}

interface SequencedDispatch {
  op: GatewayOpcodes.Dispatch;
  t: GatewayDispatchEvents;
  s: number;
  d: unknown;
}

interface GatewaySession {
  id: string;
  sequence: number;
  /** Every dispatch of the session, replayed after the client's seq on RESUME. */
  dispatchLog: SequencedDispatch[];
  /** The socket that identified or resumed this session, while it is open. */
  socket: WebSocket | undefined;
  resumable: boolean;
}

interface Waiter {
  settle: () => boolean;
  fail: (error: Error) => void;
}

/** Discord's nested `errors` object for 50035 Invalid Form Body. */
class FormErrors {
  private readonly root: JsonObject = {};
  private count = 0;

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = this.root;
    for (const key of path) {
      const child = node[String(key)];
      node = isRecord(child) ? child : (node[String(key)] = {});
    }
    const leaf = Array.isArray(node['_errors']) ? (node['_errors'] as unknown[]) : (node['_errors'] = []);
    leaf.push({ code, message });
    this.count += 1;
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  toResponse(): FakeResponse {
    return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: this.root } };
  }
}

function safelyDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function discordError(status: number, code: number, message: string): FakeResponse {
  return { status, body: { code, message } };
}

const notFound = (): FakeResponse => discordError(404, 0, '404: Not Found');
const unknownInteraction = (): FakeResponse => discordError(404, 10062, 'Unknown interaction');
const unknownWebhook = (): FakeResponse => discordError(404, 10015, 'Unknown Webhook');
const unknownMessage = (): FakeResponse => discordError(404, 10008, 'Unknown Message');

// ---------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------

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
  readonly requests: RecordedRequest[] = [];
  /** Every IDENTIFY payload received, in order. */
  readonly identifies: GatewayIdentifyData[] = [];
  /** Every RESUME received, in order. */
  readonly resumes: RecordedResume[] = [];
  /** Every gateway connection the fake closed (refused IDENTIFYs, drops), in order. */
  readonly gatewayCloses: RecordedGatewayClose[] = [];

  private readonly heartbeatIntervalMs: number;
  private readonly interactionAckDeadlineMs: number;
  private readonly attachmentSizeLimit: number;
  private readonly guildName: string;
  private readonly acceptedToken: string | undefined;
  private readonly privilegedIntents: number;
  private readonly applicationCommandsScope: boolean;
  private identifyCloseCode: UnrecoverableCloseCode | undefined;
  private readonly everyoneRole: APIRole;
  /** Roles made by {@link createRole}, after @everyone. */
  private readonly roles: APIRole[] = [];
  private readonly attachmentFiles = new AttachmentFiles(() => `http://127.0.0.1:${this.port}`);
  private readonly users = new Map<Snowflake, APIUser>();
  private readonly httpServer: Server;
  private readonly webSocketServer = new WebSocketServer({ noServer: true });
  private readonly openSockets = new Set<Socket>();
  private readonly routes: Route[];
  private readonly failures: (InjectedFailure & { remaining: number })[] = [];
  private readonly interactionsById = new Map<Snowflake, InteractionState>();
  private readonly interactionsByToken = new Map<string, InteractionState>();
  private readonly messages = new Map<Snowflake, APIMessage>();
  /** Registered commands by scope: `'global'` or a guild id. */
  private readonly commandsByScope = new Map<string, APIApplicationCommand[]>();
  private readonly authenticatedSockets = new WeakSet<WebSocket>();
  private readonly waiters = new Set<Waiter>();
  private session: GatewaySession | undefined;
  private readySent = false;
  private resumesBeforeLastDrop = 0;
  private port = 0;
  private closed = false;

  /** @internal Use {@link startFakeDiscord}. */
  constructor(options: FakeDiscordOptions) {
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.interactionAckDeadlineMs = options.interactionAckDeadlineMs ?? 3_000;
    this.attachmentSizeLimit = options.attachmentSizeLimit ?? TEN_MEBIBYTES;
    this.guildName = options.guildName ?? 'Dossier Test Guild';
    this.acceptedToken = options.token;
    this.privilegedIntents = options.privilegedIntents ?? 0;
    this.applicationCommandsScope = options.applicationCommandsScope ?? true;
    this.botUser = this.rememberUser({
      id: nextSnowflake(),
      username: options.botUsername ?? 'Dossier',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
    });
    this.user = this.userFor(nextSnowflake());
    this.guildId = nextSnowflake();
    this.everyoneRole = {
      id: this.guildId,
      name: '@everyone',
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: MEMBER_PERMISSIONS.toString(),
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    };
    this.textChannel = {
      id: nextSnowflake(),
      type: ChannelType.GuildText,
      guild_id: this.guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      last_pin_timestamp: null,
      rate_limit_per_user: 0,
      default_auto_archive_duration: 1440,
    };
    this.routes = this.buildRoutes();
    this.httpServer = createServer((request, response) => void this.handleHttp(request, response));
    this.httpServer.on('connection', (socket) => {
      this.openSockets.add(socket);
      socket.once('close', () => this.openSockets.delete(socket));
    });
    this.httpServer.on('upgrade', (request, socket, head) => {
      this.webSocketServer.handleUpgrade(request, socket, head, (webSocket) => this.acceptGatewayConnection(webSocket));
    });
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
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The gateway URL announced by `GET /gateway/bot` and as `resume_gateway_url`. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The application id, which equals the bot user's id. */
  get applicationId(): Snowflake {
    return this.botUser.id;
  }

  // -------------------------------------------------------------------------
  // Test helpers
  // -------------------------------------------------------------------------

  /** Resolves with the latest IDENTIFY once READY has been sent for it (immediately if it has). */
  waitForReady(timeoutMs = 5_000): Promise<GatewayIdentifyData> {
    return this.waitFor('READY to be sent', timeoutMs, () => (this.readySent ? this.identifies.at(-1) : undefined));
  }

  /**
   * Resolves with the first RESUME received since the last {@link dropGatewayConnection} (or since
   * start), after the missed dispatches were replayed and RESUMED was sent.
   */
  waitForResume(timeoutMs = 5_000): Promise<RecordedResume> {
    return this.waitFor('a RESUME', timeoutMs, () => this.resumes[this.resumesBeforeLastDrop]);
  }

  /** Resolves with the first recorded request, past or future, that matches `predicate`. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    return this.waitFor('a matching request', timeoutMs, () => this.requests.find(predicate));
  }

  /** Recorded requests whose path contains the interaction's id or token, in order. */
  requestsFor(interaction: Pick<APIInteraction, 'id' | 'token'>): RecordedRequest[] {
    return this.requests.filter(
      (request) => request.path.includes(interaction.id) || request.path.includes(interaction.token),
    );
  }

  /** The messages an interaction produced as they are now: original response first, then follow-ups. */
  messagesFor(interaction: Pick<APIInteraction, 'id'>): APIMessage[] {
    const state = this.interactionsById.get(interaction.id);
    if (!state) return [];
    return state.messageIds.flatMap((id) => this.messages.get(id) ?? []);
  }

  /**
   * Creates a role in the guild (sent in GUILD_CREATE, or as GUILD_ROLE_CREATE once connected);
   * give its id to an interaction's `roles`.
   */
  createRole(name: string, permissions = 0n): APIRole {
    const role: APIRole = { ...this.everyoneRole, id: nextSnowflake(), name, position: this.roles.length + 1, permissions: permissions.toString() };
    this.roles.push(role);
    if (this.session) this.dispatch(GatewayDispatchEvents.GuildRoleCreate, { guild_id: this.guildId, role });
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
    const author = this.userFor(userId);
    const message = this.newMessage({ id: nextSnowflake(), type: MessageType.Default, content, author });
    const { webhook_id: _webhook, application_id: _application, ...fromMember } = message;
    this.messages.set(fromMember.id, fromMember);
    return fromMember;
  }

  /** Commands registered by bulk overwrite, globally or for `guildId`. */
  registeredCommands(guildId?: Snowflake): APIApplicationCommand[] {
    return this.commandsByScope.get(guildId ?? 'global') ?? [];
  }

  /** Makes the next `times` requests matching `failure` fail with a 429 or a 500. */
  failNext(failure: InjectedFailure): void {
    this.failures.push({ ...failure, remaining: failure.times ?? 1 });
  }

  /**
   * Closes the gateway socket with `code`. With the default resumable 4000 (Unknown error)
   * discord.js reconnects to `resume_gateway_url` and sends RESUME about 500 ms later. With 1006
   * the TCP connection is cut without a close frame, as a network failure does (the client sees
   * 1006 Abnormal Closure). With an {@link UnrecoverableCloseCode} (say 4004 after the token was
   * reset) the client must not reconnect.
   */
  dropGatewayConnection(code = 4000): void {
    const session = this.session;
    const socket = session?.socket;
    if (!session || !socket) throw new Error('dropGatewayConnection(): no gateway connection is open');
    this.resumesBeforeLastDrop = this.resumes.length;
    session.socket = undefined;
    if (code === 1006) {
      this.gatewayCloses.push({ code, reason: '', at: Date.now() });
      socket.terminate();
    } else {
      this.closeGateway(socket, code, CLOSE_REASONS[code] ?? 'Dropped by the fake Discord');
    }
  }

  /**
   * Closes every following IDENTIFY with `code`, as Discord does when the bot cannot be let in
   * (4014: it asks for a privileged intent not enabled for it; 4011: it must shard…); `undefined`
   * lets IDENTIFYs through again. The token and intent checks apply first.
   */
  refuseIdentify(code: UnrecoverableCloseCode | undefined): void {
    this.identifyCloseCode = code;
  }

  /** Resolves with the first gateway close the fake made, past or future, that matches `predicate`. */
  waitForGatewayClose(predicate: (close: RecordedGatewayClose) => boolean = () => true, timeoutMs = 5_000): Promise<RecordedGatewayClose> {
    return this.waitFor('a gateway close', timeoutMs, () => this.gatewayCloses.find(predicate));
  }

  /**
   * Sends a dispatch on the gateway session. While the client is disconnected it is only logged,
   * and replayed when the client resumes. Returns the dispatch's sequence number.
   */
  dispatch<Event extends GatewayDispatchPayload['t']>(
    event: Event,
    data: Extract<GatewayDispatchPayload, { t: Event }>['d'],
  ): number {
    const session = this.session;
    if (!session) throw new Error('dispatch(): no gateway session yet; await waitForReady() first');
    session.sequence += 1;
    const payload: SequencedDispatch = { op: GatewayOpcodes.Dispatch, t: event, s: session.sequence, d: data };
    session.dispatchLog.push(payload);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(payload));
    return session.sequence;
  }

  /**
   * Completes `input` into a realistic guild interaction, sends it as INTERACTION_CREATE and
   * returns it, so tests can find its requests by id or token. The 3-second acknowledgement
   * window starts now.
   */
  dispatchInteraction(input: FakeInteractionInput): APIInteraction {
    const interaction = this.buildInteraction(input);
    const state: InteractionState = {
      interaction,
      dispatchedAt: Date.now(),
      acknowledgedWith: undefined,
      originalMessageId: undefined,
      messageIds: [],
    };
    this.interactionsById.set(interaction.id, state);
    this.interactionsByToken.set(interaction.token, state);
    this.dispatch(GatewayDispatchEvents.InteractionCreate, interaction);
    return interaction;
  }

  /** Closes sockets, the gateway and the HTTP server, and rejects pending waits. Never hangs. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.waiters) waiter.fail(new Error('The fake Discord was closed'));
    this.waiters.clear();
    for (const client of this.webSocketServer.clients) client.terminate();
    this.webSocketServer.close();
    for (const socket of this.openSockets) socket.destroy();
    await new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
  }

  // -------------------------------------------------------------------------
  // Waiting
  // -------------------------------------------------------------------------

  private waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.closed) {
        reject(new Error(`Cannot wait for ${what}: the fake Discord is closed`));
        return;
      }
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = {
        settle: () => {
          const value = probe();
          if (value === undefined) return false;
          clearTimeout(timer);
          resolve(value);
          return true;
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      if (!waiter.settle()) this.waiters.add(waiter);
    });
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters) {
      if (waiter.settle()) this.waiters.delete(waiter);
    }
  }

  // -------------------------------------------------------------------------
  // Gateway
  // -------------------------------------------------------------------------

  private acceptGatewayConnection(socket: WebSocket): void {
    this.sendGateway(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs }, t: null, s: null });
    socket.on('message', (raw) => this.handleGatewayMessage(socket, raw));
    socket.on('close', (code) => {
      if (this.session?.socket !== socket) return;
      this.session.socket = undefined;
      if (SESSION_ENDING_CLOSE_CODES.has(code)) this.session.resumable = false;
    });
  }

  /** Closes a gateway connection from the server side and records it. */
  private closeGateway(socket: WebSocket, code: number, reason: string): void {
    this.gatewayCloses.push({ code, reason, at: Date.now() });
    socket.close(code, reason);
    this.settleWaiters();
  }

  private sendGateway(socket: WebSocket, payload: GatewayReceivePayload | SequencedDispatch): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }

  private handleGatewayMessage(socket: WebSocket, raw: RawData): void {
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString());
    } catch {
      socket.close(4002, 'Error while decoding payload.');
      return;
    }
    if (!isRecord(payload) || typeof payload['op'] !== 'number') {
      socket.close(4002, 'Error while decoding payload.');
      return;
    }
    const data = payload['d'];
    switch (payload['op']) {
      case GatewayOpcodes.Heartbeat:
        this.sendGateway(socket, { op: GatewayOpcodes.HeartbeatAck, d: undefined, t: null, s: null });
        return;
      case GatewayOpcodes.Identify: {
        if (this.authenticatedSockets.has(socket)) {
          socket.close(4005, 'Already authenticated.');
          return;
        }
        const refusal = this.refuseIdentifyWith(data);
        if (refusal !== undefined) this.closeGateway(socket, refusal, CLOSE_REASONS[refusal] ?? 'Refused.');
        else this.startSession(socket, data as unknown as GatewayIdentifyData);
        return;
      }
      case GatewayOpcodes.Resume:
        if (this.authenticatedSockets.has(socket)) socket.close(4005, 'Already authenticated.');
        else if (!isRecord(data)) socket.close(4002, 'Error while decoding payload.');
        else this.resumeSession(socket, data as unknown as GatewayResumeData);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!this.authenticatedSockets.has(socket)) socket.close(4003, 'Not authenticated.');
        return;
      default:
        socket.close(4001, 'Unknown opcode.');
    }
  }

  /** The close code Discord would answer this IDENTIFY with, or undefined to let it in. */
  private refuseIdentifyWith(data: unknown): UnrecoverableCloseCode | undefined {
    const token = isRecord(data) ? data['token'] : undefined;
    if (typeof token !== 'string' || token === '') return GatewayCloseCodes.AuthenticationFailed;
    if (this.acceptedToken !== undefined && token.replace(/^Bot /, '') !== this.acceptedToken) return GatewayCloseCodes.AuthenticationFailed;
    const intents = isRecord(data) ? data['intents'] : undefined;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0 || (intents & ~KNOWN_INTENTS) !== 0) {
      return GatewayCloseCodes.InvalidIntents;
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.privilegedIntents) !== 0) return GatewayCloseCodes.DisallowedIntents;
    return this.identifyCloseCode;
  }

  private startSession(socket: WebSocket, identify: GatewayIdentifyData): void {
    this.identifies.push(identify);
    this.authenticatedSockets.add(socket);
    this.readySent = false;
    this.session = {
      id: randomBytes(16).toString('hex'),
      sequence: 0,
      dispatchLog: [],
      socket,
      resumable: true,
    };
    const ready: GatewayReadyDispatchData = {
      v: GATEWAY_VERSION,
      user: this.botUser,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: this.session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.dispatch(GatewayDispatchEvents.Ready, ready);
    this.dispatch(GatewayDispatchEvents.GuildCreate, this.buildGuildCreate());
    this.readySent = true;
    this.settleWaiters();
  }

  private resumeSession(socket: WebSocket, resume: GatewayResumeData): void {
    const session = this.session;
    const accepted = session !== undefined && session.resumable && session.id === resume.session_id;
    if (!accepted) {
      this.sendGateway(socket, { op: GatewayOpcodes.InvalidSession, d: false, t: null, s: null });
    } else {
      session.socket = socket;
      this.authenticatedSockets.add(socket);
      for (const missed of session.dispatchLog) {
        if (missed.s > resume.seq) this.sendGateway(socket, missed);
      }
      session.sequence += 1;
      this.sendGateway(socket, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, s: session.sequence, d: undefined });
    }
    this.resumes.push({ sessionId: resume.session_id, seq: resume.seq, accepted, at: Date.now() });
    this.settleWaiters();
  }

  private buildGuildCreate(): GatewayGuildCreateDispatchData {
    const joinedAt = discordTimestamp();
    return {
      id: this.guildId,
      name: this.guildName,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.user.id,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: GuildVerificationLevel.Low,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.AllMembers,
      roles: [this.everyoneRole, ...this.roles],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: this.textChannel.id,
      system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
      rules_channel_id: null,
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      preferred_locale: Locale.EnglishUS,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: GuildNSFWLevel.Default,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      region: 'deprecated',
      joined_at: joinedAt,
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [this.guildMember(this.botUser, joinedAt), this.guildMember(this.user, joinedAt)],
      channels: [this.textChannel],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // -------------------------------------------------------------------------
  // Interactions
  // -------------------------------------------------------------------------

  private rememberUser(user: APIUser): APIUser {
    this.users.set(user.id, user);
    return user;
  }

  /** The known user with `id`, or a new plausible human user. */
  private userFor(id: Snowflake): APIUser {
    return (
      this.users.get(id) ??
      this.rememberUser({
        id,
        username: `tester${id.slice(-4)}`,
        discriminator: '0',
        global_name: `Tester ${id.slice(-4)}`,
        avatar: null,
      })
    );
  }

  private guildMember(user: APIUser, joinedAt: string): APIGuildMember {
    return {
      user,
      nick: null,
      avatar: null,
      banner: null,
      roles: [],
      joined_at: joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
  }

  private buildInteraction(input: FakeInteractionInput): APIInteraction {
    const user = this.userFor(input.userId ?? this.user.id);
    const member: APIInteractionGuildMember = {
      ...this.guildMember(user, discordTimestamp(Date.now() - 86_400_000)),
      roles: input.roles ?? [],
      user,
      permissions: (input.permissions ?? MEMBER_PERMISSIONS).toString(),
    };
    const base = {
      id: nextSnowflake(),
      application_id: this.applicationId,
      token: `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`,
      version: 1 as const,
      guild: { id: this.guildId, features: [], locale: Locale.EnglishUS },
      guild_id: this.guildId,
      channel_id: this.textChannel.id,
      channel: this.textChannel,
      member,
      app_permissions: BOT_PERMISSIONS.toString(),
      locale: input.locale ?? Locale.EnglishUS,
      guild_locale: Locale.EnglishUS,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: this.guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: this.attachmentSizeLimit,
    };
    switch (input.type) {
      case InteractionType.ApplicationCommand:
        return { ...base, type: input.type, data: { ...input.data, id: input.data.id ?? this.commandIdFor(input.data.name, input.data.type) } } as APIInteraction;
      case InteractionType.ApplicationCommandAutocomplete:
        return {
          ...base,
          type: input.type,
          data: { ...input.data, id: input.data.id ?? this.commandIdFor(input.data.name), options: input.data.options ?? [] },
        };
      case InteractionType.MessageComponent:
        return { ...base, type: input.type, data: input.data, message: this.componentMessage(input.message, input.data.custom_id) };
      case InteractionType.ModalSubmit:
        return { ...base, type: input.type, data: input.data };
    }
  }

  /** The id of the registered command with that name, so ids match what the bot registered. */
  private commandIdFor(name: string, type: ApplicationCommandType = ApplicationCommandType.ChatInput): Snowflake {
    for (const commands of this.commandsByScope.values()) {
      const match = commands.find((command) => command.name === name && command.type === type);
      if (match) return match.id;
    }
    return nextSnowflake();
  }

  /** A stored message wins; otherwise a bot message carrying a button with `customId`. */
  private componentMessage(partial: Partial<APIMessage> & Pick<APIMessage, 'id'>, customId: string): APIMessage {
    const stored = this.messages.get(partial.id);
    if (stored) return stored;
    const message: APIMessage = {
      ...this.newMessage({ id: partial.id, type: MessageType.Default }),
      content: 'A message with a button',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: customId }],
        },
      ],
      ...partial,
    };
    this.messages.set(message.id, message);
    return message;
  }

  private newMessage(fields: Pick<APIMessage, 'id' | 'type'> & Partial<APIMessage>): APIMessage {
    return {
      channel_id: this.textChannel.id,
      author: this.botUser,
      content: '',
      timestamp: discordTimestamp(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0 as MessageFlags,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      ...fields,
    };
  }

  /** Creates and stores a message sent through an interaction's callback or webhook. */
  private createInteractionMessage(state: InteractionState, body: JsonObject, files: UploadedFile[], extraFlags = 0): APIMessage {
    const { interaction } = state;
    const isCommand = interaction.type === InteractionType.ApplicationCommand;
    const user = interaction.member?.user ?? interaction.user ?? this.user;
    const metadata = this.interactionMetadata(interaction, user);
    const message = this.newMessage({
      id: nextSnowflake(),
      type: isCommand && state.messageIds.length === 0 ? commandMessageType(interaction) : MessageType.Default,
      content: typeof body['content'] === 'string' ? body['content'] : '',
      embeds: Array.isArray(body['embeds']) ? (body['embeds'] as APIEmbed[]) : [],
      components: Array.isArray(body['components']) ? (body['components'] as APIMessageTopLevelComponent[]) : [],
      tts: body['tts'] === true,
      attachments: this.attachmentsFrom(body, files, []),
      flags: (typeof body['flags'] === 'number' ? body['flags'] : 0) | extraFlags,
      ...(metadata ? { interaction_metadata: metadata } : {}),
      ...(isCommand && 'data' in interaction && interaction.data && 'name' in interaction.data
        ? { interaction: { id: interaction.id, type: interaction.type, name: interaction.data.name, user } }
        : {}),
    });
    this.messages.set(message.id, message);
    state.messageIds.push(message.id);
    return message;
  }

  private interactionMetadata(interaction: APIInteraction, user: APIUser): APIMessageInteractionMetadata | undefined {
    const common = { id: interaction.id, user, authorizing_integration_owners: interaction.authorizing_integration_owners };
    if (interaction.type === InteractionType.ApplicationCommand) return { ...common, type: interaction.type };
    if (interaction.type === InteractionType.MessageComponent) {
      return { ...common, type: interaction.type, interacted_message_id: interaction.message.id };
    }
    return undefined;
  }

  /**
   * Attachments after a create or edit: those of `existing` the body keeps (all of them when
   * the body has no `attachments`), plus one per uploaded file.
   */
  private attachmentsFrom(body: JsonObject, files: UploadedFile[], existing: APIAttachment[]): APIAttachment[] {
    const references = Array.isArray(body['attachments']) ? body['attachments'].filter(isRecord) : undefined;
    const kept = references
      ? existing.filter((attachment) => references.some((reference) => String(reference['id']) === attachment.id))
      : existing;
    const uploaded = files.map((file): APIAttachment => {
      const index = /^files\[(\d+)\]$/.exec(file.field)?.[1];
      const reference = references?.find((candidate) => String(candidate['id']) === index);
      const filename = typeof reference?.['filename'] === 'string' ? reference['filename'] : file.name;
      const id = nextSnowflake();
      const url = `http://127.0.0.1:${this.port}/attachments/${this.textChannel.id}/${id}/${encodeURIComponent(filename)}`;
      return {
        id,
        filename,
        size: file.size,
        url,
        proxy_url: url,
        content_type: file.contentType,
        ...(typeof reference?.['description'] === 'string' ? { description: reference['description'] } : {}),
      };
    });
    return [...kept, ...uploaded];
  }

  // -------------------------------------------------------------------------
  // HTTP
  // -------------------------------------------------------------------------

  private buildRoutes(): Route[] {
    const route = (method: string, pattern: RegExp, requiresBotAuth: boolean, handle: Route['handle']): Route => ({
      method,
      pattern,
      requiresBotAuth,
      handle,
    });
    const webhookMessage = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/;
    const globalCommands = /^\/applications\/(\d+)\/commands$/;
    const guildCommands = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/;
    return [
      route('GET', /^\/gateway$/, false, () => ({ status: 200, body: { url: this.gatewayUrl } })),
      route('GET', /^\/gateway\/bot$/, true, () => ({ status: 200, body: this.gatewayBot() })),
      route('GET', /^\/users\/@me$/, true, () => ({ status: 200, body: this.botUser })),
      route('GET', /^\/applications\/@me$/, true, () => ({ status: 200, body: this.application() })),
      route('GET', globalCommands, true, (_, [appId = '']) => this.getCommands(appId, 'global')),
      route('PUT', globalCommands, true, (request, [appId = '']) => this.putCommands(appId, 'global', request.body)),
      route('GET', guildCommands, true, (_, [appId = '', guildId = '']) => this.getCommands(appId, guildId)),
      route('PUT', guildCommands, true, (request, [appId = '', guildId = '']) => this.putCommands(appId, guildId, request.body)),
      route('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, false, (request, [id = '', token = '']) =>
        this.interactionCallback(request, id, token),
      ),
      route('POST', /^\/webhooks\/(\d+)\/([^/]+)$/, false, (request, [appId = '', token = '']) =>
        this.createFollowUp(request, appId, token),
      ),
      route('GET', webhookMessage, false, (_, [appId = '', token = '', messageId = '']) =>
        this.withWebhookMessage(appId, token, messageId, (message) => ({ status: 200, body: message })),
      ),
      route('PATCH', webhookMessage, false, (request, [appId = '', token = '', messageId = '']) =>
        this.withWebhookMessage(appId, token, messageId, (message) => this.editMessage(message, request)),
      ),
      route('DELETE', webhookMessage, false, (_, [appId = '', token = '', messageId = '']) =>
        this.withWebhookMessage(appId, token, messageId, (message, state) => this.deleteMessage(message, state)),
      ),
    ];
  }

  private async handleHttp(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(incoming.url ?? '/', `http://127.0.0.1:${this.port}`);
    const method = (incoming.method ?? 'GET').toUpperCase();
    // @discordjs/rest sends `@original` percent-encoded; routes and recordings use the decoded form.
    const pathname = safelyDecode(url.pathname);
    const path = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : pathname;
    const { authorization, ...headers } = incoming.headers;
    const request: ParsedRequest = {
      method,
      path,
      query: url.searchParams,
      authorized: this.acceptsAuthorization(authorization),
      body: undefined,
      files: [],
    };
    let response: FakeResponse | RawResponse;
    try {
      const parsed = await parseBody(await readBody(incoming), String(incoming.headers['content-type'] ?? ''));
      request.body = parsed.body;
      request.files = parsed.files;
      response = pathname.startsWith(`${API_PREFIX}/`) ? this.respond(request) : (this.attachmentFiles.respond(method, pathname) ?? notFound());
    } catch (error) {
      response =
        error instanceof MalformedBodyError
          ? discordError(400, 50109, 'The request body contains invalid JSON.')
          : // A bug in the fake itself: surface it to the test instead of hiding it.
            { status: 500, body: { code: 0, message: `Fake Discord failed: ${String(error)}` } };
    }
    this.sendHttp(outgoing, response);
    this.requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(
        Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]),
      ),
      authorized: request.authorized,
      body: request.body,
      files: request.files.map(({ name, size }) => ({ name, size })),
      at,
      status: response.status,
    });
    this.settleWaiters();
  }

  /** Whether the header carries a bot token the fake accepts. */
  private acceptsAuthorization(authorization: string | undefined): boolean {
    const token = typeof authorization === 'string' ? /^Bot (\S+)$/.exec(authorization)?.[1] : undefined;
    return token !== undefined && (this.acceptedToken === undefined || token === this.acceptedToken);
  }

  private respond(request: ParsedRequest): FakeResponse {
    const injected = this.takeInjectedFailure(request);
    if (injected) return injected;
    const matching = this.routes.filter((route) => route.pattern.test(request.path));
    if (matching.length === 0) return notFound();
    const route = matching.find((candidate) => candidate.method === request.method);
    if (!route) return discordError(405, 0, '405: Method Not Allowed');
    if (route.requiresBotAuth && !request.authorized) return discordError(401, 0, '401: Unauthorized');
    const params = (route.pattern.exec(request.path) ?? []).slice(1);
    return route.handle(request, params);
  }

  private takeInjectedFailure(request: ParsedRequest): FakeResponse | undefined {
    const index = this.failures.findIndex(
      (failure) =>
        (failure.method === undefined || failure.method.toUpperCase() === request.method) &&
        failure.pathPattern.test(request.path),
    );
    const failure = this.failures[index];
    if (!failure) return undefined;
    failure.remaining -= 1;
    if (failure.remaining <= 0) this.failures.splice(index, 1);
    if (failure.status === 500) return { status: 500, body: { message: 'Internal Server Error', code: 0 } };
    const retryAfter = failure.retryAfter ?? 0.1;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
      headers: {
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': `fake-${request.method.toLowerCase()}-${request.path.replace(/\d{17,}|[^/]{40,}/g, ':id')}`,
        'x-ratelimit-scope': 'user',
      },
    };
  }

  private sendHttp(outgoing: ServerResponse, response: FakeResponse | RawResponse): void {
    const headers: Record<string, string> = { via: '1.1 fake-discord', ...response.headers };
    if ('bytes' in response) {
      outgoing.writeHead(response.status, headers).end(response.bytes);
      return;
    }
    if (response.body === undefined) {
      outgoing.writeHead(response.status, headers).end();
      return;
    }
    const json = JSON.stringify(response.body);
    outgoing
      .writeHead(response.status, {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(json)),
      })
      .end(json);
  }

  // -------------------------------------------------------------------------
  // REST handlers
  // -------------------------------------------------------------------------

  private gatewayBot(): RESTGetAPIGatewayBotResult {
    return {
      url: this.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    };
  }

  private application(): APIApplication {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: 'Fake application for end-to-end tests',
      bot_public: false,
      bot_require_code_grant: false,
      bot: this.botUser,
      verify_key: '0'.repeat(64),
      team: null,
      summary: '',
      flags: 0 as ApplicationFlags,
      flags_new: '0',
      approximate_guild_count: 1,
      event_webhooks_status: 1,
      redirect_uris: [],
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      integration_types_config: { [ApplicationIntegrationType.GuildInstall]: {} },
    };
  }

  /** Discord's answer when the application may not manage commands in `scope`: 403 Missing Access. */
  private commandsAccessDenied(applicationId: Snowflake, scope: string): FakeResponse | undefined {
    const allowed =
      applicationId === this.applicationId && (scope === 'global' || (scope === this.guildId && this.applicationCommandsScope));
    return allowed ? undefined : discordError(403, 50001, 'Missing Access');
  }

  private getCommands(applicationId: Snowflake, scope: string): FakeResponse {
    const denied = this.commandsAccessDenied(applicationId, scope);
    if (denied) return denied;
    return { status: 200, body: this.commandsByScope.get(scope) ?? [] };
  }

  private putCommands(applicationId: Snowflake, scope: string, body: unknown): FakeResponse {
    const denied = this.commandsAccessDenied(applicationId, scope);
    if (denied) return denied;
    if (!Array.isArray(body)) {
      const errors = new FormErrors();
      errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
      return errors.toResponse();
    }
    const errors = validateCommands(body);
    if (!errors.isEmpty) return errors.toResponse();
    const previous = this.commandsByScope.get(scope) ?? [];
    const commands = (body as RESTPostAPIApplicationCommandsJSONBody[]).map((input): APIApplicationCommand => {
      const type = input.type ?? ApplicationCommandType.ChatInput;
      // Discord keeps a command's id when an overwrite keeps its name and type.
      const kept = previous.find((command) => command.name === input.name && command.type === type);
      return {
        ...input,
        id: kept?.id ?? nextSnowflake(),
        application_id: this.applicationId,
        version: nextSnowflake(),
        type,
        description: 'description' in input && typeof input.description === 'string' ? input.description : '',
        default_member_permissions: input.default_member_permissions ?? null,
        nsfw: input.nsfw ?? false,
        ...(scope === 'global' ? {} : { guild_id: scope }),
      } as APIApplicationCommand;
    });
    this.commandsByScope.set(scope, commands);
    return { status: 200, body: commands };
  }

  private interactionCallback(request: ParsedRequest, interactionId: Snowflake, token: string): FakeResponse {
    const state = this.interactionsById.get(interactionId);
    if (!state || state.interaction.token !== token) return unknownInteraction();
    if (state.acknowledgedWith !== undefined) return discordError(400, 40060, 'Interaction has already been acknowledged.');
    if (Date.now() - state.dispatchedAt > this.interactionAckDeadlineMs) return unknownInteraction();

    const body = isRecord(request.body) ? request.body : {};
    const type = body['type'];
    const data = isRecord(body['data']) ? body['data'] : {};
    const errors = new FormErrors();
    if (typeof type !== 'number') {
      errors.add(['type'], 'BASE_TYPE_REQUIRED', 'This field is required');
      return errors.toResponse();
    }
    if (!allowedCallbackTypes(state.interaction.type).includes(type)) {
      errors.add(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', 'Invalid interaction response type for this interaction.');
      return errors.toResponse();
    }
    if (type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage) {
      validateMessage(data, ['data'], errors);
    }
    if (type === InteractionResponseType.ApplicationCommandAutocompleteResult) validateChoices(data, errors);
    if (type === InteractionResponseType.Modal) validateModal(data, errors);
    if (!errors.isEmpty) return errors.toResponse();
    const tooLarge = this.rejectOversizedFiles(request.files);
    if (tooLarge) return tooLarge;
    if (type === InteractionResponseType.ChannelMessageWithSource && isEmptyPayload(data, request.files)) {
      return discordError(400, 50006, 'Cannot send an empty message');
    }

    state.acknowledgedWith = type;
    const message = this.applyCallback(state, type, data, request.files);
    if (request.query.get('with_response') !== 'true') return { status: 204 };
    const result: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id: state.interaction.id,
        type: state.interaction.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
              response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      ...(message ? { resource: { type, message } } : {}),
    };
    return { status: 200, body: result };
  }

  /** Applies an accepted callback; returns the message it created or touched, if any. */
  private applyCallback(state: InteractionState, type: number, data: JsonObject, files: UploadedFile[]): APIMessage | undefined {
    const { interaction } = state;
    const componentMessage = interaction.type === InteractionType.MessageComponent ? interaction.message : undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const message = this.createInteractionMessage(state, data, files);
        state.originalMessageId = message.id;
        return message;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const ephemeral = typeof data['flags'] === 'number' ? data['flags'] & MessageFlags.Ephemeral : 0;
        const message = this.createInteractionMessage(state, {}, [], ephemeral | MessageFlags.Loading);
        state.originalMessageId = message.id;
        return message;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (!componentMessage) return undefined;
        state.originalMessageId = componentMessage.id;
        state.messageIds.unshift(componentMessage.id);
        if (type === InteractionResponseType.DeferredMessageUpdate) return this.messages.get(componentMessage.id);
        return this.storeEdit(this.messages.get(componentMessage.id) ?? componentMessage, data, files);
      }
      default:
        return undefined;
    }
  }

  private rejectOversizedFiles(files: UploadedFile[]): FakeResponse | undefined {
    return files.some((file) => file.size > this.attachmentSizeLimit)
      ? discordError(413, 40005, 'Request entity too large')
      : undefined;
  }

  /** Finds the interaction behind a webhook token; Discord only accepts it after acknowledgement. */
  private acknowledgedInteraction(applicationId: Snowflake, token: string): InteractionState | undefined {
    const state = this.interactionsByToken.get(token);
    if (!state || applicationId !== this.applicationId || state.acknowledgedWith === undefined) return undefined;
    return state;
  }

  private createFollowUp(request: ParsedRequest, applicationId: Snowflake, token: string): FakeResponse {
    const state = this.acknowledgedInteraction(applicationId, token);
    if (!state) return unknownWebhook();
    const body = isRecord(request.body) ? request.body : {};
    const errors = new FormErrors();
    validateMessage(body, [], errors);
    if (!errors.isEmpty) return errors.toResponse();
    const tooLarge = this.rejectOversizedFiles(request.files);
    if (tooLarge) return tooLarge;
    if (isEmptyPayload(body, request.files)) return discordError(400, 50006, 'Cannot send an empty message');

    const original = state.originalMessageId ? this.messages.get(state.originalMessageId) : undefined;
    // Discord quirk: the first follow-up after a deferred reply replaces the loading message,
    // keeping the deferral's ephemerality.
    const message =
      original && ((original.flags ?? 0) & MessageFlags.Loading) !== 0
        ? this.storeEdit(original, { ...body, flags: original.flags ?? 0 }, request.files)
        : this.createInteractionMessage(state, body, request.files);
    return request.query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
  }

  private withWebhookMessage(
    applicationId: Snowflake,
    token: string,
    messageId: string,
    handle: (message: APIMessage, state: InteractionState) => FakeResponse,
  ): FakeResponse {
    const state = this.acknowledgedInteraction(applicationId, token);
    if (!state) return unknownWebhook();
    const id = messageId === '@original' ? state.originalMessageId : messageId;
    const message = id && state.messageIds.includes(id) ? this.messages.get(id) : undefined;
    return message ? handle(message, state) : unknownMessage();
  }

  private editMessage(message: APIMessage, request: ParsedRequest): FakeResponse {
    const body = isRecord(request.body) ? request.body : {};
    const errors = new FormErrors();
    validateMessage(body, [], errors);
    if (!errors.isEmpty) return errors.toResponse();
    const tooLarge = this.rejectOversizedFiles(request.files);
    if (tooLarge) return tooLarge;
    const edited = mergeEdit(message, body, this.attachmentsFrom(body, request.files, message.attachments));
    if (isEmptyMessage(edited)) return discordError(400, 50006, 'Cannot send an empty message');
    this.messages.set(edited.id, edited);
    return { status: 200, body: edited };
  }

  /** Applies an edit to a stored message and stores the result. */
  private storeEdit(message: APIMessage, body: JsonObject, files: UploadedFile[]): APIMessage {
    const edited = mergeEdit(message, body, this.attachmentsFrom(body, files, message.attachments));
    this.messages.set(edited.id, edited);
    return edited;
  }

  private deleteMessage(message: APIMessage, state: InteractionState): FakeResponse {
    this.messages.delete(message.id);
    state.messageIds = state.messageIds.filter((id) => id !== message.id);
    return { status: 204 };
  }
}

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

/** Merges an edit into a message; a deferred (loading) message becomes a normal one. */
function mergeEdit(message: APIMessage, body: JsonObject, attachments: APIAttachment[]): APIMessage {
  const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
  // Only these flags can change on edit; ephemerality is fixed at creation.
  const editableFlags = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;
  const requestedFlags = typeof body['flags'] === 'number' ? body['flags'] : (message.flags ?? 0);
  return {
    ...message,
    ...(typeof body['content'] === 'string' ? { content: body['content'] } : {}),
    ...(Array.isArray(body['embeds']) ? { embeds: body['embeds'] as APIEmbed[] } : {}),
    ...(Array.isArray(body['components']) ? { components: body['components'] as APIMessageTopLevelComponent[] } : {}),
    attachments,
    flags: (((message.flags ?? 0) & ~editableFlags) | (requestedFlags & editableFlags)) & ~MessageFlags.Loading,
    edited_timestamp: wasLoading ? null : discordTimestamp(),
  };
}

/** The type of a command's first response: a context-menu command's differs from a slash command's. */
function commandMessageType(interaction: APIInteraction): MessageType {
  const data = 'data' in interaction ? interaction.data : undefined;
  const isContextMenu = data !== undefined && 'type' in data && (data.type === ApplicationCommandType.Message || data.type === ApplicationCommandType.User);
  return isContextMenu ? MessageType.ContextMenuCommand : MessageType.ChatInputCommand;
}

function isEmptyMessage(message: APIMessage): boolean {
  return (
    message.content === '' &&
    message.embeds.length === 0 &&
    (message.components ?? []).length === 0 &&
    message.attachments.length === 0 &&
    (message.sticker_items ?? []).length === 0 &&
    message.poll === undefined
  );
}

// ---------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

class MalformedBodyError extends Error {}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedBodyError(String(error));
  }
}

/** Parses JSON, or multipart/form-data with `payload_json` and `files[n]` (as @discordjs/rest sends). */
async function parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (!contentType.startsWith('multipart/form-data')) return { body: parseJson(raw.toString('utf8')), files: [] };
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData().catch((error: unknown) => {
    throw new MalformedBodyError(String(error));
  });
  let body: unknown;
  const files: UploadedFile[] = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = parseJson(value);
    } else {
      files.push({ field, name: value.name, size: value.size, contentType: value.type || 'application/octet-stream' });
    }
  }
  return { body, files };
}

// ---------------------------------------------------------------------------
// Validation, mirroring the Discord limits the bot could plausibly hit
// ---------------------------------------------------------------------------

function allowedCallbackTypes(interactionType: InteractionType): number[] {
  switch (interactionType) {
    case InteractionType.ApplicationCommand:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.Modal,
        InteractionResponseType.LaunchActivity,
      ];
    case InteractionType.MessageComponent:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.Modal,
      ];
    case InteractionType.ApplicationCommandAutocomplete:
      return [InteractionResponseType.ApplicationCommandAutocompleteResult];
    case InteractionType.ModalSubmit:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
      ];
    default:
      return [];
  }
}

function maxLength(errors: FormErrors, path: readonly (string | number)[], value: unknown, limit: number): void {
  if (typeof value === 'string' && value.length > limit) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${limit} or fewer in length.`);
  }
}

function lengthBetween(errors: FormErrors, path: readonly (string | number)[], value: unknown, min: number, max: number): void {
  const length = typeof value === 'string' ? value.length : 0;
  if (length < min || length > max) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }
}

function maxItems(errors: FormErrors, path: readonly (string | number)[], value: unknown, limit: number): void {
  if (Array.isArray(value) && value.length > limit) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${limit} or fewer in length.`);
  }
}

function validateMessage(body: JsonObject, at: readonly (string | number)[], errors: FormErrors): void {
  maxLength(errors, [...at, 'content'], body['content'], MAX_CONTENT_LENGTH);
  const embeds = body['embeds'];
  maxItems(errors, [...at, 'embeds'], embeds, 10);
  if (Array.isArray(embeds)) {
    let totalCharacters = 0;
    embeds.filter(isRecord).forEach((embed, index) => {
      totalCharacters += validateEmbed(embed, [...at, 'embeds', index], errors);
    });
    if (totalCharacters > 6000) {
      errors.add([...at, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
    }
  }
  const components = body['components'];
  if (Array.isArray(components)) validateComponents(components, [...at, 'components'], errors);
}

/** Validates one embed and returns its character count towards the 6000 total. */
function validateEmbed(embed: JsonObject, at: readonly (string | number)[], errors: FormErrors): number {
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const footer = isRecord(embed['footer']) ? embed['footer'] : {};
  const author = isRecord(embed['author']) ? embed['author'] : {};
  const fields = Array.isArray(embed['fields']) ? embed['fields'].filter(isRecord) : [];
  maxLength(errors, [...at, 'title'], embed['title'], 256);
  maxLength(errors, [...at, 'description'], embed['description'], 4096);
  maxLength(errors, [...at, 'footer', 'text'], footer['text'], 2048);
  maxLength(errors, [...at, 'author', 'name'], author['name'], 256);
  maxItems(errors, [...at, 'fields'], embed['fields'], 25);
  fields.forEach((field, index) => {
    maxLength(errors, [...at, 'fields', index, 'name'], field['name'], 256);
    maxLength(errors, [...at, 'fields', index, 'value'], field['value'], 1024);
  });
  return [embed['title'], embed['description'], footer['text'], author['name'], ...fields.flatMap((f) => [f['name'], f['value']])]
    .map(text)
    .reduce((sum, part) => sum + part.length, 0);
}

function validateComponents(components: unknown[], at: readonly (string | number)[], errors: FormErrors): void {
  components.forEach((component, index) => {
    if (!isRecord(component)) return;
    const path = [...at, index];
    maxLength(errors, [...path, 'custom_id'], component['custom_id'], 100);
    maxLength(errors, [...path, 'label'], component['label'], 80);
    maxItems(errors, [...path, 'options'], component['options'], 25);
    if (component['type'] === ComponentType.ActionRow) maxItems(errors, [...path, 'components'], component['components'], 5);
    if (Array.isArray(component['components'])) validateComponents(component['components'], [...path, 'components'], errors);
  });
}

function validateChoices(data: JsonObject, errors: FormErrors): void {
  const choices = data['choices'];
  maxItems(errors, ['data', 'choices'], choices, 25);
  if (!Array.isArray(choices)) return;
  choices.filter(isRecord).forEach((choice, index) => {
    lengthBetween(errors, ['data', 'choices', index, 'name'], choice['name'], 1, 100);
    maxLength(errors, ['data', 'choices', index, 'value'], choice['value'], 100);
  });
}

function validateModal(data: JsonObject, errors: FormErrors): void {
  lengthBetween(errors, ['data', 'title'], data['title'], 1, 45);
  lengthBetween(errors, ['data', 'custom_id'], data['custom_id'], 1, 100);
  const components = data['components'];
  if (!Array.isArray(components) || components.length === 0 || components.length > 5) {
    errors.add(['data', 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  }
}

function isEmptyPayload(body: JsonObject, files: UploadedFile[]): boolean {
  const nonEmpty = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
  return (
    (typeof body['content'] !== 'string' || body['content'] === '') &&
    !nonEmpty(body['embeds']) &&
    !nonEmpty(body['components']) &&
    !nonEmpty(body['attachments']) &&
    !nonEmpty(body['sticker_ids']) &&
    body['poll'] === undefined &&
    files.length === 0
  );
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateCommands(commands: unknown[]): FormErrors {
  const errors = new FormErrors();
  maxItems(errors, [], commands, 100);
  const seen = new Set<string>();
  commands.forEach((command, index) => {
    if (!isRecord(command)) {
      errors.add([index], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    const type = typeof command['type'] === 'number' ? command['type'] : ApplicationCommandType.ChatInput;
    const name = command['name'];
    const key = `${type}:${String(name)}`;
    if (seen.has(key)) errors.add([index, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.add(key);
    if (type === ApplicationCommandType.ChatInput) {
      validateCommandNameAndDescription(command, [index], errors);
      validateCommandOptions(command['options'], [index, 'options'], errors);
    } else {
      validateContextMenuCommand(command, [index], errors);
    }
  });
  return errors;
}

function validateCommandNameAndDescription(command: JsonObject, at: readonly (string | number)[], errors: FormErrors): void {
  const name = command['name'];
  if (typeof name !== 'string' || !COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
    errors.add([...at, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  lengthBetween(errors, [...at, 'description'], command['description'], 1, 100);
}

function validateCommandOptions(options: unknown, at: readonly (string | number)[], errors: FormErrors): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    errors.add(at, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  maxItems(errors, at, options, 25);
  let sawOptional = false;
  options.forEach((option, index) => {
    if (!isRecord(option)) return;
    validateCommandNameAndDescription(option, [...at, index], errors);
    maxItems(errors, [...at, index, 'choices'], option['choices'], 25);
    if (option['required'] === true && sawOptional) {
      errors.add([...at, index, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    if (option['required'] !== true) sawOptional = true;
    validateCommandOptions(option['options'], [...at, index, 'options'], errors);
  });
}
