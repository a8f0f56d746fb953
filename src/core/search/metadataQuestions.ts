/**
 * Questions about the articles themselves ("Who published …?", "Who wrote the piece on …?",
 * "When did … report …?"): read from the question's shape, once, in question analysis, so that
 * the answer can come from the article's metadata rather than from its text.
 */

/** An article's metadata a question can ask for. */
export type MetadataField = 'publisher' | 'author' | 'date';

/** A question about an article's metadata, as {@link detectMetadataQuestion} reads it. */
export interface MetadataQuestion {
  /** The field asked for. */
  readonly field: MetadataField;
  /**
   * The names the question gives the piece's writer or outlet, as written ("Witold Rodkiewicz" in
   * "Witold Rodkiewicz's analysis", "Washington Free Beacon" in "When did the Washington Free
   * Beacon report on …", "Century Magazine" in "published in Century Magazine"): the answer comes
   * from the metadata only when the article's author or publisher bears each of them ("When was
   * Thoreau's essay published?" is about the text).
   */
  readonly writers: readonly string[];
}

/** Words that name a piece of writing: "the piece on …", "the VOA editorial", "her analysis". */
const ARTICLE_NOUN = '(?:article|piece|editorial|report|analysis|story|column|op-ed|commentary|essay|feature|news item|brief|write-up)s?';
/** Words that name who publishes: "Which outlet …", "For which news site …". */
const OUTLET_NOUN =
  '(?:outlet|publisher|publication|newspaper|news ?site|website|site|magazine|news agency|agency|centre|center|think[- ]tank|journal|broadcaster|blog|media|paper)s?';
/** Verbs of publishing: "published", "carried", "ran", "came out". */
const PUBLISH_VERB = '(?:publish(?:ed|es|ing)?|carr(?:y|ied|ies)|ran|run|post(?:ed|s)?|print(?:ed|s)?|put out|issu(?:e|ed|es)|releas(?:e|ed|es)|c[ao]me out|appear(?:ed|s)?)';
/** Verbs of reporting or writing, which ask about an article only next to an article or outlet noun. */
const REPORT_VERB = '(?:report(?:ed|s)?|wr(?:ite|ote|itten|ites)|cover(?:ed|s)?)';
/** People who write: "Which journalist wrote …". */
const WRITER_NOUN = '(?:journalist|reporter|writer|author|correspondent|analyst|columnist|editor)s?';

