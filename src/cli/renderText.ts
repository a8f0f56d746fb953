/**
 * Plain-text rendering for the console and the CLI: the same answers as in Discord, readable
 * in a terminal. Matched words are marked with `**` (or ANSI bold on a terminal).
 */
import {
  distinctRoles,
  latestRole,
  type Answer,
  type Article,
  type Citation,
  type CorpusIndex,
  type DatePeriod,
  type Person,
  type PersonLookup,
  type QuestionProblem,
  type TextRange,
} from '../core/index.js';
import type { AddOutcome } from '../corpus/addArticle.js';

/** How to mark a matched word: `**word**` for plain output, ANSI bold for a terminal. */
export type Emphasis = (word: string) => string;

export const markdownEmphasis: Emphasis = (word) => `**${word}**`;
export const ansiEmphasis: Emphasis = (word) => `\u001b[1m${word}\u001b[22m`;

/** Wraps each range of `text` with the emphasis; ranges must be sorted and disjoint. */
export function emphasize(text: string, ranges: readonly TextRange[], emphasis: Emphasis): string {
  let result = '';
  let cursor = 0;
  for (const range of ranges) {
    result += text.slice(cursor, range.start) + emphasis(text.slice(range.start, range.end));
    cursor = range.end;
  }
  return result + text.slice(cursor);
}

/** "Publisher, date" or whichever of the two is known. */
export function describeSource(source: { readonly publisher?: string; readonly date?: string }): string {
  return [source.publisher, source.date].filter((part) => part !== undefined).join(', ');
}

export function renderAnswerText(answer: Answer, emphasis: Emphasis = markdownEmphasis): string {
  const lines: string[] = [];
  if (answer.quote?.metadata !== undefined) {
    lines.push(`From the article's details: ${emphasize(answer.quote.text, answer.quote.highlights, emphasis)} [${answer.quote.citation}]`, '');
  } else if (answer.quote) {
    lines.push(`“${emphasize(answer.quote.text, answer.quote.highlights, emphasis)}” [${answer.quote.citation}]`, '');
  } else {
    lines.push('The corpus does not cover this question.');
    if (answer.unmentioned !== undefined) lines.push(`Its nearest article never mentions “${answer.unmentioned}”.`);
    lines.push(answer.citations.length > 0 ? 'Nearest passages:' : 'No passage comes close.', '');
  }
  for (const citation of answer.citations) lines.push(...renderCitation(citation, emphasis), '');
  if (answer.period !== undefined) lines.push(`(${describePeriodText(answer.period, answer.periodFrom)}.)`);
  if (answer.prefersRecent === true) lines.push('(Newer articles were preferred among equally relevant ones.)');
  if (answer.truncated) lines.push('(The question was long: only its first words were searched.)');
  return lines.join('\n').trimEnd();
}

/** The period an answer preferred: "Preferring articles from 2020-01-01 to before 2021-01-01, as the question asks". */
function describePeriodText(period: DatePeriod, from: Answer['periodFrom']): string {
  const range =
    period.after !== undefined && period.before !== undefined
      ? `from ${period.after} to before ${period.before}`
      : period.after !== undefined
        ? `from ${period.after} on`
        : `before ${period.before ?? ''}`;
  return `Preferring articles ${range}${from === 'question' ? ', as the question asks' : ''}`;
}

function renderCitation(citation: Citation, emphasis: Emphasis): string[] {
  const lines = [`[${citation.rank}] ${citation.title}${bracketed(describeSource(citation))}`];
  if (citation.url) lines.push(`    ${citation.url}`);
  lines.push(`    /source ${citation.articleId}`);
  for (const other of citation.alsoReportedBy) lines.push(`    also reported by ${other.publisher ?? other.title} (/source ${other.articleId})`);
  lines.push(`    > ${emphasize(citation.excerpt, citation.highlights, emphasis).replace(/\n/g, '\n    > ')}`);
  return lines;
}

function bracketed(text: string): string {
  return text.length > 0 ? ` — ${text}` : '';
}

export function renderProblemText(problem: QuestionProblem): string {
  return problem.kind === 'empty-question'
    ? 'Ask a question, for example: /ask Who replaced Brian Hook?'
    : `"${problem.query}" has no words to search for; try a question with names or topics.`;
}

