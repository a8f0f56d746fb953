import { MessageFlags, type APIEmbed, type AutocompleteInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { embedsLength, fitEmbeds, fitMessage, respondChoices, type OutgoingChoice } from '../../src/discord/send.js';
import { buttonsOf, countedTexts, expectWithinDiscordLimits, LONE_SURROGATE } from './discordLimits.js';

/** A real paragraph of the corpus (Washington Free Beacon, 2020-08-07), repeated to any length. */
const PARAGRAPH =
  'The report comes as the White House is all but doubling down on its tough sanctions regime toward Iran. On Thursday, Washington announced the replacement of U.S. special representative for Iran Brian Hook with recent Venezuela envoy and Iran hawk Elliott Abrams. ';

function corpusText(length: number): string {
  return PARAGRAPH.repeat(Math.ceil(length / PARAGRAPH.length)).slice(0, length);
}

const ARTICLE_ID = 'iran-relationship-russia-washington-pressure';

describe('fitMessage', () => {
  it('pings no one, whatever the message holds', () => {
    for (const message of [{ content: '@everyone read <@&123> and <@456>' }, { embeds: [{ description: '@here' }] }, {}]) {
      expect(fitMessage(message).allowedMentions).toEqual({ parse: [] });
    }
  });

  it('suppresses link unfurls on a message without embeds', () => {
    const payload = fitMessage({ content: 'See https://freebeacon.com/national-security/' });
    expect(payload.flags & MessageFlags.SuppressEmbeds).toBe(MessageFlags.SuppressEmbeds);
  });

  it('does not suppress embeds on a message that has some', () => {
    const payload = fitMessage({ embeds: [{ title: 'Who replaced Brian Hook?', description: 'Elliott Abrams' }] });
    expect(payload.flags & MessageFlags.SuppressEmbeds).toBe(0);
  });

  it('sets the ephemeral flag only when asked', () => {
    expect(fitMessage({ content: 'Ask a question', ephemeral: true }).flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(fitMessage({ content: 'Ask a question', ephemeral: false }).flags & MessageFlags.Ephemeral).toBe(0);
    expect(fitMessage({ content: 'Ask a question' }).flags & MessageFlags.Ephemeral).toBe(0);
  });

  it('cuts content longer than 2,000 characters at a word, with an ellipsis', () => {
    const payload = fitMessage({ content: corpusText(2_500) });
    expect(payload.content.length).toBeLessThanOrEqual(2_000);
    expect(payload.content.length).toBeGreaterThan(1_900);
    expect(payload.content.endsWith('…')).toBe(true);
    expect(payload.content.at(-2)).not.toBe(' ');
  });

  it('drops buttons whose custom_id is longer than 100 characters and keeps the others', () => {
    const payload = fitMessage({
      content: 'Page 1',
      buttons: [
        { customId: `source:page:${'x'.repeat(90)}:2`, label: 'Next' },
        { customId: `source:file:${ARTICLE_ID}`, label: 'Download .md' },
      ],
    });
    expect(buttonsOf(payload).map((button) => button.custom_id)).toEqual([`source:file:${ARTICLE_ID}`]);
  });

  it('cuts button labels to 80 characters', () => {
    const payload = fitMessage({ content: 'Open', buttons: [{ customId: `source:open:${ARTICLE_ID}`, label: corpusText(120) }] });
    const [button] = buttonsOf(payload);
    expect(button?.label?.length).toBeLessThanOrEqual(80);
    expect(button?.label?.endsWith('…')).toBe(true);
  });

  it('keeps the disabled state of a button', () => {
    const payload = fitMessage({ content: 'Page 1', buttons: [{ customId: `source:page:${ARTICLE_ID}:0`, label: 'Previous', disabled: true }] });
    expect(buttonsOf(payload)[0]?.disabled).toBe(true);
  });

  it('attaches files as UTF-8 buffers under their names', () => {
    const payload = fitMessage({ content: 'The whole article', files: [{ name: `${ARTICLE_ID}.md`, content: 'Abrams’s appointment' }] });
    expect(payload.files[0]?.name).toBe(`${ARTICLE_ID}.md`);
    expect(payload.files[0]?.attachment.toString('utf8')).toBe('Abrams’s appointment');
  });
});

describe('fitEmbeds', () => {
  it('cuts the title to 256, the description to 4,096 and the footer to 2,048 characters', () => {
    const [embed] = fitEmbeds([{ title: corpusText(300), description: corpusText(5_000), footer: { text: corpusText(2_500) } }]);
    expect(embed?.title?.length).toBeLessThanOrEqual(256);
    expect(embed?.description?.length).toBeLessThanOrEqual(4_096);
    expect(embed?.footer?.text.length).toBeLessThanOrEqual(2_048);
    expect(embed?.title?.endsWith('…')).toBe(true);
  });

  it('cuts field names to 256 and values to 1,024 characters', () => {
    const [embed] = fitEmbeds([{ fields: [{ name: corpusText(300), value: corpusText(1_500) }] }]);
    expect(embed?.fields?.[0]?.name.length).toBeLessThanOrEqual(256);
    expect(embed?.fields?.[0]?.value.length).toBeLessThanOrEqual(1_024);
  });

  it('keeps at most 25 fields', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `[${i + 1}] Iran Strengthens Relationship With Russia`, value: 'Washington Free Beacon, 2020-08-07' }));
    const [embed] = fitEmbeds([{ fields }]);
    expect(embed?.fields).toHaveLength(25);
    expect(embed?.fields?.[24]?.name).toBe('[25] Iran Strengthens Relationship With Russia');
  });

  it('keeps at most 10 embeds', () => {
    const embeds = Array.from({ length: 12 }, (_, i): APIEmbed => ({ title: `Result ${i + 1}` }));
    expect(fitEmbeds(embeds).map((embed) => embed.title)).toEqual(embeds.slice(0, 10).map((embed) => embed.title));
  });

  it('keeps ten 4,096-character descriptions within the 6,000-character total', () => {
    const embeds = Array.from({ length: 10 }, (_, i): APIEmbed => ({ title: `Result ${i + 1}`, description: corpusText(4_096) }));
    const fitted = fitEmbeds(embeds);
    expect(fitted).toHaveLength(10);
    expect(fitted.flatMap(countedTexts).reduce((sum, text) => sum + text.length, 0)).toBeLessThanOrEqual(6_000);
  });

  it('keeps 25 full fields within the 6,000-character total', () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({ name: `[${i + 1}] ${corpusText(250)}`, value: corpusText(1_024) }));
    const fitted = fitEmbeds([{ title: corpusText(256), fields, footer: { text: 'Corpus 6c48ee1ff5 · 5 articles' } }]);
    expect(embedsLength(fitted)).toBeLessThanOrEqual(6_000);
    expect(fitted.flatMap(countedTexts).reduce((sum, text) => sum + text.length, 0)).toBeLessThanOrEqual(6_000);
  });

  it('keeps ten embeds with full titles and footers within the 6,000-character total', () => {
    const embeds = Array.from({ length: 10 }, (): APIEmbed => ({ title: corpusText(256), description: corpusText(100), footer: { text: corpusText(2_048) } }));
    const fitted = fitEmbeds(embeds);
    expect(fitted.flatMap(countedTexts).reduce((sum, text) => sum + text.length, 0)).toBeLessThanOrEqual(6_000);
    expect(fitted.every((embed) => (embed.title?.length ?? 0) > 0 && (embed.footer?.text.length ?? 0) > 0)).toBe(true);
  });

  it('shortens the longest parts first and leaves short ones whole', () => {
    const fitted = fitEmbeds([
      { title: 'Who replaced Brian Hook?', description: corpusText(4_096), fields: [{ name: '[1] Iran Strengthens Relationship', value: corpusText(1_024) }] },
      { title: 'More results', description: corpusText(4_096) },
    ]);
    expect(fitted[0]?.title).toBe('Who replaced Brian Hook?');
    expect(fitted[0]?.fields?.[0]?.name).toBe('[1] Iran Strengthens Relationship');
    expect(embedsLength(fitted)).toBeLessThanOrEqual(6_000);
    expect(embedsLength(fitted)).toBeGreaterThan(5_000);
  });

  it('does not change the embeds it is given', () => {
    const embed: APIEmbed = { title: corpusText(300), description: corpusText(5_000), fields: [{ name: 'Source', value: corpusText(2_000) }] };
    const copy = structuredClone(embed);
    fitEmbeds([embed, embed]);
    expect(embed).toEqual(copy);
  });

  it('never leaves a lone surrogate when it cuts emoji-heavy text', () => {
    const [embed] = fitEmbeds([{ title: '🇮🇷🤝🇷🇺'.repeat(40), description: '😀'.repeat(3_000), fields: [{ name: '😀'.repeat(200), value: '🤝🏽'.repeat(400) }] }]);
    for (const text of countedTexts(embed!)) expect(LONE_SURROGATE.test(text)).toBe(false);
  });
});

