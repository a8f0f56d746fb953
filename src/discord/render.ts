/**
 * Dossier's answers as Discord messages: embeds with escaped corpus text, bold matched words,
 * numbered citations as links, and buttons whose `custom_id` carries all they need (stateless:
 * they keep working after a restart).
 */
import type { APIEmbed } from 'discord.js';
import { distinctRoles, type Answer, type Article, type Citation, type CorpusIndex, type DatePeriod, type PersonLookup } from '../core/index.js';
import { MAX_EMBED_FIELD_VALUE_LENGTH, truncate } from './limits.js';
import { boldRanges, escapeText, link } from './markdown.js';
import type { OutgoingButton, OutgoingFile, OutgoingMessage } from './send.js';

/** Embed colours: answered, not covered, reading. */
const COLOR_ANSWER = 0x2f6fdb;
const COLOR_NOT_COVERED = 0x9aa0a6;
const COLOR_SOURCE = 0x3c8d5a;
/** Excerpt length in a citation field, leaving room for its source line. */
const EXCERPT_LENGTH = 600;

/** Custom ids of Dossier's buttons: `command:action:arguments`. */
export const customIds = {
  /** The period, when one was applied, rides along so the next page is ranked the same way. */
  moreResults: (offset: number, period?: DatePeriod) => (period === undefined ? `ask:more:${offset}` : `ask:more:${offset}:${period.after ?? ''}:${period.before ?? ''}`),
  openArticle: (articleId: string) => `source:open:${articleId}`,
  sourcePage: (articleId: string, page: number) => `source:page:${articleId}:${page}`,
  sourceFile: (articleId: string) => `source:file:${articleId}`,
  /** A vote on a recorded answer: its id (22 characters) rides along, so the button works after a restart. */
  vote: (answerId: string, helpful: boolean) => `ask:vote:${answerId}:${helpful ? 'up' : 'down'}`,
} as const;

export function corpusFooter(index: CorpusIndex): { text: string } {
  return { text: `Corpus ${index.version} · ${index.articles.length} article${index.articles.length === 1 ? '' : 's'}` };
}

/**
 * The period an answer preferred, in one short line: "Preferring articles from 2020-01-01 to
 * before 2021-06-01", with ", as the question asks" when the question's words gave it.
 */
export function describePeriod(period: DatePeriod, from?: 'options' | 'question'): string {
  const asked = from === 'question' ? ', as the question asks' : '';
  if (period.after !== undefined && period.before !== undefined) return `Preferring articles from ${period.after} to before ${period.before}${asked}`;
  return period.after !== undefined ? `Preferring articles from ${period.after} on${asked}` : `Preferring articles before ${period.before ?? ''}${asked}`;
}

/** The footer's note on dates: the period preferred and "newest first", when either applied. */
function describeDates(answer: Answer): string | undefined {
  const notes = [...(answer.period === undefined ? [] : [describePeriod(answer.period, answer.periodFrom)]), ...(answer.prefersRecent === true ? ['Newer articles first'] : [])];
  return notes.length === 0 ? undefined : notes.join(' · ');
}

/** Publisher and date of a source, escaped: "Washington Free Beacon, 2020-08-07". */
function sourceLine(source: { readonly publisher?: string; readonly date?: string }): string {
  return escapeText([source.publisher, source.date].filter((part) => part !== undefined).join(', '));
}

/**
 * The reply to `/ask`: the quote and the first citations, or "not covered" with the nearest
 * passages. With the id of the answer's record, 👍 and 👎 buttons let members vote on it.
 */
