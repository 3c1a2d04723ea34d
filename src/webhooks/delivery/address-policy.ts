import ipaddr from 'ipaddr.js';

/**
 * Which network addresses a webhook may reach. Only globally routable unicast is allowed:
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with
 * the cloud metadata service, fe80::/10), carrier-grade NAT, multicast, unspecified and
 * reserved ranges are refused, and IPv6 forms that embed an IPv4 address (::ffff:10.0.0.1,
 * 6to4, Teredo, NAT64) are refused rather than decoded, since each can lead back inside.
 * The operator's allow-list (WEBHOOK_ALLOW_PRIVATE_HOSTS) names exceptions: hostnames,
 * addresses or CIDR ranges.
 */
export class AddressPolicy {
  private readonly hostnames = new Set<string>();
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];

  constructor(allowList: readonly string[]) {
    for (const entry of allowList) {
      const cidr = parseCidr(entry);
      if (cidr) this.ranges.push(cidr);
      else this.hostnames.add(entry.toLowerCase().replace(/^\[|\]$/g, ''));
    }
  }

  /** Whether a hostname is on the allow-list by name. */
  allowsHost(hostname: string): boolean {
    return this.hostnames.has(hostname.toLowerCase().replace(/^\[|\]$/g, ''));
  }

  /** Whether a connection to this address is allowed (public, or on the allow-list). */
  allowsAddress(address: string, hostname?: string): boolean {
    if (!ipaddr.isValid(address)) return false;
    const ip = normalise(ipaddr.parse(address));
    if (hostname && this.allowsHost(hostname)) return true;
    if (this.hostnames.has(ip.toString())) return true;
    if (this.ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) {
      return true;
    }
    return ip.range() === 'unicast';
  }
}

/** `::ffff:a.b.c.d` is the IPv4 address itself for the policy (and for the allow-list). */
function normalise(ip: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()
    ? (ip as ipaddr.IPv6).toIPv4Address()
    : ip;
}

function parseCidr(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  const bare = entry.replace(/^\[|\]$/g, '');
  try {
    if (bare.includes('/')) return ipaddr.parseCIDR(bare);
    if (ipaddr.isValid(bare)) {
      const ip = normalise(ipaddr.parse(bare));
      return [ip, ip.kind() === 'ipv4' ? 32 : 128];
    }
  } catch {
    // not an address: a hostname
  }
  return null;
}

/** An allow-list entry is a hostname, an IP address or a CIDR range. */
export function isValidAllowListEntry(entry: string): boolean {
  if (parseCidr(entry)) return true;
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(
    entry,
  );
}
