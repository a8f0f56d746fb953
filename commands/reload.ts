import { InteractionContextType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { notice, type SlashCommand } from '../src/discord/command.js';
import { renderReload } from '../src/discord/renderOperations.js';

/** Who may reload: the people who manage the server. */
const RELOAD_PERMISSION = PermissionFlagsBits.ManageGuild;

export const definition = {
  name: 'reload',
  description: 'Read the corpus folder again and serve its changes (server managers only)',
  // Hidden from members without the permission; server admins can widen it in Integrations.
  default_member_permissions: RELOAD_PERMISSION.toString(),
  contexts: [InteractionContextType.Guild],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const reload: SlashCommand = {
  definition,
  deferral: () => ({ ephemeral: true }),
  async execute(interaction, { operations }) {
    // Checked again here: command permissions can be overridden per server, and the payload is the only proof.
    if (interaction.memberPermissions?.has(RELOAD_PERMISSION) !== true) return notice('Only members who can manage this server may reload the corpus.');
    return { kind: 'message', message: renderReload(await operations.reloadCorpus()) };
  },
};
