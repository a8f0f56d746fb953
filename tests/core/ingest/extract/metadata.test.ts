/**
 * Each metadata rule of the extractor on a small hand-written page shaped like real news pages:
 * JSON-LD (with @graph and @id references), OpenGraph and article:* meta, bylines, site names,
 * dates and canonical links.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractedArticle } from '../../../../src/core/index.js';

/** An article body long enough to count as one (Reuters-style prose, about 120 words). */
const BODY = `
  <p>LONDON (Reuters) - Britain's economy grew more slowly than expected in the third quarter, official figures showed on Monday, as weaker business investment and a fall in car production weighed on output ahead of next month's election.</p>
  <p>Gross domestic product rose by 0.3% in the July-September period, the Office for National Statistics said, below the 0.4% forecast by economists polled by Reuters, after a contraction of 0.2% in the second quarter.</p>
  <h2>Investment falls again</h2>
  <p>Business investment fell by 0.5% compared with the previous three months, its fourth fall in the last six quarters, as companies held back spending while the country's departure from the European Union remained uncertain.</p>
  <ul><li>Manufacturing output fell 0.4% in September.</li><li>Services grew 0.1% on the month.</li></ul>
`;

/** A page with the given head and the article body inside `<article>`. */
function page(head: string, beforeBody = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header><main><article><h1>Headline</h1>${beforeBody}${BODY}</article></main><footer>© 2019 Example News</footer></body></html>`;
}

/** The extracted article (fails the test when there is none). */
function extract(html: string, pageUrl?: string): ExtractedArticle {
  const result = extractArticle(html, pageUrl);
  if (result.kind !== 'article') throw new Error(`no article: ${result.reason}`);
  return result.article;
}

/** A JSON-LD script tag. */
function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

describe('extractArticle metadata', () => {
  it('reads headline, author, date, publisher and URL from a JSON-LD NewsArticle', () => {
    const html = page(
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'UK economy grows less than expected before election',
        author: { '@type': 'Person', name: 'David Milliken' },
        datePublished: '2019-11-11T09:30:00+00:00',
        publisher: { '@type': 'Organization', name: 'Reuters' },
        url: 'https://www.reuters.com/article/uk-britain-economy-gdp-idUKKBN1XL0YJ',
      }),
    );
    expect(extract(html)).toMatchObject({
      title: 'UK economy grows less than expected before election',
      author: 'David Milliken',
      date: '2019-11-11',
      publisher: 'Reuters',
      url: 'https://www.reuters.com/article/uk-britain-economy-gdp-idUKKBN1XL0YJ',
    });
  });

  it('finds the article in a JSON-LD @graph and follows @id references to its author and publisher', () => {
    const html = page(
      jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': 'https://example.com/#website', name: 'Home' },
          { '@type': 'Organization', '@id': 'https://example.com/#org', name: 'The Example Post' },
          { '@type': 'Person', '@id': 'https://example.com/#/schema/person/1', name: 'Priya Natarajan' },
          {
            '@type': ['ReportageNewsArticle'],
            headline: 'Council approves new cycle lanes',
            author: { '@id': 'https://example.com/#/schema/person/1' },
            publisher: { '@id': 'https://example.com/#org' },
            datePublished: '2021-03-04T18:02:11-05:00',
          },
        ],
      }),
    );
    expect(extract(html)).toMatchObject({ title: 'Council approves new cycle lanes', author: 'Priya Natarajan', publisher: 'The Example Post', date: '2021-03-04' });
  });

  it('finds an article given as the mainEntity of a WebPage', () => {
    const html = page(
      jsonLd({
        '@type': 'WebPage',
        name: 'Example News',
        mainEntity: { '@type': 'AnalysisNewsArticle', headline: 'Why the rail strike ended', author: 'Tom Krisher', datePublished: '2022-12-01' },
      }),
    );
    expect(extract(html)).toMatchObject({ title: 'Why the rail strike ended', author: 'Tom Krisher', date: '2022-12-01' });
  });

  it('joins the names of a JSON-LD author list with commas', () => {
    const html = page(jsonLd({ '@type': 'Article', headline: 'Trade talks stall', author: [{ '@type': 'Person', name: 'Jane Doe' }, 'John Roe'] }));
    expect(extract(html).author).toBe('Jane Doe, John Roe');
  });

  it('keeps the byline names without "By" and "and"', () => {
    const html = page('<meta name="author" content="By Jane Doe and John Roe">');
    expect(extract(html).author).toBe('Jane Doe, John Roe');
  });

  it('drops a job title, an email and an agency suffix from a byline', () => {
    expect(extract(page('<meta name="author" content="Jane Doe, Staff Writer">')).author).toBe('Jane Doe');
    expect(extract(page('<meta name="author" content="Jane Doe (jane.doe@example.com)">')).author).toBe('Jane Doe');
    expect(extract(page('<meta name="author" content="Jane Doe | Reuters">')).author).toBe('Jane Doe');
  });

  it('ignores an article:author that is a profile URL and uses the next declared name', () => {
    const html = page('<meta property="article:author" content="https://www.facebook.com/janedoe"><meta name="author" content="Jane Doe">');
    expect(extract(html).author).toBe('Jane Doe');
  });

  it('leaves the author out when the byline only names a desk', () => {
    expect(extract(page('<meta name="author" content="Staff">')).author).toBeUndefined();
  });

  it('takes the site name from og:site_name', () => {
    expect(extract(page('<meta property="og:site_name" content="The Guardian">')).publisher).toBe('The Guardian');
  });

  it('never gives "Home" as the site name', () => {
    const html = page(`<meta property="og:site_name" content="Home">${jsonLd({ '@type': 'NewsArticle', headline: 'Storm hits coast', publisher: { name: 'Coastal Herald' } })}`);
    expect(extract(html).publisher).toBe('Coastal Herald');
  });

  it('does not take an edition\'s name ("U.S.") for the site name', () => {
    const html = page(`<meta property="og:site_name" content="U.S.">${jsonLd({ '@type': 'NewsArticle', headline: 'Oil falls', publisher: { name: 'Reuters' } })}`);
    expect(extract(html, 'https://www.reuters.com/article/oil-falls').publisher).toBe('Reuters');
  });

  it('names the site by its host when the page declares no publisher', () => {
    expect(extract(page('<title>Storm batters the coast</title>'), 'https://www.herald.example/news/storm').publisher).toBe('herald.example');
  });

  it('removes the site name after the title', () => {
    const html = page('<title>Storm batters the coast, thousands without power - Coastal Herald</title><meta property="og:site_name" content="Coastal Herald">');
    expect(extract(html).title).toBe('Storm batters the coast, thousands without power');
  });

  it('removes a "| Site" suffix that names the page\'s domain', () => {
    const html = page('<title>Storm batters the coast | HERALD</title>');
    expect(extract(html, 'https://www.herald.example/news/storm').title).toBe('Storm batters the coast');
  });

  it('keeps a title part after a dash when it is not the site name', () => {
    const html = page('<meta property="og:title" content="Brexit - what happens next"><meta property="og:site_name" content="Coastal Herald">');
    expect(extract(html).title).toBe('Brexit - what happens next');
  });

  it('decodes HTML entities in JSON-LD strings', () => {
    const html = page(jsonLd({ '@type': 'NewsArticle', headline: 'Ministers&#8217; plan &amp; the unions', author: 'Se&aacute;n O&#x27;Brien' }));
    expect(extract(html)).toMatchObject({ title: 'Ministers’ plan & the unions', author: "Seán O'Brien" });
  });

  it("keeps the date as written in the page's own time zone", () => {
    const html = page('<meta property="article:published_time" content="2019-11-19T23:30:00-05:00">');
    expect(extract(html).date).toBe('2019-11-19');
  });

  it('reads a date from <time datetime> when no meta declares one', () => {
    expect(extract(page('', '<time datetime="2018-10-09T14:05:00+01:00">9 October 2018</time>')).date).toBe('2018-10-09');
  });

  it.each([
    ['2019-11-19', '2019-11-19'],
    ['20191119', '2019-11-19'],
    ['2019/11/19', '2019-11-19'],
    ['November 19, 2019', '2019-11-19'],
    ['19 Nov 2019', '2019-11-19'],
    ['Tue, 19 Nov 2019 08:00:00 GMT', '2019-11-19'],
    ['19.11.2019', '2019-11-19'],
    ['2019-11', '2019-11'],
    ['2019', '2019'],
  ])('reads the declared date %s as %s', (declared, expected) => {
    expect(extract(page(`<meta name="date" content="${declared}">`)).date).toBe(expected);
  });

  it('leaves out a date that is not one', () => {
    expect(extract(page('<meta name="date" content="2019-13-45">')).date).toBeUndefined();
  });

  it('resolves a relative canonical link against the page URL', () => {
    const html = page('<link rel="canonical" href="/world/2019/11/19/storm-batters-coast">');
    expect(extract(html, 'https://news.example.com/amp/world/storm?utm_source=twitter').url).toBe('https://news.example.com/world/2019/11/19/storm-batters-coast');
  });

  it('falls back to og:url, then to the page URL', () => {
    expect(extract(page('<meta property="og:url" content="https://news.example.com/a/1">'), 'https://m.news.example.com/a/1').url).toBe('https://news.example.com/a/1');
    expect(extract(page(''), 'https://news.example.com/a/2').url).toBe('https://news.example.com/a/2');
  });

  it('refuses a canonical link that is not http(s)', () => {
    expect(extract(page('<link rel="canonical" href="javascript:alert(1)">'), 'https://news.example.com/a/3').url).toBe('https://news.example.com/a/3');
  });

  it('keeps the headings and list items of the body as their own paragraphs', () => {
    const paragraphs = extract(page('')).text.split('\n\n');
    expect(paragraphs).toContain('Investment falls again');
    expect(paragraphs).toContain('Manufacturing output fell 0.4% in September.');
    expect(paragraphs).toContain('Services grew 0.1% on the month.');
  });

  it('leaves the navigation and footer out of the body', () => {
    const text = extract(page('')).text;
    expect(text).not.toContain('World');
    expect(text).not.toContain('© 2019');
  });
});

describe('extractArticle fallbacks', () => {
  it('reads the body from JSON-LD articleBody when the page shows only a teaser', () => {
    const articleBody = [
      'The city council voted 7-2 on Tuesday night to approve a network of protected cycle lanes, ending a two-year fight over parking on the seafront.',
      'Supporters packed the public gallery and cheered as the vote was read out; shop owners on Marine Parade said they would ask for a judicial review.',
      'Work on the first stretch, between the pier and the harbour, is due to start in April and to finish before the summer season.',
    ].join('\n');
    const html = `<html><head><title>Council approves cycle lanes</title>${jsonLd({ '@type': 'NewsArticle', headline: 'Council approves cycle lanes', articleBody })}</head><body><div id="app"><h1>Council approves cycle lanes</h1><p>Loading…</p></div></body></html>`;
    const article = extract(html);
    expect(article.text.split('\n\n')).toEqual(articleBody.split('\n'));
  });

  it('takes the first <h1> as the title when the page declares none', () => {
    const html = `<html><body><main><article><h1>Council approves cycle lanes</h1>${BODY}</article></main></body></html>`;
    expect(extract(html).title).toBe('Council approves cycle lanes');
  });
});
