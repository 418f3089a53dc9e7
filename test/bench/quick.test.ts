/** Keeps the latency and footprint benchmarks from rotting: their quick mode runs and reports finite figures. */
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
  it("GIVEN quick mode WHEN command-latency runs THEN every target and level has finite latencies and no errors", async () => {
    const result = await quickReport("command-latency");
    const targets = postgresUrl ? 4 : 2;
    expect(result.rows).toHaveLength(targets * 2);
    for (const row of result.rows) {
      const [, concurrency, requests, p50, p95, p99, max, ackRate, rate, errors] = row;
      expect([1, 8]).toContain(concurrency);
      expect(requests).toBe(40);
      for (const figure of [p50, p95, p99, max, ackRate, rate]) expect(Number.isFinite(figure)).toBe(true);
      expect(p50 as number).toBeLessThanOrEqual(p99 as number);
      expect(errors).toBe(0);
    }
    expect(Object.values(result.figures).every(Number.isFinite)).toBe(true);
  }, 120_000);

  it("GIVEN quick mode WHEN footprint runs THEN start-to-ready, idle memory and heap growth are finite", async () => {
    const result = await quickReport("footprint");
    expect(result.rows.length).toBeGreaterThanOrEqual(7);
    expect(result.figures["pglite.restartReadyMs"]).toBeGreaterThan(0);
    if (postgresUrl) expect(result.figures["postgres.restartReadyMs"]).toBeGreaterThan(0);
    expect(Object.values(result.figures).every(Number.isFinite)).toBe(true);
    expect(result.notes.some((note) => note.startsWith("Heap growth"))).toBe(true);
  }, 120_000);
});
