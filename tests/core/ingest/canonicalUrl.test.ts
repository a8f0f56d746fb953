import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../src/core/index.js';

describe('canonicalUrl', () => {
  it('drops the tracking parameters a shared link carries', () => {
    expect(canonicalUrl('https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W?utm_source=twitter&utm_medium=social&fbclid=IwAR0x')).toBe(
      'https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W',
    );
  });

  it('keeps the parameters that say which page it is, in one order', () => {
    expect(canonicalUrl('http://entermedia.co.kr/news/news_view.html?page=1&idx=8576&gclid=abc')).toBe('http://entermedia.co.kr/news/news_view.html?idx=8576&page=1');
  });

  it('ignores the case of the host, a default port, a fragment and a trailing slash', () => {
    expect(canonicalUrl('HTTPS://WWW.SportsNet.ca:443/tennis/argentina-comfortably-wins-davis-cup-opener-chile/#comments')).toBe(
      canonicalUrl('https://www.sportsnet.ca/tennis/argentina-comfortably-wins-davis-cup-opener-chile'),
    );
  });

  it('keeps http and https apart, and the case of the path', () => {
    expect(canonicalUrl('http://example.com/News')).not.toBe(canonicalUrl('https://example.com/news'));
  });

  it('has no canonical form for what is not an absolute web link', () => {
    expect(['javascript:alert(1)', 'file:///etc/passwd', '/relative/path', 'not a url', ''].map(canonicalUrl)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('drops user names and passwords', () => {
    expect(canonicalUrl('https://user:secret@example.com/a')).toBe('https://example.com/a');
  });
});
