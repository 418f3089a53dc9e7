/** The migration runner: applies pending migrations once, in order, atomically, and refuses a history that disagrees with the files. */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError } from "../../src/db/migrate.ts";
import { defaultMigrationsDir } from "../../src/db/open.ts";
import type { SqlConnection } from "../../src/db/sql.ts";
import { databaseKinds, type ScratchDatabase } from "../support/databases.ts";

interface Recorded {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const recorded = (conn: SqlConnection) =>
  conn.query<Recorded>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
     FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );

const advisoryLocksHeld = async (conn: SqlConnection) => {
  const [row] = await conn.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks
     WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return row?.n;
};

/** Sessions of this database waiting for a lock of any kind. */
const sessionsWaitingOnLocks = async (conn: SqlConnection) => {
  const [row] = await conn.query<{ n: number }>(
    `SELECT count(DISTINCT pid)::int AS n FROM pg_locks
     WHERE NOT granted AND pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())`,
  );
  return row?.n ?? 0;
};

const tableExists = async (conn: SqlConnection, table: string) => {
  const [row] = await conn.query<{ found: boolean }>("SELECT to_regclass($1) IS NOT NULL AS found", [
    `public."${table}"`,
  ]);
  return row?.found;
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const temporaryDirs: string[] = [];

async function migrationsDir(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "nextstep-migrations-"));
  temporaryDirs.push(dir);
  await writeMigrations(dir, migrations);
  return dir;
}

async function writeMigrations(dir: string, migrations: Record<string, string>) {
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(join(dir, name), { recursive: true });
    await writeFile(join(dir, name, "migration.sql"), sql);
  }
}