export function renderAnswer(answer: Answer, index: CorpusIndex, ephemeral: boolean, answerId?: string): OutgoingMessage {
  const description =
    answer.quote?.metadata !== undefined
      ? `From the article's details: ${boldRanges(answer.quote.text, answer.quote.highlights)} **[${answer.quote.citation}]**`
      : answer.quote
        ? `> ${boldRanges(answer.quote.text, answer.quote.highlights).replace(/\n/g, '\n> ')} **[${answer.quote.citation}]**`
        : `**The corpus does not cover this question.**${answer.unmentioned === undefined ? '' : ` Its nearest article never mentions “${escapeText(answer.unmentioned)}”.`}${
            answer.citations.length > 0 ? ' The nearest passages:' : ' No passage comes close.'
          }`;
  const embed: APIEmbed = {
    title: escapeText(answer.query),
    description: answer.truncated ? `${description}\n\n*Only the first words of the question were searched.*` : description,
    color: answer.abstained ? COLOR_NOT_COVERED : COLOR_ANSWER,
    fields: answer.citations.map(citationField),
    footer: describeDates(answer) === undefined ? corpusFooter(index) : { text: `${describeDates(answer)} · ${corpusFooter(index).text}` },
  };
  const top = answer.citations[0];
  const buttons: OutgoingButton[] = [
    { customId: customIds.moreResults(answer.citations.length, answer.period), label: 'More results', disabled: answer.moreCitations.length === 0 },
  ];
  if (top) buttons.push({ customId: customIds.openArticle(top.articleId), label: 'Full article' });
  if (answerId !== undefined) {
    buttons.push({ customId: customIds.vote(answerId, true), label: 'Helpful', emoji: '👍' }, { customId: customIds.vote(answerId, false), label: 'Not helpful', emoji: '👎' });
  }
  return { embeds: [embed], buttons, ephemeral };
}

/** The next citations of an answer, for "More results" (seen only by who pressed it). */
export function renderMoreResults(answer: Answer, offset: number, index: CorpusIndex, pageSize: number): OutgoingMessage {
  const all = [...answer.citations, ...answer.moreCitations];
  const shown = all.slice(offset, offset + pageSize);
  if (shown.length === 0) return { content: 'There are no more results for this question.', ephemeral: true };
  const hasMore = all.length > offset + pageSize;
  return {
    embeds: [
      {
        title: escapeText(answer.query),
        description: `Results ${offset + 1}–${offset + shown.length}`,
        color: COLOR_ANSWER,
        fields: shown.map(citationField),
        footer: corpusFooter(index),
      },
    ],
    buttons: hasMore ? [{ customId: customIds.moreResults(offset + pageSize, answer.period), label: 'More results' }] : [],
    ephemeral: true,
  };
}

function citationField(citation: Citation): { name: string; value: string } {
  const lines = [`${link(citation.title, citation.url)} — ${sourceLine(citation)} · \`/source ${citation.articleId}\``];
  for (const other of citation.alsoReportedBy) lines.push(`also reported by ${link(other.publisher ?? other.title, other.url)}`);
  const head = lines.join('\n');
  const excerptRoom = Math.min(EXCERPT_LENGTH, MAX_EMBED_FIELD_VALUE_LENGTH - head.length - 4);
  const excerpt = truncateHighlighted(citation, excerptRoom);
  return { name: `[${citation.rank}] ${escapeText(truncate(citation.title, 200))}`, value: `${head}\n> ${excerpt.replace(/\n+/g, ' ')}` };
}

/** The excerpt with bold matches, cut in the plain text first so that no `**` pair is broken. */
function truncateHighlighted(citation: Citation, room: number): string {
  let length = citation.excerpt.length;
  let rendered = boldRanges(citation.excerpt, citation.highlights);
  while (rendered.length > room && length > 0) {
    length = Math.floor(length * 0.85);
    const cut = truncate(citation.excerpt, length);
    const body = cut.endsWith('…') ? cut.slice(0, -1) : cut;
    const ranges = citation.highlights.filter((range) => range.end <= body.length);
    rendered = `${boldRanges(body, ranges)}…`;
  }
  return rendered;
}

