/** The dispatch benchmark in quick mode, so the harness never rots: every seeded message arrives once, within the platform's limits. */
import { expect, it } from "vitest";
import { runBench } from "../../bench/run.ts";

it("GIVEN the quick dispatch scenario THEN all 200 seeded messages arrive exactly once, the limits were learned from 429s, and the drain took no less than the limits allow", async () => {
  const report = await runBench({ quick: true, only: "dispatch", log: () => {} });
  expect(report.results.map((result) => result.scenario)).toEqual(["dispatch"]);
  const [result] = report.results;
  if (!result) throw new Error("no dispatch result");
  const column = (header: string) => result.rows[0]?.[result.headers.indexOf(header)];

  expect(column("messages")).toBe(200);
  expect(result.figures["dispatch.lost"]).toBe(0);
  expect(result.figures["dispatch.duplicated"]).toBe(0);
  // The dispatcher is not told the limits: with 5 messages per member and a burst of 3, it must have met 429s.
  expect(result.figures["dispatch.rateLimited"]).toBeGreaterThan(0);
  // A lower bound the fake platform's token buckets enforce, so it cannot flake: a faster drain means a limit was not held.
  expect(result.figures["dispatch.minimumMs"]).toBe(2_000);
  expect(result.figures["dispatch.drainMs"]).toBeGreaterThanOrEqual(2_000);
}, 60_000);