describe('embedsLength', () => {
  it('counts title, description, footer, author, field names and values of every embed', () => {
    const embeds: APIEmbed[] = [
      { title: 'Abrams', description: 'Elliott Abrams', footer: { text: 'Corpus' }, author: { name: 'VOA' }, fields: [{ name: '[1]', value: 'Hook' }], color: 0x2f6fdb },
      { title: 'Zarif', url: 'https://freebeacon.com/' },
    ];
    expect(embedsLength(embeds)).toBe(6 + 14 + 6 + 3 + 3 + 4 + 5);
  });
});

describe('every fitted message', () => {
  it('obeys all Discord limits even when every part is oversized', () => {
    const payload = fitMessage({
      content: corpusText(3_000),
      embeds: Array.from(
        { length: 12 },
        (): APIEmbed => ({
          title: corpusText(400),
          description: corpusText(6_000),
          footer: { text: corpusText(3_000) },
          author: { name: corpusText(400) },
          fields: Array.from({ length: 30 }, () => ({ name: corpusText(400), value: corpusText(2_000) })),
        }),
      ),
      buttons: Array.from({ length: 30 }, (_, i) => ({ customId: `ask:more:${i}`, label: corpusText(100) })),
      ephemeral: true,
    });
    expectWithinDiscordLimits(payload, 'oversized message');
  });
});

