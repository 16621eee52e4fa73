import { describe, expect, it } from "vitest";
import { db, readAll, type TTx } from "@/lib/db";

/** Reads that log when each starts and ends, so the test can tell whether they overlapped. */
function loggedReads(client: TTx, log: string[]) {
  const read = (name: string, sql: () => PromiseLike<unknown>) => async () => {
    log.push(`${name} start`);
    const rows = await sql();
    log.push(`${name} end`);
    return rows;
  };
  return [
    read("first", () => client.$queryRaw<Array<{ value: number }>>`SELECT 1 AS value`),
    read("second", () => client.$queryRaw<Array<{ value: number }>>`SELECT 2 AS value`),
  ] as const;
}

describe("independent reads", () => {
  it("run one after another inside a transaction, whose one connection takes a query at a time", async () => {
    const log: string[] = [];
    const [first, second] = await db.$transaction((tx) => readAll(tx, loggedReads(tx, log)));
    expect(first).toEqual([{ value: 1 }]);
    expect(second).toEqual([{ value: 2 }]);
    expect(log).toEqual(["first start", "first end", "second start", "second end"]);
  });

  it("run side by side on the pool, results in the order asked", async () => {
    const log: string[] = [];
    const [first, second] = await readAll(db, loggedReads(db, log));
    expect(first).toEqual([{ value: 1 }]);
    expect(second).toEqual([{ value: 2 }]);
    expect(log.slice(0, 2)).toEqual(["first start", "second start"]);
  });
});
