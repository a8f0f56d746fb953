/**
 * `/add`, its Undo button and Add to Dossier, driven through the real router and a real
 * discord.js client against the fake Discord, with a fake adder that records what it is asked:
 * who may add, the options, the attachment checks before any download, the reply and Undo.
 */
import { ButtonStyle, Events, InteractionResponseType, PermissionFlagsBits, type APIInteraction, type Client } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { AddedArticle, AddInput, AddOutcome, ArticleAdder, UndoOutcome } from '../../src/corpus/addArticle.js';
import { Cooldown } from '../../src/discord/cooldown.js';
import { InteractionRouter } from '../../src/discord/router.js';
import { createLogger } from '../../src/log.js';
import { commandContext } from '../support/commandContext.js';
import { EPHEMERAL, waitForFinalMessage, type MessageBody } from '../support/botReplies.js';
import { attachmentCommand, buttonPress, messageCommand, slashCommand, type FakeDiscord, type RecordedRequest } from '../support/fakeDiscord.js';
import { connectClientToFakeDiscord, stopClientsWithFakeDiscord } from '../support/fakeDiscordClient.js';
import { seedIndex } from '../support/seedCorpus.js';

const MANAGER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild;
const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
const RAIL_URL = 'https://www.reuters.com/world/russia-iran-sign-deal-build-railway-2023-05-17/';

/** A real 2023 story, as the adder would report it. */
const RAIL_ARTICLE: AddedArticle = {
  id: 'russia-and-iran-sign-deal-to-build-the-rasht-astara-railway',
  title: 'Russia and Iran Sign Deal to Build the Rasht–Astara Railway',
  publisher: 'Reuters',
  author: 'Guy Faulconbridge',
  date: '2023-05-17',
  url: RAIL_URL,
  file: 'russia-and-iran-sign-deal-to-build-the-rasht-astara-railway.md',
  passages: 4,
  people: ['Vladimir Putin', 'Ebrahim Raisi', 'Marat Khusnullin', 'Mehrdad Bazrpash', 'Ilham Aliyev', 'Sergei Lavrov', 'Hossein Amir-Abdollahian'],
  alsoReportedBy: [{ id: 'rasht-astara-railway-tass', title: 'Russia, Iran sign agreement on Rasht-Astara railway', publisher: 'TASS' }],
};

/** Records what it is asked; answers with `nextAdd` and removes any file. */
class RecordingAdder implements ArticleAdder {
  readonly added: AddInput[] = [];
  readonly undone: string[] = [];
  nextAdd: AddOutcome = { kind: 'added', added: RAIL_ARTICLE };

  add(input: AddInput): Promise<AddOutcome> {
    this.added.push(input);
    return Promise.resolve(this.nextAdd);
  }

  undo(file: string): Promise<UndoOutcome> {
    this.undone.push(file);
    return Promise.resolve({ kind: 'removed', file, title: RAIL_ARTICLE.title });
  }
}

let fake: FakeDiscord;
let client: Client;
let adder: RecordingAdder;
let editorsRole: string;

beforeAll(async () => {
  const index = await seedIndex();
  ({ fake, client } = await connectClientToFakeDiscord({ prepare: (beforeLogin) => (editorsRole = beforeLogin.createRole('Editors').id) }));
  const base = commandContext(index);
  const router = new InteractionRouter({
    commands,
    context: () => ({ ...base(), adding: { adder, roleIds: [editorsRole] } }),
    log: createLogger({ level: 'silent', pretty: false }),
    cooldown: new Cooldown(),
  });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
});

afterAll(stopClientsWithFakeDiscord);

beforeEach(() => {
  adder = new RecordingAdder();
});

/** The message that completes an interaction: the edit of its (deferred) response, or a follow-up. */
function finalMessage(interaction: APIInteraction): Promise<MessageBody> {
  return waitForFinalMessage(fake, interaction);
}

function callbackOf(interaction: APIInteraction): { type: number; data?: { flags?: number } } {
  return fake.requestsFor(interaction).find((request) => request.path.endsWith('/callback'))?.body as { type: number; data?: { flags?: number } };
}

