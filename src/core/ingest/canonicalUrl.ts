/**
 * One form per web page, to tell whether a link is already in the corpus: the same article is
 * linked with tracking parameters, another letter case in the host, a default port or a fragment.
 */

/**
 * Query parameters that say who shared or clicked a link, never which page it is: Google
 * Analytics' `utm_*`, and the click ids of ad and social platforms.
 */
const TRACKING_PARAMETER =
  /^(?:utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|cmpid|ocid|ito|at_medium|at_campaign|smid|sr_share|share)$/i;

/**
 * The canonical form of an http(s) URL, for comparing links: lowercase scheme and host, no
 * default port, no user info, no fragment, no tracking parameters (`utm_*`, `fbclid`, `gclid`…),
 * the remaining parameters sorted, and no trailing slash on a path other than `/`. Returns
 * `undefined` for anything that is not an absolute http(s) URL. Cost: one URL parse.
 *
 * @example canonicalUrl('HTTPS://Example.com:443/news/a/?utm_source=x&b=2#top') // 'https://example.com/news/a?b=2'
 */
export function canonicalUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  const kept = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = new URLSearchParams(kept).toString();
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/')) parsed.pathname = parsed.pathname.replace(/\/+$/, '');
  // URL already lowercases the scheme and host and drops a default port.
  return parsed.toString();
}
