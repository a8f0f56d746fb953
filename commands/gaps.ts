import { ApplicationCommandOptionType, InteractionContextType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CorpusIndex } from '../src/core/index.js';
import { notice, type CommandResult, type SlashCommand } from '../src/discord/command.js';
import { renderGaps } from '../src/discord/renderGaps.js';
import type { QuestionMemory } from '../src/questionMemory.js';

/** Who may see what members asked: the people who manage the server, as for `/reload`. */
const GAPS_PERMISSION = PermissionFlagsBits.ManageGuild;
/** Wordings read of each kind (declined, voted unhelpful): the report's first pages. */
export const GAPS_LIMIT = 200;
const DAY_MS = 86_400_000;
export const NOT_ALLOWED = 'Only members who can manage this server may see what members asked.';
export const NOT_RECORDING = 'Questions are not recorded on this bot (`RECORD_QUESTIONS=off`).';
const UNAVAILABLE = 'The question database cannot be read just now; try again in a minute.';

export const definition = {
  name: 'gaps',
  description: 'Questions the corpus could not answer and answers voted unhelpful (server managers only)',
  // Hidden from members without the permission; server admins can widen it in Integrations.
  default_member_permissions: GAPS_PERMISSION.toString(),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'days',
      description: 'Only the last this many days (default: every record kept)',
      required: false,
      min_value: 1,
      max_value: 3_650,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const gaps: SlashCommand = {
  definition,
  deferral: () => ({ ephemeral: true }),
  async execute(interaction, { index, memory }) {
    // Checked again here: command permissions can be overridden per server, and the payload is the only proof.
    if (interaction.memberPermissions?.has(GAPS_PERMISSION) !== true) return notice(NOT_ALLOWED);
    const days = interaction.options.getInteger('days') ?? undefined;
    // A client can bypass min_value and max_value.
    if (days !== undefined && (days < 1 || days > definition.options[0].max_value)) return notice('`days` must be between 1 and 3650.');
    return showGaps(memory, index, 1, days, 'message');
  },
  defersButton: () => true,
  async button(interaction, action, args, { index, memory }) {
    if (interaction.memberPermissions?.has(GAPS_PERMISSION) !== true) return notice(NOT_ALLOWED);
    const [page = '1', days = ''] = args;
    const period = days === '' ? undefined : Number(days);
    if (action !== 'page' || !Number.isInteger(Number(page)) || (period !== undefined && !(Number.isInteger(period) && period >= 1 && period <= 3_650))) {
      return notice('This button no longer works; use `/gaps` again.');
    }
    return showGaps(memory, index, Number(page), period, 'update');
  },
};

async function showGaps(memory: QuestionMemory | undefined, index: CorpusIndex, page: number, days: number | undefined, kind: 'message' | 'update'): Promise<CommandResult> {
  if (memory === undefined) return notice(NOT_RECORDING);
  const since = days === undefined ? 0 : Date.now() - days * DAY_MS;
  let report;
  try {
    report = await memory.gaps(since, GAPS_LIMIT);
  } catch {
    // The memory has logged the failure; the moderator gets one short sentence.
    return notice(UNAVAILABLE);
  }
  return { kind, message: renderGaps(report, page, index, days) };
}
