/**
 * The real bot process against a fake Discord on 127.0.0.1: registration, the three commands,
 * autocomplete, buttons, a resumed gateway, rate limits and server errors on edits, and a
 * graceful shutdown with a reply in flight. Nothing leaves the machine.
 */
import { InteractionResponseType, type APIEmbed, type APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TOKEN, startBotWithFakeDiscord, stopBotsWithFakeDiscord, type BotProcess } from '../support/botProcess.js';
import { EPHEMERAL, messageButtons, type MessageBody } from '../support/botReplies.js';
import { autocomplete, buttonPress, slashCommand, type FakeDiscord, type RecordedRequest } from '../support/fakeDiscord.js';
import { makeTempCorpus, removeTempCorpora } from '../support/tempCorpus.js';

interface CallbackBody {
  type: number;
  data?: MessageBody & { choices?: Array<{ name: string; value: string }> };
}

const isCallback = (request: RecordedRequest): boolean => request.path.endsWith('/callback');
const isOriginalEdit = (request: RecordedRequest): boolean => request.method === 'PATCH' && request.path.endsWith('/messages/@original');

afterAll(async () => {
  await stopBotsWithFakeDiscord();
  await removeTempCorpora();
});

/** Waits for the request that completes an interaction's reply and returns it with the interaction's callbacks. */
async function reply(fake: FakeDiscord, interaction: APIInteraction, predicate: (request: RecordedRequest) => boolean = isOriginalEdit) {
  const final = await fake.waitForRequest(
    (request) => request.status < 300 && (request.path.includes(interaction.token) || request.path.includes(interaction.id)) && predicate(request),
    8_000,
  );
  const callbacks = fake.requestsFor(interaction).filter(isCallback);
  return { final, body: final.body as MessageBody & CallbackBody, callbacks };
}

function embedText(embed: APIEmbed): string {
  return [embed.title, embed.description, embed.footer?.text, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])].join('\n');
}

