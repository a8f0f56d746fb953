/**
 * An article's metadata as its page declares it: JSON-LD (`NewsArticle`, `Article`,
 * `ReportageNewsArticle`… including `@graph` arrays and `@id` references), OpenGraph and
 * `article:*` meta tags, `<meta name="author">`, `<link rel="canonical">`, `<time datetime>`.
 * Read before Readability runs, since Readability rewrites the document.
 */
import { collapseWhitespace } from './bodyText.js';
import type { DomDocument, DomElement } from './dom.js';

/** What a page declares about its article, raw (cleaned later). */
export interface DeclaredMetadata {
  readonly titles: readonly string[];
  readonly publishers: readonly string[];
  /** Author candidates, one list per source (a JSON-LD author array stays one list). */
  readonly authors: ReadonlyArray<readonly string[]>;
  readonly dates: readonly string[];
  readonly urls: readonly string[];
  /** Whether the page says it is an article (`og:type` article, or a JSON-LD article). */
  readonly declaresArticle: boolean;
  /** The article body a page states in JSON-LD `articleBody`, if any. */
  readonly jsonLdBody?: string;
}

/** JSON-LD `@type`s of an article. */
const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)$/;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON-LD node's types, as a list. */
function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** Every object of a parsed JSON-LD block: top-level arrays, `@graph` members and a page's `mainEntity` flattened. */
function flattenJsonLd(value: unknown, into: JsonObject[] = [], depth = 0): JsonObject[] {
  if (depth > 4) return into;
  if (Array.isArray(value)) {
    for (const entry of value) flattenJsonLd(entry, into, depth + 1);
  } else if (isObject(value)) {
    into.push(value);
    if (value['@graph'] !== undefined) flattenJsonLd(value['@graph'], into, depth + 1);
    if (isObject(value['mainEntity']) || Array.isArray(value['mainEntity'])) flattenJsonLd(value['mainEntity'], into, depth + 1);
  }
  return into;
}

/** The JSON-LD objects of a page's blocks; blocks that do not parse are skipped. */
function parseJsonLd(sources: readonly string[]): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const text of sources) {
    const source = text.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '');
    try {
      flattenJsonLd(JSON.parse(source), nodes);
    } catch {
      // A page's broken JSON-LD is its own problem; the other sources still count.
    }
  }
  return nodes;
}

/** The strings a JSON-LD value names: a string, `{ name }`, `{ @id }` resolved, or a list of those. */
function namesOf(value: unknown, byId: ReadonlyMap<string, JsonObject>, depth = 0): string[] {
  if (depth > 3) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((entry) => namesOf(entry, byId, depth + 1));
  if (!isObject(value)) return [];
  if (typeof value['name'] === 'string') return [value['name']];
  const id = value['@id'];
  const target = typeof id === 'string' ? byId.get(id) : undefined;
  return target && target !== value ? namesOf(target, byId, depth + 1) : [];
}

/** A JSON-LD value read as a URL: a string, `{ @id }` or `{ url }`. */
function urlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return urlOf(value[0]);
  if (!isObject(value)) return undefined;
  const candidate = value['url'] ?? value['@id'];
  return typeof candidate === 'string' ? candidate : undefined;
}

/** The keys of a meta tag: its `property`, `name` and `itemprop` values (an itemprop may list several). */
function metaKeys(meta: DomElement): string[] {
  return ['property', 'name', 'itemprop'].flatMap((attribute) => (meta.getAttribute(attribute) ?? '').trim().toLowerCase().split(/\s+/)).filter((key) => key !== '');
}

/** The `content` of every meta tag with one of these keys (or a key the pattern matches), in page order. */
function metaContents(metas: readonly MetaTag[], keys: readonly string[], pattern?: RegExp): string[] {
  const wanted = new Set(keys.map((key) => key.toLowerCase()));
  return metas.filter((meta) => meta.keys.some((key) => wanted.has(key) || pattern?.test(key) === true)).map((meta) => meta.content);
}

/** A meta tag's keys and content. */
interface MetaTag {
  readonly keys: readonly string[];
  readonly content: string;
}

/** Meta keys of a publication date that sites make up beyond the standard ones (`sn-post-date`, `article.published`). */
const PUBLISHED_DATE_KEY = /(?:^|[:._-])(?:published(?:[_-]?(?:time|date|at))?|pub-?date|post-?date|publish-?date|date-?published|release-?date)$/;

/** What one walk over the page gathers for the metadata: markup candidates in page order. */
interface PageDeclarations {
  readonly metas: MetaTag[];
  readonly jsonLdSources: string[];
  readonly titleTexts: string[];
  readonly h1Texts: string[];
  readonly itempropAuthorNames: string[];
  readonly itempropDates: string[];
  readonly itempropDateContents: string[];
  readonly pubdateTimes: string[];
  readonly articleTimes: string[];
  readonly allTimes: string[];
  readonly canonicalLinks: string[];
}

/** An attribute's trimmed value, or undefined when absent or blank. */
function attributeOf(element: DomElement, name: string): string | undefined {
  const value = element.getAttribute(name)?.trim();
  return value ? value : undefined;
}

/** Whether a space-separated attribute (`rel`, `itemprop`) lists a token. */
function listsToken(element: DomElement, attribute: string, token: string): boolean {
  return (element.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/).includes(token.toLowerCase());
}

/**
 * Walks the page once (linkedom answers every `querySelectorAll` with a walk of its own) and
 * gathers the meta tags, JSON-LD blocks and the markup that declares a title, an author, a date
 * or a canonical link.
 */
