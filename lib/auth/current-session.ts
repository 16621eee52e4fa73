import type { NextRequest } from "next/server";
import { getServerSession } from "next-auth";
import { getAuthOptions } from "./options";

/**
 * The id of the session a request was made with, null for an API-token caller. apiRoute has
 * already checked that this session is live before a handler asks.
 */
export async function getRequestSessionId(request: NextRequest): Promise<string | null> {
  if (request.headers.get("authorization")?.toLowerCase().startsWith("bearer ")) return null;
  const session = (await getServerSession(getAuthOptions())) as { sid?: string } | null;
  return session?.sid ?? null;
}
