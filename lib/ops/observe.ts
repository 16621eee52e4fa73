import crypto from "node:crypto";
import type { NextRequest } from "next/server";
import { withRequestLog } from "./log";
import { observeRequest } from "./metrics";
import { routeLabel } from "./route-label";

/** The caller's request id when it is a sane one (so a trace crosses services), otherwise a new one. */
export function requestIdOf(request: NextRequest): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && /^[\w.-]{8,100}$/.test(incoming) ? incoming : crypto.randomUUID();
}

/** Serves one API request with its id, route and actor on every log line, and records its latency by route. */
export async function observeApiRequest(request: NextRequest, serve: (requestId: string) => Promise<Response>): Promise<Response> {
  const requestId = requestIdOf(request);
  const route = routeLabel(request.nextUrl.pathname);
  const started = performance.now();
  return withRequestLog({ requestId, route }, async () => {
    const response = await serve(requestId);
    observeRequest(request.method, route, response.status, (performance.now() - started) / 1000);
    return response;
  });
}
