import { describe, expect, it } from 'vitest';
import { findFirstLink } from '../../src/discord/messageLinks.js';

describe('findFirstLink', () => {
  it('finds the link in a sentence, without the full stop after it', () => {
    expect(findFirstLink('Russia and Iran signed the railway deal: https://www.reuters.com/world/russia-iran-sign-deal-build-railway-2023-05-17/.')).toBe(
      'https://www.reuters.com/world/russia-iran-sign-deal-build-railway-2023-05-17/',
    );
  });

  it('takes the first of several links', () => {
    expect(findFirstLink('http://tass.com/economy/1619331 and https://www.bbc.co.uk/news/world-65621223')).toBe('http://tass.com/economy/1619331');
  });

  it('reads a link whose unfurl was suppressed with angle brackets', () => {
    expect(findFirstLink('Worth a read <https://www.bbc.co.uk/news/world-middle-east-65621223>')).toBe('https://www.bbc.co.uk/news/world-middle-east-65621223');
  });

  it('reads the address of a masked link, without its closing parenthesis', () => {
    expect(findFirstLink('[Rasht–Astara railway deal](https://www.aljazeera.com/news/2023/5/17/russia-iran-railway)')).toBe(
      'https://www.aljazeera.com/news/2023/5/17/russia-iran-railway',
    );
  });

  it('keeps a parenthesis the address itself opened', () => {
    expect(findFirstLink('See https://en.wikipedia.org/wiki/Rasht%E2%80%93Astara_railway_(Iran), the route.')).toBe(
      'https://en.wikipedia.org/wiki/Rasht%E2%80%93Astara_railway_(Iran)',
    );
  });

  it('drops Markdown closing around the link', () => {
    expect(findFirstLink('**https://www.reuters.com/world/middle-east/**')).toBe('https://www.reuters.com/world/middle-east/');
    expect(findFirstLink('||https://www.reuters.com/world/middle-east/||')).toBe('https://www.reuters.com/world/middle-east/');
  });

  it('finds nothing in a message without an http(s) link', () => {
    expect(findFirstLink('Has anyone read about the railway deal? ftp://files.example.org/deal.txt www.reuters.com')).toBeUndefined();
    expect(findFirstLink('https:// is how links start')).toBeUndefined();
  });
});
