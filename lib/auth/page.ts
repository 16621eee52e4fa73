import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { ZId } from "@/lib/users/schemas";
import type { TActor, TActorContext } from "./actor";

/** The context of a page's service calls: its signed-in actor; pages share one request id, as they answer no API client. */
export function pageContext(actor: TActor): TActorContext {
  return { actor, requestId: "page" };
}

/** A path segment that names a record (`[id]`), or the not-found page for anything that cannot be an id. */
export async function requireUuidParam<TName extends string>(params: Promise<Record<TName, string>>, name: TName): Promise<string> {
  const value = (await params)[name];
  if (!ZId.safeParse(value).success) notFound();
  return value;
}

/** The record a page shows, or the not-found page when the service finds none (NotFoundError or null). */
export async function loadOr404<T>(load: () => Promise<T | null | undefined>): Promise<T> {
  let record: T | null | undefined;
  try {
    record = await load();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  if (record === null || record === undefined) notFound();
  return record;
}
