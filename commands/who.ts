import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { findPerson, latestRole, suggestPeople } from '../src/core/index.js';
import { notice, type SlashCommand } from '../src/discord/command.js';
import { renderPerson } from '../src/discord/render.js';

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
    const lookup = findPerson(index.people, name);
    if (lookup.kind === 'not-found') return notice(renderPerson(lookup, index).content ?? 'Not a person named in the corpus.');
    return { kind: 'message', message: renderPerson(lookup, index) };
  },
  autocomplete(interaction, { index }) {
    return suggestPeople(index.people, interaction.options.getFocused()).map((person) => {
      const role = latestRole(person);
      return { name: role ? `${person.name} — ${role}` : person.name, value: person.name };
    });
  },
};
