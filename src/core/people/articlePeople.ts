/**
 * One article's people before the merge across articles: the names found in its sentences and
 * its authors, grouped by person within the article, with the roles written around them; read
 * once per article object, and saved in and restored from an index snapshot.
 */
import type { Article, TextRange } from '../types.js';
import { splitSentences } from '../text/sentences.js';
import type { PersonMention } from './directory.js';
import { extractPeople } from './extractPeople.js';
import { compatibleNames, nameTokens } from './nameMatching.js';
import { respectiveRoles, ROLE_HEADS, roleAfter, roleBefore } from './personRoles.js';

/** A mention as read from its article, before the merge: with its name's folded tokens and the role written around it. */
export interface RawMention extends PersonMention {
  readonly tokens: readonly string[];
  readonly role?: string;
}

/**
 * Each article's people as read before the merge across articles (the costly part: names found
 * in every sentence), kept while the article object lives, so that a directory built again for a
 * corpus with a few articles changed (see `updateCorpusIndex`) reads only those. Articles are
 * immutable values, so an article object's people never change.
 */
const articlePeople = new WeakMap<Article, readonly RawMention[][]>();

/** The mentions of one article grouped by person, read once per article object (see {@link articlePeople}). */
export function readArticlePeople(article: Article): readonly RawMention[][] {
  let clusters = articlePeople.get(article);
  if (clusters === undefined) articlePeople.set(article, (clusters = clusterArticle(article)));
  return clusters;
}

/**
 * A mention as an index snapshot keeps it: the offset in the article (-1: none); the sentence as
 * its start in the article's text (when it is that slice) or as text; the sentence's length; the
 * highlight's start and end in the sentence; the form (null: the highlighted part of the
 * sentence); the role (null: none); the name's tokens.
 */
type SavedMention = readonly [
  offset: number,
  sentence: number | string,
  length: number,
  start: number,
  end: number,
  form: string | null,
  role: string | null,
  tokens: readonly string[],
];

/** An article's people as read before the merge across articles, as an index snapshot keeps them (see {@link saveArticlePeople}). */
export type SavedArticlePeople = ReadonlyArray<ReadonlyArray<SavedMention>>;

/**
 * An article's people as read before the merge across articles, for an index snapshot: restored
 * with {@link restoreArticlePeople}, they spare an index restored from the snapshot reading the
 * people of every article again at its first update. Reads them if not read yet.
 *
 * @example JSON.stringify(index.articles.map(saveArticlePeople))
 */
export function saveArticlePeople(article: Article): SavedArticlePeople {
  return readArticlePeople(article).map((cluster) =>
    cluster.map((mention): SavedMention => {
      const sentenceStart = mention.offset === null ? -1 : mention.offset - mention.highlight.start;
      const inText = sentenceStart >= 0 && article.text.startsWith(mention.sentence, sentenceStart);
      const form = mention.sentence.slice(mention.highlight.start, mention.highlight.end) === mention.form ? null : mention.form;
      return [
        mention.offset ?? -1,
        inText ? sentenceStart : mention.sentence,
        mention.sentence.length,
        mention.highlight.start,
        mention.highlight.end,
        form,
        mention.role ?? null,
        mention.tokens,
      ];
    }),
  );
}

/**
 * Keeps an article's people as saved by {@link saveArticlePeople}, as if read from the article.
 *
 * @throws Error when a mention does not fit the article's text
 * @example articles.forEach((article, position) => restoreArticlePeople(article, saved[position]));
 */
export function restoreArticlePeople(article: Article, saved: SavedArticlePeople): void {
  const clusters = saved.map((cluster) =>
    cluster.map(([offset, sentenceAt, length, start, end, form, role, tokens]): RawMention => {
      if (typeof sentenceAt === 'number' && (sentenceAt < 0 || sentenceAt + length > article.text.length))
        throw new Error(`people: a mention is outside the text of ${article.id}`);
      const sentence = typeof sentenceAt === 'number' ? article.text.slice(sentenceAt, sentenceAt + length) : sentenceAt;
      if (!Array.isArray(tokens) || start < 0 || end > sentence.length) throw new Error(`people: a mention of ${article.id} is malformed`);
      return {
        articleId: article.id,
        form: form ?? sentence.slice(start, end),
        sentence,
        highlight: { start, end },
        offset: offset < 0 ? null : offset,
        tokens,
        ...(role === null ? {} : { role }),
      };
    }),
  );
  articlePeople.set(article, clusters);
}

