import type net from "node:net";
import { getEnv } from "@/lib/env";
import { clientAddress, PEER_ADDRESS_HEADER, trustedProxyList } from "./client-address";

let proxies: net.BlockList | undefined;

type THeaders = Headers | Record<string, unknown> | undefined;

function read(headers: THeaders, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : undefined;
}

/** The client's address for a request, trusting X-Forwarded-For only from TRUSTED_PROXIES. */
export function requestClientAddress(headers: THeaders): string {
  proxies ??= trustedProxyList(getEnv().TRUSTED_PROXIES);
  return clientAddress({
    peer: read(headers, PEER_ADDRESS_HEADER),
    forwardedFor: read(headers, "x-forwarded-for"),
    trustedProxies: proxies,
  });
}
