/**
 * The fake Discord's parts for adding articles, with a real discord.js client: registering a
 * message command, an attachment option whose bytes the fake serves, a message command on a
 * member's message, and members' roles.
 */
import { readFile } from 'node:fs/promises';
import { ApplicationCommandType, DiscordAPIError, PermissionFlagsBits, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentCommand, messageCommand } from '../support/fakeDiscord.js';
import { connectClientToFakeDiscord, nextInteraction, stopClientsWithFakeDiscord } from '../support/fakeDiscordClient.js';
import { extractionPagePath } from '../support/extractionPages.js';

/** A real saved news page (City A.M., 2019): Alibaba's Hong Kong listing. */
const PAGE = extractionPagePath('360c732d1fdbfc6895d7096c0c0b8c0d581bb1af80160f4c6a0f1fd9ff85e469');

afterEach(stopClientsWithFakeDiscord);

const connect = connectClientToFakeDiscord;

describe('the fake Discord for adding articles', () => {
  it('registers a message command whose name has capitals and spaces, beside slash commands', async () => {
    const { fake, client } = await connect();

    await client.rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), {
      body: [
        { name: 'add', description: 'Add an article', options: [{ type: 11, name: 'file', description: 'A file' }] },
        { type: ApplicationCommandType.Message, name: 'Add to Dossier' },
      ],
    });

    expect(fake.registeredCommands(fake.guildId).map((command) => [command.name, command.type])).toEqual([
      ['add', ApplicationCommandType.ChatInput],
      ['Add to Dossier', ApplicationCommandType.Message],
    ]);
  });

  it('refuses a message command with a description, and a slash command named with capitals', async () => {
    const { fake, client } = await connect();
    const put = (body: unknown[]) => client.rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), { body });

    await expect(put([{ type: ApplicationCommandType.Message, name: 'Add to Dossier', description: 'Adds the link' }])).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(put([{ name: 'Add to Dossier', description: 'Adds the link' }])).rejects.toMatchObject({ code: 50035 });
  });

  it('delivers an attachment option whose URL serves the uploaded bytes', async () => {
    const { fake, client } = await connect();
    const page = await readFile(PAGE);
    const received = nextInteraction(client);

    fake.dispatchInteraction(attachmentCommand('add', 'file', fake.uploadAttachment('alibaba-listing.html', page)));
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const attachment = interaction.options.getAttachment('file', true);
    const response = await fetch(attachment.url);

    expect(attachment).toMatchObject({ name: 'alibaba-listing.html', size: page.byteLength, contentType: 'text/html; charset=utf-8' });
    expect(Buffer.from(await response.arrayBuffer()).equals(page)).toBe(true);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: attachment.url.slice(attachment.url.indexOf('/attachments/')), status: 200 });
  });

  it('answers 404 for an attachment it does not hold', async () => {
    const { fake } = await connect();
    const attachment = fake.uploadAttachment('notes.txt', 'Russia and Iran signed an agreement on Wednesday.');

    const response = await fetch(attachment.url.replace('notes.txt', 'other.txt'));

    expect(response.status).toBe(404);
  });

  it('delivers a message command with the target message and its content', async () => {
    const { fake, client } = await connect();
    const posted = fake.postMessage('Worth adding: https://www.bbc.co.uk/news/world-middle-east-123');
    const received = nextInteraction(client);

    fake.dispatchInteraction(messageCommand('Add to Dossier', posted));
    const interaction = await received;

    if (!interaction.isMessageContextMenuCommand()) throw new Error('expected a message command');
    expect(interaction.commandName).toBe('Add to Dossier');
    expect(interaction.targetId).toBe(posted.id);
    expect(interaction.targetMessage.content).toBe('Worth adding: https://www.bbc.co.uk/news/world-middle-east-123');
    expect(interaction.targetMessage.author.id).toBe(fake.user.id);
  });

  it("gives the member's roles and permissions, for roles the guild has", async () => {
    let editors = '';
    const { fake, client } = await connect({ prepare: (beforeLogin) => (editors = beforeLogin.createRole('Editors').id) });
    const received = nextInteraction(client);

    fake.dispatchInteraction(messageCommand('Add to Dossier', fake.postMessage('no link'), { roles: [editors], permissions: PermissionFlagsBits.ViewChannel }));
    const interaction = await received;

    const member = interaction.member;
    const roles = member === null ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
    expect(roles).toContain(editors);
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(false);
  });

  it('announces a role created after login, so the member holding it is seen with it', async () => {
    const { fake, client } = await connect();
    const role = fake.createRole('Moderators');
    await expect.poll(() => client.guilds.cache.get(fake.guildId)?.roles.cache.has(role.id)).toBe(true);
  });
});
