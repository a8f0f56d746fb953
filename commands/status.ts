import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { renderStatus, type RecordedActivity } from '../src/discord/renderOperations.js';
import type { QuestionMemory } from '../src/questionMemory.js';

const DAY_MS = 86_400_000;

export const definition = {
  name: 'status',
  description: "Dossier's version, uptime, corpus, connection and the questions asked",
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const status: SlashCommand = {
  definition,
  deferral: () => ({ ephemeral: true }),
  async execute(_interaction, { operations, memory }) {
    const now = new Date();
    return { kind: 'message', message: renderStatus(operations.status(), now, await readActivity(memory, now)) };
  },
};

/** Questions and votes today (since 00:00 UTC) and in the last 7 days; a database that cannot be read leaves /status working. */
export async function readActivity(memory: QuestionMemory | undefined, now: Date): Promise<RecordedActivity> {
  if (memory === undefined) return { kind: 'off' };
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  try {
    const [today, week] = await Promise.all([memory.activity(midnight), memory.activity(now.getTime() - 7 * DAY_MS)]);
    return { kind: 'counted', today, week };
  } catch {
    return { kind: 'unavailable' };
  }
}