/** The mentions of one article grouped by person: full names with their surnames and role titles. */
function clusterArticle(article: Article): RawMention[][] {
  const sentences = splitSentences(article.text);
  const texts = sentences.map((range) => article.text.slice(range.start, range.end));
  const spans = extractPeople(texts);
  const mentions: RawMention[] = [];
  spans.forEach((sentenceSpans, index) => {
    const sentence = texts[index]!;
    const sentenceStart = sentences[index]!.start;
    const shared = respectiveRoles(sentence, sentenceSpans);
    sentenceSpans.forEach((span, position) => {
      const tokens = nameTokens(span.text);
      if (tokens.length === 0) return;
      // A role stops at the name before it ("minister Javad Zarif and Russian foreign minister Sergei Lavrov").
      const previousEnd = position > 0 ? sentenceSpans[position - 1]!.end : 0;
      const role = roleBefore(sentence, span.start, previousEnd) ?? roleAfter(sentence, span.end) ?? shared.get(position);
      mentions.push({
        articleId: article.id,
        form: span.text,
        sentence,
        highlight: { start: span.start, end: span.end },
        offset: sentenceStart + span.start,
        tokens,
        ...(role === undefined ? {} : { role }),
      });
    });
  });
  if (article.author) {
    for (const author of article.author.split(/\s*(?:,|&|\band\b)\s*/u).filter((name) => name.length > 0)) {
      const byline = `Author of “${article.title}”`;
      mentions.push({ articleId: article.id, form: author, sentence: byline, highlight: { start: 0, end: 0 }, offset: null, tokens: nameTokens(author), role: 'author' });
    }
  }

  // Full names first, so that a surname joins the person it abbreviates.
  const clusters: RawMention[][] = [];
  const byLength = [...mentions].sort((a, b) => b.tokens.length - a.tokens.length);
  for (const mention of byLength) {
    const candidates = clusters.filter((cluster) => cluster.some((other) => compatibleNames(mention.tokens, other.tokens)));
    if (candidates.length === 1) candidates[0]!.push(mention);
    else clusters.push([mention]);
  }
  for (const cluster of clusters) cluster.push(...roleTitleMentions(article, cluster, mentions));
  return clusters;
}

/**
 * Mentions of a person by a capitalised title of two or more words ("the Supreme Leader") in an
 * article that gives them that title right before their name, when no one else there has it.
 */
function roleTitleMentions(article: Article, cluster: readonly RawMention[], all: readonly RawMention[]): RawMention[] {
  const titles = new Set<string>();
  for (const mention of cluster) {
    const title = /((?:\p{Lu}[\p{L}-]*\s+)+\p{Lu}[\p{L}-]*)$/u.exec(mention.role ?? '')?.[1];
    if (title && ROLE_HEADS.has(title.split(/\s+/u).at(-1)!.toLowerCase())) titles.add(title);
  }
  const found: RawMention[] = [];
  let sentences: TextRange[] | undefined;
  for (const title of titles) {
    const holders = all.filter((mention) => mention.role?.endsWith(title));
    if (holders.some((mention) => !cluster.includes(mention))) continue;
    const pattern = new RegExp(`\\bthe ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b(?!\\s+\\p{Lu})`, 'gu');
    for (const match of article.text.matchAll(pattern)) {
      sentences ??= splitSentences(article.text);
      const sentence = sentences.find((range) => range.start <= match.index && match.index < range.end)!;
      const text = article.text.slice(sentence.start, sentence.end);
      const start = match.index - sentence.start;
      found.push({ articleId: article.id, form: match[0], sentence: text, highlight: { start, end: start + match[0].length }, offset: match.index, tokens: [] });
    }
  }
  return found;
}
