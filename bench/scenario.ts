/** What a benchmark scenario is: a measurement run beside its reference, reported as a markdown table and raw figures. */

export interface BenchContext {
  /** Tiny sizes that finish in seconds: used by the test that keeps the harness from rotting. */
  quick: boolean;
  /** Postgres server for scenarios that need one (a fresh database is created per scenario); absent: skipped parts. */
  postgresUrl: string | undefined;
  log(message: string): void;
}

export interface ScenarioResult {
  /** Section heading in the report. */
  title: string;
  headers: string[];
  rows: (string | number)[][];
  /** Machine-readable figures for results.json, e.g. `{ "postgres.c32.p99Ms": 41.2 }`. */
  figures: Record<string, number>;
  /** Targets met or missed, and anything a reader must know to trust the numbers. */
  notes: string[];
}

export interface Scenario {
  name: string;
  run(context: BenchContext): Promise<ScenarioResult>;
}

/** Percentile of already-sorted samples (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
