import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { DEFAULT_PAGE_LENGTH, findArticle, paginateArticle, suggestArticles, type CorpusIndex } from '../src/core/index.js';
import { notice, type CommandResult, type SlashCommand } from '../src/discord/command.js';
import { renderArticleFile, renderSourcePage } from '../src/discord/render.js';

export const definition = {
  name: 'source',
  description: 'Read an article of the corpus',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'article', description: 'Title words or id', required: true, max_length: 200, autocomplete: true },
    { type: ApplicationCommandOptionType.Integer, name: 'page', description: 'Page to open (default 1)', required: false, min_value: 1 },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const source: SlashCommand = {
  definition,
  deferral: () => ({ ephemeral: true }),
  execute(interaction, { index }) {
    return showPage(index, interaction.options.getString('article', true), interaction.options.getInteger('page') ?? 1, 'message');
  },
  autocomplete(interaction, { index }) {
    return suggestArticles(index, interaction.options.getFocused()).map((article) => ({
      name: [article.title, [article.publisher, article.date].filter(Boolean).join(', ')].filter(Boolean).join(' — '),
      value: article.id,
    }));
  },
  button(_interaction, action, args, { index }) {
    const [articleId = '', page = '1'] = args;
    if (action === 'open') return showPage(index, articleId, 1, 'followUp');
    if (action === 'page') return showPage(index, articleId, Number(page), 'update');
    const article = index.articleById.get(articleId);
    if (action !== 'file' || !article) return notice('That article is no longer in the corpus.');
    return { kind: 'followUp', message: { content: `The whole article: **${article.id}.md**`, files: [renderArticleFile(article)], ephemeral: true } };
  },
};

function showPage(index: CorpusIndex, reference: string, page: number, kind: 'message' | 'update' | 'followUp'): CommandResult {
  const lookup = findArticle(index, reference);
  if (lookup.kind === 'unknown-article') {
    const hint =
      lookup.suggestions.length > 0
        ? ` Did you mean ${lookup.suggestions
            .slice(0, 3)
            .map((article) => `\`${article.id}\``)
            .join(', ')}?`
        : '';
    return notice(`No article matches that.${hint}`);
  }
  const pages = paginateArticle(lookup.article, DEFAULT_PAGE_LENGTH);
  return { kind, message: renderSourcePage(lookup.article, pages, Number.isInteger(page) ? page : 1, index) };
}
