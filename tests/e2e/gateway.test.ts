/**
 * The real bot process against a fake Discord when Discord will not let it in, at login or later:
 * it logs one fatal line that says what to fix, exits 1 within a few seconds (so that a
 * supervisor shows it), and never prints the token. Recoverable drops are in `bot.test.ts`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_TOKEN, startBotWithFakeDiscord, stopBotsWithFakeDiscord, waitForCommandsRegistered, type BotProcess } from '../support/botProcess.js';
import type { FakeDiscord, FakeDiscordOptions } from '../support/fakeDiscord.js';

/** pino's level number for `fatal`. */
const FATAL = 60;
/** How soon after Discord's refusal the process must have exited. */
const PROMPT_EXIT_MS = 5_000;

interface LogLine {
  level: number;
  msg: string;
  closeCode?: number;
  shardId?: number;
}

afterEach(stopBotsWithFakeDiscord);

/** Starts the bot without waiting for it to be ready: Discord may refuse it first. */
async function start(fakeOptions: FakeDiscordOptions = {}, prepare: (fake: FakeDiscord) => void = () => undefined) {
  const { fake, bot } = await startBotWithFakeDiscord({ fake: fakeOptions, prepare, readyTimeoutMs: false });
  const exited = bot.exited.then((code) => ({ code, at: Date.now() }));
  return { fake, bot, exited };
}

function fatalLines(bot: BotProcess): LogLine[] {
  return bot.logLines.map((line) => JSON.parse(line) as LogLine).filter((line) => line.level === FATAL);
}

function expectNoToken(bot: BotProcess): void {
  for (const line of [...bot.logLines, ...bot.stdout]) expect(line).not.toContain(FAKE_TOKEN);
}

describe('the bot when Discord will not let it in', () => {
  it('exits 1 when Discord rejects the token at login, saying to copy it again, without printing it', async () => {
    const { fake, bot, exited } = await start({ token: 'the-token-Discord-has-now' });

    const { code, at } = await exited;
    expect(code).toBe(1);
    const rejected = fake.requests.find((request) => request.path === '/gateway/bot');
    expect(rejected?.status).toBe(401);
    expect(at - rejected!.at).toBeLessThan(PROMPT_EXIT_MS);
    const [fatal, ...more] = fatalLines(bot);
    expect(more).toEqual([]);
    expect(fatal?.msg).toMatch(/^DISCORD_TOKEN was rejected by Discord \(401 Unauthorized at login\): copy the bot token again .*Reset Token.* into DISCORD_TOKEN in \.env/);
    expect(fake.identifies).toHaveLength(0);
    expectNoToken(bot);
  }, 20_000);

  it('exits 1 when the gateway refuses the intents with 4014, saying Dossier needs no privileged intent', async () => {
    const { fake, bot, exited } = await start({}, (fake) => fake.refuseIdentify(4014));

    const { code, at } = await exited;
    expect(code).toBe(1);
    const refusal = fake.gatewayCloses[0];
    expect(refusal?.code).toBe(4014);
    expect(at - refusal!.at).toBeLessThan(PROMPT_EXIT_MS);
    const [fatal, ...more] = fatalLines(bot);
    expect(more).toEqual([]);
    expect(fatal).toMatchObject({ closeCode: 4014, shardId: 0 });
    expect(fatal?.msg).toContain('close code 4014');
    expect(fatal?.msg).toContain('Dossier asks for the Guilds intent only, which is not privileged');
    expect(fake.gatewayCloses).toHaveLength(1);
    expectNoToken(bot);
  }, 20_000);

  it('exits 1 when the gateway rejects the token (4004) while it is running, without reconnecting', async () => {
    const { fake, bot, exited } = await start();
    await waitForCommandsRegistered(fake, 15_000);

    fake.dropGatewayConnection(4004);

    const { code, at } = await exited;
    expect(code).toBe(1);
    expect(at - fake.gatewayCloses[0]!.at).toBeLessThan(PROMPT_EXIT_MS);
    const [fatal, ...more] = fatalLines(bot);
    expect(more).toEqual([]);
    expect(fatal).toMatchObject({ closeCode: 4004, shardId: 0 });
    expect(fatal?.msg).toMatch(/^DISCORD_TOKEN was rejected by the gateway \(close code 4004.*Reset Token/);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.resumes).toHaveLength(0);
    expect(bot.logLines.some((line) => line.includes('"disconnected from Discord"'))).toBe(true);
    expectNoToken(bot);
  }, 25_000);

  it('exits 1 when the server will not take the commands (no applications.commands scope), naming the scopes to invite with', async () => {
    const { fake, bot, exited } = await start({ applicationCommandsScope: false });

    const { code } = await exited;
    expect(code).toBe(1);
    expect(fake.requests.find((request) => request.method === 'PUT')?.status).toBe(403);
    const [fatal, ...more] = fatalLines(bot);
    expect(more).toEqual([]);
    expect(fatal?.msg).toContain(`Discord refused to register the commands to the server DISCORD_GUILD_ID=${fake.guildId} (403 Missing Access)`);
    expect(fatal?.msg).toContain('with the scopes bot and applications.commands');
    expectNoToken(bot);
  }, 20_000);
});
