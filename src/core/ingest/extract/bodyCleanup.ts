/**
 * Removing a page's boilerplate blocks before Readability looks for the article: navigation,
 * share bars, related links, newsletter and subscription boxes, advertisements, comments,
 * cookie notices, captions and credits, bylines and tag lists. Blocks are recognised by their
 * tag, ARIA role and class or id words, the way trafilatura and similar extractors do, never by
 * site. An element holding over 40% of the page's visible text is never removed, so that a
 * container with an unlucky class name cannot take the article with it.
 */
import { collapseWhitespace } from './bodyText.js';
import { childrenOf, isElement, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './dom.js';

/** Tags whose content is never part of an article's body (a `<header>` holds the headline and byline, read as metadata). */
const BOILERPLATE_TAGS = ['header', 'nav', 'aside', 'footer', 'form', 'button', 'select', 'textarea', 'figure', 'figcaption', 'dialog', 'menu'];

/** ARIA roles of page furniture. */
const BOILERPLATE_ROLES = ['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'search', 'menu', 'menubar', 'toolbar', 'tablist'];

/**
 * Words of class names and ids that mark boilerplate. Matched against the words of each class
 * or id (split at `-`, `_`, spaces and camelCase humps), so `share-bar`, `relatedLinks` and
 * `c-newsletter_signup` match while `shared-content` or `adventure` do not.
 */
// biome-ignore format: packed word list
const BOILERPLATE_WORDS = new Set([
  'share', 'sharing', 'sharebar', 'social', 'related', 'recommended', 'recommendations', 'newsletter', 'newsletters', 'subscribe',
  'subscription', 'signup', 'promo', 'promotion', 'advert', 'advertisement', 'ad', 'ads', 'adslot', 'advertising', 'sponsored',
  'comment', 'comments', 'disqus', 'cookie', 'cookies', 'consent', 'gdpr', 'caption', 'credit', 'credits', 'breadcrumb',
  'breadcrumbs', 'byline', 'tags', 'taglist', 'topics', 'readmore', 'trending', 'popular', 'outbrain', 'taboola', 'paywall',
  'modal', 'popup', 'toolbar', 'sidebar', 'widget', 'masthead', 'nav', 'navbar', 'navigation', 'menu', 'footer', 'print',
  'timestamp', 'dateline', 'author', 'bio', 'signin', 'login', 'skip', 'kicker', 'eyebrow', 'category', 'categories',
]);

/** Class names of text hidden from sighted readers ("Share on Facebook, opens in a new window"). */
const SCREEN_READER_CLASS = /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader-only|a11y-hidden|hidden|hide|d-none)(?:\s|$)/i;

/** Class or id words that mean "this holds the article" and protect an element from removal. */
const CONTENT_WORDS = new Set(['article', 'content', 'body', 'story', 'entry', 'post', 'text', 'main']);

/** An element holding more than this share of the page's visible text is never removed. */
const MAX_REMOVED_TEXT_SHARE = 0.4;

/** The words of a class name or id: `relatedLinks_box-2` → related, links, box, 2. */
function splitNameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Whether an element's classes or id name it as boilerplate (and not also as the content). */
export function hasBoilerplateName(element: DomElement): boolean {
  return namesBoilerplate(element.getAttribute('class') ?? '', element.getAttribute('id') ?? '');
}

/** Whether class names and an id name boilerplate: some name has a boilerplate word, none only content words. */
function namesBoilerplate(classNames: string, id: string): boolean {
  if (classNames === '' && id === '') return false;
  let boilerplate = false;
  for (const name of `${classNames} ${id}`.split(/\s+/)) {
    if (name === '') continue;
    const words = splitNameWords(name);
    const hasBoilerplateWord = words.some((word) => BOILERPLATE_WORDS.has(word));
    if (!hasBoilerplateWord && words.some((word) => CONTENT_WORDS.has(word))) return false;
    if (hasBoilerplateWord) boilerplate = true;
  }
  return boilerplate;
}

/** Tags whose text a reader never sees. */
const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

/**
 * Length of the visible text under a node (scripts and styles left out), recording each
 * element's length in `lengths` so that one walk serves every later question.
 */
function measureVisibleText(node: DomNode, lengths: Map<DomElement, number>): number {
  if (node.nodeType === TEXT_NODE) return collapseWhitespace(node.textContent ?? '').length;
  if (!isElement(node) || INVISIBLE_TAGS.has(node.tagName.toUpperCase())) return 0;
  let total = 0;
  for (const child of childrenOf(node)) total += measureVisibleText(child, lengths);
  lengths.set(node, total);
  return total;
}

/** Whether an element is page furniture by its tag, role or names. */
function isBoilerplateElement(element: DomElement): boolean {
  const tag = element.tagName.toLowerCase();
  if (BOILERPLATE_TAGS.includes(tag)) return true;
  const role = element.getAttribute('role')?.toLowerCase();
  if (role !== undefined && BOILERPLATE_ROLES.includes(role)) return true;
  if (element.hasAttribute('hidden')) return true;
  // linkedom rebuilds a class list on every read of the attribute: read it once.
  const classNames = element.getAttribute('class') ?? '';
  if (SCREEN_READER_CLASS.test(classNames)) return true;
  return namesBoilerplate(classNames, element.getAttribute('id') ?? '');
}

/** Posts from social networks that an article quotes (their text is part of the story). */
const QUOTED_POSTS = 'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.reddit-card';

/**
 * The elements holding a quoted social post, which stay in the page: their boilerplate-looking
 * class names and ids ("social-media-embed") are removed and the post's links become plain text,
 * so that neither this cleanup nor Readability's unlikely-candidate and link-density filters drop
 * the post.
 */
function keepQuotedPosts(body: DomElement): Set<DomElement> {
  const kept = new Set<DomElement>();
  for (const post of Array.from(body.querySelectorAll(QUOTED_POSTS))) {
    for (const link of Array.from(post.querySelectorAll('a'))) link.replaceWith(link.textContent ?? '');
    for (let element: DomElement | null = post; element !== null && element !== body; element = element.parentElement) {
      if (kept.has(element)) break;
      kept.add(element);
      if (hasBoilerplateName(element)) {
        element.removeAttribute('class');
        element.removeAttribute('id');
      }
    }
  }
  return kept;
}

/**
 * Removes boilerplate blocks from a parsed page, in place. Cost: two walks over the elements.
 */
export function removeBoilerplateBlocks(document: DomDocument): void {
  const body = document.body;
  if (!body) return;
  const lengths = new Map<DomElement, number>();
  const pageText = measureVisibleText(body, lengths);
  const kept = keepQuotedPosts(body);
  // Top-down, so that a removed block's descendants are never looked at.
  const stack: DomElement[] = [];
  for (let child = body.firstElementChild; child !== null; child = child.nextElementSibling) stack.push(child);
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (!kept.has(element) && isBoilerplateElement(element) && (lengths.get(element) ?? 0) <= MAX_REMOVED_TEXT_SHARE * pageText) {
      element.remove();
      continue;
    }
    for (let child = element.firstElementChild; child !== null; child = child.nextElementSibling) stack.push(child);
  }
}
