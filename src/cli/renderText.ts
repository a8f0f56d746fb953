/**
 * Plain-text rendering for the console and the CLI: the same answers as in Discord, readable
 * in a terminal. Matched words are marked with `**` (or ANSI bold on a terminal).
 */
import type { Answer, Article, Citation, MentionReport, QuestionProblem, TextRange } from '../core/index.js';

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
  if (answer.quote) {
    lines.push(`“${emphasize(answer.quote.text, answer.quote.highlights, emphasis)}” [${answer.quote.citation}]`, '');
  } else {
    lines.push('The corpus does not cover this question.');
    lines.push(answer.citations.length > 0 ? 'Nearest passages:' : 'No passage comes close.', '');
  }
  for (const citation of answer.citations) lines.push(...renderCitation(citation, emphasis), '');
  if (answer.truncated) lines.push('(The question was long: only its first words were searched.)');
  return lines.join('\n').trimEnd();
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

export function renderMentionsText(report: MentionReport, emphasis: Emphasis): string {
  if (report.mentions.length === 0) return `The corpus does not mention "${report.query}".`;
  const lines = [
    `"${report.query}" in the corpus (from the sentences that name it; there is no people directory yet):`,
    `Mentioned in ${report.articleCount} article(s).${report.variants.length > 0 ? ` Written as: ${report.variants.join('; ')}.` : ''}`,
    '',
  ];
  for (const mention of report.mentions) {
    lines.push(`- ${emphasize(mention.sentence, mention.highlights, emphasis)}`, `  (${mention.article.title}${bracketed(describeSource(mention.article))}; /source ${mention.article.id})`);
  }
  return lines.join('\n');
}
