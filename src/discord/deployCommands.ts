/**
 * `npm run deploy:commands`: registers the commands to DISCORD_GUILD_ID, or globally without it.
 */
import { REST } from 'discord.js';
import { readConfigOrExit } from '../environment.js';
import { registerCommands } from './registerCommands.js';

const config = readConfigOrExit();
const missing = (['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'] as const).filter((key) => (key === 'DISCORD_TOKEN' ? config.discordToken : config.discordClientId) === undefined);
if (missing.length > 0 || config.discordToken === undefined || config.discordClientId === undefined) {
  process.stderr.write(`deploy:commands needs ${missing.join(' and ')} (see .env.example)\n`);
  process.exit(2);
}
const rest = new REST(config.discordApiBase ? { api: config.discordApiBase } : {}).setToken(config.discordToken);
try {
  const count = await registerCommands(rest, config.discordClientId, config.discordGuildId);
  process.stdout.write(`Registered ${count} commands ${config.discordGuildId ? `to guild ${config.discordGuildId}` : 'globally (may take a while to appear)'}.\n`);
} catch (error) {
  process.stderr.write(`deploy:commands failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
