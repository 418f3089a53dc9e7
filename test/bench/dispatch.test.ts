/** The dispatch benchmark in quick mode, so the harness never rots: it runs, loses nothing and duplicates nothing. */
import { expect, it } from "vitest";
import { runBench } from "../../bench/run.ts";

it("GIVEN the quick dispatch scenario THEN every message arrives exactly once and the figures are finite", async () => {
  const report = await runBench({ quick: true, only: "dispatch", log: () => {} });
  const [result] = report.results;
  expect(result?.scenario).toBe("dispatch");
  expect(result?.figures["dispatch.lost"]).toBe(0);
  expect(result?.figures["dispatch.duplicated"]).toBe(0);
  for (const value of Object.values(result?.figures ?? {})) expect(Number.isFinite(value)).toBe(true);
}, 60_000);
