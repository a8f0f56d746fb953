import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerQuestion, isQuestionProblem, parseDatePeriod } from '../src/core/index.js';
import { notice, type CommandResult, type SlashCommand } from '../src/discord/command.js';
import { renderAnswer, renderMoreResults } from '../src/discord/render.js';
import { isAnswerId, type QuestionMemory } from '../src/questionMemory.js';

/** Citations shown at a time, in the answer and per "More results". */
const CITATIONS_PER_PAGE = 3;

export const definition = {
  name: 'ask',
  description: 'Ask a question: the answer quotes the articles, with citations',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'question', description: 'Your question, e.g. Who replaced Brian Hook?', required: true, max_length: 300 },
    { type: ApplicationCommandOptionType.Boolean, name: 'hide', description: 'Only you see the answer', required: false },
    { type: ApplicationCommandOptionType.String, name: 'after', description: 'Prefer articles from this date on: 2020, 2020-08 or 2020-08-07', required: false, max_length: 20 },
    { type: ApplicationCommandOptionType.String, name: 'before', description: 'Prefer articles before this date: 2021, 2021-06 or 2021-06-30', required: false, max_length: 20 },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const ask: SlashCommand = {
  definition,
  deferral: (interaction) => ({ ephemeral: interaction.options.getBoolean('hide') ?? false }),
  cooldown: true,
  async execute(interaction, { index, memory, wordVectors }) {
    const hidden = interaction.options.getBoolean('hide') ?? false;
    // A client can bypass max_length: the bot cuts the question to it too.
    const question = Array.from(interaction.options.getString('question', true)).slice(0, definition.options[0].max_length).join('');
    const dates = parseDatePeriod({ after: interaction.options.getString('after') ?? undefined, before: interaction.options.getString('before') ?? undefined });
    if (dates.kind === 'bad-period') return notice(`${dates.message}.`);
    const started = performance.now();
    const answer = await answerQuestion(index, question, { citations: CITATIONS_PER_PAGE, period: dates.period, ...(wordVectors === undefined ? {} : { wordVectors }) });
    // Queued, never awaited: recording cannot delay or break the reply. One record per question
    // asked ("More results" pages are the same question and are not recorded again).
    const answerId = memory?.recordQuestion({
      question,
      place: interaction.guildId ?? 'dm',
      result: answer,
      corpusVersion: index.version,
      durationMs: performance.now() - started,
    });
    if (isQuestionProblem(answer)) {
      return notice(
        answer.kind === 'empty-question' ? 'Ask a question, for example: `/ask Who replaced Brian Hook?`' : 'That question has no words to search for; try names or topics.',
      );
    }
    return { kind: 'message', message: renderAnswer(answer, index, hidden, answerId) };
  },
  async button(interaction, action, args, { index, memory, wordVectors }) {
    if (action === 'vote') return vote(memory, args, interaction.user.id);
    const offset = Number(args[0]);
    // The question is read back from the answer's embed title, so the button needs no server state.
    const question = interaction.message.embeds[0]?.title;
    if (action !== 'more' || !Number.isInteger(offset) || offset < 0 || !question) return notice('This button no longer works; ask again with `/ask`.');
    // Older buttons carry no period; a newer one carries the period's after and before (either may be blank).
    const dates = parseDatePeriod({ after: args[1], before: args[2] });
    if (dates.kind === 'bad-period') return notice('This button no longer works; ask again with `/ask`.');
    const answer = await answerQuestion(index, question, {
      citations: CITATIONS_PER_PAGE,
      moreCitations: offset + CITATIONS_PER_PAGE,
      period: dates.period,
      ...(wordVectors === undefined ? {} : { wordVectors }),
    });
    if (isQuestionProblem(answer)) return notice('This button no longer works; ask again with `/ask`.');
    return { kind: 'followUp', message: renderMoreResults(answer, offset, index, CITATIONS_PER_PAGE) };
  },
};

/** A 👍 or 👎 on an answer (`ask:vote:<answer id>:up|down`): one vote per member and answer, a later one replaces it. */
function vote(memory: QuestionMemory | undefined, args: readonly string[], userId: string): CommandResult {
  const [answerId = '', choice = ''] = args;
  if (memory === undefined) return notice('Votes are not recorded on this bot.');
  if (!isAnswerId(answerId) || (choice !== 'up' && choice !== 'down')) return notice('This button no longer works.');
  if (!memory.recordVote(answerId, userId, choice === 'up')) return notice('Your vote could not be noted just now; try again later.');
  return notice(VOTE_NOTED);
}

/** The ephemeral reply to a vote. */
export const VOTE_NOTED = 'Thanks — noted.';