describe('the bot in a guild', () => {
  let fake: FakeDiscord;
  let bot: BotProcess;

  beforeAll(async () => {
    ({ fake, bot } = await startBotWithFakeDiscord());
  }, 30_000);

  afterAll(stopBotsWithFakeDiscord);

  it('connects with the Guilds intent only and registers its seven slash commands and its message command to the guild', () => {
    expect(fake.identifies[0]?.intents).toBe(1);
    const registered = fake.registeredCommands(fake.guildId);
    expect(registered.map((command) => command.name).sort()).toEqual(['Add to Dossier', 'add', 'ask', 'gaps', 'reload', 'source', 'status', 'who']);
    const ask = registered.find((command) => command.name === 'ask');
    expect(ask?.options?.map((option) => option.name)).toEqual(['question', 'hide', 'after', 'before']);
  });

  it('answers /ask with a deferred, then edited, embed quoting Elliott Abrams within 3 s', async () => {
    const interaction = fake.dispatchInteraction(slashCommand('ask', { question: 'Who replaced Brian Hook?' }));
    const { final, body, callbacks } = await reply(fake, interaction);

    expect(callbacks).toHaveLength(1);
    expect((callbacks[0]!.body as CallbackBody).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(final.at - callbacks[0]!.at).toBeLessThan(3_000);
    const embed = body.embeds![0]!;
    expect(embed.description).toContain('Elliott Abrams');
    expect(embed.description).toMatch(/\*\*[^*]+\*\*/);
    expect(embed.fields?.[0]?.value).toContain('](<https://freebeacon.com/');
    expect(embed.fields?.[0]?.value).toContain('Washington Free Beacon, 2020-08-07');
    expect(embed.footer?.text).toMatch(/^Corpus [0-9a-f]+ · 5 articles$/);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(messageButtons(body).map((button) => button.label)).toEqual(['More results', 'Full article']);
  });

  it('defers /ask hide:true as ephemeral', async () => {
    const interaction = fake.dispatchInteraction(slashCommand('ask', { question: 'Which alliance worries Russia by expanding east?', hide: true }));
    const { callbacks, body } = await reply(fake, interaction);
    expect((callbacks[0]!.body as CallbackBody).data?.flags).toBe(EPHEMERAL);
    expect(embedText(body.embeds![0]!)).toContain('NATO');
  });

  it('says plainly when the corpus does not cover a question', async () => {
    const interaction = fake.dispatchInteraction(slashCommand('ask', { question: 'What is the capital of Australia?' }, { userId: '300000000000000001' }));
    const { body } = await reply(fake, interaction);
    expect(body.embeds![0]!.description).toContain('The corpus does not cover this question.');
  });

  it('answers an empty question with one short ephemeral notice', async () => {
    const interaction = fake.dispatchInteraction(slashCommand('ask', { question: '   ' }, { userId: '300000000000000002' }));
    const { body } = await reply(fake, interaction, (request) => request.method === 'POST' && request.path.endsWith(`/webhooks/${fake.applicationId}/${interaction.token}`));
    expect(body.content).toContain('Ask a question');
    expect(body.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('sends the next citations when "More results" is pressed', async () => {
    const asked = fake.dispatchInteraction(slashCommand('ask', { question: 'What did Russia and Iran agree on?' }, { userId: '300000000000000003' }));
    await reply(fake, asked);
    const [message] = fake.messagesFor(asked);
    const press = fake.dispatchInteraction(buttonPress('ask:more:3', message!.id, { userId: '300000000000000003' }));
    const { body } = await reply(fake, press, isCallback);
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.embeds?.[0]?.fields?.[0]?.name).toMatch(/^\[4\]/);
  });

  it("answers /who with the person's profile, found from a misspelled name", async () => {
    const interaction = fake.dispatchInteraction(slashCommand('who', { name: 'Lavrof' }));
    const { body } = await reply(fake, interaction);
    const embed = body.embeds![0]!;
    expect(embed.title).toBe('Sergei Lavrov');
    expect(embed.description).toContain('Sergey Lavrov');
    expect(embed.description).toContain('Foreign Minister');
  });

  it('autocompletes /source titles with publisher and date, within Discord limits', async () => {
    const interaction = fake.dispatchInteraction(autocomplete('source', { article: 'deepening' }, 'article'));
    const { body } = await reply(fake, interaction, isCallback);
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = body.data?.choices ?? [];
    expect(choices[0]).toEqual({ name: 'Russia and Iran Deepening Their Relationship — VOA Editorials, 2022-07', value: 'russia-iran-deepening-relationship' });
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.every((choice) => choice.name.length <= 100 && choice.value.length <= 100)).toBe(true);
  });

  it('autocompletes /who names', async () => {
    const interaction = fake.dispatchInteraction(autocomplete('who', { name: 'Zar' }, 'name'));
    const { body } = await reply(fake, interaction, isCallback);
    expect(body.data?.choices?.[0]).toEqual({ name: 'Mohammad Javad Zarif — Iranian foreign minister', value: 'Mohammad Javad Zarif' });
  });

  it('pages through /source with stateless Previous/Next buttons', async () => {
    const interaction = fake.dispatchInteraction(slashCommand('source', { article: 'russia-iran-deepening-relationship' }));
    const { body, callbacks } = await reply(fake, interaction);
    expect((callbacks[0]!.body as CallbackBody).data?.flags).toBe(EPHEMERAL);
    expect(body.embeds![0]!.footer?.text).toMatch(/^Page 1 of 2 · /);
    const next = messageButtons(body).find((button) => button.label === 'Next');
    expect(next?.custom_id).toBe('source:page:russia-iran-deepening-relationship:2');

    const [message] = fake.messagesFor(interaction);
    const press = fake.dispatchInteraction(buttonPress(next!.custom_id!, message!.id));
    const turned = await reply(fake, press, isCallback);
    expect(turned.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(turned.body.data?.embeds?.[0]?.footer?.text).toMatch(/^Page 2 of 2 · /);
    expect(turned.body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('sends the whole article as a .md attachment', async () => {
    const press = fake.dispatchInteraction(buttonPress('source:file:russian-iranian-alliance-that-wasnt', '300000000000000009'));
    const { final } = await reply(fake, press, isCallback);
    expect(final.files.map((file) => file.name)).toEqual(['russian-iranian-alliance-that-wasnt.md']);
    expect(final.files[0]!.size).toBeGreaterThan(2_000);
  });

  it('keeps answering after the gateway connection drops and the session resumes, logging both', async () => {
    const logged = bot.logLines.length;
    fake.dropGatewayConnection(4000);
    await fake.waitForResume(8_000);
    const interaction = fake.dispatchInteraction(slashCommand('ask', { question: 'How many UAVs is Iran preparing for Russia?' }, { userId: '300000000000000004' }));
    const { body } = await reply(fake, interaction);
    expect(body.embeds![0]!.description).toContain('UAVs');
    const lines = bot.logLines.slice(logged).map((line) => JSON.parse(line) as { msg: string });
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'gateway connection closed; reconnecting', shardId: 0, closeCode: 4000, closeName: 'UnknownError' }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'gateway session resumed', shardId: 0 }));
  });

  it('resumes after the connection is cut without a close frame (1006), as a network failure does', async () => {
    const logged = bot.logLines.length;
    fake.dropGatewayConnection(1006);
    const resume = await fake.waitForResume(8_000);
    expect(resume.accepted).toBe(true);
    const interaction = fake.dispatchInteraction(slashCommand('who', { name: 'Zarif' }));
    const { body } = await reply(fake, interaction);
    expect(body.embeds![0]!.title).toBe('Mohammad Javad Zarif');
    const lines = bot.logLines.slice(logged).map((line) => JSON.parse(line) as { msg: string });
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'gateway connection closed; reconnecting', closeCode: 1006 }));
    expect(fake.identifies).toHaveLength(1);
  });

  it('retries an edit that met a 429, and one that met a 500', async () => {
    fake.failNext({ method: 'PATCH', pathPattern: /messages\/@original$/, status: 429, retryAfter: 0.2 });
    const limited = fake.dispatchInteraction(slashCommand('ask', { question: 'Who is the US ambassador to the UN?' }, { userId: '300000000000000005' }));
    await reply(fake, limited);
    expect(
      fake
        .requestsFor(limited)
        .filter(isOriginalEdit)
        .map((request) => request.status),
    ).toEqual([429, 200]);

    fake.failNext({ method: 'PATCH', pathPattern: /messages\/@original$/, status: 500 });
    const failing = fake.dispatchInteraction(slashCommand('ask', { question: 'Who is the US ambassador to the UN?' }, { userId: '300000000000000006' }));
    await reply(fake, failing);
    expect(
      fake
        .requestsFor(failing)
        .filter(isOriginalEdit)
        .map((request) => request.status),
    ).toEqual([500, 200]);
  });

  it('cools a user down after a burst of questions', async () => {
    const userId = '300000000000000007';
    const interactions = [1, 2, 3, 4].map(() => fake.dispatchInteraction(slashCommand('ask', { question: 'Who met Lavrov in Moscow?' }, { userId })));
    const last = await reply(fake, interactions[3]!, isCallback);
    expect(last.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(last.body.data?.content).toMatch(/try again in \d+ s/);
    expect((last.body.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('sends exactly one acknowledgement per interaction and no payload that could ping', () => {
    const callbacksByInteraction = new Map<string, number>();
    for (const request of fake.requests.filter(isCallback)) {
      const id = request.path.split('/')[2]!;
      callbacksByInteraction.set(id, (callbacksByInteraction.get(id) ?? 0) + 1);
    }
    expect([...callbacksByInteraction.values()].every((count) => count === 1)).toBe(true);
    const messageBodies = fake.requests
      .filter((request) => request.path.startsWith('/webhooks/') || isCallback(request))
      .map((request) => (isCallback(request) ? (request.body as CallbackBody).data : (request.body as MessageBody)))
      .filter((body): body is MessageBody => body !== undefined && ('content' in body || 'embeds' in body));
    expect(messageBodies.length).toBeGreaterThan(10);
    expect(messageBodies.every((body) => body.allowed_mentions?.parse?.length === 0)).toBe(true);
  });

  it('logs JSON lines that never contain the token or an interaction token', () => {
    expect(bot.logLines.length).toBeGreaterThan(5);
    const tokens = fake.requests.filter(isCallback).map((request) => request.path.split('/')[3]!);
    for (const line of bot.logLines) {
      expect(() => JSON.parse(line)).not.toThrow();
      expect(line).not.toContain(FAKE_TOKEN);
      for (const token of tokens) expect(line).not.toContain(token);
    }
  });
});

describe('the bot with a hostile corpus, shutting down', () => {
  it('pings no one for @everyone and role mentions in articles, and finishes a reply in flight on SIGTERM', async () => {
    const corpus = await makeTempCorpus({
      'mentions.md':
        '---\nid: mass-mention-memo\ntitle: "Memo to @everyone on the <@&123> role"\npublisher: Test Wire\n---\n\n' +
        'The ministry memo was addressed to @everyone and to <@&123> and to <@456>, asking all staff to read the sanctions guidance before Friday.\n',
    });
    const { fake, bot, stop } = await startBotWithFakeDiscord({ env: { CORPUS_DIR: corpus } });
    try {
      const asked = fake.dispatchInteraction(slashCommand('ask', { question: 'Who was the ministry memo addressed to?' }));
      const { body } = await reply(fake, asked);
      const shown = embedText(body.embeds![0]!);
      expect(shown).toContain('@\u200beveryone');
      expect(shown).toContain('<\u200b@&123>');
      expect(shown).not.toMatch(/@everyone|<@&?\d+>/u);
      expect(body.allowed_mentions).toEqual({ parse: [] });

      // The edit is rate limited for a second; SIGTERM arrives while the reply is in flight.
      fake.failNext({ method: 'PATCH', pathPattern: /messages\/@original$/, status: 429, retryAfter: 1 });
      const inFlight = fake.dispatchInteraction(slashCommand('ask', { question: 'What must staff read before Friday?' }));
      await fake.waitForRequest((request) => request.status === 429 && request.path.includes(inFlight.token), 8_000);
      const exitCode = await bot.stop();
      expect(exitCode).toBe(0);
      expect(
        fake
          .requestsFor(inFlight)
          .filter(isOriginalEdit)
          .map((request) => request.status),
      ).toEqual([429, 200]);
      expect(bot.logLines.some((line) => line.includes('"shutting down"'))).toBe(true);
    } finally {
      await stop();
    }
  }, 30_000);
});
