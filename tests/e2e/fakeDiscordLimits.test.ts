/**
 * The fake Discord refuses what Discord refuses: a reply one character or one item over a limit
 * is answered 400 Invalid Form Body (50035) naming the field, and a reply exactly at the limits is
 * taken. This is what makes an end-to-end test fail when the bot breaks a Discord limit.
 */
import { ComponentType, InteractionResponseType, type APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocomplete, DISCORD_LIMITS, slashCommand, type FakeDiscord } from '../support/fakeDiscord.js';
import { connectClientToFakeDiscord, stopClientsWithFakeDiscord } from '../support/fakeDiscordClient.js';

let fake: FakeDiscord;

beforeAll(async () => {
  ({ fake } = await connectClientToFakeDiscord());
});

afterAll(stopClientsWithFakeDiscord);

/** Answers a new interaction with one callback, as the bot would, and returns Discord's answer. */
async function respond(interaction: APIInteraction, type: InteractionResponseType, data: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${fake.apiBase}/v10/interactions/${interaction.id}/${interaction.token}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type, data }),
  });
  return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
}

const reply = (data: Record<string, unknown>) =>
  respond(fake.dispatchInteraction(slashCommand('ask', { question: 'Who replaced Brian Hook?' })), InteractionResponseType.ChannelMessageWithSource, data);
const choices = (data: Record<string, unknown>) =>
  respond(fake.dispatchInteraction(autocomplete('source', { article: 'deep' }, 'article')), InteractionResponseType.ApplicationCommandAutocompleteResult, data);

const text = (length: number): string => 'Elliott Abrams replaced Brian Hook. '.repeat(Math.ceil(length / 36)).slice(0, length);
const button = (customId: string) => ({ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: 2, label: 'More results', custom_id: customId }] });
const field = (value: string) => ({ name: '[1] Washington Free Beacon', value });

describe('the fake Discord and the limits of a reply', () => {
  it.each([
    ['content', { content: text(DISCORD_LIMITS.content + 1) }, ['content']],
    ['an embed description', { embeds: [{ description: text(DISCORD_LIMITS.embedDescription + 1) }] }, ['embeds', '0', 'description']],
    ['the fields of an embed', { embeds: [{ fields: Array.from({ length: DISCORD_LIMITS.embedFields + 1 }, () => field('Abrams')) }] }, ['embeds', '0', 'fields']],
    ['a field value', { embeds: [{ fields: [field(text(DISCORD_LIMITS.embedFieldValue + 1))] }] }, ['embeds', '0', 'fields', '0', 'value']],
    ['the embeds together', { embeds: [{ description: text(3_001) }, { description: text(3_000) }] }, ['embeds']],
    ['the embeds of a message', { embeds: Array.from({ length: DISCORD_LIMITS.embedsPerMessage + 1 }, () => ({ description: 'Abrams' })) }, ['embeds']],
    ['the action rows of a message', { content: 'Abrams', components: Array.from({ length: DISCORD_LIMITS.actionRows + 1 }, (_, n) => button(`ask:more:${n}`)) }, ['components']],
    ['a button custom_id', { content: 'Abrams', components: [button(`ask:more:${'9'.repeat(DISCORD_LIMITS.customId)}`)] }, ['components', '0', 'components', '0', 'custom_id']],
  ])('refuses %s one over the limit with 50035 naming the field', async (_what, data, path) => {
    const { status, body } = await reply(data);

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 50035 });
    let errors = (body as { errors: Record<string, unknown> }).errors.data as Record<string, unknown>;
    for (const key of path) errors = errors[key] as Record<string, unknown>;
    expect(errors).toHaveProperty('_errors');
  });

  it('takes a reply exactly at the limits', async () => {
    const { status } = await reply({
      content: text(DISCORD_LIMITS.content),
      embeds: [{ description: text(DISCORD_LIMITS.embedDescription), fields: [field(text(DISCORD_LIMITS.embedFieldValue))] }],
      components: [button('9'.repeat(DISCORD_LIMITS.customId))],
    });

    expect(status).toBe(204);
  });

  it('refuses an autocomplete result with one choice too many', async () => {
    const { status, body } = await choices({
      choices: Array.from({ length: DISCORD_LIMITS.autocompleteChoices + 1 }, (_, n) => ({ name: `Article ${n}`, value: `article-${n}` })),
    });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 50035, errors: { data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
  });

  it('refuses an autocomplete choice whose name is one character too long', async () => {
    const { status, body } = await choices({ choices: [{ name: text(DISCORD_LIMITS.choiceName + 1), value: 'russia-iran-deepening-relationship' }] });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 50035, errors: { data: { choices: { 0: { name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } } } });
  });
});