function buttons(body: MessageBody): Array<{ custom_id?: string; label?: string; style?: number }> {
  return (body.components ?? []).flatMap((row) => row.components);
}

function shown(body: MessageBody): string {
  return [body.content, ...(body.embeds ?? []).flatMap((embed) => [embed.title, embed.description, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])])]
    .filter(Boolean)
    .join('\n');
}

function attachmentDownloads(): RecordedRequest[] {
  return fake.requests.filter((request) => request.path.startsWith('/attachments/'));
}

async function addUrl(url: string, context: { permissions?: bigint; roles?: string[] } = { permissions: MANAGER }) {
  const interaction = fake.dispatchInteraction(slashCommand('add', { url }, context));
  return { interaction, body: await finalMessage(interaction) };
}

describe('who may add', () => {
  it('refuses a member who cannot manage the server and has no allowed role, without adding', async () => {
    const { interaction, body } = await addUrl(RAIL_URL, { permissions: MEMBER });

    expect(body.content).toBe('Only members who can manage this server, or who have a role allowed to add, may add articles.');
    expect(callbackOf(interaction).data?.flags).toBe(EPHEMERAL);
    expect(adder.added).toEqual([]);
  });

  it('lets a member with a role named in ADD_ROLES add, without Manage Server', async () => {
    const { body } = await addUrl(RAIL_URL, { permissions: MEMBER, roles: [editorsRole] });

    expect(adder.added).toEqual([{ kind: 'url', url: RAIL_URL }]);
    expect(body.embeds?.[0]?.title).toBe('Russia and Iran Sign Deal to Build the Rasht–Astara Railway');
  });

  it('refuses a member whose roles are not among those allowed', async () => {
    const otherRole = fake.createRole('Readers').id;
    await expect.poll(() => client.guilds.cache.get(fake.guildId)?.roles.cache.has(otherRole)).toBe(true);
    const { body } = await addUrl(RAIL_URL, { permissions: MEMBER, roles: [otherRole] });

    expect(body.content).toContain('Only members who can manage this server');
    expect(adder.added).toEqual([]);
  });

  it('registers /add and Add to Dossier for server managers, in servers only', () => {
    const registered = commands.map((command) => command.definition).filter((definition) => definition.name === 'add' || definition.name === 'Add to Dossier');
    expect(registered.map((definition) => [definition.name, definition.default_member_permissions, definition.contexts])).toEqual([
      ['add', PermissionFlagsBits.ManageGuild.toString(), [0]],
      ['Add to Dossier', PermissionFlagsBits.ManageGuild.toString(), [0]],
    ]);
  });
});

describe('/add options', () => {
  it('asks for a link or a file when given neither', async () => {
    const interaction = fake.dispatchInteraction(slashCommand('add', {}, { permissions: MANAGER }));
    expect((await finalMessage(interaction)).content).toBe('Give a link (`url`) or a file (`file`) to add.');
    expect(adder.added).toEqual([]);
  });

  it('asks for one at a time when given both a link and a file', async () => {
    const attachment = fake.uploadAttachment('railway.md', '# Russia and Iran sign a railway deal');
    const interaction = fake.dispatchInteraction(attachmentCommand('add', 'file', attachment, [{ name: 'url', type: 3, value: RAIL_URL }], { permissions: MANAGER }));
    expect((await finalMessage(interaction)).content).toBe('Give a link or a file, not both: add them one at a time.');
    expect(adder.added).toEqual([]);
  });
});

