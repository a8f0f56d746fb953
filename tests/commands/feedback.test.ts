/**
 * Recording and votes (`/ask`, its 👍/👎 buttons), `/gaps` and `/status`, driven through the real
 * router and a real discord.js client against the fake Discord, with an in-memory question store.
 */
import { Events, PermissionFlagsBits, type APIInteraction, type Client } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VOTE_NOTED } from '../../commands/ask.js';
import { NOT_ALLOWED, NOT_RECORDING } from '../../commands/gaps.js';
import { commands } from '../../commands/index.js';
import type { CorpusIndex } from '../../src/core/index.js';
import { Cooldown } from '../../src/discord/cooldown.js';
import { InteractionRouter } from '../../src/discord/router.js';
import { createLogger } from '../../src/log.js';
import { hashVoter, QuestionMemory } from '../../src/questionMemory.js';
import { EPHEMERAL, waitForFinalMessage, type MessageBody } from '../support/botReplies.js';
import { commandContext } from '../support/commandContext.js';
import { buttonPress, slashCommand, type FakeDiscord } from '../support/fakeDiscord.js';
import { connectClientToFakeDiscord, stopClientsWithFakeDiscord } from '../support/fakeDiscordClient.js';
import { MemoryQuestionStore, memoryQuestionMemory } from '../support/memoryQuestionStore.js';
import { SEED, seedIndex } from '../support/seedCorpus.js';

const MANAGER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild;
const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

let fake: FakeDiscord;
let client: Client;
let index: CorpusIndex;
let recording: ReturnType<typeof memoryQuestionMemory> | undefined;
let memory: QuestionMemory | undefined;
let nextUser = 310_000_000_000_000_000n;

beforeAll(async () => {
  index = await seedIndex();
  ({ fake, client } = await connectClientToFakeDiscord());
  const base = commandContext(index);
  const router = new InteractionRouter({
    commands,
    context: () => ({ ...base(), ...(memory ? { memory } : {}) }),
    log: createLogger({ level: 'silent', pretty: false }),
    cooldown: new Cooldown(),
  });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
});

afterAll(stopClientsWithFakeDiscord);

beforeEach(() => {
  recording = memoryQuestionMemory();
  memory = recording.memory;
});

function user(): string {
  nextUser += 1n;
  return nextUser.toString();
}

function buttons(body: MessageBody): Array<{ custom_id?: string; label?: string }> {
  return (body.components ?? []).flatMap((row) => row.components);
}

function shown(body: MessageBody): string {
  return [
    body.content,
    ...(body.embeds ?? []).flatMap((embed) => [embed.title, embed.description, embed.footer?.text, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])]),
  ]
    .filter(Boolean)
    .join('\n');
}

async function askQuestion(question: string): Promise<{ interaction: APIInteraction; body: MessageBody }> {
  const interaction = fake.dispatchInteraction(slashCommand('ask', { question }, { userId: user() }));
  return { interaction, body: await waitForFinalMessage(fake, interaction) };
}

/** Presses a button on a message and returns the reply (the callback's data, or the final edit for deferred buttons). */
async function press(customId: string, messageId: string, context: { userId?: string; permissions?: bigint } = {}): Promise<MessageBody> {
  const interaction = fake.dispatchInteraction(buttonPress(customId, messageId, context));
  const callback = await fake.waitForRequest((request) => request.path.endsWith(`/interactions/${interaction.id}/${interaction.token}/callback`), 5_000);
  const data = (callback.body as { data?: MessageBody }).data;
  return data ?? waitForFinalMessage(fake, interaction);
}

describe('recording /ask', () => {
  it('queues one record per question asked, with the guild as its place', async () => {
    await askQuestion('Who replaced Brian Hook?');
    expect(recording!.queue.pendingQuestions).toHaveLength(1);
    expect(recording!.queue.pendingQuestions[0]).toMatchObject({ question: 'Who replaced Brian Hook?', outcome: 'answered', place: fake.guildId, corpusVersion: index.version });
  });

  it('shows 👍 Helpful and 👎 Not helpful carrying the recorded answer id', async () => {
    const { body } = await askQuestion('Who replaced Brian Hook?');
    const id = recording!.queue.pendingQuestions[0]!.id;
    expect(buttons(body).slice(-2)).toMatchObject([
      { custom_id: `ask:vote:${id}:up`, label: 'Helpful' },
      { custom_id: `ask:vote:${id}:down`, label: 'Not helpful' },
    ]);
  });

  it('shows no vote button when recording is off', async () => {
    memory = undefined;
    const { body } = await askQuestion('Who replaced Brian Hook?');
    expect(buttons(body).map((button) => button.label)).toEqual(['More results', 'Full article']);
  });

  it('answers as usual when the queue throws', async () => {
    const failing = {
      enqueueQuestion: () => {
        throw new Error('disk full');
      },
      enqueueVote: () => undefined,
      flush: () => Promise.resolve(),
    };
    memory = new QuestionMemory({ sink: failing, store: new MemoryQuestionStore(), salt: 's' });
    const { body } = await askQuestion('Who replaced Brian Hook?');
    expect(body.embeds?.[0]?.description).toContain('Elliott Abrams');
    expect(buttons(body).map((button) => button.label)).toEqual(['More results', 'Full article']);
  });
});

