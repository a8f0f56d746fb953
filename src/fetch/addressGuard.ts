/**
 * Which IP addresses the fetcher may connect to: only public, globally routable unicast ones, so a
 * link a stranger posts cannot make the bot reach the host itself, its network or a cloud metadata
 * service (server-side request forgery).
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Where IANA hands out global unicast IPv6 addresses (2000::/3); everything outside it is special or unassigned. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
/** The well-known NAT64 prefix (RFC 6052): an IPv6-only host reaches IPv4 sites through it; the IPv4 address sits in the last 32 bits. */
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/**
 * Whether an IP address (v4 or v6, IPv4-mapped v6 included) is public: unicast and globally routable.
 *
 * IPv4: only what ipaddr.js classifies as `unicast` (so not loopback, private, link-local,
 * carrier-grade NAT, multicast, unspecified 0.0.0.0/8, broadcast, documentation, benchmarking or
 * reserved ranges). IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it maps.
 * IPv6: `unicast` for ipaddr.js and inside 2000::/3 (ipaddr.js calls the deprecated IPv4-compatible
 * `::127.0.0.1` unicast); a NAT64 address `64:ff9b::a.b.c.d` is judged by its IPv4 address.
 * Anything that is not a plain IP address (`127.1`, a host name, '') is not public.
 *
 * @example isPublicAddress('93.184.216.34') // true
 * @example isPublicAddress('::ffff:10.0.0.1') // false
 */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) return false;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address);
  } catch {
    return false;
  }
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  if (v6.match(NAT64_WELL_KNOWN)) {
    const [high, low] = v6.parts.slice(6) as [number, number];
    return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]).range() === 'unicast';
  }
  return v6.range() === 'unicast' && v6.match(GLOBAL_UNICAST_V6);
}
