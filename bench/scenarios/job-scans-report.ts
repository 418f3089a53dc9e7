/** The job-scan results as a table, figures and notes: targets met or missed, second runs, agreement with the references. */
import { round, type ScenarioResult } from "../scenario.ts";
import { BENCH_NOW, type SeedSummary } from "../seed.ts";
import { type JobScanMeasurement, REPEATS } from "./job-scans-measure.ts";

/** Targets at the largest size: wall time, ratio to the hand-written statement, growth no faster than members. */
export const TARGET_MS = 2_000;
export const TARGET_RATIO = 1.5;

export interface SizeResult {
  seed: SeedSummary;
  measurements: JobScanMeasurement[];
}

export function fmt(ms: number | null): string {
  return ms === null ? "—" : String(round(ms, 0));
}

/** Against the hand-written statement; a job that spreads its work over runs (the purge) is judged by all of them. */
function ratioOf(m: JobScanMeasurement): number | null {
  const jobMs = m.totalMs ?? m.jobMs;
  return jobMs !== null && m.referenceMs !== null && m.referenceMs > 0 ? jobMs / m.referenceMs : null;
}

export function report(
  bySize: SizeResult[],
  quick: boolean,
  settings: string,
  shape: { title: string; headers: string[] },
): ScenarioResult {
  const rows: (string | number)[][] = [];
  const figures: Record<string, number> = {};
  const notes: string[] = [];
  const smallest = bySize[0];
  const largest = bySize[bySize.length - 1];
  const growthOf = (m: JobScanMeasurement): number | null => {
    const base = smallest?.measurements.find((other) => other.job === m.job);
    if (bySize.length < 2 || !base?.jobMs || m.jobMs === null) return null;
    return m.jobMs / base.jobMs;
  };
  for (const size of bySize) {
    for (const m of size.measurements) {
      const ratio = ratioOf(m);
      const growth = size === largest ? growthOf(m) : null;
      rows.push([
        m.job,
        m.members.toLocaleString("en"),
        m.jobError ? `failed: ${m.jobError}` : fmt(m.jobMs),
        m.referenceError ? `failed: ${m.referenceError}` : fmt(m.referenceMs),
        ratio === null ? "—" : round(ratio, 2),
        `${m.rows ?? "—"} / ${m.referenceRows ?? "—"}`,
        m.secondRunRows ?? "—",
        fmt(m.secondRunMs),
        m.queries ?? "—",
        growth === null ? "" : round(growth, 1),
      ]);
      const key = `n${m.members}.${m.job}`;
      const put = (name: string, value: number | null) => {
        if (value !== null) figures[`${key}.${name}`] = round(value, 2);
      };
      put("jobMs", m.jobMs);
      put("referenceMs", m.referenceMs);
      put("ratio", ratio);
      put("rows", m.rows);
      put("referenceRows", m.referenceRows);
      put("secondRunRows", m.secondRunRows);
      put("secondRunMs", m.secondRunMs);
      put("queries", m.queries);
      put("slowestQueryMs", m.slowestQueryMs);
      if (growth !== null) figures[`growth.${m.job}`] = round(growth, 2);
    }
    const seed = size.seed;
    notes.push(
      `${seed.members.toLocaleString("en")} members seeded in ${round(seed.insertMs / 1000, 1)} s (+${round(seed.vacuumMs / 1000, 1)} s VACUUM ANALYZE): ` +
        Object.entries(seed.rows)
          .map(([table, count]) => `${count.toLocaleString("en")} ${table}`)
          .join(", "),
    );
    figures[`n${seed.members}.seedMs`] = round(seed.insertMs, 0);
    for (const m of size.measurements.filter((entry) => entry.runsToFinish !== undefined)) {
      notes.push(
        `${m.job} at ${m.members.toLocaleString("en")}: ${m.rows} workspaces in ${m.runsToFinish} runs, each stopping after ` +
          `its time budget (longest ${fmt(m.jobMs)} ms, ${fmt(m.totalMs ?? null)} ms in all; the hand-written DELETE takes them all at once).`,
      );
    }
  }
  notes.push(...verdicts(bySize, quick, growthOf));
  notes.push(
    `Moment ${BENCH_NOW.toISOString()} (a Wednesday). Reference: one INSERT … SELECT … ON CONFLICT DO NOTHING per job ` +
      "(bench/scenarios/job-scans-reference.ts) in a rolled-back transaction on the same state, with jit off. Times are medians of up to " +
      `${REPEATS} runs after a warm-up (read-only for the job), the job's writes undone between runs; the purge runs, cold, until a run finds nothing, and "job ms" is its longest run. ` +
      `"queries" counts the job's SQL statements. Server: ${settings}.`,
  );
  return { ...shape, rows, figures, notes };
}

function verdicts(
  bySize: readonly SizeResult[],
  quick: boolean,
  growthOf: (m: JobScanMeasurement) => number | null,
): string[] {
  const largest = bySize[bySize.length - 1];
  if (!largest) return [];
  const notes: string[] = [];
  const all = bySize.flatMap((size) => size.measurements);
  const repeats = all.filter((m) => m.secondRunRows !== null && m.secondRunRows > 0);
  const unchecked = all.filter((m) => m.secondRunRows === null);
  notes.push(
    repeats.length === 0
      ? "Second runs at the same moment enqueued nothing, for every job that completed."
      : `FAILED: second runs enqueued again: ${repeats.map((m) => `${m.job} at ${m.members} (${m.secondRunRows})`).join(", ")}.`,
  );
  if (unchecked.length > 0) {
    notes.push(
      `Not checked, the job failed: ${unchecked.map((m) => `${m.job} at ${m.members} (${m.jobError})`).join("; ")}.`,
    );
  }
  const mismatched = all.filter((m) => m.rows !== null && m.referenceRows !== null && m.rows !== m.referenceRows);
  if (mismatched.length > 0) {
    notes.push(
      `Job and hand-written statement disagree on rows: ${mismatched.map((m) => `${m.job} at ${m.members} (${m.rows} vs ${m.referenceRows})`).join(", ")}.`,
    );
  }
  if (quick) {
    notes.push("Quick mode: sizes too small for the targets, which apply at 100,000 members.");
    return notes;
  }
  for (const m of largest.measurements) {
    if (m.jobMs === null) {
      notes.push(`${m.job}: missed: the job failed (${m.jobError}).`);
      continue;
    }
    const ratio = ratioOf(m);
    const growth = growthOf(m);
    const missed = [
      m.jobMs > TARGET_MS ? `time ${fmt(m.jobMs)} ms > ${TARGET_MS} ms` : null,
      ratio === null || ratio > TARGET_RATIO
        ? `ratio ${ratio === null ? "—" : round(ratio, 2)} > ${TARGET_RATIO}`
        : null,
      growth === null || growth > 10
        ? `growth ${growth === null ? "—" : `${round(growth, 1)}×`} > 10× for 10× members`
        : null,
    ].filter((miss): miss is string => miss !== null);
    notes.push(`${m.job}: ${missed.length === 0 ? "all targets met" : `missed: ${missed.join("; ")}`}.`);
  }
  return notes;
}
