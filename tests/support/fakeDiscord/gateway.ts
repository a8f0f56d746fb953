/**
 * The fake Discord's gateway: the WebSocket the bot connects to. HELLO and heartbeats, IDENTIFY
 * checked as Discord checks it (token 4004, unknown intents 4013, privileged intents 4014),
 * READY then GUILD_CREATE, sequenced dispatches logged for RESUME, and closes made on purpose.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  type ApplicationFlags,
  type GatewayDispatchPayload,
  type GatewayIdentifyData,
  type GatewayReadyDispatchData,
  type GatewayReceivePayload,
  type GatewayResumeData,
} from 'discord-api-types/v10';
import { isRecord } from './discordValues.js';
import type { FakeGuild } from './guild.js';
import type { RecordedGatewayClose, RecordedResume, UnrecoverableCloseCode } from './types.js';

const GATEWAY_VERSION = 10;
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

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** The bot token IDENTIFY must carry; any non-empty token when undefined. */
  acceptedToken: string | undefined;
  /** The privileged intents enabled for the bot, as a bit set. */
  privilegedIntents: number;
  /** The URL announced as `resume_gateway_url`. */
  gatewayUrl: () => string;
  /** Called after anything a test may wait for: READY sent, a RESUME, a close. */
  onChange: () => void;
}

export class FakeGateway {
  /** Every IDENTIFY payload received, in order. */
  readonly identifies: GatewayIdentifyData[] = [];
  /** Every RESUME received, in order. */
  readonly resumes: RecordedResume[] = [];
  /** Every gateway connection the fake closed (refused IDENTIFYs, drops), in order. */
  readonly gatewayCloses: RecordedGatewayClose[] = [];

  private readonly webSocketServer = new WebSocketServer({ noServer: true });
  private readonly authenticatedSockets = new WeakSet<WebSocket>();
  private identifyCloseCode: UnrecoverableCloseCode | undefined;
  private session: GatewaySession | undefined;
  private readySent = false;
  private resumesBeforeLastDrop = 0;

  constructor(
    private readonly guild: FakeGuild,
    private readonly options: GatewayOptions,
  ) {}

  /** Takes over an HTTP upgrade request as a gateway connection. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.webSocketServer.handleUpgrade(request, socket, head, (webSocket) => this.acceptConnection(webSocket));
  }

  /** Whether a session was started (dispatches are then logged, and sent while connected). */
  get hasSession(): boolean {
    return this.session !== undefined;
  }

  /** The latest IDENTIFY once READY has been sent for it. */
  readyIdentify(): GatewayIdentifyData | undefined {
    return this.readySent ? this.identifies.at(-1) : undefined;
  }

  /** The first RESUME received since the last {@link drop} (or since start). */
  resumeSinceLastDrop(): RecordedResume | undefined {
    return this.resumes[this.resumesBeforeLastDrop];
  }

  /** See {@link FakeDiscord.dropGatewayConnection}. */
  drop(code: number): void {
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

  /** See {@link FakeDiscord.refuseIdentify}. */
  refuseIdentify(code: UnrecoverableCloseCode | undefined): void {
    this.identifyCloseCode = code;
  }

  /** See {@link FakeDiscord.dispatch}, which types `data` by event. */
  dispatch(event: GatewayDispatchPayload['t'], data: unknown): number {
    const session = this.session;
    if (!session) throw new Error('dispatch(): no gateway session yet; await waitForReady() first');
    session.sequence += 1;
    const payload: SequencedDispatch = { op: GatewayOpcodes.Dispatch, t: event, s: session.sequence, d: data };
    session.dispatchLog.push(payload);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(payload));
    return session.sequence;
  }

  /** Cuts every connection and stops accepting new ones. */
  close(): void {
    for (const client of this.webSocketServer.clients) client.terminate();
    this.webSocketServer.close();
  }

  private acceptConnection(socket: WebSocket): void {
    this.sendGateway(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, t: null, s: null });
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
    this.options.onChange();
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
    if (this.options.acceptedToken !== undefined && token.replace(/^Bot /, '') !== this.options.acceptedToken) return GatewayCloseCodes.AuthenticationFailed;
    const intents = isRecord(data) ? data['intents'] : undefined;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0 || (intents & ~KNOWN_INTENTS) !== 0) {
      return GatewayCloseCodes.InvalidIntents;
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.options.privilegedIntents) !== 0) return GatewayCloseCodes.DisallowedIntents;
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
      user: this.guild.botUser,
      guilds: [{ id: this.guild.guildId, unavailable: true }],
      session_id: this.session.id,
      resume_gateway_url: this.options.gatewayUrl(),
      shard: [0, 1],
      application: { id: this.guild.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.dispatch(GatewayDispatchEvents.Ready, ready);
    this.dispatch(GatewayDispatchEvents.GuildCreate, this.guild.guildCreate());
    this.readySent = true;
    this.options.onChange();
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
    this.options.onChange();
  }
}
