/**
 * What the console and the CLI print for each command, as text or JSON. Both front ends call
 * these, so a question gets the same answer whichever way it is asked.
 */
import {
  answerQuestion,
  parseDatePeriod,
  findArticle,
  findPerson,
  isQuestionProblem,
  paginateArticle,
  type Answer,
  type CorpusIndex,
  type QuestionProblem,
  type WordVectors,
} from '../core/index.js';
import { answerToJson, articleToJson, personToJson, problemToJson, whoToJson } from './renderJson.js';
import { markdownEmphasis, renderAnswerText, renderArticleList, renderArticleText, renderPeopleList, renderPersonText, renderProblemText, type Emphasis } from './renderText.js';

export type OutputFormat = 'text' | 'json';

/** A command's output, and whether it did what was asked (for the exit status). */
export interface Reply {
  readonly output: string;
  readonly ok: boolean;
  /** For `ask`: what the core answered (the console records it). */
  readonly result?: Answer | QuestionProblem;
}

/** The `after` and `before` a user typed for `ask` (a year, YYYY-MM or YYYY-MM-DD each). */
export interface AskDates {
  readonly after?: string | undefined;
  readonly before?: string | undefined;
}

/** What answering may use besides the index: the word vectors for related words (absent: answered without them). */
export interface Answering {
  readonly wordVectors?: WordVectors | undefined;
}

export async function askReply(
  index: CorpusIndex,
  question: string,
  format: OutputFormat,
  emphasis: Emphasis = markdownEmphasis,
  dates: AskDates = {},
  answering: Answering = {},
): Promise<Reply> {
  const parsed = parseDatePeriod(dates);
  if (parsed.kind === 'bad-period') {
    return { ok: false, output: format === 'json' ? JSON.stringify({ query: question, error: parsed.message }) : parsed.message };
  }
  const result = await answerQuestion(index, question, { period: parsed.period, ...(answering.wordVectors === undefined ? {} : { wordVectors: answering.wordVectors }) });
  if (isQuestionProblem(result)) {
    return { ok: false, output: format === 'json' ? JSON.stringify(problemToJson(result, question)) : renderProblemText(result), result };
  }
  return { ok: true, output: format === 'json' ? JSON.stringify(answerToJson(result, index)) : renderAnswerText(result, emphasis), result };
}

export function sourceReply(index: CorpusIndex, reference: string, format: OutputFormat): Reply {
  if (reference.trim().length === 0) return articlesReply(index, format);
  const lookup = findArticle(index, reference);
  if (lookup.kind === 'unknown-article') {
    const suggestions = lookup.suggestions.map((article) => article.id);
    if (format === 'json') return { ok: false, output: JSON.stringify({ query: reference, error: 'unknown article', suggestions }) };
    const hint = suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : ' List them with: articles';
    return { ok: false, output: `No article matches "${lookup.reference}".${hint}` };
  }
  const pages = paginateArticle(lookup.article);
  if (format === 'json') {
    return { ok: true, output: JSON.stringify({ query: reference, matchedBy: lookup.matchedBy, article: articleToJson(lookup.article), text: lookup.article.text, pages }) };
  }
  return { ok: true, output: renderArticleText(lookup.article, pages) };
}

export function articlesReply(index: CorpusIndex, format: OutputFormat): Reply {
  if (format === 'json')
    return { ok: true, output: JSON.stringify({ corpus: { version: index.version, articles: index.articles.length }, articles: index.articles.map(articleToJson) }) };
  return { ok: true, output: renderArticleList(index.articles) };
}

export function whoReply(index: CorpusIndex, name: string, format: OutputFormat, emphasis: Emphasis = markdownEmphasis): Reply {
  if (name.trim().length === 0) {
    return { ok: false, output: format === 'json' ? JSON.stringify({ query: name, error: 'empty name' }) : 'Name a person, for example: /who Zarif' };
  }
  const lookup = findPerson(index.people, name);
  const ok = lookup.kind === 'found';
  return { ok, output: format === 'json' ? JSON.stringify(whoToJson(name.trim(), lookup, index)) : renderPersonText(lookup, index, emphasis) };
}

export function peopleReply(index: CorpusIndex, format: OutputFormat): Reply {
  if (format === 'json')
    return {
      ok: true,
      output: JSON.stringify({ corpus: { version: index.version, articles: index.articles.length }, people: index.people.people.map((person) => personToJson(person, index)) }),
    };
  return { ok: true, output: renderPeopleList(index.people.people) };
}