export function renderArticleHeader(article: Article): string {
  const lines = [article.title];
  const byline = [article.author, describeSource(article)].filter((part) => part !== undefined && part.length > 0).join(' — ');
  if (byline.length > 0) lines.push(byline);
  if (article.url) lines.push(article.url);
  lines.push(`id: ${article.id}`);
  return lines.join('\n');
}

export function renderArticleText(article: Article, pages: readonly string[]): string {
  const parts = [renderArticleHeader(article), ''];
  pages.forEach((page, position) => {
    if (pages.length > 1) parts.push(`— page ${position + 1} of ${pages.length} —`);
    parts.push(page, '');
  });
  return parts.join('\n').trimEnd();
}

export function renderArticleList(articles: readonly Article[]): string {
  if (articles.length === 0) return 'The corpus has no articles.';
  return articles.map((article) => `${article.id}\n    ${article.title}${bracketed(describeSource(article))}`).join('\n');
}

export function renderPersonText(lookup: PersonLookup, index: CorpusIndex, emphasis: Emphasis): string {
  if (lookup.kind === 'not-found') {
    const hint = lookup.suggestions.length > 0 ? ` Closest names: ${lookup.suggestions.map((person) => person.name).join(', ')}.` : '';
    return `"${lookup.query}" is not a person named in the corpus.${hint}`;
  }
  const { person } = lookup;
  const span = person.firstDate && person.lastDate ? (person.firstDate === person.lastDate ? `, ${person.firstDate}` : `, ${person.firstDate} to ${person.lastDate}`) : '';
  const lines = [person.name];
  if (lookup.corpusForm !== undefined) lines.push(`The corpus writes the name as "${lookup.corpusForm}".`);
  if (person.variants.length > 1) lines.push(`Also written: ${person.variants.slice(1).join('; ')}`);
  lines.push(`Mentioned ${person.mentions.length} time(s) in ${person.articleIds.length} article(s)${span}.`);
  if (person.roles.length > 0) {
    lines.push('', 'Roles:');
    for (const role of distinctRoles(person.roles)) {
      const sources = role.sources.map(
        (source) => `${[index.articleById.get(source.articleId)?.publisher, source.date].filter(Boolean).join(', ') || source.articleId}; /source ${source.articleId}`,
      );
      lines.push(`- ${role.role} (${sources.join('; ')})`);
    }
  }
  lines.push('', 'Mentions:');
  for (const mention of person.mentions) {
    const article = index.articleById.get(mention.articleId);
    const sentence = mention.highlight.end > mention.highlight.start ? emphasize(mention.sentence, [mention.highlight], emphasis) : mention.sentence;
    lines.push(`- ${sentence}`, `  (${article?.title ?? mention.articleId}${article ? bracketed(describeSource(article)) : ''}; /source ${mention.articleId})`);
  }
  if (person.coMentioned.length > 0) lines.push('', `Named in the same articles: ${person.coMentioned.map((other) => other.name).join(', ')}`);
  return lines.join('\n');
}

export function renderPeopleList(people: readonly Person[]): string {
  if (people.length === 0) return 'The corpus names no people.';
  return people.map((person) => `${person.name}${bracketed(latestRole(person) ?? '')} (${person.mentions.length} mention(s), ${person.articleIds.length} article(s))`).join('\n');
}

/** What adding an article did, as the console and the CLI print it. */
export function renderAddText(outcome: AddOutcome): string {
  if (outcome.kind === 'refused') return `Not added: ${outcome.message}`;
  const { added } = outcome;
  const lines = [
    `Added “${added.title}”${describeSource(added) ? ` (${describeSource(added)})` : ''}`,
    ...(added.author === undefined ? [] : [`  by ${added.author}`]),
    ...(added.url === undefined ? [] : [`  ${added.url}`]),
    `  ${added.passages} passage${added.passages === 1 ? '' : 's'}; names ${added.people.length > 0 ? added.people.join(', ') : 'no one'}`,
    `  read it: /source ${added.id}   file: ${added.file}`,
  ];
  if (added.alsoReportedBy.length > 0) {
    lines.push(`  also reported by: ${added.alsoReportedBy.map((other) => `${other.title}${other.publisher ? ` (${other.publisher})` : ''} [${other.id}]`).join('; ')}`);
  }
  return lines.join('\n');
}