describe('respondChoices', () => {
  async function offered(choices: readonly OutgoingChoice[]): Promise<OutgoingChoice[]> {
    let sent: OutgoingChoice[] = [];
    const interaction = {
      respond: async (given: OutgoingChoice[]) => {
        sent = given;
      },
    };
    await respondChoices(interaction as unknown as AutocompleteInteraction, choices);
    return sent;
  }

  it('offers at most 25 choices', async () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({ name: `Article ${i + 1}`, value: `article-${i + 1}` }));
    const sent = await offered(choices);
    expect(sent).toHaveLength(25);
    expect(sent[0]).toEqual({ name: 'Article 1', value: 'article-1' });
  });

  it('cuts choice names to 100 characters', async () => {
    const sent = await offered([
      {
        name: `${'Iran Strengthens Ties with Russia Thanks to Continued Meddling from the U.S. Government'} — Liberty Conservative News, 2020-08`,
        value: 'iran-ties-russia-us-meddling',
      },
    ]);
    expect(sent[0]?.name.length).toBeLessThanOrEqual(100);
    expect(sent[0]?.name.endsWith('…')).toBe(true);
    expect(sent[0]?.value).toBe('iran-ties-russia-us-meddling');
  });

  it('drops choices whose value is empty or longer than 100 characters, rather than cut an id', async () => {
    const sent = await offered([
      { name: 'Empty', value: '' },
      { name: 'Too long', value: 'x'.repeat(101) },
      { name: 'Russia and Iran Deepening Their Relationship', value: 'russia-iran-deepening-relationship' },
    ]);
    expect(sent).toEqual([{ name: 'Russia and Iran Deepening Their Relationship', value: 'russia-iran-deepening-relationship' }]);
  });

  it('names a choice by its value when its name is empty', async () => {
    expect(await offered([{ name: '', value: 'Mohammad Javad Zarif' }])).toEqual([{ name: 'Mohammad Javad Zarif', value: 'Mohammad Javad Zarif' }]);
  });
});
