/**
 * The JSON shapes of the CLI (`--json`), documented in the README and docs/json.md: scripts rely on them, so
 * fields are only ever added, and unknown values are `null` rather than missing.
 */
import {
  distinctRoles,
  type Answer,
  type Article,
  type ArticleMetadata,
  type Citation,
  type CorpusIndex,
  type Person,
  type PersonLookup,
  type QuestionProblem,
} from '../core/index.js';
import type { AddOutcome } from '../corpus/addArticle.js';

/** One cited passage, as JSON. */
export interface CitationJson {
  rank: number;
  articleId: string;
  passageId: string;
  title: string;
  publisher: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
  excerpt: string;
  score: number;
  alsoReportedBy: Array<{ articleId: string; title: string; publisher: string | null; url: string | null }>;
}

/** An answer, as JSON: one object per question. */
export interface AnswerJson {
  query: string;
  abstained: boolean;
  /**
   * The quoted sentence(s) and the rank of the citation they come from; null when abstained.
   * `from`: `text` (verbatim from the article) or `metadata` (the cited article's publisher, author
   * and date, for "Who published …?"); `metadata`: the field asked for and its value (null when the
   * article does not give it), or null for a quote from the text.
   */
  answer: {
    text: string;
    citation: number;
    highlights: Array<{ start: number; end: number }>;
    from: 'text' | 'metadata';
    metadata: { field: 'publisher' | 'author' | 'date'; value: string | null } | null;
  } | null;
  /** The cited passages; when abstained, the nearest passages. */
  citations: CitationJson[];
  truncated: boolean;
  /** When abstained because of it: a rare name or number of the question that the nearest article never mentions; otherwise null. */
  unmentioned: string | null;
  /** The period of publication preferred (`after` inclusive, `before` exclusive, as YYYY-MM-DD); null for a bound not given. */
  dates: { after: string | null; before: string | null };
  /** Where `dates` came from: `options` (--after/--before), `question` (its words: "in 2020", "before 2018"), or null when none applied. */
  datesFrom: 'options' | 'question' | null;
  /** True when the question asked for the newest ("the latest") and newer articles were preferred among comparably relevant ones. */
  preferNewest: boolean;
  corpus: { version: string; articles: number };
}

/** A question that could not be answered at all (empty, or without searchable words). */
export interface ErrorJson {
  query: string;
  error: string;
}

/** Article metadata, as JSON. */
export interface ArticleJson {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
}

export function answerToJson(answer: Answer, index: CorpusIndex): AnswerJson {
  return {
    query: answer.query,
    abstained: answer.abstained,
    answer: answer.quote && {
      text: answer.quote.text,
      citation: answer.quote.citation,
      highlights: answer.quote.highlights.map(({ start, end }) => ({ start, end })),
      from: answer.quote.metadata === undefined ? 'text' : 'metadata',
      metadata: answer.quote.metadata === undefined ? null : { field: answer.quote.metadata.field, value: answer.quote.metadata.value },
    },
    citations: answer.citations.map(citationToJson),
    truncated: answer.truncated,
    unmentioned: answer.unmentioned ?? null,
    dates: { after: answer.period?.after ?? null, before: answer.period?.before ?? null },
    datesFrom: answer.periodFrom ?? null,
    preferNewest: answer.prefersRecent === true,
    corpus: { version: index.version, articles: index.articles.length },
  };
}

export function problemToJson(problem: QuestionProblem, rawQuestion: string): ErrorJson {
  return problem.kind === 'empty-question' ? { query: rawQuestion, error: 'empty question' } : { query: problem.query, error: 'the question has no searchable words' };
}

export function articleToJson(article: ArticleMetadata): ArticleJson {
  return {
    id: article.id,
    title: article.title,
    publisher: article.publisher ?? null,
    author: article.author ?? null,
    date: article.date ?? null,
    url: article.url ?? null,
  };
}

