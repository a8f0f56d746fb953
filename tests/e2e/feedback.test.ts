/**
 * The question memory end to end: the real bot process against the fake Discord, recording in
 * an SQLite file of a temporary folder. A member asks, the bot restarts, the member presses 👍 on
 * the earlier answer (its button carries all it needs), and the vote lands in the database;
 * a moderator's /gaps lists the question the corpus could not answer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PermissionFlagsBits, type APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/database/sqliteStore.js';
import { hashVoter } from '../../src/questionMemory.js';
import { startBotProcess, waitForCommandsRegistered, type BotProcess } from '../support/botProcess.js';
import { EPHEMERAL, messageButtons, waitForFinalMessage, type MessageBody } from '../support/botReplies.js';
import { buttonPress, slashCommand, startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';

const MANAGER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild;
const ASKER = '500000000000000001';
const VOTER = '500000000000000002';
const DECLINED_QUESTION = 'How many drones did Iran sell to Venezuela?';

let folder: string;
let databasePath: string;
let fake: FakeDiscord;
let bot: BotProcess | undefined;
/** The answer to "Who replaced Brian Hook?", given by the first bot process. */
let answer: { interaction: APIInteraction; body: MessageBody };
let firstExit: number | null;

function startBot(): BotProcess {
  return startBotProcess(fake, { RECORD_QUESTIONS: 'on', DATABASE_PATH: databasePath });
}

/** Waits until the bot started after `since` has registered its commands (its sign of being ready). */
async function waitUntilReady(since: number): Promise<void> {
  await fake.waitForRequest((request) => request.at >= since && request.method === 'PUT' && request.path.endsWith(`/guilds/${fake.guildId}/commands`), 20_000);
}

async function ask(question: string, userId: string): Promise<{ interaction: APIInteraction; body: MessageBody }> {
  const interaction = fake.dispatchInteraction(slashCommand('ask', { question }, { userId }));
  return { interaction, body: await waitForFinalMessage(fake, interaction, 10_000) };
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'dossier-feedback-'));
  databasePath = path.join(folder, 'records', 'dossier.db');
  fake = await startFakeDiscord();
  bot = startBot();
  await waitForCommandsRegistered(fake, 20_000);
  answer = await ask('Who replaced Brian Hook?', ASKER);
  await ask(DECLINED_QUESTION, ASKER);
  firstExit = await bot.stop();
  const restarted = Date.now();
  bot = startBot();
  await waitUntilReady(restarted);
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake.close();
  await rm(folder, { recursive: true, force: true });
});

describe('votes and gaps across a restart, with SQLite', () => {
  it('shows 👍 Helpful and 👎 Not helpful on the answer, beside its paging buttons', () => {
    expect(messageButtons(answer.body).map((button) => button.label)).toEqual(['More results', 'Full article', 'Helpful', 'Not helpful']);
    expect(messageButtons(answer.body)[2]?.custom_id).toMatch(/^ask:vote:[A-Za-z0-9_-]{22}:up$/);
  });

  it('stops at SIGTERM with exit 0 after writing what it recorded', () => {
    expect(firstExit).toBe(0);
  });

  it('takes a 👍 on the answer given before the restart, thanks the member privately, and records the vote in the SQLite file', async () => {
    const up = messageButtons(answer.body).find((button) => button.label === 'Helpful')!.custom_id!;
    const [message] = fake.messagesFor(answer.interaction);
    const press = fake.dispatchInteraction(buttonPress(up, message!.id, { userId: VOTER }));
    const callback = await fake.waitForRequest((request) => request.path.endsWith(`/interactions/${press.id}/${press.token}/callback`), 10_000);
    const data = (callback.body as { data?: MessageBody }).data;
    expect(data?.content).toBe('Thanks — noted.');
    expect((data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);

    const exit = await bot!.stop();
    expect(exit).toBe(0);
    const store = new SqliteStore(databasePath);
    let salt: string;
    try {
      await store.migrate();
      expect(await store.activity(0)).toEqual({ questions: 2, answered: 1, helpful: 1, unhelpful: 0 });
      salt = await store.installationSalt();
    } finally {
      await store.close();
    }
    const database = new Database(databasePath, { readonly: true });
    try {
      const answerId = /^ask:vote:([^:]+):up$/.exec(up)![1];
      // The member is known only by the salted hash; the question record names nobody.
      expect(database.prepare('SELECT answer_id, voter_hash, helpful FROM votes').all()).toEqual([{ answer_id: answerId, voter_hash: hashVoter(salt, VOTER), helpful: 1 }]);
      expect(JSON.stringify(database.prepare('SELECT * FROM questions').all())).not.toContain(ASKER);
    } finally {
      database.close();
    }
    const restarted = Date.now();
    bot = startBot();
    await waitUntilReady(restarted);
  }, 40_000);

  it('lists the declined question in /gaps for a moderator, with its nearest article', async () => {
    const interaction = fake.dispatchInteraction(slashCommand('gaps', {}, { permissions: MANAGER, userId: '500000000000000003' }));
    const body = await waitForFinalMessage(fake, interaction, 10_000);
    const fields = body.embeds?.[0]?.fields ?? [];
    expect(fields[0]?.name).toMatch(/^Declined · asked 1× · last \d{4}-\d{2}-\d{2}$/);
    expect(fields[0]?.value).toContain(`“${DECLINED_QUESTION}”`);
    expect(fields[0]?.value).toContain('`/source iran-relationship-russia-washington-pressure`');
  });
});
