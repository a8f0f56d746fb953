/**
 * Runs the built bot (`dist/src/main.js`) as a child process against a fake Discord, collecting
 * its JSON log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakeDiscord } from './fakeDiscord.js';

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
