/**
 * The extractor on saved real news pages from the extraction benchmark (../shared/eval/extraction,
 * beside the repository): the body holds the article's first and last paragraphs as a person
 * marked them, not the page's navigation, share, credit or newsletter text, and the metadata the
 * page declares comes out cleaned.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractedArticle } from '../../../../src/core/index.js';
import { extractionPagePath, readExtractionTruth } from '../../../support/extractionPages.js';

const truth = readExtractionTruth();

/** The full key of a page from the start of its key. */
function keyOf(prefix: string): string {
  const key = Object.keys(truth).find((candidate) => candidate.startsWith(prefix));
  if (key === undefined) throw new Error(`no benchmark page starts with ${prefix}`);
  return key;
}

/** The saved page's HTML. */
function pageHtml(prefix: string): string {
  return readFileSync(extractionPagePath(keyOf(prefix)), 'utf8');
}

/** The article Dossier extracts from a saved page (fails the test when there is none). */
function extractPage(prefix: string): ExtractedArticle {
  const result = extractArticle(pageHtml(prefix), truth[keyOf(prefix)]!.url);
  if (result.kind !== 'article') throw new Error(`no article in ${prefix}: ${result.reason}`);
  return result.article;
}

/** Whitespace collapsed, so that paragraphs compare whatever their line breaks. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first and last paragraphs a person marked as the article. */
function markedEnds(prefix: string): [string, string] {
  const paragraphs = truth[keyOf(prefix)]!.articleBody.split(/\n+/)
    .map(squeeze)
    .filter((paragraph) => paragraph !== '');
  return [paragraphs[0]!, paragraphs[paragraphs.length - 1]!];
}

const NJ = '3f65af7b6b98';
const WIRED = '2f42ef1d3ea0';
const VOX = '16c30add7e96';
const LIVE_SCIENCE = '3c5bf8db4272';
const CBS = '2c46804d9db4';
const WSJ = '042bb7b5feda';

describe('extractArticle on saved news pages', () => {
  it.each([NJ, WIRED, VOX, LIVE_SCIENCE, CBS, WSJ])('keeps the first and last marked paragraphs of page %s', (prefix) => {
    const body = squeeze(extractPage(prefix).text);
    const [first, last] = markedEnds(prefix);
    expect(body).toContain(first);
    expect(body).toContain(last);
  });

  it('keeps the tweets an article quotes (NJ.com, in a "social-media-embed" box)', () => {
    expect(extractPage(NJ).text).toContain('Yes this is real and yes the state spent nearly half a million dollars on it');
  });

  it('drops the newsletter pitch and the reporter contact box after an NJ.com article', () => {
    const html = pageHtml(NJ);
    expect(html).toContain('Subscribe to NJ.com’s newsletters');
    expect(extractPage(NJ).text).not.toContain('newsletters');
  });

  it('drops Wired\'s subscription box and "More Great WIRED Stories" links', () => {
    const html = pageHtml(WIRED);
    expect(html).toContain('More Great WIRED Stories');
    const body = extractPage(WIRED).text;
    expect(body).not.toContain('More Great WIRED Stories');
    expect(body).not.toContain('Subscribe to WIRED');
    expect(body).not.toContain('YouTubers must unionize');
  });

  it("drops Vox's photo captions, credits and share buttons", () => {
    const html = pageHtml(VOX);
    expect(html).toContain('Hindustan Times/Getty Images');
    const body = extractPage(VOX).text;
    expect(body).not.toContain('Getty Images');
    expect(body).not.toContain('Share this on');
  });

  it('drops Live Science\'s "Related:" links', () => {
    expect(pageHtml(LIVE_SCIENCE)).toContain('The 15 Weirdest Galaxies in Our Universe');
    expect(extractPage(LIVE_SCIENCE).text).not.toContain('Weirdest Galaxies');
  });

  it('drops the "Updated on" timestamp line of a CBS News article', () => {
    expect(pageHtml(CBS)).toContain('Updated on:');
    expect(extractPage(CBS).text).not.toContain('Updated on');
  });

  it('separates paragraphs with one blank line and collapses whitespace inside them', () => {
    const paragraphs = extractPage(VOX).text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const paragraph of paragraphs) expect(paragraph).toBe(squeeze(paragraph));
  });

  it("reads an NJ.com article's title, author, date and canonical URL", () => {
    const article = extractPage(NJ);
    expect(article.title).toBe('South Dakota doubles down on ‘Meth. We’re on it.’ They just might be.');
    expect(article.author).toBe('Amy Kuperinsky');
    expect(article.date).toBe('2019-11-19');
    expect(article.url).toBe('https://www.nj.com/entertainment/2019/11/florida-man-exists-south-dakota-hold-my-beer-meth-were-on-it.html');
  });

  it("reads a Vox article's publisher, author and date from its declarations", () => {
    const article = extractPage(VOX);
    expect(article).toMatchObject({ publisher: 'Vox', author: 'Umair Irfan', date: '2019-11-08' });
    expect(article.title).toBe('The law that’s helping fuel Delhi’s deadly air pollution');
  });

  it("reads a Wall Street Journal article's publisher, author and date", () => {
    expect(extractPage(WSJ)).toMatchObject({ publisher: 'WSJ', author: 'Sarah E. Needleman', date: '2019-11-19' });
  });

  it("takes a Reuters page's canonical link over the URL it was fetched from", () => {
    const key = keyOf('57d46c9d751e');
    const result = extractArticle(
      readFileSync(extractionPagePath(key), 'utf8'),
      'https://www.reuters.com/article/us-global-markets/oversupply-angst-idUSKBN1XT00W?utm_source=twitter',
    );
    expect(result.kind === 'article' && result.article.url).toBe('https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W');
  });
});
