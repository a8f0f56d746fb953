/**
 * The extractor's entry point: a web page's HTML in, Dossier's article (body text and what the
 * page declares about it) or the reason there is none out.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { removeBoilerplateBlocks } from './bodyCleanup.js';
import { collectTextBlocks, countWords, joinParagraphs, type TextBlock } from './bodyText.js';
import { cleanDeclaredText, cleanPublisher, cleanTitle, normalizeDate, resolveHttpUrl, splitAuthorNames } from './cleanMetadata.js';
import { measurePageShape, type DomDocument, type DomElement } from './dom.js';
import { filterBoilerplateParagraphs } from './paragraphFilters.js';
import { readDeclaredMetadata, type DeclaredMetadata } from './metadata.js';

/** An article read from a web page, before it gets an id and a file. */
export interface ExtractedArticle {
  /** The headline (og:title, JSON-LD headline, `<title>` or the first `<h1>`), without the site's name around it; empty only when the page names none. */
  readonly title: string;
  /** The site's name, cleaned (never "Home"). */
  readonly publisher?: string;
  /** Names only, joined with ", " ("By Jane Doe and John Roe" → "Jane Doe, John Roe"). */
  readonly author?: string;
  /** `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when that is all that is known), as the page wrote it. */
  readonly date?: string;
  /** The canonical absolute http(s) URL (canonical link, og:url, JSON-LD url) resolved against the page's URL, else the page's URL. */
  readonly url?: string;
  /** The body: paragraphs, headings and list items each its own paragraph, separated by one blank line. */
  readonly text: string;
}

/** An article, or the reason a page has none (a short sentence for a person). */
export type ExtractionResult = { readonly kind: 'article'; readonly article: ExtractedArticle; readonly words: number } | { readonly kind: 'no-article'; readonly reason: string };

/** Fewer words of body than this and a page is not an article (a front page, an error page, a login wall). */
export const MIN_ARTICLE_WORDS = 50;

/** A heading whose text is at least this share links is a link to a story. */
const LINKED_HEADING_SHARE = 0.7;

/** This many linked headlines (and one in four paragraphs or more) make a page a list of stories. */
const MIN_STORY_LIST_HEADINGS = 4;

/**
 * Pages with more elements than this are refused: Readability's time grows with the elements, so
 * this bounds one extraction to a few seconds (news pages have a few thousand; see
 * docs/experiments.md, "Corpus files, passages and index").
 */
export const MAX_PAGE_ELEMENTS = 30_000;

/** Pages nesting deeper than this are refused: Readability's time grows with the square of the depth. */
export const MAX_PAGE_DEPTH = 400;

/** Why a page has no article when it cannot be parsed at all. */
const UNREADABLE_PAGE = 'the page could not be read as HTML';

/** A body whose text is more than this share links is a list of links, not an article. */
const MAX_LINK_SHARE = 0.5;

/** Why a page has no article when Readability finds no content at all. */
const NO_ARTICLE_FOUND = 'no article found in the page (a front page, an error page or a login wall?)';

/** What Readability reports beside the content: fallbacks for what the page does not declare. */
interface ReadabilityFindings {
  readonly title?: string;
  readonly byline?: string;
  readonly siteName?: string;
  readonly publishedTime?: string;
}

/**
 * Parses a page with linkedom. A text with no `<html>` element (an empty string, a fragment,
 * not HTML at all) gets one, since linkedom leaves such a document without a root.
 */
