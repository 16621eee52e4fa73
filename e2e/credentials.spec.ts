import { AS, expect, test } from "./fixtures";

test("the API answers a request without credentials, or with a token never issued, with 401 and writes nothing", async ({
  playwright,
  signedInAs,
}) => {
  const name = `Refused surface ${Date.now()}`;
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const bogus = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { authorization: "Bearer never-issued-token" },
  });
  for (const client of [anonymous, bogus]) {
    const refused = await client.post("/api/v1/surfaces", { data: { name, criticality: "HIGH" } });
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await client.get("/api/v1/surfaces")).status()).toBe(401);
    await client.dispose();
  }
  const reader = await signedInAs(AS.viewer);
  const listed = (await (await reader.page.request.get(`/api/v1/surfaces?q=${encodeURIComponent(name)}`)).json()) as { total: number };
  expect(listed.total).toBe(0);
});
