/**
 * Adding articles from Discord, end to end: the real bot process against the fake Discord, with a
 * local HTTP server on 127.0.0.1 serving real saved news pages (`FETCH_ALLOW_PRIVATE=true` lets
 * the fetcher reach it, in this test only). `/add url:`, `/add file:` (the fake serves the
 * attachment), Add to Dossier on a member's message, the reply, answering from the new article,
 * the duplicate refusal, Undo, and a member without the permission refused.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PermissionFlagsBits, type APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractionPagePath } from '../support/extractionPages.js';
import { startBotWithFakeDiscord, stopBotsWithFakeDiscord } from '../support/botProcess.js';
import { EPHEMERAL, messageText, waitForFinalMessage, type MessageBody } from '../support/botReplies.js';
import { attachmentCommand, buttonPress, messageCommand, slashCommand, type FakeDiscord } from '../support/fakeDiscord.js';
import { copySeedCorpus, removeTempCorpora } from '../support/tempCorpus.js';

const MANAGER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild;
const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

/** Real saved news pages (2019) from the extraction benchmark. */
/** NBC News: the house where Hitler was born will become a police station. */
const HITLER_HOUSE_PAGE = extractionPagePath('5a822960e9a2cb1e664d334b6c936c5cb6e41fb5331877538c2c8339cb59d57e');
/** RT: three Morales supporters killed in Bolivia. */
const BOLIVIA_PAGE = extractionPagePath('4a44ab3e4c41d56ce9b79eb07acb06aed1bc52aba68a950f06e7de7ef848400a');
/** City A.M.: Alibaba's Hong Kong listing. */
const ALIBABA_PAGE = extractionPagePath('360c732d1fdbfc6895d7096c0c0b8c0d581bb1af80160f4c6a0f1fd9ff85e469');

const HITLER_HOUSE_QUESTION = 'What will the house where Hitler was born become?';
const ALIBABA_QUESTION = "How much money could Alibaba's second listing in Hong Kong raise?";

let fake: FakeDiscord;
let corpus: string;
let pages: Server;
let pagesBase = '';
let editorsRole = '';

