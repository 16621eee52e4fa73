import ipaddr from "ipaddr.js";

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** The reason a subscription URL is refused, or null when it is acceptable. */
export function webhookUrlProblem(value: string, options: { allowPrivateTargets: boolean }): string | null {
  if (value.length > MAX_WEBHOOK_URL_LENGTH) return `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an absolute URL such as https://hooks.example.com/concord";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must use http or https";
  // Credentials in a URL end up in logs and the admin page; receivers authenticate by signature.
  if (url.username || url.password) return "must not contain a user name or password";
  if (url.hash) return "must not contain a #fragment";
  if (!url.hostname) return "must name a host";
  if (!options.allowPrivateTargets && isPrivateHost(url.hostname)) {
    return "must not point at a loopback, private or link-local address (set CONCORD_WEBHOOK_PRIVATE_TARGETS=allow to permit it)";
  }
  return null;
}

/** True for an address no public receiver has: loopback, private, link-local, CGNAT, reserved. */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() !== "unicast";
}

/** A host the URL names directly as private: an IP literal in a private range, or localhost. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return isPrivateAddress(host);
}
