import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../src/core/index.js';
import type { DeclinedGap, UnhelpfulGap } from '../../src/database/questionStore.js';
import { GAPS_PER_PAGE, gapsPageId, renderGaps } from '../../src/discord/renderGaps.js';
import { fitMessage } from '../../src/discord/send.js';
import { SEED, seedIndex } from '../support/seedCorpus.js';
import { buttonsOf, expectWithinDiscordLimits } from './discordLimits.js';

let index: CorpusIndex;
beforeAll(async () => {
  index = await seedIndex();
});

const LAST = Date.UTC(2026, 11, 2, 9, 30);

function declined(question: string, count: number, nearest: string | null = SEED.voaDeepening): DeclinedGap {
  return { question, wordingKey: question.toLowerCase(), count, last: LAST, nearest };
}

const unhelpful: UnhelpfulGap = {
  question: 'Who replaced Brian Hook?',
  wordingKey: 'brian hook replac',
  count: 4,
  helpful: 1,
  unhelpful: 3,
  articleIds: [SEED.freeBeacon, SEED.libertyRewrite],
  last: LAST,
};

function shown(message: ReturnType<typeof renderGaps>): string {
  return [
    message.content,
    ...(message.embeds ?? []).flatMap((embed) => [embed.title, embed.description, embed.footer?.text, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])]),
  ]
    .filter(Boolean)
    .join('\n');
}

describe('renderGaps', () => {
  it('shows a declined wording with its count, last date, and the nearest article by title and /source id', () => {
    const text = shown(renderGaps({ declined: [declined('How many drones did Iran sell to Russia?', 3)], unhelpful: [] }, 1, index, undefined));
    expect(text).toContain('Declined · asked 3× · last 2026-12-02');
    expect(text).toContain('“How many drones did Iran sell to Russia?”');
    expect(text).toContain(`Nearest: ${index.articleById.get(SEED.voaDeepening)!.title} · \`/source ${SEED.voaDeepening}\``);
  });

  it('shows an answer voted unhelpful with its votes and the articles it cited', () => {
    const text = shown(renderGaps({ declined: [], unhelpful: [unhelpful] }, 1, index, 30));
    expect(text).toContain('Voted unhelpful · 👎 3 · 👍 1 · asked 4× · last 2026-12-02');
    expect(text).toContain(`\`/source ${SEED.freeBeacon}\`; `);
    expect(text).toContain('in the last 30 days');
  });

  it('names a nearest article no longer in the corpus by its id', () => {
    const text = shown(renderGaps({ declined: [declined('Who leads the SCO?', 1, 'an-article-since-removed')], unhelpful: [] }, 1, index, undefined));
    expect(text).toContain('`/source an-article-since-removed` (no longer in the corpus)');
  });

  it('says so when nothing went unanswered', () => {
    const message = renderGaps({ declined: [], unhelpful: [] }, 1, index, 7);
    expect(message.content).toBe('No question went unanswered and no answer was voted unhelpful in the last 7 days.');
    expect(message.ephemeral).toBe(true);
  });

  it('pages the wordings with Previous and Next buttons that carry the page and the period', () => {
    const many = Array.from({ length: GAPS_PER_PAGE + 3 }, (_, n) => declined(`Question number ${n + 1} about Iran?`, 20 - n));
    const second = renderGaps({ declined: many, unhelpful: [unhelpful] }, 2, index, 30);
    expect(second.embeds?.[0]?.fields?.map((field) => field.value.split('\n')[0])).toEqual([
      '“Question number 9 about Iran?”',
      '“Question number 10 about Iran?”',
      '“Question number 11 about Iran?”',
      '“Who replaced Brian Hook?”',
    ]);
    expect(second.embeds?.[0]?.footer?.text).toBe('Page 2 of 2 · 11 wordings declined · 1 wording voted unhelpful');
    expect(second.buttons).toEqual([
      { customId: gapsPageId(1, 30), label: 'Previous', disabled: false },
      { customId: gapsPageId(3, 30), label: 'Next', disabled: true },
    ]);
  });

  it('shows the last page for a page past the end', () => {
    const message = renderGaps({ declined: [declined('Who leads the SCO?', 1)], unhelpful: [] }, 9, index, undefined);
    expect(message.embeds?.[0]?.footer?.text).toMatch(/^Page 1 of 1/);
    expect(message.buttons).toEqual([]);
  });

  it('escapes Markdown and mentions in what members typed', () => {
    const text = shown(renderGaps({ declined: [declined('**Who** is @everyone <@123> `here`?', 1)], unhelpful: [] }, 1, index, undefined));
    expect(text).toContain('\\*\\*Who\\*\\*');
    expect(text).not.toContain('@everyone');
  });

  it('stays within every Discord limit with a full page of the longest questions', () => {
    const long = `Why ${'did 😀 Iran **and** Russia '.repeat(20)}`.slice(0, 500);
    const many = Array.from({ length: 40 }, (_, n) => declined(`${n} ${long}`, 1_000_000 - n));
    const unhelpfulMany = Array.from({ length: 40 }, (_, n) => ({
      ...unhelpful,
      question: `${n} ${long}`,
      articleIds: Array.from({ length: 12 }, (_, m) => `${SEED.freeBeacon}-${m}`),
    }));
    for (const page of [1, 5, 10]) {
      const payload = fitMessage(renderGaps({ declined: many, unhelpful: unhelpfulMany }, page, index, 3_650));
      expectWithinDiscordLimits(payload, `page ${page}`);
      expect(buttonsOf(payload).map((button) => button.custom_id)).toEqual([gapsPageId(page - 1, 3_650), gapsPageId(page + 1, 3_650)]);
    }
  });
});
