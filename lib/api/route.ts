import { NextResponse, type NextRequest } from "next/server";
import { z, type ZodType } from "zod";
import { Prisma } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { log, setRequestActor } from "@/lib/ops/log";
import { observeApiRequest } from "@/lib/ops/observe";
import { AppError, ForbiddenError, TooManyRequestsError, UnauthorizedError, ValidationError, type TFieldError } from "@/lib/errors";
import { getCurrentSession, type TCurrentSession } from "@/lib/auth/current";
import { assertStepUp, MfaEnrolmentRequiredError } from "@/lib/mfa/step-up";
import { hashApiToken, resolveApiToken } from "@/lib/auth/sessions";
import { tokenBudget } from "@/lib/limits/tokens";
import { findNulCharacter } from "./bounds";
import { uniqueNameErrorOf } from "./unique-names";
import { assertCan, type TPermission } from "@/lib/auth/permissions";
import type { TActor, TActorAuth, TActorContext } from "@/lib/auth/actor";

/** Seconds a client is asked to wait while the database is unreachable: a restart or failover usually takes about this. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** 1 MiB: far above any honest request; a 10 MB body is refused before it is parsed. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

type TRouteParams = { params: Promise<Record<string, string | string[]>> };

type TInfer<T> = T extends ZodType ? z.infer<T> : undefined;

type TRouteOptions<TBody extends ZodType | undefined, TQuery extends ZodType | undefined, TParams extends ZodType | undefined> = {
  /** Null for the few public endpoints; otherwise the permission the actor must hold. */
  permission: TPermission | null;
  body?: TBody;
  query?: TQuery;
  params?: TParams;
  maxBodyBytes?: number;
  /**
   * A decision (sign-off, vote, approval, verification, admin action): a browser session must have
   * proved who it is recently (step-up, 403 `step_up_required`). API tokens are not asked; the
   * services decide whether a token may decide at all. A function decides from the parsed body
   * (a route that carries both decisions and ordinary steps).
   */
  decision?: boolean | ((body: TInfer<TBody>) => boolean);
  /** Also open to a session held back until its user sets up a second factor (the enrolment routes). */
  duringMfaEnrolment?: boolean;
};

export type TRouteContext<TBody, TQuery, TParams, TAuthed extends boolean = true> = {
  request: NextRequest;
  requestId: string;
  actor: TAuthed extends true ? TActor : TActor | null;
  /** What services take: the actor and the request id for the audit row. */
  context: TActorContext;
  /** The browser session behind the request; null for API tokens and anonymous callers. */
  sessionId: string | null;
  body: TBody;
  query: TQuery;
  params: TParams;
};

function zodFields(error: z.ZodError, prefix?: string): TFieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "(root)",
    message: issue.message,
  }));
}

export function errorResponse(error: unknown, requestId: string): NextResponse {
  if (error instanceof z.ZodError) error = new ValidationError(zodFields(error));
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") error = new AppError(404, "not_found", "The record was not found.");
    else if (error.code === "P2002")
      error = uniqueNameErrorOf(error) ?? new AppError(409, "conflict", "A record with these values already exists.");
  }
  if (isDatabaseUnavailable(error)) {
    log.warn({ err: error }, "database unavailable");
    // A passing condition (restart, failover, freeze): ask the client to come back rather than fail it.
    return NextResponse.json(
      { error: { code: "database_unavailable", message: "The database is unavailable; try again shortly.", requestId } },
      { status: 503, headers: { "x-request-id": requestId, "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
  if (error instanceof AppError) {
    const retryAfter = error instanceof TooManyRequestsError ? { "retry-after": String(error.retryAfterSeconds) } : undefined;
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...error.details, requestId } },
      { status: error.status, headers: { "x-request-id": requestId, ...retryAfter } },
    );
  }
  // Unknown failures are logged with the request id and never described to the client.
  log.error({ err: error }, "unexpected error");
  return NextResponse.json(
    { error: { code: "internal_error", message: "Something went wrong on our side.", requestId } },
    { status: 500, headers: { "x-request-id": requestId } },
  );
}