describe('/add file', () => {
  it('downloads the attachment from the URL Discord gives and hands its name and bytes to the adder', async () => {
    const page =
      '<!doctype html><html><head><title>Russia and Iran sign a railway deal</title></head><body><p>Russia and Iran signed an agreement on Wednesday to build the Rasht–Astara railway.</p></body></html>';
    const attachment = fake.uploadAttachment('rasht-astara.html', page);
    await finalMessage(fake.dispatchInteraction(attachmentCommand('add', 'file', attachment, [], { permissions: MANAGER })));

    expect(adder.added).toHaveLength(1);
    const input = adder.added[0]!;
    expect(input.kind === 'file' && { name: input.name, text: new TextDecoder().decode(input.bytes) }).toEqual({ name: 'rasht-astara.html', text: page });
  });

  it('refuses a file of another type before downloading it', async () => {
    const before = attachmentDownloads().length;
    const attachment = fake.uploadAttachment('Rasht-Astara agreement.pdf', '%PDF-1.7 railway agreement');
    const body = await finalMessage(fake.dispatchInteraction(attachmentCommand('add', 'file', attachment, [], { permissions: MANAGER })));

    expect(body.content).toBe('`Rasht-Astara agreement.pdf` cannot be added: only .html, .htm, .md, .txt, .jsonl files can.');
    expect(attachmentDownloads()).toHaveLength(before);
    expect(adder.added).toEqual([]);
  });

  it('refuses a file Discord declares larger than 5 MiB before downloading it', async () => {
    const before = attachmentDownloads().length;
    const attachment = fake.uploadAttachment('archive.jsonl', '{"title":"Russia and Iran sign a railway deal"}\n', { declaredSize: 5 * 1024 * 1024 + 1 });
    const body = await finalMessage(fake.dispatchInteraction(attachmentCommand('add', 'file', attachment, [], { permissions: MANAGER })));

    expect(body.content).toBe('`archive.jsonl` is larger than 5 MiB, the most that can be added.');
    expect(attachmentDownloads()).toHaveLength(before);
    expect(adder.added).toEqual([]);
  });

  it('refuses a file whose bytes exceed 5 MiB though its declared size did not', async () => {
    const attachment = fake.uploadAttachment('archive.txt', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), { declaredSize: 1_000 });
    const body = await finalMessage(fake.dispatchInteraction(attachmentCommand('add', 'file', attachment, [], { permissions: MANAGER })));

    expect(body.content).toBe('`archive.txt` is larger than 5 MiB, the most that can be added.');
    expect(adder.added).toEqual([]);
  });
});

describe('the reply', () => {
  it('shows what was saved, only to who added it, with Read it and Undo buttons', async () => {
    const { interaction, body } = await addUrl(RAIL_URL);

    expect(callbackOf(interaction)).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: EPHEMERAL } });
    const text = shown(body);
    expect(text).toContain('Saved to the corpus');
    expect(text).toContain('`/source russia-and-iran-sign-deal-to-build-the-rasht-astara-railway`');
    expect(text).toContain('Reuters');
    expect(text).toContain('Guy Faulconbridge');
    expect(text).toContain('2023-05-17');
    expect(text).toContain('(<https://www.reuters.com/world/russia-iran-sign-deal-build-railway-2023-05-17/>)');
    expect(text).toContain('`russia-and-iran-sign-deal-to-build-the-rasht-astara-railway.md`');
    expect(text).toContain('Vladimir Putin, Ebrahim Raisi, Marat Khusnullin, Mehrdad Bazrpash, Ilham Aliyev and 2 more');
    expect(text).toContain('Also reported by\nTASS (`/source rasht-astara-railway-tass`)');
    expect(body.embeds?.[0]?.fields?.find((field) => field.name === 'Passages')?.value).toBe('4');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(buttons(body)).toEqual([
      expect.objectContaining({ label: 'Read it', custom_id: 'source:open:russia-and-iran-sign-deal-to-build-the-rasht-astara-railway', style: ButtonStyle.Primary }),
      expect.objectContaining({ label: 'Undo', custom_id: 'add:undo:russia-and-iran-sign-deal-to-build-the-rasht-astara-railway.md' }),
    ]);
  });

  it("escapes the page's title and names, so a stranger's page cannot format or mention", async () => {
    adder.nextAdd = { kind: 'added', added: { ...RAIL_ARTICLE, title: '**BREAKING** @everyone # Railway deal', author: '<@&123456789012345678>', people: ['__Putin__'] } };
    const { body } = await addUrl(RAIL_URL);

    expect(body.embeds?.[0]?.title).toBe('\\*\\*BREAKING\\*\\* @\u200beveryone # Railway deal');
    expect(shown(body)).toContain('<\u200b@&123456789012345678>');
    expect(shown(body)).toContain('\\_\\_Putin\\_\\_');
  });

  it('leaves out the Undo button, and says so, when the file name is too long for one', async () => {
    const file = `${'russia-and-iran-sign-a-deal-to-build-the-rasht-astara-railway-'.repeat(2)}.md`;
    adder.nextAdd = { kind: 'added', added: { ...RAIL_ARTICLE, file } };
    const { body } = await addUrl(RAIL_URL);

    expect(buttons(body).map((button) => button.label)).toEqual(['Read it']);
    expect(body.embeds?.[0]?.description).toContain(`No Undo button: the file name is too long for one. To remove the article, delete \`${file}\` from the corpus folder.`);
  });

  it("shows the adder's refusal as its one sentence", async () => {
    adder.nextAdd = { kind: 'refused', refusal: 'duplicate', message: 'That article is already in the corpus as /source russia-iran-railway.', duplicateOf: 'russia-iran-railway' };
    const { body } = await addUrl(RAIL_URL);

    expect(body.content).toBe('That article is already in the corpus as /source russia-iran-railway.');
    expect(body.embeds ?? []).toEqual([]);
  });
});

