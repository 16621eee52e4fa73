import crypto from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashApiToken } from "@/lib/auth/sessions";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import type { TActor } from "@/lib/auth/actor";
import { POST } from "@/app/api/v1/metrics/[key]/route";
import { createKpi } from "./kpis";

async function tokenFor(actor: TActor): Promise<string> {
  const token = crypto.randomBytes(24).toString("base64url");
  await db.apiToken.create({
    data: { name: "automation", tokenHash: hashApiToken(token), userId: actor.id, createdById: actor.id, scopes: [] },
  });
  return token;
}

function post(key: string, token: string | null, body: unknown) {
  const request = new NextRequest(`http://localhost/api/v1/metrics/${key}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return POST(request, { params: Promise.resolve({ key }) });
}

describe("POST /api/v1/metrics/{key}", () => {
  it("records a reading from automation with an API token", async () => {
    const bot = await createTestUser("SECOPS", ["CONTRIBUTOR"], "SOC automation");
    const key = `soc.mttd_${uniqueSuffix()}`;
    await createKpi(contextFor(bot), {
      key,
      name: "MTTD",
      unit: "h",
      direction: "LOWER_IS_BETTER",
      target: 4,
      minValue: null,
      maxValue: null,
      description: "",
    });
    const response = await post(key, await tokenFor(bot), { value: 6.25, observedAt: "2026-01-15T08:00:00Z" });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ key, value: 6.25, observedAt: "2026-01-15T08:00:00.000Z" });
    const reading = await db.kpiReading.findFirstOrThrow({ where: { kpi: { key } } });
    expect(reading.recordedById).toBe(bot.id);
  });

  // Without any credentials the wrapper answers 401 (covered by lib/api/route tests; it needs a request scope).
  it("answers 403 for a read-only token, 400 for a bad value, 404 for an unknown key", async () => {
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    const writer = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const key = `kpi_${uniqueSuffix()}`;
    await createKpi(contextFor(writer), {
      key,
      name: "Share",
      unit: "%",
      direction: "HIGHER_IS_BETTER",
      target: null,
      minValue: null,
      maxValue: null,
      description: "",
    });
    expect((await post(key, await tokenFor(viewer), { value: 1 })).status).toBe(403);
    const bad = await post(key, await tokenFor(writer), { value: "lots" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe("body.value");
    expect((await post(`missing_${uniqueSuffix()}`, await tokenFor(writer), { value: 1 })).status).toBe(404);
    expect(await db.kpiReading.count({ where: { kpi: { key } } })).toBe(0);
  });

  it("refuses a reading its unit cannot take, with 400 naming the field, and writes nothing", async () => {
    const writer = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const token = await tokenFor(writer);
    const define = async (
      unit: string,
      bounds: { minValue: number | null; maxValue: number | null } = { minValue: null, maxValue: null },
    ) => {
      const key = `bounds_${uniqueSuffix()}`;
      await createKpi(contextFor(writer), {
        key,
        name: `Bounded ${unit}`,
        unit,
        direction: "HIGHER_IS_BETTER",
        target: null,
        ...bounds,
        description: "",
      });
      return key;
    };
    const refused = async (key: string, value: unknown, message: RegExp) => {
      const response = await post(key, token, { value });
      expect(response.status).toBe(400);
      const field = (await response.json()).error.fields[0];
      expect(field.path).toBe("body.value");
      expect(field.message).toMatch(message);
    };
    const percent = await define("%");
    await refused(percent, 2147483648, /between 0 and 100/);
    await refused(percent, -0.5, /between 0 and 100/);
    expect((await post(percent, token, { value: 100 })).status).toBe(201);
    const incidents = await define("incidents");
    await refused(incidents, 2.5, /whole number/);
    await refused(incidents, -1, /negative/);
    const hours = await define("hours");
    await refused(hours, -3, /negative/);
    await refused(await define("EUR"), 1e300, /at most/);
    // A KPI's declared bounds replace its unit's (a change in percent may be negative or above 100).
    const change = await define("%", { minValue: -100, maxValue: 500 });
    expect((await post(change, token, { value: 250 })).status).toBe(201);
    await refused(change, -150, /between -100 and 500/);
    expect(await db.kpiReading.count({ where: { kpi: { key: { in: [incidents] } } } })).toBe(0);
  });
});
