import net from "node:net";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";
import { postgresPoolOptions } from "./adapter";
import { apiRoute } from "@/lib/api/route";

/** A port that accepts connections and never answers: a frozen database server. */
const frozen = net.createServer(() => undefined);
await new Promise<void>((resolve) => frozen.listen(0, "127.0.0.1", resolve));
const frozenPort = (frozen.address() as net.AddressInfo).port;
/** A port nothing listens on: a database that is down. */
const closed = net.createServer();
await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
const closedPort = (closed.address() as net.AddressInfo).port;
await new Promise<void>((resolve) => closed.close(() => resolve()));

const clients: PrismaClient[] = [];
function clientAt(port: number): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaPg({
      connectionString: `postgresql://postgres@127.0.0.1:${port}/concord`,
      ...postgresPoolOptions({ connectMs: 500, statementMs: 500 }),
    }),
  });
  clients.push(client);
  return client;
}

afterAll(async () => {
  frozen.close();
  await Promise.all(clients.map((client) => client.$disconnect().catch(() => undefined)));
});

function call(read: () => Promise<unknown>) {
  const handler = apiRoute({ permission: null }, async () => read());
  // An unknown bearer token authenticates as nobody without reading the session cookie (no request scope here).
  return handler(new NextRequest("http://localhost/api/v1/probe", { headers: { authorization: "Bearer unknown-token" } }), {
    params: Promise.resolve({}),
  });
}

describe("a database outage", () => {
  it("answers 503 with Retry-After when the database refuses connections", async () => {
    const client = clientAt(closedPort);
    for (const read of [() => client.user.count(), () => client.$transaction((tx) => tx.user.count()), () => client.$queryRaw`SELECT 1`]) {
      const response = await call(read);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("database_unavailable");
    }
  });

  it("answers 503 instead of hanging when the database accepts connections but never answers", async () => {
    const client = clientAt(frozenPort);
    const response = await call(() => client.user.count());
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).not.toBeNull();
  });
});
