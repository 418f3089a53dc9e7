/** Seeds a migrated database with N members' job hunts in set-based SQL, arranged so that about 5% are due for each job at BENCH_NOW. */
import type { ClientBase } from "pg";
import { WEEKLY_ENCOURAGEMENTS } from "../src/core/copy/weekly.ts";
import { historyStatements } from "./seed-history.ts";
import { pipelineStatements } from "./seed-pipeline.ts";

/** The benchmark moment: a Wednesday, 12:00 UTC (ISO week 2026-W47). */
export const BENCH_NOW = new Date("2026-11-18T12:00:00.000Z");

/** Members' and workspaces' zones: Wednesday 10:00 or later locally in 13 of them at BENCH_NOW, not in the other 7. */
export const BENCH_ZONES = [
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "America/Sao_Paulo",
  "Atlantic/Azores",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Athens",
  "Africa/Nairobi",
  "Asia/Dubai",
  "Asia/Karachi",
  "Asia/Kolkata",
  "Asia/Dhaka",
  "Asia/Bangkok",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Pacific/Honolulu",
] as const;

export const BENCH_WORKSPACES = 100;

export interface SeedOptions {
  members: number;
  /** At least 20, so that every workspace role (due for the digest, for the weekly post, for purge, …) exists. */
  workspaces?: number;
  now?: Date;
  log?: (message: string) => void;
}

/** What the SQL statements are built from; every value is validated or ours, so inlining them as literals is safe. */
export interface SeedSql {
  /** `'…'::timestamptz` */
  now: string;
  members: number;
  workspaces: number;
  /** `ARRAY['…', …]` of BENCH_ZONES */
  zones: string;
  /** `ARRAY['…', …]` of the weekly encouragements, so history posts look like the job's own. */
  encouragements: string;
}

export interface SeedSummary {
  members: number;
  workspaces: number;
  /** Rows per table after seeding. */
  rows: Record<string, number>;
  /** The load transaction: INSERT … SELECT statements, then rebuilding keys, indexes and foreign keys. */
  insertMs: number;
  /** Time spent in VACUUM ANALYZE afterwards, as autovacuum would have done on a live database. */
  vacuumMs: number;
}

export const SEEDED_TABLES = [
  "Workspace",
  "Member",
  "Application",
  "ApplicationNews",
  "Round",
  "FeedbackRequest",
  "Reflection",
  "Gap",
  "Outbox",
];

export function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function sqlArray(values: readonly string[]): string {
  return `ARRAY[${values.map(sqlText).join(", ")}]`;
}

/**
 * Session-local helpers (pg_temp, so the seeded database keeps no trace of them). `rnd` is a deterministic
 * uniform [0, 1) from an index and a salt; `bid` makes UUID-shaped ids that sort by kind and index.
 */
const HELPERS = [
  `CREATE OR REPLACE FUNCTION pg_temp.rnd(n bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT (hashint8extended(n, salt) & 4503599627370495)::float8 / 4503599627370496 $$`,
  `CREATE OR REPLACE FUNCTION pg_temp.bid(kind int, n bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT lpad(to_hex(kind), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(n), 12, '0') $$`,
  // What JavaScript's Date#toISOString prints, for dedupe keys that embed an instant.
  `CREATE OR REPLACE FUNCTION pg_temp.iso(at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$`,
];

/**
 * Drops the seeded tables' foreign keys, primary keys and indexes, as pg_restore does, and returns the statements
 * that put them back exactly as the catalog had them: building an index once after the load is several times
 * faster than maintaining it row by row, and one validating join beats millions of per-row foreign-key triggers.
 */
async function dropKeysAndIndexes(client: ClientBase): Promise<[string, string][]> {
  const tables = SEEDED_TABLES;
  const { rows: foreignKeys } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
       AND (conrelid::regclass::text = ANY($1) OR confrelid::regclass::text = ANY($1))`,
    [tables.map((table) => `"${table}"`)],
  );
  const { rows: keys } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE contype IN ('p', 'u') AND connamespace = current_schema()::regnamespace AND conrelid::regclass::text = ANY($1)`,
    [tables.map((table) => `"${table}"`)],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
     WHERE i.indrelid::regclass::text = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))`,
    [tables.map((table) => `"${table}"`)],
  );
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
  for (const key of keys) await client.query(`ALTER TABLE ${key.tbl} DROP CONSTRAINT "${key.name}"`);
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  return [
    ...keys.map((key): [string, string] => [
      `key ${key.name}`,
      `ALTER TABLE ${key.tbl} ADD CONSTRAINT "${key.name}" ${key.def}`,
    ]),
    ...indexes.map((index): [string, string] => [`index ${index.name}`, index.def]),
    ...foreignKeys.map((fk): [string, string] => [
      `foreign key ${fk.name}`,
      `ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`,
    ]),
  ];
}

export async function seedBenchmark(client: ClientBase, options: SeedOptions): Promise<SeedSummary> {
  const members = options.members;
  const workspaces = options.workspaces ?? BENCH_WORKSPACES;
  const now = options.now ?? BENCH_NOW;
  const log = options.log ?? (() => undefined);
  if (!Number.isInteger(members) || members < 1) {
    throw new RangeError(`members must be a positive integer, got ${members}`);
  }
  if (!Number.isInteger(workspaces) || workspaces < 20) {
    throw new RangeError(`workspaces must be an integer of at least 20, got ${workspaces}`);
  }
  const existing = await client.query<{ count: string }>(`SELECT count(*) FROM "Member"`);
  if (Number(existing.rows[0]?.count) > 0) {
    throw new Error(`the database already has ${existing.rows[0]?.count} members; seed a fresh, migrated database`);
  }
  const sql: SeedSql = {
    now: `${sqlText(now.toISOString())}::timestamptz`,
    members,
    workspaces,
    zones: sqlArray(BENCH_ZONES),
    encouragements: sqlArray(WEEKLY_ENCOURAGEMENTS),
  };

  const started = performance.now();
  await client.query("BEGIN");
  try {
    // Session settings for one big load: no timeout, UTC for literal times, more memory for hashes and sorts, and
    // no JIT, which spends tens of seconds compiling these long expressions to save a fraction of that.
    await client.query("SET LOCAL statement_timeout = 0");
    await client.query("SET LOCAL jit = off");
    await client.query("SET LOCAL TimeZone = 'UTC'");
    await client.query("SET LOCAL work_mem = '256MB'");
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    // Row triggers (ApplicationNews upkeep) off for the load; ApplicationNews is then filled in one statement.
    await client.query("SET LOCAL session_replication_role = replica");
    for (const statement of HELPERS) await client.query(statement);
    const restore = await dropKeysAndIndexes(client);
    for (const [label, statement] of [...pipelineStatements(sql), ...historyStatements(sql), ...restore]) {
      const at = performance.now();
      const result = await client.query(statement);
      log(`  seed ${label}: ${result.rowCount ?? 0} rows in ${Math.round(performance.now() - at)} ms`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  const insertMs = performance.now() - started;

  const vacuumStarted = performance.now();
  await client.query(`VACUUM (ANALYZE) ${SEEDED_TABLES.map((table) => `"${table}"`).join(", ")}`);
  const vacuumMs = performance.now() - vacuumStarted;

  const rows: Record<string, number> = {};
  for (const table of SEEDED_TABLES) {
    const result = await client.query<{ count: string }>(`SELECT count(*) FROM "${table}"`);
    rows[table] = Number(result.rows[0]?.count);
  }
  return { members, workspaces, rows, insertMs, vacuumMs };
}