beforeAll(async () => {
  corpus = await copySeedCorpus();
  const served: Record<string, string> = { '/news/world/hitler-house-police-station': HITLER_HOUSE_PAGE, '/news/bolivia-morales-supporters-killed': BOLIVIA_PAGE };
  pages = createServer((request, response) => {
    const file = served[request.url ?? ''];
    if (file === undefined) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    void readFile(file).then((bytes) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(bytes));
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;

  ({ fake } = await startBotWithFakeDiscord({
    prepare: (beforeStart) => {
      editorsRole = beforeStart.createRole('Editors').id;
    },
    env: () => ({ CORPUS_DIR: corpus, FETCH_ALLOW_PRIVATE: 'true', ADD_ROLES: editorsRole }),
    readyTimeoutMs: 20_000,
  }));
}, 40_000);

afterAll(async () => {
  await stopBotsWithFakeDiscord();
  await new Promise<void>((resolve) => (pages ? pages.close(() => resolve()) : resolve()));
  await removeTempCorpora();
});

/** The message that completes an interaction: the edit of its (deferred) response, or a follow-up. */
function finalMessage(interaction: APIInteraction): Promise<MessageBody> {
  return waitForFinalMessage(fake, interaction, 20_000);
}

function field(body: MessageBody, name: string): string | undefined {
  return body.embeds?.[0]?.fields?.find((candidate) => candidate.name === name)?.value;
}

/** The id and file an add reply names. */
function savedAs(body: MessageBody): { id: string; file: string } {
  const id = /^`(.+)`$/.exec(field(body, 'Id') ?? '')?.[1];
  const file = /^`(.+)`$/.exec(field(body, 'File') ?? '')?.[1];
  if (id === undefined || file === undefined) throw new Error(`not an add reply: ${messageText(body)}`);
  return { id, file };
}

function undoButton(body: MessageBody): string | undefined {
  return (body.components ?? []).flatMap((row) => row.components).find((button) => button.label === 'Undo')?.custom_id;
}

let nextUser = 500_000_000_000_000_000n;
/** A fresh user for each question, so that the per-user cooldown never answers instead. */
async function ask(question: string): Promise<MessageBody> {
  nextUser += 1n;
  return finalMessage(fake.dispatchInteraction(slashCommand('ask', { question }, { userId: nextUser.toString() })));
}

describe('adding articles from Discord', () => {
  let hitlerHouse: { interaction: APIInteraction; body: MessageBody };

  it('registers /add and Add to Dossier for server managers only', () => {
    const registered = fake.registeredCommands(fake.guildId);
    const add = registered.find((command) => command.name === 'add');
    const addToDossier = registered.find((command) => command.name === 'Add to Dossier');
    expect(add?.options?.map((option) => option.name)).toEqual(['url', 'file']);
    expect(add?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(addToDossier).toMatchObject({ type: 3, default_member_permissions: PermissionFlagsBits.ManageGuild.toString() });
  });

  it('refuses /add to a member who cannot manage the server and has no allowed role, and writes nothing', async () => {
    const before = await readdir(corpus);
    const interaction = fake.dispatchInteraction(slashCommand('add', { url: `${pagesBase}/news/world/hitler-house-police-station` }, { permissions: MEMBER }));
    const body = await finalMessage(interaction);

    expect(body.content).toContain('Only members who can manage this server');
    expect(await readdir(corpus)).toEqual(before);
  });

  it('adds a linked page: the reply, seen only by who added it, shows what was saved, with Undo', async () => {
    const interaction = fake.dispatchInteraction(slashCommand('add', { url: `${pagesBase}/news/world/hitler-house-police-station` }, { permissions: MANAGER }));
    const body = await finalMessage(interaction);
    hitlerHouse = { interaction, body };

    const deferral = fake.requestsFor(interaction).find((request) => request.path.endsWith('/callback'))?.body as { data?: { flags?: number } };
    expect(deferral.data?.flags).toBe(EPHEMERAL);
    expect(body.embeds?.[0]?.title).toMatch(/Hitler was born/);
    expect(field(body, 'Publisher')).toMatch(/NBC News/);
    expect(field(body, 'URL')).toContain('https://www.nbcnews.com/news/world/house-hitler-was-born-will-become-police-station-austria-says-n1086531');
    expect(Number(field(body, 'Passages'))).toBeGreaterThan(0);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const { id, file } = savedAs(body);
    expect(await readdir(corpus)).toContain(file);
    expect(messageText(body)).toContain(`/source ${id}`);
    expect(undoButton(body)).toBe(`add:undo:${file}`);
  }, 30_000);

  it('answers a question from the new article at once', async () => {
    const { id } = savedAs(hitlerHouse.body);
    const answer = await ask(HITLER_HOUSE_QUESTION);

    expect(answer.embeds?.[0]?.description).toMatch(/police station/);
    expect(answer.embeds?.[0]?.fields?.[0]?.value).toContain(`/source ${id}`);
  });

  it('refuses the same page again as already in the corpus', async () => {
    const { id } = savedAs(hitlerHouse.body);
    const before = await readdir(corpus);
    const body = await finalMessage(fake.dispatchInteraction(slashCommand('add', { url: `${pagesBase}/news/world/hitler-house-police-station` }, { permissions: MANAGER })));

    expect(body.content).toContain(`already in the corpus as /source ${id}`);
    expect(await readdir(corpus)).toEqual(before);
  }, 30_000);

  it('adds an .html file attached to /add, downloaded from where Discord serves it', async () => {
    const attachment = fake.uploadAttachment('alibaba-hong-kong-listing.html', await readFile(ALIBABA_PAGE));
    const body = await finalMessage(fake.dispatchInteraction(attachmentCommand('add', 'file', attachment, [], { permissions: MANAGER })));

    expect(body.embeds?.[0]?.title).toMatch(/Alibaba/);
    const { id, file } = savedAs(body);
    expect(await readdir(corpus)).toContain(file);
    expect(fake.requests.some((request) => request.method === 'GET' && request.path.startsWith('/attachments/') && request.status === 200)).toBe(true);
    const answer = await ask(ALIBABA_QUESTION);
    expect(answer.embeds?.[0]?.description).toContain('$12.9bn');
    expect(answer.embeds?.[0]?.fields?.[0]?.value).toContain(`/source ${id}`);
  }, 30_000);

  it('adds the first link of a message with Add to Dossier, for a member with an ADD_ROLES role', async () => {
    const message = fake.postMessage(`Three killed in Bolivia, see ${pagesBase}/news/bolivia-morales-supporters-killed.`);
    const body = await finalMessage(fake.dispatchInteraction(messageCommand('Add to Dossier', message, { permissions: MEMBER, roles: [editorsRole] })));

    expect(body.embeds?.[0]?.title).toMatch(/Bolivia|Morales/);
    expect(await readdir(corpus)).toContain(savedAs(body).file);
  }, 30_000);

  it('says so when the message has no link', async () => {
    const message = fake.postMessage('Has anyone read about the Bolivia protests?');
    const body = await finalMessage(fake.dispatchInteraction(messageCommand('Add to Dossier', message, { permissions: MANAGER })));

    expect(body.content).toBe('That message has no http or https link to add.');
  });

  it('removes the article with Undo: the file is gone and the article is no longer served', async () => {
    const { id, file } = savedAs(hitlerHouse.body);
    const [reply] = fake.messagesFor(hitlerHouse.interaction);
    const press = fake.dispatchInteraction(buttonPress(undoButton(hitlerHouse.body)!, reply!.id, { permissions: MANAGER }));
    const body = await finalMessage(press);

    expect(body.embeds?.[0]?.description).toContain('Removed from the corpus');
    expect(await readdir(corpus)).not.toContain(file);
    const answer = await ask(HITLER_HOUSE_QUESTION);
    expect(messageText(answer)).not.toContain(`/source ${id}`);
    const source = await finalMessage(fake.dispatchInteraction(slashCommand('source', { article: id })));
    expect(source.content).toContain('No article matches that.');
  }, 30_000);
});
