/**
 * The fake Discord's public types: its options, what it records (requests, resumes, gateway
 * closes) and what a test gives it to dispatch an interaction.
 */
import type {
  APIApplicationCommandInteractionDataOption,
  APIAutocompleteApplicationCommandInteractionData,
  APIChatInputApplicationCommandInteractionData,
  APIMessage,
  APIMessageApplicationCommandInteractionData,
  APIMessageComponentInteractionData,
  APIModalSubmission,
  InteractionType,
  Locale,
  Snowflake,
} from 'discord-api-types/v10';

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
export type CommandOptionsInput = APIApplicationCommandInteractionDataOption[] | Record<string, string | number | boolean>;