describe('Undo', () => {
  it('removes the file named by the button and says so in place of the reply', async () => {
    const { interaction } = await addUrl(RAIL_URL);
    const [reply] = fake.messagesFor(interaction);
    const press = fake.dispatchInteraction(buttonPress('add:undo:russia-and-iran-sign-deal-to-build-the-rasht-astara-railway.md', reply!.id, { permissions: MANAGER }));
    const body = await finalMessage(press);

    expect(adder.undone).toEqual(['russia-and-iran-sign-deal-to-build-the-rasht-astara-railway.md']);
    expect(callbackOf(press).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    expect(body.embeds?.[0]?.description).toBe(
      '**Removed from the corpus**: `russia-and-iran-sign-deal-to-build-the-rasht-astara-railway.md` was deleted and the article is no longer served.',
    );
    expect(buttons(body)).toEqual([]);
    expect(fake.messagesFor(interaction)[0]?.embeds[0]?.description).toContain('**Removed from the corpus**');
  });

  it('checks the permission again: a member who may not add is refused and nothing is removed', async () => {
    const { interaction } = await addUrl(RAIL_URL);
    const [reply] = fake.messagesFor(interaction);
    const press = fake.dispatchInteraction(buttonPress(`add:undo:${RAIL_ARTICLE.file}`, reply!.id, { permissions: MEMBER }));
    const body = await finalMessage(press);

    expect(body.content).toContain('Only members who can manage this server');
    expect(body.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(adder.undone).toEqual([]);
  });
});

describe('Add to Dossier', () => {
  it('adds the first link of the message, without the punctuation after it', async () => {
    const target = fake.postMessage(`Russia and Iran just signed the railway deal (<${RAIL_URL}>), see also https://tass.com/economy/1619331.`);
    const body = await finalMessage(fake.dispatchInteraction(messageCommand('Add to Dossier', target, { permissions: MANAGER })));

    expect(adder.added).toEqual([{ kind: 'url', url: RAIL_URL }]);
    expect(buttons(body).map((button) => button.custom_id)).toContain(`add:undo:${RAIL_ARTICLE.file}`);
  });

  it('says so in one sentence when the message has no link', async () => {
    const target = fake.postMessage('Has anyone read about the Rasht–Astara railway deal?');
    const body = await finalMessage(fake.dispatchInteraction(messageCommand('Add to Dossier', target, { permissions: MANAGER })));

    expect(body.content).toBe('That message has no http or https link to add.');
    expect(adder.added).toEqual([]);
  });

  it('refuses a member who may not add', async () => {
    const target = fake.postMessage(RAIL_URL);
    const body = await finalMessage(fake.dispatchInteraction(messageCommand('Add to Dossier', target, { permissions: MEMBER })));

    expect(body.content).toContain('Only members who can manage this server');
    expect(adder.added).toEqual([]);
  });
});
