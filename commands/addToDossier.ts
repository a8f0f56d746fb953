import { ApplicationCommandType, InteractionContextType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import { notice, type MessageCommand } from '../src/discord/command.js';
import { findFirstLink } from '../src/discord/messageLinks.js';
import { ADD_PERMISSION, NOT_ALLOWED, NOT_SET_UP, mayAdd, replyToAdd } from './add.js';

/** Right-click a message → Apps → Add to Dossier: adds the first link of that message, as `/add url:` does. */
export const definition = {
  type: ApplicationCommandType.Message,
  // Context-menu names are shown as written: capitals and spaces are allowed.
  name: 'Add to Dossier',
  default_member_permissions: ADD_PERMISSION.toString(),
  contexts: [InteractionContextType.Guild],
} as const satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

export const addToDossier: MessageCommand = {
  definition,
  deferral: () => ({ ephemeral: true }),
  async execute(interaction, { adding }) {
    if (adding === undefined) return notice(NOT_SET_UP);
    if (!mayAdd(interaction, adding)) return notice(NOT_ALLOWED);
    // Discord sends the target message's content with the interaction: no Message Content intent needed.
    const url = findFirstLink(interaction.targetMessage.content);
    if (url === undefined) return notice('That message has no http or https link to add.');
    return replyToAdd(await adding.adder.add({ kind: 'url', url }));
  },
};
