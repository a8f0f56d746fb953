/**
 * Runs the built bot (`dist/src/main.js`) as a child process against a fake Discord, collecting
 * its JSON log lines; {@link startBotWithFakeDiscord} starts both and waits until the bot is ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from './fakeDiscord.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Long enough to look like a token, so a leak into a log line would be recognisable. */
export const FAKE_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.fake-dossier-token.e2e-secret-value';

export interface BotProcess {
  readonly child: ChildProcess;
  /** Every line the bot wrote to standard error (its log), parsed when JSON. */
  readonly logLines: string[];
  readonly stdout: string[];
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/**
 * Starts the built bot against `fake`. Recording is off unless `env` sets `RECORD_QUESTIONS`
 * (with a `DATABASE_PATH` in a temporary folder), so that no test writes `data/dossier.db`.
 */
export function startBotProcess(fake: FakeDiscord, env: Record<string, string> = {}): BotProcess {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_BASE: fake.apiBase,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      LOG_LEVEL: 'debug',
      RECORD_QUESTIONS: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logLines: string[] = [];
  const stdout: string[] = [];
  collectLines(child.stderr!, logLines);
  collectLines(child.stdout!, stdout);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    logLines,
    stdout,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The JSON log lines among `lines` (a bot's {@link BotProcess.logLines}), parsed; other lines are skipped. */
export function logRecords(lines: readonly string[]): Array<Record<string, unknown>> {
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

function collectLines(stream: NodeJS.ReadableStream, into: string[]): void {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    into.push(...lines.filter((line) => line.length > 0));
  });
}

/** Options for {@link startBotWithFakeDiscord}; every field is optional. */
export interface BotWithFakeDiscordOptions {
  /** Options of the fake Discord (token accepted, privileged intents, command scope…). */
  readonly fake?: FakeDiscordOptions;
  /** Runs on the fake before the bot starts: a role to create, an IDENTIFY to refuse. */
  readonly prepare?: (fake: FakeDiscord) => void;
  /**
   * Environment of the bot, on top of the fake's Discord settings (`CORPUS_DIR`, `SHARDS`…), or a
   * function of the fake giving it, called after `prepare` (to pass a role's id).
   */
  readonly env?: Readonly<Record<string, string>> | ((fake: FakeDiscord) => Readonly<Record<string, string>>);
  /**
   * How long to wait for the bot to register its commands to the guild, its sign of being
   * ready; `false` not to wait, for a bot expected to stop before. Default 15 000 ms.
   */
  readonly readyTimeoutMs?: number | false;
}

/** A fake Discord with the real bot connected to it. */
export interface BotWithFakeDiscord {
  readonly fake: FakeDiscord;
  readonly bot: BotProcess;
  /** Stops the bot (SIGTERM), then closes the fake. Safe to call more than once. */
  stop(): Promise<void>;
}

const running: BotWithFakeDiscord[] = [];

/**
 * Starts a fake Discord and the built bot against it, and (unless `readyTimeoutMs` is false)
 * waits until the bot has registered its commands. {@link stopBotsWithFakeDiscord} stops every
 * pair started, even one whose start failed: call it in `afterAll` or `afterEach`.
 *
 * @example
 * const { fake, bot } = await startBotWithFakeDiscord({ env: { CORPUS_DIR: corpus } });
 * const interaction = fake.dispatchInteraction(slashCommand('ask', { question: 'Who replaced Brian Hook?' }));
 */
export async function startBotWithFakeDiscord(options: BotWithFakeDiscordOptions = {}): Promise<BotWithFakeDiscord> {
  const fake = await startFakeDiscord(options.fake);
  options.prepare?.(fake);
  const env = typeof options.env === 'function' ? options.env(fake) : options.env;
  const bot = startBotProcess(fake, { ...env });
  const started: BotWithFakeDiscord = {
    fake,
    bot,
    async stop() {
      await bot.stop();
      await fake.close();
    },
  };
  running.push(started);
  if (options.readyTimeoutMs !== false) await waitForCommandsRegistered(fake, options.readyTimeoutMs ?? 15_000);
  return started;
}

/** Stops every bot started by {@link startBotWithFakeDiscord} and closes its fake Discord. */
export async function stopBotsWithFakeDiscord(): Promise<void> {
  for (const started of running.splice(0)) await started.stop();
}

/** Resolves when the bot has registered its commands to the fake's guild (bulk overwrite). */
export function waitForCommandsRegistered(fake: FakeDiscord, timeoutMs: number): Promise<RecordedRequest> {
  return fake.waitForRequest((request) => request.method === 'PUT' && request.path.endsWith(`/guilds/${fake.guildId}/commands`), timeoutMs);
}
