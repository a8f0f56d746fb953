/**
 * Editing the corpus of the running bot (the real process against the fake Discord) while
 * questions keep coming: no question fails, the new article is cited once the new index is in
 * service, a file that stops parsing keeps its previous version, and `/status` and `/reload`
 * tell moderators what happened.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PermissionFlagsBits, type APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logRecords, startBotWithFakeDiscord, stopBotsWithFakeDiscord, type BotProcess } from '../support/botProcess.js';
import { EPHEMERAL, messageText, waitForFinalMessage, type MessageBody } from '../support/botReplies.js';
import { slashCommand, type FakeDiscord } from '../support/fakeDiscord.js';
import { copySeedCorpus, markdownArticle, removeTempCorpora } from '../support/tempCorpus.js';

const RAIL_QUESTION = 'Who is financing the Rasht–Astara railway?';
/** A real 2023 story, absent from the seed corpus. */
const railArticle = markdownArticle(
  {
    id: 'rasht-astara-railway',
    title: 'Russia and Iran Sign Deal to Build the Rasht–Astara Railway',
    publisher: 'Reuters',
    date: '2023-05-17',
    url: 'https://www.reuters.com/world/russia-iran-sign-deal-build-railway-2023-05-17/',
  },
  'Russia and Iran signed an agreement on Wednesday to build the Rasht–Astara railway, a link in the North–South transport corridor. Russia is financing the railway with a loan of 1.3 billion euros, Russian President Vladimir Putin said.',
);

/** The final message of an interaction: the edit of a deferred reply, or a follow-up notice. */
function finalMessage(fake: FakeDiscord, interaction: APIInteraction): Promise<MessageBody> {
  return waitForFinalMessage(fake, interaction, 10_000);
}

let nextUser = 400_000_000_000_000_000n;
/** A fresh user for each question, so that the per-user cooldown never answers instead. */
function ask(fake: FakeDiscord, question: string): APIInteraction {
  nextUser += 1n;
  return fake.dispatchInteraction(slashCommand('ask', { question }, { userId: nextUser.toString() }));
}

function logged(bot: BotProcess, message: string): Array<Record<string, unknown>> {
  return logRecords(bot.logLines).filter((record) => record['msg'] === message);
}

async function waitForLog(bot: BotProcess, message: string, count: number, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const found = logged(bot, message);
    if (found.length >= count) return found[count - 1]!;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no log line "${message}" (#${count}) after ${timeoutMs} ms`);
}

describe('editing the corpus of a running bot', () => {
  let fake: FakeDiscord;
  let bot: BotProcess;
  let corpus: string;

  beforeAll(async () => {
    corpus = await copySeedCorpus();
    ({ fake, bot } = await startBotWithFakeDiscord({ env: { CORPUS_DIR: corpus }, readyTimeoutMs: 20_000 }));
  }, 40_000);

  afterAll(async () => {
    await stopBotsWithFakeDiscord();
    await removeTempCorpora();
  });

  it('answers every question asked during the swap, and cites the new article after it', async () => {
    const before = messageText(await finalMessage(fake, ask(fake, RAIL_QUESTION)));
    expect(before).toContain('The corpus does not cover this question.');

    const asked: APIInteraction[] = [];
    let asking = true;
    const questions = (async () => {
      for (let n = 0; asking; n += 1) {
        asked.push(ask(fake, n % 2 === 0 ? 'Who replaced Brian Hook?' : RAIL_QUESTION));
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();
    await writeFile(path.join(corpus, 'rasht-astara-railway.md'), railArticle);
    const reload = await waitForLog(bot, 'corpus reloaded: new index in service', 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    asking = false;
    await questions;

    expect(reload).toMatchObject({ trigger: 'file-change', added: ['rasht-astara-railway'], changed: [], removed: [] });
    expect(reload['version']).not.toBe(reload['previousVersion']);
    const replies = await Promise.all(asked.map((interaction) => finalMessage(fake, interaction)));
    expect(replies.length).toBeGreaterThan(10);
    for (const reply of replies) {
      expect(messageText(reply)).not.toContain('Something went wrong');
      expect(reply.embeds?.[0]?.footer?.text).toMatch(/^Corpus [0-9a-f]+ · [56] articles$/);
    }
    const after = await finalMessage(fake, ask(fake, RAIL_QUESTION));
    expect(after.embeds?.[0]?.description).toContain('**Rasht**–**Astara railway**');
    expect(after.embeds?.[0]?.fields?.[0]?.value).toContain('Reuters, 2023-05-17');
    expect(after.embeds?.[0]?.footer?.text).toBe(`Corpus ${String(reload['version'])} · 6 articles`);
  }, 40_000);

  it('keeps serving the previous version of an article whose file stops parsing, and logs the file', async () => {
    await writeFile(path.join(corpus, 'iran-relationship-russia-washington-pressure.md'), '---\ntitle: Iran Relationship With Russia\n');
    const kept = await waitForLog(bot, 'corpus file no longer parses: its previous version stays in service', 1);
    expect(kept['file']).toBe('iran-relationship-russia-washington-pressure.md');
    const reply = await finalMessage(fake, ask(fake, 'Who replaced Brian Hook?'));
    expect(reply.embeds?.[0]?.description).toContain('Elliott Abrams');
  }, 30_000);

  it('shows the corpus in service and the last reload in /status, to who asked only', async () => {
    const body = await finalMessage(fake, fake.dispatchInteraction(slashCommand('status')));
    const shown = messageText(body);
    const latest = logged(bot, 'corpus reloaded: new index in service').at(-1)!;
    expect(shown).toContain(`version \`${String(latest['version'])}\``);
    expect(shown).toMatch(/6 articles · \d+ passages · \d+ people · watching for changes/);
    expect(shown).toContain('on a file change');
    expect(shown).toContain('iran-relationship-russia-washington-pressure.md');
    expect(shown).toMatch(/Gateway\nconnected/);
  });

  it('registers /reload for server managers only, and refuses it to other members', async () => {
    const registered = fake.registeredCommands(fake.guildId).find((command) => command.name === 'reload');
    expect(registered?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    const interaction = fake.dispatchInteraction(slashCommand('reload'));
    const body = await finalMessage(fake, interaction);
    expect(body.content).toContain('Only members who can manage this server');
    const deferral = fake.requestsFor(interaction).find((request) => request.path.endsWith('/callback'))?.body as { data?: { flags?: number } };
    expect(deferral.data?.flags).toBe(EPHEMERAL);
  });

  it('reloads on /reload from a server manager and says what changed', async () => {
    await rm(path.join(corpus, 'rasht-astara-railway.md'));
    const manager = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild;
    const body = await finalMessage(fake, fake.dispatchInteraction(slashCommand('reload', {}, { permissions: manager })));
    const shown = messageText(body);
    // The watcher may have swapped first: then /reload finds nothing more to change.
    expect(shown).toMatch(/Reloaded.*\n.*Removed \(1\): `rasht-astara-railway`|No change/);
    const after = await finalMessage(fake, ask(fake, RAIL_QUESTION));
    expect(after.embeds?.[0]?.description).toContain('The corpus does not cover this question.');
  }, 30_000);
});
