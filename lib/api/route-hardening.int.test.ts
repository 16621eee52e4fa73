import crypto from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashApiToken } from "@/lib/auth/sessions";
import { createTestUser } from "@/lib/test/factories";
import { apiRoute } from "./route";

vi.hoisted(() => {
  // Read by getEnv() on first use, after these lines ran: a small budget to reach in a test.
  process.env.TOKEN_REQUESTS_PER_MINUTE = "2";
});

const handler = apiRoute({ permission: "surface.read", body: z.object({ name: z.string() }).optional() }, async () => ({ ok: true }));

function call(headers: Record<string, string>, method = "POST") {
  const request = new NextRequest("http://localhost/api/v1/test", {
    method,
    body: method === "POST" ? "{}" : undefined,
    headers: { "content-type": "application/json", host: "localhost", ...headers },
  });
  return handler(request, { params: Promise.resolve({}) });
}

describe("the API wrapper under hostile headers", () => {
  it.each(["null", "not a url", "https://", "http://[::1", "", "https://evil.example"])(
    "refuses a cookie-authenticated write with Origin %j (403)",
    async (origin) => {
      const response = await call({ origin });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    },
  );

  it("spends a token's budget and answers 429 with Retry-After once it is gone", async () => {
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    const token = crypto.randomBytes(24).toString("base64url");
    await db.apiToken.create({
      data: { name: "budget", tokenHash: hashApiToken(token), userId: viewer.id, createdById: viewer.id, scopes: [] },
    });
    const statuses = [];
    let last: Response | undefined;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      last = await call({ authorization: `Bearer ${token}` }, "GET");
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await last!.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });
});
