/**
 * Test helpers for the Discord adapter: Discord's published limits (the fake Discord's
 * {@link DISCORD_LIMITS}), counted independently of `src/discord/send.ts` so that a test can catch
 * the helper miscounting, and a check for unpaired UTF-16 surrogates (which Discord rejects or
 * renders as U+FFFD).
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import type { fitMessage } from '../../src/discord/send.js';
import { DISCORD_LIMITS } from '../support/fakeDiscord.js';

export type FittedMessage = ReturnType<typeof fitMessage>;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string of an embed that Discord counts toward the 6,000-character total. */
export function countedTexts(embed: APIEmbed): string[] {
  return [embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '', embed.author?.name ?? '', ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])];
}

/** The buttons of a fitted message as the JSON Discord receives. */
export function buttonsOf(payload: FittedMessage): Array<{ custom_id: string | undefined; label: string | undefined; disabled: boolean | undefined }> {
  return payload.components.flatMap((row) =>
    row.toJSON().components.map((button) => ({
      custom_id: 'custom_id' in button ? button.custom_id : undefined,
      label: 'label' in button ? button.label : undefined,
      disabled: button.disabled,
    })),
  );
}

/** Asserts every limit Discord enforces on a message Dossier sends; `context` names the case in failures. */
export function expectWithinDiscordLimits(payload: FittedMessage, context: string): void {
  expect(payload.allowedMentions, context).toEqual({ parse: [] });
  expect(payload.content.length, `${context}: content`).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(payload.embeds.length, `${context}: embed count`).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  let total = 0;
  for (const embed of payload.embeds) {
    expect(embed.title?.length ?? 0, `${context}: title`).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(embed.description?.length ?? 0, `${context}: description`).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0, `${context}: footer`).toBeLessThanOrEqual(DISCORD_LIMITS.embedFooterText);
    expect(embed.author?.name.length ?? 0, `${context}: author`).toBeLessThanOrEqual(DISCORD_LIMITS.embedAuthorName);
    expect(embed.fields?.length ?? 0, `${context}: field count`).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length, `${context}: field name`).toBeGreaterThan(0);
      expect(field.name.length, `${context}: field name`).toBeLessThanOrEqual(DISCORD_LIMITS.embedFieldName);
      expect(field.value.length, `${context}: field value`).toBeGreaterThan(0);
      expect(field.value.length, `${context}: field value`).toBeLessThanOrEqual(DISCORD_LIMITS.embedFieldValue);
    }
    for (const text of countedTexts(embed)) {
      total += text.length;
      expect(LONE_SURROGATE.test(text), `${context}: lone surrogate in ${JSON.stringify(text.slice(-20))}`).toBe(false);
    }
  }
  expect(total, `${context}: embeds total`).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
  expect(LONE_SURROGATE.test(payload.content), `${context}: lone surrogate in content`).toBe(false);
  expect(payload.components.length, `${context}: action rows`).toBeLessThanOrEqual(DISCORD_LIMITS.actionRows);
  for (const button of buttonsOf(payload)) {
    expect(button.custom_id?.length ?? 0, `${context}: custom_id ${button.custom_id}`).toBeGreaterThan(0);
    expect(button.custom_id?.length ?? 0, `${context}: custom_id ${button.custom_id}`).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(button.label?.length ?? 0, `${context}: label`).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
  }
}
