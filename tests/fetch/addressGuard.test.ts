import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../src/fetch/addressGuard.js';

const PUBLIC = [
  ['93.184.216.34', 'a public IPv4 address'],
  ['8.8.8.8', "Google's public resolver"],
  ['172.15.255.255', 'the address just below 172.16.0.0/12'],
  ['172.32.0.1', 'the address just above 172.16.0.0/12'],
  ['100.63.255.255', 'the address just below carrier-grade NAT'],
  ['100.128.0.1', 'the address just above carrier-grade NAT'],
  ['2606:4700:4700::1111', 'a global IPv6 address'],
  ['2a00:1450:4001:80b::200e', 'another global IPv6 address'],
  ['::ffff:8.8.8.8', 'a public IPv4 address in IPv4-mapped form'],
  ['64:ff9b::808:808', 'a public IPv4 address behind the well-known NAT64 prefix'],
] as const;

const NOT_PUBLIC = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'the end of 127.0.0.0/8'],
  ['10.0.0.1', 'private 10/8'],
  ['172.16.0.1', 'private 172.16/12'],
  ['172.31.255.255', 'the end of 172.16/12'],
  ['192.168.1.1', 'private 192.168/16'],
  ['169.254.169.254', 'link-local (cloud metadata service)'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'this network (0/8)'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast (SSDP)'],
  ['255.255.255.255', 'broadcast'],
  ['240.0.0.1', 'reserved 240/4'],
  ['192.0.2.1', 'documentation (TEST-NET-1)'],
  ['198.51.100.7', 'documentation (TEST-NET-2)'],
  ['203.0.113.9', 'documentation (TEST-NET-3)'],
  ['198.18.0.1', 'benchmarking'],
  ['::', 'unspecified IPv6'],
  ['::1', 'IPv6 loopback'],
  ['fc00::1', 'unique-local fc00::/7'],
  ['fd12:3456::1', 'unique-local fd00::/8'],
  ['fe80::1', 'IPv6 link-local'],
  ['fe80::1%eth0', 'IPv6 link-local with a zone'],
  ['fec0::1', 'deprecated site-local'],
  ['ff02::1', 'IPv6 multicast'],
  ['::ffff:127.0.0.1', 'loopback in IPv4-mapped form'],
  ['::ffff:10.0.0.1', 'private in IPv4-mapped form'],
  ['::ffff:7f00:1', 'loopback in IPv4-mapped hex form'],
  ['::127.0.0.1', 'loopback in the deprecated IPv4-compatible form'],
  ['::ffff:0:7f00:1', 'loopback in IPv4-translated form'],
  ['64:ff9b::a00:1', 'a private IPv4 address behind NAT64'],
  ['2002:7f00:1::1', '6to4 wrapping loopback'],
  ['2001:db8::1', 'IPv6 documentation'],
  ['100::1', 'IPv6 discard'],
  ['127.1', 'a shorthand IPv4 form, not an address as DNS returns it'],
  ['2130706433', 'a decimal number'],
  ['localhost', 'a host name'],
  ['', 'the empty string'],
] as const;

describe('isPublicAddress', () => {
  it.each(PUBLIC)('accepts %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each(NOT_PUBLIC)('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});
