import {
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIInteractionGuildMember,
  type Attachment,
  type GuildMember,
  type PermissionsBitField,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { ADDABLE_EXTENSIONS, MAX_ADDED_FILE_BYTES, type AddInput, type AddOutcome } from '../src/corpus/addArticle.js';
import { notice, type AddingContext, type CommandResult, type SlashCommand } from '../src/discord/command.js';
import { downloadAttachment } from '../src/discord/downloadAttachment.js';
import { renderAdded, renderRemoved } from '../src/discord/renderAdd.js';

/** Who may add, besides the roles named in `ADD_ROLES`: the people who manage the server. */
export const ADD_PERMISSION = PermissionFlagsBits.ManageGuild;
export const NOT_ALLOWED = 'Only members who can manage this server, or who have a role allowed to add, may add articles.';
export const NOT_SET_UP = 'Adding articles is not set up on this bot.';

export const definition = {
  name: 'add',
  description: 'Add a news article to the corpus, from a link or a file (server managers only)',
  // Hidden from members without the permission; ADD_ROLES roles need it granted in Integrations too.
  default_member_permissions: ADD_PERMISSION.toString(),
  contexts: [InteractionContextType.Guild],
  options: [
    { type: ApplicationCommandOptionType.String, name: 'url', description: 'Link to the article (http or https)', required: false, max_length: 2_000 },
    { type: ApplicationCommandOptionType.Attachment, name: 'file', description: 'A saved page or article: .html, .htm, .md, .txt or .jsonl, at most 5 MiB', required: false },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const add: SlashCommand = {
  definition,
  deferral: () => ({ ephemeral: true }),
  async execute(interaction, { adding }) {
    if (adding === undefined) return notice(NOT_SET_UP);
    // Checked again here: command permissions can be overridden per server, and the payload is the only proof.
    if (!mayAdd(interaction, adding)) return notice(NOT_ALLOWED);
    const url = interaction.options.getString('url');
    const file = interaction.options.getAttachment('file');
    if (url === null && file === null) return notice('Give a link (`url`) or a file (`file`) to add.');
    if (url !== null && file !== null) return notice('Give a link or a file, not both: add them one at a time.');
    if (url !== null) {
      // A client can bypass max_length; a cut URL would be another URL.
      if (url.length > definition.options[0].max_length) return notice("That link is longer than 2,000 characters; give the article's own address.");
      return replyToAdd(await adding.adder.add({ kind: 'url', url: url.trim() }));
    }
    const read = await readAttachment(file!);
    return 'refusal' in read ? notice(read.refusal) : replyToAdd(await adding.adder.add(read));
  },
  defersButton: (action) => action === 'undo',
  async button(interaction, action, args, { adding }) {
    if (action !== 'undo' || args.length === 0) return notice('This button no longer works.');
    if (adding === undefined) return notice(NOT_SET_UP);
    if (!mayAdd(interaction, adding)) return notice(NOT_ALLOWED);
    // The file name may hold a colon: the router split the custom id on them.
    const outcome = await adding.adder.undo(args.join(':'));
    if (outcome.kind === 'refused') return notice(outcome.message);
    return { kind: 'update', message: renderRemoved(outcome) };
  },
};

/** What an interaction tells of its member: their permissions, and their roles. */
interface Member {
  readonly memberPermissions: Readonly<PermissionsBitField> | null;
  readonly member: GuildMember | APIInteractionGuildMember | null;
}

/** Whether the member may add: they can manage the server, or hold one of the `ADD_ROLES` roles. */
export function mayAdd({ memberPermissions, member }: Member, adding: AddingContext): boolean {
  if (memberPermissions?.has(ADD_PERMISSION) === true) return true;
  if (member === null || adding.roleIds.length === 0) return false;
  const roles = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return roles.some((role) => adding.roleIds.includes(role));
}

/** The reply to an add: what was saved, or the adder's one-sentence refusal. */
export function replyToAdd(outcome: AddOutcome): CommandResult {
  return outcome.kind === 'added' ? { kind: 'message', message: renderAdded(outcome.added) } : notice(outcome.message);
}

/** The attachment's bytes, once its type and declared size pass; else the sentence saying why not. */
async function readAttachment(file: Attachment): Promise<AddInput | { readonly refusal: string }> {
  const name = file.name;
  const shown = `\`${name.replace(/`/g, "'")}\``;
  const extension = /\.[^.]+$/.exec(name)?.[0]?.toLowerCase() ?? '';
  if (!(ADDABLE_EXTENSIONS as readonly string[]).includes(extension)) {
    return { refusal: `${shown} cannot be added: only ${ADDABLE_EXTENSIONS.join(', ')} files can.` };
  }
  const tooLarge = { refusal: `${shown} is larger than ${MAX_ADDED_FILE_BYTES / 1024 / 1024} MiB, the most that can be added.` };
  if (file.size > MAX_ADDED_FILE_BYTES) return tooLarge;
  const download = await downloadAttachment(file.url, { maxBytes: MAX_ADDED_FILE_BYTES });
  if (download.kind === 'too-large') return tooLarge;
  if (download.kind === 'failed') return { refusal: `${shown} could not be downloaded from Discord; try again.` };
  return { kind: 'file', name, bytes: download.bytes };
}
