import crypto from "node:crypto";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { hashApiToken } from "@/lib/auth/sessions";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { GET as streamRoute } from "@/app/api/v1/surfaces/[id]/map/events/route";
import { createEdge, createNode, updateNode } from "./service";
import { openMapStream } from "./stream";

/**
 * The live map event stream below the browser: two subscribers of one map both receive an edit,
 * and a subscriber that reconnects with Last-Event-ID gets exactly what it missed, in order.
 */

type TMessage = { id: string | null; event: string; data: string };

/** Reads server-sent events from a response body, one message at a time. */
function sse(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const pending: TMessage[] = [];
  const parse = (block: string): TMessage | null => {
    let id: string | null = null;
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue;
      const [field, ...rest] = line.split(":");
      const value = rest.join(":").replace(/^ /, "");
      if (field === "id") id = value;
      else if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    return data.length > 0 ? { id, event, data: data.join("\n") } : null;
  };
  return {
    /** The next message of this kind; the test times out if it never comes. */
    async next(event: string): Promise<TMessage> {
      for (;;) {
        const index = pending.findIndex((message) => message.event === event);
        if (index >= 0) return pending.splice(index, 1)[0]!;
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before a "${event}" message`);
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (message) pending.push(message);
        }
      }
    },
    close: () => reader.cancel().catch(() => undefined),
  };
}

type TChangeMessage = { mapVersion: number; events: Array<{ kind: string; entityId: string; mapVersion: number }> };
const changeOf = (message: TMessage) => JSON.parse(message.data) as TChangeMessage;

const aborts: AbortController[] = [];
afterEach(() => aborts.splice(0).forEach((controller) => controller.abort()));

async function subscribe(actor: TActor, surfaceId: string, after?: number) {
  const controller = new AbortController();
  aborts.push(controller);
  const stream = sse(await openMapStream(contextFor(actor), surfaceId, after, controller.signal));
  const hello = JSON.parse((await stream.next("hello")).data) as { connectionId: string; version: number };
  return { ...stream, hello };
}

async function tokenFor(actor: TActor): Promise<string> {
  const token = crypto.randomBytes(24).toString("base64url");
  await db.apiToken.create({
    data: { name: "live stream test", tokenHash: hashApiToken(token), userId: actor.id, createdById: actor.id, scopes: [] },
  });
  return token;
}

async function workshop() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  const surface = await db.protectSurface.create({
    data: {
      name: `Live ${uniqueSuffix()}`,
      classification: "RESTRICTED",
      criticality: "HIGH",
      contentHash: "test",
      createdById: netops.id,
    },
  });
  const web = await createNode(contextFor(netops), surface.id, { kind: "WORKLOAD", label: "web" });
  const db1 = await createNode(contextFor(netops), surface.id, { kind: "DATASTORE", label: "ledger" });
  return { netops, secops, surface, web, db1 };
}

describe("live map event stream", () => {
  it("an edit by one person reaches both subscribers of the map, with the map version as event id", async () => {
    const { netops, secops, surface, web, db1 } = await workshop();
    const mine = await subscribe(netops, surface.id);
    const theirs = await subscribe(secops, surface.id);
    expect(mine.hello.version).toBe(db1.mapVersion);
    expect(theirs.hello.version).toBe(db1.mapVersion);

    const edge = await createEdge(contextFor(secops), surface.id, { sourceId: web.id, targetId: db1.id, protocol: "TCP", ports: "5432" });
    for (const subscriber of [mine, theirs]) {
      const message = await subscriber.next("change");
      expect(message.id).toBe(String(edge.mapVersion));
      expect(changeOf(message)).toMatchObject({
        mapVersion: edge.mapVersion,
        events: [{ kind: "edge.create", entityId: edge.id, mapVersion: edge.mapVersion }],
      });
    }
    mine.close();
    theirs.close();
  });

  it("a subscriber of another map receives nothing of this map's edits", async () => {
    const first = await workshop();
    const second = await workshop();
    const other = await subscribe(second.netops, second.surface.id);
    await updateNode(contextFor(first.netops), first.surface.id, first.web.id, 1, { label: "web-1" });
    const own = await updateNode(contextFor(second.netops), second.surface.id, second.web.id, 1, { label: "web-2" });
    // The first change this subscriber sees is its own map's edit, not the other map's.
    const message = await other.next("change");
    expect(changeOf(message).events).toEqual([
      expect.objectContaining({ kind: "node.update", entityId: second.web.id, mapVersion: own.mapVersion }),
    ]);
    other.close();
  });

  it("reconnecting with Last-Event-ID delivers exactly the edits missed while away, in order", async () => {
    const { netops, secops, surface, web, db1 } = await workshop();
    const first = await subscribe(secops, surface.id);
    const renamed = await updateNode(contextFor(netops), surface.id, web.id, 1, { label: "web-a" });
    const seen = await first.next("change");
    expect(seen.id).toBe(String(renamed.mapVersion));
    first.close();

    // While the subscriber is away, two more edits.
    const again = await updateNode(contextFor(netops), surface.id, web.id, 2, { label: "web-b" });
    const edge = await createEdge(contextFor(netops), surface.id, { sourceId: web.id, targetId: db1.id, protocol: "TCP", ports: "5432" });

    const controller = new AbortController();
    aborts.push(controller);
    const request = new NextRequest(`http://localhost/api/v1/surfaces/${surface.id}/map/events`, {
      headers: { authorization: `Bearer ${await tokenFor(secops)}`, "last-event-id": seen.id! },
      signal: controller.signal,
    });
    const response = await streamRoute(request, { params: Promise.resolve({ id: surface.id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const resumed = sse(response);
    await resumed.next("hello");
    const missedFirst = await resumed.next("change");
    const missedSecond = await resumed.next("change");
    expect([missedFirst.id, missedSecond.id]).toEqual([String(again.mapVersion), String(edge.mapVersion)]);
    expect(changeOf(missedFirst).events.map((event) => event.kind)).toEqual(["node.update"]);
    expect(changeOf(missedSecond).events.map((event) => [event.kind, event.entityId])).toEqual([["edge.create", edge.id]]);

    // And it stays live after catching up.
    const live = await updateNode(contextFor(secops), surface.id, db1.id, 1, { label: "ledger-2" });
    expect((await resumed.next("change")).id).toBe(String(live.mapVersion));
    resumed.close();
  });
});
