import { BlockList, isIP } from 'node:net';

/**
 * Where deliveries may go. A webhook makes the app send requests to an address a user chose: left
 * open, that reaches the app's own network (the database, a cloud's metadata service). So outside
 * development only public addresses are allowed, unless the operator names a host
 * (`WEBHOOKS_ALLOWED_HOSTS`). Checked twice: on the URL when the webhook is made, and on the
 * address the host name resolves to at each delivery (a public name may point inside later).
 */
export interface UrlPolicy {
  /** Development (the embedded mode, a laptop): any address. */
  readonly development: boolean;
  /** Host names or IP addresses allowed even when loopback or private, lower case. */
  readonly allowedHosts: readonly string[];
}

/**
 * Development: `WEBHOOKS_DEVELOPMENT=1` (`npm start` sets it), or the embedded mode (neither
 * DATABASE_URL nor EVENT_STORE_URL set), as for the apps' development secret.
 * `WEBHOOKS_ALLOWED_HOSTS` is comma-separated.
 */
export function readUrlPolicy(env: NodeJS.ProcessEnv = process.env): UrlPolicy {
  return {
    development:
      /^(1|true|yes)$/i.test(env.WEBHOOKS_DEVELOPMENT ?? '') ||
      (!env.DATABASE_URL && !env.EVENT_STORE_URL),
    allowedHosts: (env.WEBHOOKS_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((host) => bare(host.trim().toLowerCase()))
      .filter(Boolean),
  };
}

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** True for loopback, private, link-local and other addresses that are not on the internet. */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isNonPublicAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return false;
  return NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a webhook may not have this URL, or null when it may. */
export function urlRefusal(url: string, policy: UrlPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url must be an absolute http(s) URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'url must be an absolute http(s) URL';
  if (parsed.username || parsed.password)
    return 'url must not carry credentials: the signature authenticates the sender';
  const host = bare(parsed.hostname.toLowerCase());
  if (policy.development || policy.allowedHosts.includes(host)) return null;
  if (host === 'localhost' || host.endsWith('.localhost') || isNonPublicAddress(host))
    return `url must reach a public address: ${host} is loopback or private (WEBHOOKS_ALLOWED_HOSTS allows a host)`;
  return null;
}

/**
 * Why a delivery to `host` may not go to the `address` it resolved to, or null when it may: the
 * check a URL with a public-looking name needs at the moment of sending.
 */
export function addressRefusal(host: string, address: string, policy: UrlPolicy): string | null {
  if (policy.development || policy.allowedHosts.includes(bare(host.toLowerCase()))) return null;
  if (policy.allowedHosts.includes(address)) return null;
  return isNonPublicAddress(address)
    ? `${host} resolves to ${address}, loopback or private: not delivered (WEBHOOKS_ALLOWED_HOSTS allows a host)`
    : null;
}

/** An IPv6 literal as the URL writes it, without its brackets. */
function bare(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
