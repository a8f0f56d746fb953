import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { renderStatus } from '../src/discord/renderOperations.js';

export const definition = {
  name: 'status',
  description: "Dossier's version, uptime, corpus and connection",
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const status: SlashCommand = {
  definition,
  deferral: () => ({ ephemeral: true }),
  execute(_interaction, { operations }) {
    return { kind: 'message', message: renderStatus(operations.status(), new Date()) };
  },
};
