import { setTimeout as sleep } from 'node:timers/promises';
import { AttachmentBuilder, Client, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, Routes } from 'discord.js';
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { autocomplete, buttonPress, slashCommand, startFakeDiscord, type FakeDiscordOptions, type RecordedRequest } from '../support/fakeDiscord.js';
import { connectClientToFakeDiscord, nextInteraction, startClientWithFakeDiscord, stopClientsWithFakeDiscord } from '../support/fakeDiscordClient.js';

afterEach(stopClientsWithFakeDiscord);

/** Starts a fake and a real discord.js client logged in to it, torn down after each test. */
const connect = (options: FakeDiscordOptions = {}) => connectClientToFakeDiscord({ fake: options });

const isCallback = (request: RecordedRequest): boolean => request.path.endsWith('/callback');

describe('the fake Discord with a real discord.js client', () => {
  it('logs the client in: IDENTIFY is recorded and READY plus GUILD_CREATE populate its caches', async () => {
    const { fake, client } = await connect();

    const identify = await fake.waitForReady();

    expect(identify.intents).toBe(GatewayIntentBits.Guilds);
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);
    expect(client.guilds.cache.get(fake.guildId)?.channels.cache.get(fake.textChannel.id)?.isTextBased()).toBe(true);
    expect(fake.requests.find((request) => request.path === '/gateway/bot')?.authorized).toBe(true);
  });

  it('answers heartbeats with HEARTBEAT_ACK, so the client measures its ping', async () => {
    const { client } = await connect({ heartbeatIntervalMs: 50 });

    await expect.poll(() => client.ws.ping, { timeout: 2_000 }).toBeGreaterThanOrEqual(0);
  });

  it('serves /applications/@me, so client.application.fetch() works', async () => {
    const { fake, client } = await connect();

    const application = await client.application!.fetch();

    expect(application.id).toBe(fake.applicationId);
    expect(application.bot?.id).toBe(fake.botUser.id);
  });

  it('delivers a slash command and records a deferred ephemeral reply and its edit', async () => {
    const { fake, client } = await connect();
    const received = nextInteraction(client);

    const sent = fake.dispatchInteraction(slashCommand('ask', { question: 'Who won?' }));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply({ content: 'x', allowedMentions: { parse: [] } });

    expect(interaction.options.getString('question')).toBe('Who won?');
    const [callback, edit] = fake.requestsFor(sent);
    expect(callback).toMatchObject({ method: 'POST', query: { with_response: 'false' }, body: { type: 5, data: { flags: 64 } } });
    expect(edit).toMatchObject({
      method: 'PATCH',
      path: `/webhooks/${fake.applicationId}/${sent.token}/messages/@original`,
      body: { content: 'x', allowed_mentions: { parse: [] } },
    });
    expect(fake.messagesFor(sent)[0]).toMatchObject({ content: 'x', flags: MessageFlags.Ephemeral });
  });

  it('answers withResponse: true with an InteractionCallbackResponse carrying the message', async () => {
    const { fake, client } = await connect();
    const received = nextInteraction(client);

    fake.dispatchInteraction(slashCommand('ask', { question: 'Who?' }));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const response = await interaction.reply({ content: 'Here you go', withResponse: true });

    expect(response.resource?.message?.content).toBe('Here you go');
    expect(response.interaction.responseMessageId).toBe(response.resource?.message?.id);
  });

  it('records an autocomplete respond() as callback type 8 with its choices', async () => {
    const { fake, client } = await connect();
    const received = nextInteraction(client);

    const sent = fake.dispatchInteraction(autocomplete('ask', { topic: 'elec' }, 'topic'));
    const interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error('expected an autocomplete interaction');
    await interaction.respond([{ name: 'Elections', value: 'elections' }]);

    expect(interaction.options.getFocused()).toBe('elec');
    const callback = fake.requestsFor(sent).find(isCallback);
    expect(callback?.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Elections', value: 'elections' }] },
    });
  });

  it('rejects a second acknowledgement with DiscordAPIError 40060', async () => {
    const { fake, client } = await connect();
    const received = nextInteraction(client);

    const sent = fake.dispatchInteraction(slashCommand('ask'));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    // discord.js refuses a second reply itself, so go through REST as a buggy bot could.
    const second = client.rest.post(Routes.interactionCallback(sent.id, sent.token), {
      body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'again' } },
      auth: false,
    });

    await expect(second).rejects.toSatisfy((error) => error instanceof DiscordAPIError && error.code === 40060);
    expect(
      fake
        .requestsFor(sent)
        .filter(isCallback)
        .map((request) => request.status),
    ).toEqual([204, 400]);
  });

  it('rejects an acknowledgement after the deadline with DiscordAPIError 10062', async () => {
    const { fake, client } = await connect({ interactionAckDeadlineMs: 50 });
    const received = nextInteraction(client);

    fake.dispatchInteraction(slashCommand('ask'));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await sleep(100);

    await expect(interaction.deferReply()).rejects.toSatisfy((error) => error instanceof DiscordAPIError && error.code === 10062);
  });

  it('resumes a dropped connection and still delivers a later interaction', async () => {
    const { fake, client } = await connect();

    fake.dropGatewayConnection();
    const resume = await fake.waitForResume();
    const received = nextInteraction(client);
    const sent = fake.dispatchInteraction(slashCommand('ask'));

    expect(resume.accepted).toBe(true);
    expect(fake.identifies).toHaveLength(1);
    expect((await received).id).toBe(sent.id);
  });

  it('replays dispatches missed while disconnected once the client resumes', async () => {
    const { fake, client } = await connect();
    const received = nextInteraction(client);

    fake.dropGatewayConnection();
    const sent = fake.dispatchInteraction(slashCommand('ask'));
    await fake.waitForResume();

    expect((await received).id).toBe(sent.id);
  });

  it('lets discord.js retry a 429 on the edit until the edit lands', async () => {
    const { fake, client } = await connect();
    const received = nextInteraction(client);
    fake.failNext({ method: 'PATCH', pathPattern: /\/messages\/@original$/, status: 429, retryAfter: 0.05 });

    const sent = fake.dispatchInteraction(slashCommand('ask'));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    const message = await interaction.editReply('landed');

    expect(message.content).toBe('landed');
    const edits = fake.requestsFor(sent).filter((request) => request.method === 'PATCH');
    expect(edits.map((request) => request.status)).toEqual([429, 200]);
  });

  it('lets @discordjs/rest retry a 500 on the edit until the edit lands', async () => {
    const { fake, client } = await connect();
    const received = nextInteraction(client);
    fake.failNext({ method: 'PATCH', pathPattern: /\/messages\/@original$/, status: 500 });

    const sent = fake.dispatchInteraction(slashCommand('ask'));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    await interaction.editReply('landed');

    const edits = fake.requestsFor(sent).filter((request) => request.method === 'PATCH');
    expect(edits.map((request) => request.status)).toEqual([500, 200]);
  });

  it('parses multipart bodies: payload_json becomes the body and files are recorded with their sizes', async () => {
    const { fake, client } = await connect();
    const received = nextInteraction(client);

    const sent = fake.dispatchInteraction(slashCommand('ask'));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    const message = await interaction.editReply({
      content: 'see attached',
      files: [new AttachmentBuilder(Buffer.from('hello world'), { name: 'sources.txt' })],
    });

    const edit = fake.requestsFor(sent).find((request) => request.method === 'PATCH');
    expect(edit?.body).toMatchObject({ content: 'see attached', attachments: [{ id: '0' }] });
    expect(edit?.files).toEqual([{ name: 'sources.txt', size: 11 }]);
    expect(message.attachments.first()?.name).toBe('sources.txt');
  });

  it('rejects content over 2000 characters with Invalid Form Body, as Discord does', async () => {
    const { fake, client } = await connect();
    const received = nextInteraction(client);

    fake.dispatchInteraction(slashCommand('ask'));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');

    await expect(interaction.reply('a'.repeat(2001))).rejects.toSatisfy(
      (error) => error instanceof DiscordAPIError && error.code === 50035 && error.message.includes('data.content'),
    );
  });

  it('delivers a button press on a message the bot sent, and records deferUpdate as type 6', async () => {
    const { fake, client } = await connect();
    const commandReceived = nextInteraction(client);
    const command = fake.dispatchInteraction(slashCommand('ask'));
    const commandInteraction = await commandReceived;
    if (!commandInteraction.isChatInputCommand()) throw new Error('expected a chat input command');
    const reply = await commandInteraction.reply({ content: 'Page 1', withResponse: true });
    const messageId = reply.resource?.message?.id ?? '';
    const buttonReceived = nextInteraction(client);

    const press = fake.dispatchInteraction(buttonPress('page:2', messageId));
    const button = await buttonReceived;
    if (!button.isButton()) throw new Error('expected a button interaction');
    await button.deferUpdate();
    await button.editReply('Page 2');

    expect(button.customId).toBe('page:2');
    expect(button.message.content).toBe('Page 1');
    expect(fake.requestsFor(press).find(isCallback)?.body).toEqual({ type: InteractionResponseType.DeferredMessageUpdate });
    expect(fake.messagesFor(command)[0]?.content).toBe('Page 2');
    expect(press.type).toBe(InteractionType.MessageComponent);
  });

  it('registers commands by bulk overwrite and keeps their ids across overwrites', async () => {
    const { fake, client } = await connect();
    const definition = { name: 'ask', description: 'Ask the corpus a question' };

    const first = await client.application!.commands.set([definition], fake.guildId);
    const second = await client.application!.commands.set([definition], fake.guildId);
    const received = nextInteraction(client);
    fake.dispatchInteraction(slashCommand('ask'));

    expect(second.first()?.id).toBe(first.first()?.id);
    expect(fake.registeredCommands(fake.guildId).map((command) => command.name)).toEqual(['ask']);
    const interaction = await received;
    expect(interaction.isChatInputCommand() && interaction.commandId).toBe(first.first()?.id);
  });

  it('answers unknown routes with a Discord-style 404', async () => {
    const { fake } = await connect();

    const response = await fetch(`${fake.apiBase}/v10/channels/1/messages`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 0, message: '404: Not Found' });
  });

  it('answers another bot token with 401, so login() rejects with TokenInvalid before any IDENTIFY', async () => {
    const { fake, client } = await startClientWithFakeDiscord({ fake: { token: 'the-token-Discord-has-now' } });

    await expect(client.login('an-old-token')).rejects.toMatchObject({ code: 'TokenInvalid' });

    expect(fake.requests.find((request) => request.path === '/gateway/bot')).toMatchObject({ status: 401, authorized: false });
    expect(fake.identifies).toHaveLength(0);
  });

  it('closes an IDENTIFY asking for a privileged intent the bot lacks with 4014, and discord.js gives up', async () => {
    const { fake, client } = await startClientWithFakeDiscord({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent] });
    const disconnected = new Promise<number>((resolve) => client.once(Events.ShardDisconnect, (event) => resolve(event.code)));

    await expect(client.login('fake-token')).rejects.toThrow('Used disallowed intents');

    expect(await disconnected).toBe(4014);
    expect(fake.gatewayCloses.map((close) => close.code)).toEqual([4014]);
    expect(fake.identifies).toHaveLength(0);
  });

  it('lets an IDENTIFY through when the privileged intent is enabled for the bot', async () => {
    const { fake, client } = await startClientWithFakeDiscord({
      fake: { privilegedIntents: GatewayIntentBits.MessageContent },
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent],
    });

    await client.login('fake-token');
    await fake.waitForReady();

    expect(fake.gatewayCloses).toEqual([]);
    expect(fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.MessageContent);
  });

  it('shuts down promptly after client.destroy() and fake.close()', async () => {
    const fake = await startFakeDiscord();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase } });
    await client.login('fake-token');
    await fake.waitForReady();
    const started = Date.now();

    await client.destroy();
    await fake.close();

    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(fake.waitForReady()).rejects.toThrow(/closed/);
  });
});
