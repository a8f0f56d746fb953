/**
 * Pages without an article: a front page of headlines, a login wall, a 404 page, an empty or
 * broken document. Each gets `no-article` with a short reason, never an exception.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle, MIN_ARTICLE_WORDS } from '../../../../src/core/index.js';
import { MAX_PAGE_DEPTH, MAX_PAGE_ELEMENTS } from '../../../../src/core/ingest/extract/extractArticle.js';

const HEADLINES = [
  'Storm batters the coast, thousands without power',
  'Council approves new cycle lanes after two-year fight',
  'Central bank holds rates as inflation eases',
  'Hospital waiting lists reach record high',
  'Local team wins the cup in extra time',
  'Rail strike called off after late-night talks',
  'New library opens in former post office',
  'Farmers warn of poor harvest after dry summer',
  'School meals scheme extended to all pupils',
  'Mayor announces plan to cut bus fares',
  'Museum returns looted bronzes to Nigeria',
  'Heatwave warning issued for the weekend',
];

/** A news site's front page: linked headlines, with a teaser paragraph under each when `teasers`. */
function frontPage(teasers: boolean): string {
  const cards = HEADLINES.map((headline, index) => {
    const teaser = teasers
      ? `<p>${headline}: our reporters were there as the day unfolded and spoke to the people it touched.</p>`
      : `<a href="/news/${index}">Read the full story</a>`;
    return `<div class="story-card"><h3><a href="/news/${index}">${headline}</a></h3>${teaser}</div>`;
  });
  return `<!doctype html><html><head><title>Coastal Herald - Home</title><meta property="og:site_name" content="Coastal Herald"><meta property="og:type" content="website"></head>
<body><nav><a href="/">Home</a><a href="/news">News</a><a href="/sport">Sport</a></nav><main><div class="top-stories">
${cards.join('\n')}
</div></main><footer>© Coastal Herald</footer></body></html>`;
}

const LOGIN_WALL = `<!doctype html><html><head><title>Subscribe to continue reading | The Daily</title></head>
<body><main><article><h1>Government unveils budget plan</h1><p>The chancellor set out plans on Wednesday to</p>
<div class="paywall"><p>Subscribe to continue reading.</p><p>Already a subscriber? <a href="/login">Log in</a></p></div></article></main></body></html>`;

const NOT_FOUND = `<!doctype html><html><head><title>Page not found | The Daily</title></head>
<body><main><h1>404</h1><p>Sorry, the page you were looking for could not be found. It may have been moved or deleted.</p><p><a href="/">Go to the home page</a></p></main></body></html>`;

describe('extractArticle on pages without an article', () => {
  it('says a front page of linked headlines has no article', () => {
    expect(extractArticle(frontPage(false), 'https://herald.example/').kind).toBe('no-article');
  });

  it('says a front page of headlines with teasers is a list of stories, not an article', () => {
    expect(extractArticle(frontPage(true), 'https://herald.example/')).toEqual({
      kind: 'no-article',
      reason: 'the page lists 12 linked headlines: a front page or an index, not an article',
    });
  });

  it('says a login wall has too few words of article text', () => {
    const result = extractArticle(LOGIN_WALL, 'https://daily.example/budget');
    expect(result).toEqual({ kind: 'no-article', reason: expect.stringMatching(new RegExp(`^only \\d+ words of article text \\(at least ${MIN_ARTICLE_WORDS} needed\\)$`)) });
  });

  it('says a 404 page has no article', () => {
    const result = extractArticle(NOT_FOUND, 'https://daily.example/missing');
    expect(result.kind).toBe('no-article');
  });

  it('says an empty page has no article found in it', () => {
    expect(extractArticle('')).toEqual({ kind: 'no-article', reason: 'no article found in the page (a front page, an error page or a login wall?)' });
  });

  it('answers a page that is not HTML at all without throwing', () => {
    expect(extractArticle('\u0000\u0001{"not": "html"}<<<>>>').kind).toBe('no-article');
  });

  it('refuses a page nested deeper than Readability can walk in reasonable time', () => {
    const levels = MAX_PAGE_DEPTH + 100;
    const html = `<html><body>${'<div>'.repeat(levels)}<p>${'The council voted on Tuesday to approve the plan. '.repeat(20)}</p>${'</div>'.repeat(levels)}</body></html>`;
    expect(extractArticle(html)).toEqual({ kind: 'no-article', reason: `the page's markup nests too deep to read (over ${MAX_PAGE_DEPTH} levels)` });
  });

  it('refuses a page with more elements than the extractor reads', () => {
    const html = `<html><body>${'<p>The council voted on Tuesday.</p>'.repeat(MAX_PAGE_ELEMENTS + 10)}</body></html>`;
    expect(extractArticle(html)).toEqual({ kind: 'no-article', reason: 'the page is too large to read (over 30,000 elements)' });
  });
});
