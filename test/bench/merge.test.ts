/** A benchmark run of one scenario replaces that scenario's published figures and keeps the others. */
import { describe, expect, it } from "vitest";
import { type BenchReport, mergeInto } from "../../bench/run.ts";

const machine = { node: "v20", cpus: 2, cpuModel: "test", memoryGiB: 24, platform: "linux-x64" };
const result = (scenario: string, figure: number) => ({
  scenario,
  title: scenario,
  headers: ["figure"],
  rows: [[figure]],
  notes: [],
  figures: { figure },
  commit: `c${figure}`,
});
const report = (quick: boolean, ...results: ReturnType<typeof result>[]): BenchReport =>
  ({ date: "2026-12-01T00:00:00.000Z", commit: "head", machine, quick, results }) as unknown as BenchReport;

describe("merging benchmark reports", () => {
  it("GIVEN published figures for every scenario WHEN one is measured again THEN only it changes, in report order", () => {
    const previous = report(false, result("command-latency", 1), result("job-scans", 2), result("footprint", 3));
    const merged = mergeInto(previous, report(false, result("job-scans", 20)));
    expect(merged.results.map((entry) => [entry.scenario, entry.commit])).toEqual([
      ["command-latency", "c1"],
      ["job-scans", "c20"],
      ["footprint", "c3"],
    ]);
  });

  it("GIVEN no earlier report, or a quick one WHEN merging a full run THEN the full run stands alone", () => {
    const fresh = report(false, result("footprint", 9));
    expect(mergeInto(null, fresh)).toBe(fresh);
    expect(mergeInto(report(true, result("job-scans", 1)), fresh)).toBe(fresh);
  });
});