function citationToJson(citation: Citation): CitationJson {
  return {
    rank: citation.rank,
    articleId: citation.articleId,
    passageId: citation.passageId,
    title: citation.title,
    publisher: citation.publisher ?? null,
    author: citation.author ?? null,
    date: citation.date ?? null,
    url: citation.url ?? null,
    excerpt: citation.excerpt,
    score: citation.score,
    alsoReportedBy: citation.alsoReportedBy.map((other) => ({
      articleId: other.articleId,
      title: other.title,
      publisher: other.publisher ?? null,
      url: other.url ?? null,
    })),
  };
}

/** A person, as JSON (`who --json`, `people --json`). */
export interface PersonJson {
  id: string;
  name: string;
  variants: string[];
  roles: Array<{ role: string; articleId: string; date: string | null }>;
  /** The roles merged regardless of case, each with every article that gives it. */
  distinctRoles: Array<{ role: string; sources: Array<{ articleId: string; date: string | null }> }>;
  mentions: Array<{ articleId: string; title: string; sentence: string; form: string }>;
  mentionCount: number;
  articleCount: number;
  firstDate: string | null;
  lastDate: string | null;
  coMentioned: Array<{ id: string; name: string; articles: number }>;
}

/** The answer to `who`: the person found, or suggestions. */
export type WhoJson =
  /** `title`: words before the name read as a title, else null; `corpusForm`: the form the corpus writes, for a fuller name than it uses, else null. */
  | { query: string; found: true; matchedBy: string; title: string | null; corpusForm: string | null; person: PersonJson }
  | { query: string; found: false; suggestions: Array<{ id: string; name: string }> };

export function personToJson(person: Person, index: CorpusIndex): PersonJson {
  return {
    id: person.id,
    name: person.name,
    variants: [...person.variants],
    roles: person.roles.map((role) => ({ role: role.role, articleId: role.articleId, date: role.date ?? null })),
    distinctRoles: distinctRoles(person.roles).map((role) => ({
      role: role.role,
      sources: role.sources.map((source) => ({ articleId: source.articleId, date: source.date ?? null })),
    })),
    mentions: person.mentions.map((mention) => ({
      articleId: mention.articleId,
      title: index.articleById.get(mention.articleId)?.title ?? mention.articleId,
      sentence: mention.sentence,
      form: mention.form,
    })),
    mentionCount: person.mentions.length,
    articleCount: person.articleIds.length,
    firstDate: person.firstDate ?? null,
    lastDate: person.lastDate ?? null,
    coMentioned: person.coMentioned.map((other) => ({ id: other.personId, name: other.name, articles: other.articles })),
  };
}

export function whoToJson(query: string, lookup: PersonLookup, index: CorpusIndex): WhoJson {
  return lookup.kind === 'found'
    ? {
        query,
        found: true,
        matchedBy: lookup.matchedBy,
        title: lookup.title ?? null,
        corpusForm: lookup.corpusForm ?? null,
        person: personToJson(lookup.person, index),
      }
    : { query, found: false, suggestions: lookup.suggestions.map((person) => ({ id: person.id, name: person.name })) };
}

/** `add --json`: what was saved, or why nothing was. */
export type AddJson =
  | {
      added: ArticleJson & { file: string; passages: number; people: string[] };
      /** The article already in the corpus that this one is a near-duplicate of (the same story elsewhere), or null. */
      duplicateOf: string | null;
    }
  | { error: string; kind: string };

export function addOutcomeToJson(outcome: AddOutcome): AddJson {
  if (outcome.kind === 'refused') return { error: outcome.message, kind: outcome.refusal };
  const { added } = outcome;
  return {
    added: { ...articleToJson(added), file: added.file, passages: added.passages, people: [...added.people] },
    duplicateOf: added.alsoReportedBy[0]?.id ?? null,
  };
}

/** One line of `export`: the loader's own `.jsonl` fields, plus the file the article came from. */
export interface ExportedArticleJson extends ArticleJson {
  text: string;
  source: string;
}

export function articleToExportJson(article: Article): ExportedArticleJson {
  return { ...articleToJson(article), text: article.text, source: article.source };
}