function parsePage(html: string): DomDocument {
  const { document } = parseHTML(html) as { document: DomDocument };
  if (document.documentElement !== null && document.body !== null) return document;
  return (parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`) as { document: DomDocument }).document;
}

/** Runs Readability on a (cleaned) document; returns its content element and findings. */
function runReadability(document: DomDocument): { content: DomElement | undefined; findings: ReadabilityFindings } {
  // The serializer hands back the content element itself, so the body is read from the DOM
  // (paragraph by paragraph) instead of from Readability's textContent, which runs blocks together.
  const parsed = new Readability<DomElement>(document as never, { serializer: (node) => node as unknown as DomElement }).parse();
  const findings: ReadabilityFindings = {
    ...(parsed?.title ? { title: parsed.title } : {}),
    ...(parsed?.byline ? { byline: parsed.byline } : {}),
    ...(parsed?.siteName ? { siteName: parsed.siteName } : {}),
    ...(parsed?.publishedTime ? { publishedTime: parsed.publishedTime } : {}),
  };
  return { content: parsed?.content ?? undefined, findings };
}

/** The first candidate a cleaner accepts. */
function firstAccepted<T>(candidates: readonly string[], clean: (candidate: string) => T | undefined): T | undefined {
  for (const candidate of candidates) {
    const cleaned = clean(candidate);
    if (cleaned !== undefined) return cleaned;
  }
  return undefined;
}

/** The article's fields other than its text, from declarations first and Readability's findings after. */
function chooseMetadata(declared: DeclaredMetadata, findings: ReadabilityFindings, pageUrl: string | undefined): Omit<ExtractedArticle, 'text'> {
  const publisher = firstAccepted([...declared.publishers, ...(findings.siteName ? [findings.siteName] : [])], cleanPublisher);
  const titleSource = firstAccepted([...declared.titles, ...(findings.title ? [findings.title] : [])], (candidate) =>
    cleanDeclaredText(candidate) === '' ? undefined : candidate,
  );
  const title = titleSource === undefined ? '' : cleanTitle(titleSource, publisher, pageUrl);
  const authorGroups = [...declared.authors, ...(findings.byline ? [[findings.byline]] : [])];
  let author: string | undefined;
  for (const group of authorGroups) {
    const names = group.flatMap((entry) => splitAuthorNames(entry, publisher));
    if (names.length > 0) {
      author = [...new Set(names)].join(', ');
      break;
    }
  }
  const date = firstAccepted([...declared.dates, ...(findings.publishedTime ? [findings.publishedTime] : [])], normalizeDate);
  const base = pageUrl === undefined ? undefined : resolveHttpUrl(pageUrl);
  const url = firstAccepted(declared.urls, (candidate) => resolveHttpUrl(candidate, base)) ?? base;
  // A page that names no publisher is still cited by its site: its host, as a reader would say it.
  const site = publisher ?? (url === undefined ? undefined : new URL(url).hostname.replace(/^www\./, ''));
  return {
    title,
    ...(site !== undefined ? { publisher: site } : {}),
    ...(author !== undefined ? { author } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(url !== undefined ? { url } : {}),
  };
}

/** A candidate body: its paragraphs, how much of it is link text, how many headings are links. */
interface BodyCandidate {
  readonly paragraphs: readonly string[];
  readonly words: number;
  readonly linkShare: number;
  readonly linkedHeadings: number;
}

/** A body from text blocks, after the paragraph filters. */
function bodyFromBlocks(blocks: readonly TextBlock[]): BodyCandidate {
  const kept = filterBoilerplateParagraphs(blocks);
  const paragraphs = kept.map((block) => block.text);
  const characters = kept.reduce((sum, block) => sum + block.text.length, 0);
  const linked = kept.reduce((sum, block) => sum + block.linkedChars, 0);
  const linkedHeadings = kept.filter((block) => /^H[1-6]$/.test(block.tag) && block.linkedChars >= LINKED_HEADING_SHARE * block.text.length).length;
  return { paragraphs, words: countWords(paragraphs.join(' ')), linkShare: characters === 0 ? 0 : linked / characters, linkedHeadings };
}

/** A body from plain text (JSON-LD `articleBody`): one paragraph per line. */
function bodyFromPlainText(text: string): BodyCandidate {
  const paragraphs = text
    .split(/\r?\n|<br\s*\/?>|<\/p>/i)
    .map((line) => cleanDeclaredText(line))
    .filter((line) => line !== '');
  return { paragraphs, words: countWords(paragraphs.join(' ')), linkShare: 0, linkedHeadings: 0 };
}

/**
 * The fallbacks when the cleaned page gives Readability too little to go on: Readability on the
 * page as it came (the cleanup may have cut a badly named container), the element marked
 * `itemprop="articleBody"`, then the JSON-LD `articleBody`. Each is tried only when the ones
 * before it fell short, so a good page is parsed once.
 */
function* fallbackBodies(html: string, declared: DeclaredMetadata): Generator<BodyCandidate> {
  const document = parsePage(html);
  const marked = document.querySelector('[itemprop="articleBody"]');
  const markedBody = marked ? bodyFromBlocks(collectTextBlocks(marked)) : undefined;
  const { content } = runReadability(document);
  if (content) yield bodyFromBlocks(collectTextBlocks(content));
  if (markedBody) yield markedBody;
  if (declared.jsonLdBody !== undefined) yield bodyFromPlainText(declared.jsonLdBody);
}

/**
 * Whether a body is a list of stories: headlines that are links, one every few paragraphs, on a
 * page that does not say it is an article.
 */
function isStoryList(body: BodyCandidate, declared: DeclaredMetadata): boolean {
  return !declared.declaresArticle && body.linkedHeadings >= MIN_STORY_LIST_HEADINGS && body.linkedHeadings * 4 >= body.paragraphs.length;
}

/** Whether a body is an article's: enough words, not mostly links, not a list of stories. */
function isArticleBody(body: BodyCandidate, declared: DeclaredMetadata): boolean {
  return body.words >= MIN_ARTICLE_WORDS && body.linkShare <= MAX_LINK_SHARE && !isStoryList(body, declared);
}

/** The reason a page has no article, from the best body found. */
function describeMissingArticle(best: BodyCandidate | undefined, declared: DeclaredMetadata): string {
  if (best === undefined || best.words === 0) return NO_ARTICLE_FOUND;
  if (best.words >= MIN_ARTICLE_WORDS && isStoryList(best, declared)) return `the page lists ${best.linkedHeadings} linked headlines: a front page or an index, not an article`;
  if (best.words >= MIN_ARTICLE_WORDS) return `the page is mostly links (${Math.round(best.linkShare * 100)}% of its text): a front page or an index, not an article`;
  return `only ${best.words} words of article text (at least ${MIN_ARTICLE_WORDS} needed)`;
}

/**
 * Extracts the article of a news page: its body text (Readability on linkedom, after boilerplate
 * blocks are removed, read paragraph by paragraph) and its title, publisher, author, date and
 * canonical URL from what the page declares. Pure and synchronous; tens of milliseconds for a
 * news page (`npm run eval:extract` measures it; see docs/experiments.md, "Article extraction"),
 * bounded by refusing pages over {@link MAX_PAGE_ELEMENTS} elements or {@link MAX_PAGE_DEPTH}
 * levels deep. Never throws: a page without an article (under {@link MIN_ARTICLE_WORDS} words of
 * body, mostly links, a list of headlines, unparseable) gives `no-article` with a one-sentence
 * reason.
 *
 * @param html The page's HTML, already decoded (see `decodeHtml`).
 * @param pageUrl The URL the page was fetched from; relative canonical links resolve against it.
 * @example
 * const result = extractArticle(html, 'https://example.com/news/storm');
 * if (result.kind === 'article') console.log(result.article.title, result.words);
 */
export function extractArticle(html: string, pageUrl?: string): ExtractionResult {
  try {
    return extractFromPage(html, pageUrl);
  } catch {
    // A page is hostile input: whatever in it trips the DOM or Readability is the page's fault.
    return { kind: 'no-article', reason: UNREADABLE_PAGE };
  }
}

/** {@link extractArticle} without the safety net. */
function extractFromPage(html: string, pageUrl: string | undefined): ExtractionResult {
  const document = parsePage(html);
  const shape = document.documentElement ? measurePageShape(document.documentElement, MAX_PAGE_ELEMENTS, MAX_PAGE_DEPTH) : { elements: 0, depth: 0 };
  if (shape.elements > MAX_PAGE_ELEMENTS) return { kind: 'no-article', reason: `the page is too large to read (over ${MAX_PAGE_ELEMENTS.toLocaleString('en')} elements)` };
  if (shape.depth > MAX_PAGE_DEPTH) return { kind: 'no-article', reason: `the page's markup nests too deep to read (over ${MAX_PAGE_DEPTH} levels)` };
  const declared = readDeclaredMetadata(document);
  removeBoilerplateBlocks(document);
  const { content, findings } = runReadability(document);
  let best: BodyCandidate | undefined = content ? bodyFromBlocks(collectTextBlocks(content)) : undefined;
  if (best === undefined || !isArticleBody(best, declared)) {
    for (const candidate of fallbackBodies(html, declared)) {
      if (best === undefined || (isArticleBody(candidate, declared) && !isArticleBody(best, declared)) || candidate.words > best.words) best = candidate;
      if (isArticleBody(best, declared)) break;
    }
  }
  if (best === undefined || !isArticleBody(best, declared)) return { kind: 'no-article', reason: describeMissingArticle(best, declared) };
  return { kind: 'article', article: { ...chooseMetadata(declared, findings, pageUrl), text: joinParagraphs(best.paragraphs) }, words: best.words };
}