describe.each(databaseKinds())("migration runner on $name", (kind) => {
  let scratch: ScratchDatabase | undefined;
  const fresh = async () => {
    scratch = await kind.scratch();
    return scratch.connect();
  };

  afterEach(async () => {
    await scratch?.drop();
    scratch = undefined;
    await Promise.all(temporaryDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("GIVEN a fresh database WHEN migrating THEN every migration is applied and recorded with its file's checksum", async () => {
    const conn = await fresh();
    const names = (await readdir(defaultMigrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();

    const result = await applyMigrations(conn, defaultMigrationsDir);

    expect(result.applied).toEqual(names);
    const rows = await recorded(conn);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = await readFile(join(defaultMigrationsDir, row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(sha256(file));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await tableExists(conn, "Workspace")).toBe(true);
    expect(await advisoryLocksHeld(conn)).toBe(0);
  });

  it("GIVEN an up-to-date database WHEN migrating again THEN nothing is applied", async () => {
    const conn = await fresh();
    await applyMigrations(conn, defaultMigrationsDir);

    const again = await applyMigrations(conn, defaultMigrationsDir);

    expect(again.applied).toEqual([]);
    expect((await recorded(conn)).length).toBe((await readdir(defaultMigrationsDir)).length - 1);
  });

  it("GIVEN one migration applied WHEN a second is added THEN only the second is applied", async () => {
    const conn = await fresh();
    const dir = await migrationsDir({ "001_first": `CREATE TABLE "First" ("id" TEXT PRIMARY KEY);` });
    expect((await applyMigrations(conn, dir)).applied).toEqual(["001_first"]);

    await writeMigrations(dir, { "002_second": `CREATE TABLE "Second" ("id" TEXT PRIMARY KEY);` });
    const result = await applyMigrations(conn, dir);

    expect(result.applied).toEqual(["002_second"]);
    expect((await recorded(conn)).map((row) => row.migration_name)).toEqual(["001_first", "002_second"]);
  });

  it.runIf(kind.name === "postgres")(
    "GIVEN two processes starting at once WHEN both migrate THEN each migration is applied once and both succeed",
    async () => {
      const database = await kind.scratch();
      scratch = database;
      const [one, two, gate] = [await database.connect(), await database.connect(), await database.connect()];
      // The first migration waits at a gate the test holds, so the two runs surely overlap: whichever runs it is held
      // there while the other is left waiting, on the migration lock if there is one, or on the first's new table.
      const GATE_KEY = 4_242;
      await gate.query("SELECT pg_advisory_lock($1)", [GATE_KEY]);
      const dir = await migrationsDir({
        "001_gated": `CREATE TABLE "Gated" ("id" TEXT PRIMARY KEY); SELECT pg_advisory_xact_lock(${GATE_KEY});`,
        "002_after": `CREATE TABLE "After" ("id" TEXT PRIMARY KEY);`,
      });

      let settled = false;
      const both = Promise.all([applyMigrations(one, dir), applyMigrations(two, dir)]).finally(() => {
        settled = true;
      });
      // Each round trip paces the loop; nothing here waits on the clock. A run that fails instead of waiting ends it.
      while (!settled && (await sessionsWaitingOnLocks(gate)) < 2);
      await gate.query("SELECT pg_advisory_unlock($1)", [GATE_KEY]);
      const results = await both;

      expect(results.flatMap((result) => result.applied).sort()).toEqual(["001_gated", "002_after"]);
      expect((await recorded(one)).map((row) => row.migration_name)).toEqual(["001_gated", "002_after"]);
      expect(await advisoryLocksHeld(one)).toBe(0);
    },
  );

  it("GIVEN an applied migration whose file changed WHEN migrating THEN it refuses, naming the migration", async () => {
    const conn = await fresh();
    const dir = await migrationsDir({ "001_first": `CREATE TABLE "First" ("id" TEXT PRIMARY KEY);` });
    await applyMigrations(conn, dir);
    await writeMigrations(dir, {
      "001_first": `CREATE TABLE "First" ("id" TEXT PRIMARY KEY, "extra" TEXT);`,
      "002_second": `CREATE TABLE "Second" ("id" TEXT PRIMARY KEY);`,
    });

    const refusal = applyMigrations(conn, dir);

    await expect(refusal).rejects.toThrow(MigrationError);
    await expect(refusal).rejects.toThrow(/001_first was modified after it was applied/);
    expect(await tableExists(conn, "Second")).toBe(false);
    expect(await advisoryLocksHeld(conn)).toBe(0);
  });

  it("GIVEN an applied migration missing from disk WHEN migrating THEN it refuses, naming the migration", async () => {
    const conn = await fresh();
    const dir = await migrationsDir({ "001_first": `CREATE TABLE "First" ("id" TEXT PRIMARY KEY);` });
    await applyMigrations(conn, dir);
    await rm(join(dir, "001_first"), { recursive: true });

    await expect(applyMigrations(conn, dir)).rejects.toThrow(/001_first is recorded as applied .* missing/);
  });

  it("GIVEN an earlier attempt left unfinished WHEN migrating THEN it refuses, naming the migration", async () => {
    const conn = await fresh();
    const dir = await migrationsDir({ "001_first": `CREATE TABLE "First" ("id" TEXT PRIMARY KEY);` });
    await applyMigrations(conn, dir);
    await conn.exec(`UPDATE "_prisma_migrations" SET finished_at = NULL`);

    await expect(applyMigrations(conn, dir)).rejects.toThrow(/001_first failed in an earlier attempt/);
  });

  it("GIVEN a migration failing halfway WHEN migrating THEN it is rolled back whole and retried once fixed", async () => {
    const conn = await fresh();
    const dir = await migrationsDir({
      "001_first": `CREATE TABLE "First" ("id" TEXT PRIMARY KEY);`,
      "002_broken": `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nCREATE TABLE "Broken" ("id" NOT_A_TYPE);`,
    });

    await expect(applyMigrations(conn, dir)).rejects.toThrow(/Migration 002_broken failed and was rolled back/);

    expect(await tableExists(conn, "First")).toBe(true);
    expect(await tableExists(conn, "Half")).toBe(false);
    const attempt = (await recorded(conn)).find((row) => row.migration_name === "002_broken");
    expect(attempt).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(attempt?.rolled_back_at).toBeInstanceOf(Date);
    expect(await advisoryLocksHeld(conn)).toBe(0);

    await writeMigrations(dir, { "002_broken": `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);` });
    expect((await applyMigrations(conn, dir)).applied).toEqual(["002_broken"]);
    expect(await tableExists(conn, "Half")).toBe(true);
  });
});