async function readJsonBody(request: NextRequest, maxBytes: number): Promise<unknown> {
  const tooLarge = () =>
    new ValidationError([{ path: "(body)", message: `must be at most ${maxBytes} bytes` }], "The request body is too large.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // A client that goes away mid-body (a closing tab) is not a server error.
    const { done, value } = await reader.read().catch(() => {
      throw new ValidationError([{ path: "(body)", message: "was not received completely" }], "The request body was cut off.");
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError([{ path: "(body)", message: "must be valid JSON" }], "The request body is not valid JSON.");
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated changes must come from Concord's own pages. Browsers say where a request
 * comes from (Sec-Fetch-Site, Origin); a request from another site is refused, whatever its body.
 */
function assertSameOrigin(request: NextRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new ForbiddenError("Cross-site requests are not accepted.");
  const origin = request.headers.get("origin");
  if (origin === null || origin === request.nextUrl.origin) return;
  // "null" (sandboxed frames, some redirects) and unparsable values name no site we trust.
  if (!URL.canParse(origin) || new URL(origin).host !== request.headers.get("host")) {
    throw new ForbiddenError("Cross-site requests are not accepted.");
  }
}

type TCaller = { actor: TActor | null; session: TCurrentSession | null; auth?: TActorAuth };

async function authenticate(request: NextRequest, options: { duringMfaEnrolment?: boolean }): Promise<TCaller> {
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const token = authorization.slice(7).trim();
    const resolved = await resolveApiToken(token);
    if (!resolved) return { actor: null, session: null };
    await tokenBudget().spend(hashApiToken(token));
    return { actor: resolved.actor, session: null, auth: { method: "token", tokenId: resolved.tokenId } };
  }
  assertSameOrigin(request);
  const session = await getCurrentSession();
  if (session?.mfaEnrolmentRequired && !options.duringMfaEnrolment) throw new MfaEnrolmentRequiredError();
  return { actor: session?.actor ?? null, session, auth: session ? { method: "session", sessionId: session.sessionId } : undefined };
}

function parseWith<T extends ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const nul = findNulCharacter(value, prefix);
  if (nul) throw new ValidationError([{ path: nul, message: "must not contain a NUL character" }]);
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(zodFields(result.error, prefix));
  return result.data;
}

/**
 * Every `/api/v1` handler goes through here: request id, authentication (session cookie or API
 * token), the permission check, zod parsing of params, query and body, and error mapping.
 * The handler returns plain data (sent as JSON, 200) or a Response of its own.
 */
export function apiRoute<
  TBody extends ZodType | undefined = undefined,
  TQuery extends ZodType | undefined = undefined,
  TParams extends ZodType | undefined = undefined,
>(
  options: TRouteOptions<TBody, TQuery, TParams>,
  handler: (ctx: TRouteContext<TInfer<TBody>, TInfer<TQuery>, TInfer<TParams>>) => Promise<unknown>,
) {
  const serve = async (request: NextRequest, route: TRouteParams, requestId: string): Promise<Response> => {
    try {
      const { actor, session, auth } = await authenticate(request, options);
      setRequestActor(actor?.id ?? null);
      if (options.permission !== null) {
        if (!actor) throw new UnauthorizedError();
        assertCan(actor, options.permission);
      }
      const params = options.params ? parseWith(options.params, await route.params, "params") : undefined;
      const query = options.query
        ? parseWith(options.query, Object.fromEntries(request.nextUrl.searchParams.entries()), "query")
        : undefined;
      const body = options.body
        ? parseWith(options.body, await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES), "body")
        : undefined;
      const decision = typeof options.decision === "function" ? options.decision(body as TInfer<TBody>) : options.decision;
      if (decision && session) await assertStepUp(session.actor, session.proof);
      const result = await handler({
        request,
        requestId,
        actor: actor as TActor,
        context: { actor, requestId, auth },
        sessionId: session?.sessionId ?? null,
        body: body as TInfer<TBody>,
        query: query as TInfer<TQuery>,
        params: params as TInfer<TParams>,
      });
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        return result;
      }
      return NextResponse.json(result ?? { ok: true }, { headers: { "x-request-id": requestId } });
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
  return (request: NextRequest, route: TRouteParams): Promise<Response> =>
    observeApiRequest(request, (requestId) => serve(request, route, requestId));
}
