/**
 * Boilerplate blocks removed before Readability: recognised by tag, role and class or id words,
 * never taking the article's own container with them.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeBoilerplateBlocks } from '../../../../src/core/ingest/extract/bodyCleanup.js';
import type { DomDocument } from '../../../../src/core/ingest/extract/dom.js';

const STORY = [
  'The city council voted 7-2 on Tuesday night to approve a network of protected cycle lanes, ending a two-year fight over parking on the seafront.',
  'Supporters packed the public gallery and cheered as the vote was read out; shop owners on Marine Parade said they would ask for a judicial review.',
  'Work on the first stretch, between the pier and the harbour, is due to start in April and to finish before the summer season.',
]
  .map((paragraph) => `<p>${paragraph}</p>`)
  .join('');

/** The page's visible text after the cleanup. */
function cleanedText(body: string): string {
  const { document } = parseHTML(`<!doctype html><html><head><title>Cycle lanes</title></head><body>${body}</body></html>`);
  removeBoilerplateBlocks(document as unknown as DomDocument);
  return (document.body.textContent ?? '').replace(/\s+/g, ' ');
}

describe('removeBoilerplateBlocks', () => {
  it('removes share bars, related links and newsletter boxes by their class words', () => {
    const text = cleanedText(
      `<article><div class="c-share-bar"><a>Share on Facebook</a></div>${STORY}<div class="relatedLinks"><a>Rail strike called off</a></div><div id="newsletter_signup">Get our morning briefing</div></article>`,
    );
    expect(text).toContain('voted 7-2');
    expect(text).not.toContain('Share on Facebook');
    expect(text).not.toContain('Rail strike');
    expect(text).not.toContain('morning briefing');
  });

  it('keeps a class word that only starts like a boilerplate word ("shared", "adventure")', () => {
    const text = cleanedText(`<article>${STORY}<p class="shared-quote adventure-note">A shared vision for the seafront, the mayor said.</p></article>`);
    expect(text).toContain('A shared vision for the seafront');
  });

  it('removes navigation, asides and text meant only for screen readers', () => {
    const text = cleanedText(
      `<nav><a href="/">Home</a></nav><article>${STORY}<span class="sr-only">Opens in a new window</span></article><aside>Most read: Heatwave warning</aside>`,
    );
    expect(text).not.toContain('Home');
    expect(text).not.toContain('Opens in a new window');
    expect(text).not.toContain('Heatwave');
  });

  it('never removes the element that holds the article, whatever its class says', () => {
    const text = cleanedText(`<div class="ad-wrapper">${STORY}</div><div class="ads">Advertisement</div>`);
    expect(text).toContain('Work on the first stretch');
    expect(text).not.toContain('Advertisement');
  });

  it('keeps a quoted tweet inside a box named "social-media-embed"', () => {
    const tweet =
      '<div class="social-media-embed"><blockquote class="twitter-tweet"><p>Meth. We’re on it. <a href="https://t.co/x">pic.twitter.com/x</a></p>— Governor (@gov) November 18, 2019</blockquote></div>';
    const text = cleanedText(`<article>${STORY}${tweet}</article>`);
    expect(text).toContain('Meth. We’re on it.');
  });
});