describe('votes', () => {
  it('records a 👍 against the answer under the member’s salted hash and thanks them privately', async () => {
    const { interaction } = await askQuestion('Who replaced Brian Hook?');
    const id = recording!.queue.pendingQuestions[0]!.id;
    const [message] = fake.messagesFor(interaction);
    const voter = user();
    const reply = await press(`ask:vote:${id}:up`, message!.id, { userId: voter });

    expect(reply.content).toBe(VOTE_NOTED);
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    await recording!.queue.flush();
    expect([...recording!.store.votes.values()]).toMatchObject([{ answerId: id, voterHash: hashVoter('test-installation-salt', voter), helpful: true }]);
  });

  it('lets a member change their vote: the later one counts', async () => {
    const { interaction } = await askQuestion('Who replaced Brian Hook?');
    const id = recording!.queue.pendingQuestions[0]!.id;
    const [message] = fake.messagesFor(interaction);
    const voter = user();
    await press(`ask:vote:${id}:up`, message!.id, { userId: voter });
    await press(`ask:vote:${id}:down`, message!.id, { userId: voter });

    expect(await memory!.activity(0)).toMatchObject({ helpful: 0, unhelpful: 1 });
  });

  it('refuses a vote button with a forged answer id', async () => {
    const reply = await press('ask:vote:not:an:id:up', '320000000000000001');
    expect(reply.content).toBe('This button no longer works.');
    expect(recording!.queue.pendingVotes).toEqual([]);
  });

  it('says votes are not recorded when recording was turned off since the answer', async () => {
    memory = undefined;
    const reply = await press('ask:vote:q1Zp0sVbT3mK8yLw2xNa4g:up', '320000000000000002');
    expect(reply.content).toBe('Votes are not recorded on this bot.');
  });
});

describe('/gaps', () => {
  let lastGaps: APIInteraction | undefined;

  async function gaps(permissions: bigint, options: Record<string, number> = {}): Promise<MessageBody> {
    lastGaps = fake.dispatchInteraction(slashCommand('gaps', options, { permissions, userId: user() }));
    return waitForFinalMessage(fake, lastGaps);
  }

  it('is registered for server managers, in servers only', () => {
    const definition = commands.find((command) => command.definition.name === 'gaps')?.definition;
    expect([definition?.default_member_permissions, definition?.contexts]).toEqual([PermissionFlagsBits.ManageGuild.toString(), [0]]);
  });

  it('refuses a member who cannot manage the server', async () => {
    await askQuestion('What is the capital of Australia?');
    const body = await gaps(MEMBER);
    expect(body.content).toBe(NOT_ALLOWED);
  });

  it('lists a declined question with its count and the nearest article, once asked twice in other words', async () => {
    await askQuestion('How many drones did Iran sell to Venezuela?');
    await askQuestion('Venezuela: how many drones did Iran sell?');
    const text = shown(await gaps(MANAGER));
    expect(text).toContain('Declined · asked 2×');
    expect(text).toContain('“Venezuela: how many drones did Iran sell?”');
    expect(text).toContain(`Nearest: ${index.articleById.get(SEED.freeBeacon)!.title} · \`/source ${SEED.freeBeacon}\``);
  });

  it('lists an answer voted unhelpful with the article it cited', async () => {
    const { interaction } = await askQuestion('Who replaced Brian Hook?');
    const id = recording!.queue.pendingQuestions[0]!.id;
    await press(`ask:vote:${id}:down`, fake.messagesFor(interaction)[0]!.id, { userId: user() });
    const text = shown(await gaps(MANAGER, { days: 7 }));
    expect(text).toContain('Voted unhelpful · 👎 1 · 👍 0 · asked 1×');
    expect(text).toContain(`\`/source ${SEED.freeBeacon}\``);
  });

  it('turns pages with stateless buttons, checking the permission again', async () => {
    for (let n = 1; n <= 9; n += 1) await askQuestion(`Who won the ${2000 + n} Australian Open?`);
    const first = await gaps(MANAGER);
    const next = buttons(first).find((button) => button.label === 'Next');
    expect(next?.custom_id).toBe('gaps:page:2:');
    const [message] = fake.messagesFor(lastGaps!);
    const second = await press(next!.custom_id!, message!.id, { permissions: MANAGER });
    expect(second.embeds?.[0]?.footer?.text).toMatch(/^Page 2 of 2 · 9 wordings declined/);
    const refused = await press(next!.custom_id!, message!.id, { permissions: MEMBER });
    expect(refused.content).toBe(NOT_ALLOWED);
  });

  it('says recording is off when it is', async () => {
    memory = undefined;
    expect((await gaps(MANAGER)).content).toBe(NOT_RECORDING);
  });
});

describe('/status', () => {
  it('counts the questions asked today and the share answered', async () => {
    await askQuestion('Who replaced Brian Hook?');
    await askQuestion('What is the capital of Australia?');
    const interaction = fake.dispatchInteraction(slashCommand('status', {}, { userId: user() }));
    const text = shown(await waitForFinalMessage(fake, interaction));
    expect(text).toContain('Today: 2 questions (50% answered)');
  });
});