/** One page of an article for `/source`, with page turns and a download button. */
export function renderSourcePage(article: Article, pages: readonly string[], page: number, index: CorpusIndex): OutgoingMessage {
  const pageCount = Math.max(1, pages.length);
  const current = Math.min(Math.max(1, page), pageCount);
  const byline = [article.author && `By ${escapeText(article.author)}`, sourceLine(article)].filter((part) => part && part.length > 0).join(' — ');
  const header = [byline, article.url ? link('Original article', article.url) : '', `\`${article.id}\``].filter((line) => line.length > 0).join('\n');
  return {
    embeds: [
      {
        title: escapeText(article.title),
        description: `${header}\n\n${escapeText(pages[current - 1] ?? '')}`,
        color: COLOR_SOURCE,
        footer: { text: `Page ${current} of ${pageCount} · ${corpusFooter(index).text}` },
      },
    ],
    buttons: [
      { customId: customIds.sourcePage(article.id, current - 1), label: 'Previous', disabled: current <= 1 },
      { customId: customIds.sourcePage(article.id, current + 1), label: 'Next', disabled: current >= pageCount },
      { customId: customIds.sourceFile(article.id), label: 'Download .md' },
    ],
    ephemeral: true,
  };
}

/** The whole article as a Markdown file with its metadata as front matter. */
export function renderArticleFile(article: Article): OutgoingFile {
  const metadata = (['id', 'title', 'publisher', 'author', 'date', 'url'] as const)
    .filter((key) => article[key] !== undefined)
    .map((key) => `${key}: ${JSON.stringify(article[key])}`);
  return { name: `${article.id}.md`, content: `---\n${metadata.join('\n')}\n---\n\n${article.text}\n` };
}

/** `/who`: a person's profile — name, variants, roles with their sources, the sentences naming them. */
export function renderPerson(lookup: PersonLookup, index: CorpusIndex): OutgoingMessage {
  if (lookup.kind === 'not-found') {
    const hint = lookup.suggestions.length > 0 ? ` Closest names: ${lookup.suggestions.map((person) => `**${escapeText(person.name)}**`).join(', ')}.` : '';
    return { content: `**${escapeText(lookup.query)}** is not a person named in the corpus.${hint}`, ephemeral: true };
  }
  const { person } = lookup;
  const span = person.firstDate && person.lastDate ? (person.firstDate === person.lastDate ? ` (${person.firstDate})` : ` (${person.firstDate} to ${person.lastDate})`) : '';
  const summary = [
    lookup.corpusForm !== undefined ? `The corpus writes the name as “${escapeText(lookup.corpusForm)}”.` : '',
    person.variants.length > 1 ? `Also written: ${person.variants.slice(1).map(escapeText).join('; ')}` : '',
    `Mentioned ${person.mentions.length} time${person.mentions.length === 1 ? '' : 's'} in ${person.articleIds.length} article${person.articleIds.length === 1 ? '' : 's'}${span}.`,
    person.coMentioned.length > 0 ? `Named with: ${person.coMentioned.map((other) => escapeText(other.name)).join(', ')}` : '',
  ].filter((line) => line.length > 0);
  const roles = distinctRoles(person.roles).map((role) => {
    const sources = role.sources.map((source) => {
      const article = index.articleById.get(source.articleId);
      return `${article ? link(article.publisher ?? article.title, article.url) : escapeText(source.articleId)}${source.date ? `, ${source.date}` : ''}`;
    });
    return `• ${escapeText(role.role)} — ${sources.join('; ')}`;
  });
  const mentions = person.mentions
    .filter((mention) => mention.offset !== null)
    .slice(0, 8)
    .map((mention) => {
      const article = index.articleById.get(mention.articleId);
      return {
        name: escapeText(truncate(article?.title ?? mention.articleId, 200)),
        value: `> ${boldRanges(mention.sentence, [mention.highlight])}\n${article ? sourceLine(article) : ''} · \`/source ${mention.articleId}\``,
      };
    });
  return {
    embeds: [
      {
        title: escapeText(person.name),
        description: [...summary, ...(roles.length > 0 ? ['', '**Roles**', ...roles] : [])].join('\n'),
        color: COLOR_ANSWER,
        fields: mentions,
        footer: corpusFooter(index),
      },
    ],
  };
}
