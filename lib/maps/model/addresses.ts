/** Node addresses: IPv4/IPv6 addresses or CIDRs, and hostnames (a leading "*." wildcard allowed). */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(\*\.)?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function isIpv6(text: string): boolean {
  if (!/^[0-9a-f:]+$/i.test(text) || !text.includes(":")) return false;
  const doubleColons = text.split("::").length - 1;
  if (doubleColons > 1) return false;
  const groups = text.split(":").filter((group) => group !== "");
  if (groups.some((group) => group.length > 4)) return false;
  return doubleColons === 1 ? groups.length < 8 : groups.length === 8;
}

export function isAddress(value: string): boolean {
  const [host, prefix, ...rest] = value.split("/");
  if (rest.length > 0 || !host) return false;
  if (prefix !== undefined) {
    if (!/^\d{1,3}$/.test(prefix)) return false;
    const bits = Number(prefix);
    if (IPV4.test(host)) return bits <= 32;
    return isIpv6(host) && bits <= 128;
  }
  return IPV4.test(host) || isIpv6(host) || (HOSTNAME.test(host) && !/^[\d.]+$/.test(host));
}
