import { BlockList, isIP } from 'node:net';

/**
 * Addresses the real service refuses as a `from_url` source, at once (`URLHostPrivateIPForbiddenError`, "Only public
 * IPs are allowed."): private networks, link-local, carrier-grade NAT, "this network", and their IPv6 counterparts.
 */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('0.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4');
PRIVATE.addSubnet('169.254.0.0', 16, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addAddress('::', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');
PRIVATE.addSubnet('fe80::', 10, 'ipv6');

/** Loopback, refused by the real service too, allowed by the emulator unless `allowLoopbackSources` is false. */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Why a source address is refused, or null when it may be downloaded from. */
export function refusedSourceAddress(address: string, allowLoopback: boolean): 'private' | 'loopback' | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (LOOPBACK.check(ip, family)) return allowLoopback ? null : 'loopback';
  return PRIVATE.check(ip, family) ? 'private' : null;
}
