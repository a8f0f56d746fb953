/**
 * The fake Discord's REST API (v10): the HTTP routes the bot calls, with Discord's status codes and
 * error bodies, bot-token checks (401), injected 429s (with rate-limit headers) and 500s, and
 * every answered request recorded. Files uploaded as attachments are served on the same server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  type APIApplication,
  type APIApplicationCommand,
  type ApplicationFlags,
  type RESTGetAPIGatewayBotResult,
  type RESTPostAPIApplicationCommandsJSONBody,
  type Snowflake,
} from 'discord-api-types/v10';
import type { AttachmentFiles, RawResponse } from './attachments.js';
import { nextSnowflake } from './discordValues.js';
import type { FakeGuild } from './guild.js';
import { discordError, MalformedBodyError, notFound, parseBody, readBody, safelyDecode, sendHttp, type FakeResponse, type ParsedRequest } from './http.js';
import type { FakeInteractions } from './interactions.js';
import type { InjectedFailure, RecordedRequest } from './types.js';
import { FormErrors, validateCommands } from './validation.js';

const API_PREFIX = '/api/v10';

interface Route {
  method: string;
  pattern: RegExp;
  requiresBotAuth: boolean;
  handle: (request: ParsedRequest, params: readonly string[]) => FakeResponse;
}

export interface RestOptions {
  /** The bot token the fake accepts; any non-empty token when undefined. */
  acceptedToken: string | undefined;
  /** Whether the application may manage commands in the fake guild. */
  applicationCommandsScope: boolean;
  /** The fake's `http://127.0.0.1:<port>`. */
  origin: () => string;
  /** The gateway URL announced by `GET /gateway/bot`. */
  gatewayUrl: () => string;
  /** Called after each recorded request, for the waits on requests. */
  onChange: () => void;
}

export class FakeRest {
  /** Every HTTP request answered so far, in order. */
  readonly requests: RecordedRequest[] = [];

  private readonly routes: Route[];
  private readonly failures: (InjectedFailure & { remaining: number })[] = [];

  constructor(
    private readonly guild: FakeGuild,
    private readonly interactions: FakeInteractions,
    private readonly attachmentFiles: AttachmentFiles,
    private readonly options: RestOptions,
  ) {
    this.routes = this.buildRoutes();
  }

  /** Makes the next `times` requests matching `failure` fail with a 429 or a 500. */
  failNext(failure: InjectedFailure): void {
    this.failures.push({ ...failure, remaining: failure.times ?? 1 });
  }

  /** Answers one HTTP request (an API call or an attachment download) and records it. */
  async handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(incoming.url ?? '/', this.options.origin());
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
    sendHttp(outgoing, response);
    this.requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)])),
      authorized: request.authorized,
      body: request.body,
      files: request.files.map(({ name, size }) => ({ name, size })),
      at,
      status: response.status,
    });
    this.options.onChange();
  }

  /** Whether the header carries a bot token the fake accepts. */
  private acceptsAuthorization(authorization: string | undefined): boolean {
    const token = typeof authorization === 'string' ? /^Bot (\S+)$/.exec(authorization)?.[1] : undefined;
    return token !== undefined && (this.options.acceptedToken === undefined || token === this.options.acceptedToken);
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
    const index = this.failures.findIndex((failure) => (failure.method === undefined || failure.method.toUpperCase() === request.method) && failure.pathPattern.test(request.path));
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
      route('GET', /^\/gateway$/, false, () => ({ status: 200, body: { url: this.options.gatewayUrl() } })),
      route('GET', /^\/gateway\/bot$/, true, () => ({ status: 200, body: this.gatewayBot() })),
      route('GET', /^\/users\/@me$/, true, () => ({ status: 200, body: this.guild.botUser })),
      route('GET', /^\/applications\/@me$/, true, () => ({ status: 200, body: this.application() })),
      route('GET', globalCommands, true, (_, [appId = '']) => this.getCommands(appId, 'global')),
      route('PUT', globalCommands, true, (request, [appId = '']) => this.putCommands(appId, 'global', request.body)),
      route('GET', guildCommands, true, (_, [appId = '', guildId = '']) => this.getCommands(appId, guildId)),
      route('PUT', guildCommands, true, (request, [appId = '', guildId = '']) => this.putCommands(appId, guildId, request.body)),
      route('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, false, (request, [id = '', token = '']) => this.interactions.callback(request, id, token)),
      route('POST', /^\/webhooks\/(\d+)\/([^/]+)$/, false, (request, [appId = '', token = '']) => this.interactions.createFollowUp(request, appId, token)),
      route('GET', webhookMessage, false, (_, [appId = '', token = '', messageId = '']) =>
        this.interactions.withWebhookMessage(appId, token, messageId, (message) => ({ status: 200, body: message })),
      ),
      route('PATCH', webhookMessage, false, (request, [appId = '', token = '', messageId = '']) =>
        this.interactions.withWebhookMessage(appId, token, messageId, (message) => this.interactions.editMessage(message, request)),
      ),
      route('DELETE', webhookMessage, false, (_, [appId = '', token = '', messageId = '']) =>
        this.interactions.withWebhookMessage(appId, token, messageId, (message, state) => this.interactions.deleteMessage(message, state)),
      ),
    ];
  }

  private gatewayBot(): RESTGetAPIGatewayBotResult {
    return {
      url: this.options.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    };
  }

  private application(): APIApplication {
    return {
      id: this.guild.applicationId,
      name: this.guild.botUser.username,
      icon: null,
      description: 'Fake application for end-to-end tests',
      bot_public: false,
      bot_require_code_grant: false,
      bot: this.guild.botUser,
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
    const allowed = applicationId === this.guild.applicationId && (scope === 'global' || (scope === this.guild.guildId && this.options.applicationCommandsScope));
    return allowed ? undefined : discordError(403, 50001, 'Missing Access');
  }

  private getCommands(applicationId: Snowflake, scope: string): FakeResponse {
    const denied = this.commandsAccessDenied(applicationId, scope);
    if (denied) return denied;
    return { status: 200, body: this.guild.commandsByScope.get(scope) ?? [] };
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
    const previous = this.guild.commandsByScope.get(scope) ?? [];
    const commands = (body as RESTPostAPIApplicationCommandsJSONBody[]).map((input): APIApplicationCommand => {
      const type = input.type ?? ApplicationCommandType.ChatInput;
      // Discord keeps a command's id when an overwrite keeps its name and type.
      const kept = previous.find((command) => command.name === input.name && command.type === type);
      return {
        ...input,
        id: kept?.id ?? nextSnowflake(),
        application_id: this.guild.applicationId,
        version: nextSnowflake(),
        type,
        description: 'description' in input && typeof input.description === 'string' ? input.description : '',
        default_member_permissions: input.default_member_permissions ?? null,
        nsfw: input.nsfw ?? false,
        ...(scope === 'global' ? {} : { guild_id: scope }),
      } as APIApplicationCommand;
    });
    this.guild.commandsByScope.set(scope, commands);
    return { status: 200, body: commands };
  }
}
