/** Keeps the job-scan benchmark and its seeder from rotting: quick mode finds members due for every job, and second runs enqueue nothing. */
import { describe, expect, it } from "vitest";
import { runBench } from "../../bench/run.ts";
import { JOBS } from "../../src/jobs/registry.ts";

const postgresUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)("job-scans benchmark (quick)", () => {
  it("GIVEN 200 seeded members WHEN every job runs twice at the benchmark moment THEN each finds work once, agrees with its hand-written statement and repeats nothing", async () => {
    const report = await runBench({ quick: true, only: "job-scans", postgresUrl, log: () => {} });
    const [result] = report.results;
    if (!result) throw new Error("no job-scans result");
    expect(result.rows).toHaveLength(JOBS.length);
    for (const job of JOBS) {
      const figure = (name: string) => result.figures[`n200.${job.name}.${name}`];
      expect(figure("rows"), job.name).toBeGreaterThan(0);
      expect(figure("rows"), job.name).toBe(figure("referenceRows"));
      expect(figure("secondRunRows"), job.name).toBe(0);
    }
  }, 180_000);
});
