/** Keeps the latency and footprint benchmarks from rotting: their quick mode runs every target, and what they report holds together. */
import { describe, expect, it } from "vitest";
import { runBench } from "../../bench/run.ts";

const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

async function quickReport(only: string) {
  const report = await runBench({ quick: true, only, postgresUrl, log: () => {} });
  expect(report.results.map((result) => result.scenario)).toEqual([only]);
  const [result] = report.results;
  if (!result) throw new Error(`no result for ${only}`);
  return result;
}

describe("quick benchmarks", () => {
  it("GIVEN quick mode WHEN command-latency runs THEN every target answers all 40 commands at each level without errors or refusals, latencies are ordered and every changed App Home is published", async () => {
    const result = await quickReport("command-latency");
    const targets = postgresUrl ? ["floor", "pglite", "postgres", "stackFloor"] : ["floor", "pglite"];
    const figure = (key: string) => {
      const value = result.figures[key];
      if (value === undefined) throw new Error(`no figure ${key}`);
      return value;
    };
    expect(result.rows).toHaveLength(targets.length * 2);
    expect(result.rows.map((row) => [row[1], row[2]])).toEqual(
      [1, 8].flatMap((concurrency) => targets.map(() => [concurrency, 40])),
    );
    for (const concurrency of [1, 8]) {
      for (const target of targets) {
        const at = (name: string) => figure(`${target}.c${concurrency}.${name}`);
        const where = `${target} at concurrency ${concurrency}`;
        expect(at("errors"), where).toBe(0);
        expect(at("refusals"), where).toBe(0);
        expect(at("staleHomes"), where).toBe(0);
        expect(at("p50"), where).toBeLessThanOrEqual(at("p95"));
        expect(at("p95"), where).toBeLessThanOrEqual(at("p99"));
        expect(at("p99"), where).toBeLessThanOrEqual(at("max"));
        // Bare Bolt changes nothing; Next Step's mix does, and each change republishes its member's App Home.
        if (target === "pglite" || target === "postgres") expect(at("homePublishes"), where).toBeGreaterThan(0);
        else expect(at("homePublishes"), where).toBe(0);
      }
    }
  }, 120_000);

  it("GIVEN quick mode WHEN footprint runs THEN each start became ready, and Next Step idles above the floors it is built on", async () => {
    const result = await quickReport("footprint");
    const figure = (key: string) => {
      const value = result.figures[key];
      if (value === undefined) throw new Error(`no figure ${key}`);
      return value;
    };
    const databases = postgresUrl ? ["pglite", "postgres"] : ["pglite"];
    for (const database of databases) {
      expect(figure(`${database}.freshReadyMs`), database).toBeGreaterThan(0);
      expect(figure(`${database}.restartReadyMs`), database).toBeGreaterThan(0);
    }
    if (!postgresUrl) expect(result.figures["postgres.restartReadyMs"]).toBeUndefined();
    // PGlite open in Node costs memory on top of bare Node, and Next Step on PGlite sits on top of that.
    expect(figure("floor.pgliteMiB")).toBeGreaterThan(figure("floor.nodeMiB"));
    expect(figure("pglite.idleRssMiB")).toBeGreaterThan(figure("floor.pgliteMiB"));
    expect(figure("leak.baselineHeapMiB")).toBeGreaterThan(0);
    expect(result.notes.some((note) => note.startsWith("Heap growth over the last 50 commands"))).toBe(true);
  }, 120_000);
});