function scanPage(document: DomDocument): PageDeclarations {
  const found: PageDeclarations = {
    metas: [],
    jsonLdSources: [],
    titleTexts: [],
    h1Texts: [],
    itempropAuthorNames: [],
    itempropDates: [],
    itempropDateContents: [],
    pubdateTimes: [],
    articleTimes: [],
    allTimes: [],
    canonicalLinks: [],
  };
  const root = document.documentElement;
  if (!root) return found;
  const stack: Array<{ element: DomElement; inArticle: boolean; inAuthor: boolean }> = [{ element: root, inArticle: false, inAuthor: false }];
  while (stack.length > 0) {
    const { element, inArticle, inAuthor } = stack.pop()!;
    const tag = element.tagName.toUpperCase();
    if (tag === 'META') {
      const content = element.getAttribute('content') ?? '';
      const keys = metaKeys(element);
      if (content !== '' && keys.length > 0) found.metas.push({ keys, content });
    } else if (tag === 'SCRIPT') {
      if ((element.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') found.jsonLdSources.push(element.textContent ?? '');
      continue;
    } else if (tag === 'TITLE' || tag === 'H1') {
      const text = collapseWhitespace(element.textContent ?? '');
      if (text !== '') (tag === 'TITLE' ? found.titleTexts : found.h1Texts).push(text);
    } else if (tag === 'LINK') {
      const href = attributeOf(element, 'href');
      if (href !== undefined && listsToken(element, 'rel', 'canonical')) found.canonicalLinks.push(href);
    } else if (tag === 'TIME') {
      const datetime = attributeOf(element, 'datetime');
      if (datetime !== undefined) {
        if (element.hasAttribute('pubdate')) found.pubdateTimes.push(datetime);
        if (inArticle) found.articleTimes.push(datetime);
        found.allTimes.push(datetime);
      }
    }
    if (listsToken(element, 'itemprop', 'datePublished')) {
      const datetime = attributeOf(element, 'datetime');
      const content = attributeOf(element, 'content');
      if (datetime !== undefined) found.itempropDates.push(datetime);
      if (content !== undefined) found.itempropDateContents.push(content);
    }
    if (inAuthor && listsToken(element, 'itemprop', 'name')) {
      const name = collapseWhitespace(element.textContent ?? '');
      if (name !== '') found.itempropAuthorNames.push(name);
    }
    const childContext = {
      inArticle: inArticle || tag === 'ARTICLE' || tag === 'MAIN',
      inAuthor: inAuthor || listsToken(element, 'itemprop', 'author'),
    };
    // Children pushed last-first so that they come off the stack in page order.
    const children: DomElement[] = [];
    for (let child = element.firstElementChild; child !== null; child = child.nextElementSibling) children.push(child);
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push({ element: children[index]!, ...childContext });
  }
  return found;
}

/**
 * Reads what a page declares about its article, each field's candidates in order of trust:
 * JSON-LD first, then OpenGraph and `article:*`, then other meta tags, then markup
 * (`itemprop`, `<time>`, `<title>`). Cost: one walk over the page's elements.
 */
export function readDeclaredMetadata(document: DomDocument): DeclaredMetadata {
  const page = scanPage(document);
  const nodes = parseJsonLd(page.jsonLdSources);
  const metas = page.metas;
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const articles = nodes.filter((node) => typesOf(node).some((type) => ARTICLE_TYPE.test(type)));
  const organizations = nodes.filter((node) => typesOf(node).some((type) => /^(?:Organization|NewsMediaOrganization|WebSite)$/.test(type)));

  const jsonLdString = (key: string): string[] => articles.map((node) => node[key]).filter((value): value is string => typeof value === 'string');
  const bodies = jsonLdString('articleBody').filter((body) => body.trim() !== '');

  return {
    titles: [...metaContents(metas, ['og:title', 'twitter:title']), ...jsonLdString('headline'), ...jsonLdString('name'), ...page.titleTexts, ...page.h1Texts],
    publishers: [
      ...metaContents(metas, ['og:site_name']),
      ...articles.flatMap((node) => namesOf(node['publisher'], byId)),
      ...organizations.flatMap((node) => namesOf(node, byId)),
      ...metaContents(metas, ['application-name', 'publisher', 'dc.publisher']),
    ],
    authors: [
      ...articles.map((node) => namesOf(node['author'], byId)),
      ...metaContents(metas, ['article:author', 'og:article:author', 'author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author']).map((value) => [value]),
      page.itempropAuthorNames,
    ].filter((group) => group.length > 0),
    dates: [
      ...jsonLdString('datePublished'),
      ...metaContents(
        metas,
        [
          'article:published_time',
          'og:published_time',
          'datepublished',
          'date',
          'pubdate',
          'publishdate',
          'publish-date',
          'dc.date',
          'dc.date.issued',
          'dcterms.created',
          'sailthru.date',
          'parsely-pub-date',
          'cxenseparse:recs:publishtime',
          'pdate',
        ],
        PUBLISHED_DATE_KEY,
      ),
      ...page.itempropDates,
      ...page.itempropDateContents,
      ...page.pubdateTimes,
      ...page.articleTimes,
      ...page.allTimes,
      ...jsonLdString('dateCreated'),
      ...metaContents(metas, ['article:modified_time']),
      ...jsonLdString('dateModified'),
    ],
    urls: [
      ...page.canonicalLinks,
      ...metaContents(metas, ['og:url']),
      ...articles.map((node) => urlOf(node['url']) ?? urlOf(node['mainEntityOfPage'])).filter((value): value is string => value !== undefined),
    ],
    declaresArticle: articles.length > 0 || metaContents(metas, ['og:type']).some((type) => /article/i.test(type)),
    ...(bodies[0] !== undefined ? { jsonLdBody: bodies[0] } : {}),
  };
}
