/**
 * Values shaped as Discord makes them, shared by every part of the fake Discord: snowflakes,
 * timestamps, the permission sets of the bot and of an ordinary member, and JSON objects.
 */
import { PermissionFlagsBits, type Snowflake } from 'discord-api-types/v10';

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

const DISCORD_EPOCH = 1_420_070_400_000n;

let snowflakeIncrement = 0n;

/** A snowflake for "now", so discord.js's `createdTimestamp` is meaningful. */
export function nextSnowflake(): Snowflake {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | snowflakeIncrement).toString();
}

/** Discord's timestamp format, e.g. `2024-05-01T12:00:00.000000+00:00`. */
export function discordTimestamp(at = Date.now()): string {
  return new Date(at).toISOString().replace('Z', '000+00:00');
}

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the bot may do in the fake's channel (`app_permissions`). */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;
/** What an ordinary member may do: @everyone's permissions, and a member's by default. */
export const MEMBER_PERMISSIONS = BOT_PERMISSIONS | PermissionFlagsBits.AddReactions | PermissionFlagsBits.UseExternalEmojis;
