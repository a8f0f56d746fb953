/**
 * Registering the commands (slash and message commands) with Discord, from the one command list.
 */
import { Routes, type REST } from 'discord.js';
import { commands } from '../../commands/index.js';

/**
 * Replaces the application's commands with Dossier's: in one guild (instant, for testing) when
 * `guildId` is given, else globally (Discord may take a while to show changes).
 */
export async function registerCommands(rest: REST, applicationId: string, guildId?: string): Promise<number> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const body = commands.map((command) => command.definition);
  await rest.put(route, { body });
  return body.length;
}
