import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { findMentions, suggestNames } from '../src/core/index.js';
import { notice, type SlashCommand } from '../src/discord/command.js';
import { renderMentions } from '../src/discord/render.js';

export const definition = {
  name: 'who',
  description: 'Who a person is, according to the articles',
  options: [{ type: ApplicationCommandOptionType.String, name: 'name', description: 'A name, e.g. Zarif', required: true, max_length: 100, autocomplete: true }],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const who: SlashCommand = {
  definition,
  deferral: () => ({ ephemeral: false }),
  execute(interaction, { index }) {
    const name = interaction.options.getString('name', true).trim();
    if (name.length === 0) return notice('Name a person, for example: `/who Zarif`');
    return { kind: 'message', message: renderMentions(findMentions(index, name), index) };
  },
  autocomplete(interaction, { index }) {
    return suggestNames(index, interaction.options.getFocused()).map((name) => ({ name, value: name }));
  },
};