const HAS_ARTICLE_NOUN = new RegExp(String.raw`\b${ARTICLE_NOUN}\b`, 'u');
/** A quoted title: "Who wrote "Defying America…"?". */
const HAS_QUOTED_TITLE = /["“”«»][^"“”«»]{3,}["“”«»]/u;
/** "reported on …", "wrote about …": reporting on a subject, which only an article does. */
const REPORTS_ON = new RegExp(String.raw`\b${REPORT_VERB} (?:on|about)\b`, 'u');

const PUBLISHER_SHAPES: readonly RegExp[] = [
  // "Which outlet published …", "For which news site did … write", "In what newspaper did … appear"
  new RegExp(
    String.raw`^(?:(?:for|in|on|at|by|from) )?(?:which|what) (?:(?!(?:is|was|are|were|did|does|do)\b)[\p{L}-]+ ){0,2}?${OUTLET_NOUN}\b(?!')(?! cover).*\b(?:${PUBLISH_VERB}|${REPORT_VERB})\b`,
    'u',
  ),
];
/** "Who published …" asks about an article only when the question names one (an article noun or a quoted title). */
const WHO_PUBLISHED = new RegExp(String.raw`^who (?:first )?${PUBLISH_VERB}\b`, 'u');
const AUTHOR_SHAPES: readonly RegExp[] = [
  new RegExp(String.raw`^(?:which|what) ${WRITER_NOUN} (?:wrote|authored|penned|filed)\b`, 'u'),
  new RegExp(String.raw`^whose (?:[\p{L}-]+ ){0,2}?${ARTICLE_NOUN}\b`, 'u'),
];
/** "Who wrote …", "Who is the author of …": about an article only when the question names one. */
const WHO_WROTE = /^who (?:wrote|authored|penned|(?:is|was) the (?:author|writer) of)\b/u;
/** "When …", "In which year …", "On what date …". */
const WHEN = /^(?:when|(?:in|on) (?:which|what) (?:year|month|date|day)|(?:which|what) (?:year|month|date|day))\b/u;
const PUBLISHED = new RegExp(String.raw`\b${PUBLISH_VERB}\b`, 'u');
const REPORTED = new RegExp(String.raw`\b${REPORT_VERB}\b`, 'u');

/**
 * The article metadata a question asks for (and the writer it names, if any), or `null` for a
 * question about what articles say.
 * Recognised shapes: the publisher ("Who published the piece …?", "Which outlet reported …?",
 * "For which news site did … write …?"), the author ("Who wrote the article on …?", "Which
 * journalist wrote …?") and the date ("When did … publish its piece …?", "When was the analysis
 * of … published?", "When did the Free Beacon report on …?", "In which year did … carry …?").
 * "Who wrote", "Who published" and "When … published" count only when the question names a piece
 * of writing (an article noun, a quoted title, "reported on"), so "Who wrote the letter?" or
 * "When was the film released?" stay questions about the text. Case-insensitive; linear in the
 * question.
 *
 * @example detectMetadataQuestion('Who wrote the piece on the Russian-Iranian alliance?') // { field: 'author' }
 * @example detectMetadataQuestion('Who replaced Brian Hook?') // null
 */
export function detectMetadataQuestion(question: string): MetadataQuestion | null {
  const field = metadataFieldOf(question.toLowerCase().replace(/[’‘]/gu, "'").replace(/\s+/gu, ' ').trim());
  if (field === null) return null;
  const written = question.replace(/[’‘]/gu, "'");
  const writers = WRITER_NAMES.flatMap((pattern) => pattern.exec(written)?.[1] ?? []);
  return { field, writers };
}

/** A run of capitalised words: "Washington Free Beacon". */
const NAME = String.raw`((?:\p{Lu}[\p{L}.-]*\s)*\p{Lu}[\p{L}.-]*)`;
/** Where a question names who wrote or published the piece. */
const WRITER_NAMES: readonly RegExp[] = [
  // "Hamidreza Azizi's piece", "Witold Rodkiewicz's analysis"
  new RegExp(String.raw`${NAME}'s?\s(?:[\p{Ll}-]+\s)?${ARTICLE_NOUN}\b`, 'u'),
  // "did the Washington Free Beacon report", "did Iran Business News carry"
  new RegExp(String.raw`\b(?:did|does|do)\s(?:the\s)?${NAME}\s(?:first\s)?(?:publish|report|carry|run|post|print|write|cover|issue|release)\b`, 'u'),
  // "published in Century Magazine", "written by Richard Karp"
  new RegExp(String.raw`\b(?:published|printed|carried|run|written|reported)\s(?:in|by)\s(?:the\s)?${NAME}`, 'u'),
];

function metadataFieldOf(text: string): MetadataField | null {
  const namesArticle = HAS_ARTICLE_NOUN.test(text) || HAS_QUOTED_TITLE.test(text);
  if (PUBLISHER_SHAPES.some((shape) => shape.test(text))) return 'publisher';
  if (WHO_PUBLISHED.test(text) && namesArticle) return 'publisher';
  if (AUTHOR_SHAPES.some((shape) => shape.test(text))) return 'author';
  if (WHO_WROTE.test(text) && namesArticle) return 'author';
  if (WHEN.test(text) && ((namesArticle && (PUBLISHED.test(text) || REPORTED.test(text))) || REPORTS_ON.test(text))) return 'date';
  return null;
}

/**
 * Whether an article's author or publisher bears each writer's name a question gives (its last
 * word, case and diacritics aside); true when the question gives none.
 *
 * @example isWrittenBy({ author: 'Witold Rodkiewicz' }, { field: 'date', writers: ['Witold Rodkiewicz'] }) // true
 */
export function isWrittenBy(article: { readonly author?: string; readonly publisher?: string }, question: MetadataQuestion): boolean {
  const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const bylineWords = new Set(fold(`${article.author ?? ''} ${article.publisher ?? ''}`).split(/[^\p{L}\p{N}]+/u));
  return question.writers.every((writer) => bylineWords.has(fold(writer.split(/\s+/u).at(-1) ?? '').replace(/[^\p{L}\p{N}]+/gu, '')));
}

/** What a corpus's metadata can tell apart: whether its articles differ in each field. */
export type CorpusMetadata = Readonly<Record<MetadataField, boolean>>;

const corpusMetadataCache = new WeakMap<object, CorpusMetadata>();

/**
 * Whether the articles differ in each metadata field (at least two distinct values): a question
 * about a field the corpus does not vary in (no dates at all, one publisher for everything, as in
 * an encyclopedia) is about the text, and dates in a question mean nothing to an undated corpus.
 * Computed once per set of articles (cached); linear in the articles.
 *
 * @example describeCorpusMetadata(index.articles).date // true when two articles have different dates
 */
export function describeCorpusMetadata(articles: ReadonlyArray<{ readonly publisher?: string; readonly author?: string; readonly date?: string }>): CorpusMetadata {
  const cached = corpusMetadataCache.get(articles);
  if (cached !== undefined) return cached;
  const varies = (field: MetadataField): boolean => {
    let first: string | undefined;
    for (const article of articles) {
      const value = article[field];
      if (value === undefined) continue;
      if (first === undefined) first = value;
      else if (value !== first) return true;
    }
    return false;
  };
  const described = { publisher: varies('publisher'), author: varies('author'), date: varies('date') };
  corpusMetadataCache.set(articles, described);
  return described;
}
