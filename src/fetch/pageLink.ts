/** The link a person gave, and the redirects a site answers with: http(s) only, no credentials, not absurdly long. */
import { Refusal } from './refusals.js';

/** The longest link accepted, in characters (browsers and CDNs cap URLs around here). */
export const MAX_URL_LENGTH = 2_048;

/** The link as a URL, or a `bad-url` refusal: http(s) only, no credentials, not absurdly long. */
export function parseLink(link: string): URL {
  if (typeof link !== 'string' || link.trim() === '') throw new Refusal('bad-url', 'That is not a web address: link a page starting with https://.');
  if (link.length > MAX_URL_LENGTH)
    throw new Refusal('bad-url', `That link is longer than ${MAX_URL_LENGTH.toLocaleString('en-US')} characters: link the article's page directly.`);
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new Refusal('bad-url', 'That is not a web address: link a page starting with https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Refusal('bad-url', `That link is not a web page address (${url.protocol.slice(0, 20)}): link a page starting with https://.`);
  if (url.username !== '' || url.password !== '') throw new Refusal('bad-url', 'That link carries a user name or password: link the public page without them.');
  return url;
}

/** Where a redirect points, resolved against the current URL, held to the same rules as a link. */
export function parseRedirect(location: string, current: URL): URL {
  let url: URL;
  try {
    if (location.length > MAX_URL_LENGTH) throw new Error('too long');
    url = new URL(location, current);
  } catch {
    throw new Refusal('bad-url', 'The site redirected to an address that is not valid: check the link.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Refusal('bad-url', `The site redirected to a ${url.protocol.slice(0, 20)} address, not a web page: link the article's page.`);
  if (url.username !== '' || url.password !== '') throw new Refusal('bad-url', "The site redirected to an address with a user name or password: link the article's public page.");
  return url;
}

/** The URL's host without the brackets of an IPv6 literal. */
export function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}
