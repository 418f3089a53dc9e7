/** Opening the database: a PGlite data directory serves one process at a time and keeps its data across restarts. */
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirInUseError } from "../../src/db/data-dir-lock.ts";
import { type Database, type DatabaseLogger, openDatabase } from "../../src/db/open.ts";
import { databaseKinds } from "../support/databases.ts";

const opened: Database[] = [];
const dirs: string[] = [];

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "nextstep-data-"));
  dirs.push(dir);
  return dir;
}

async function open(dir: string, logger?: DatabaseLogger): Promise<Database> {
  const db = await openDatabase({ dataDir: dir, logger });
  opened.push(db);
  return db;
}

const workspace = { id: "w1", platform: "SLACK", externalId: "T1", name: "Job hunters" } as const;

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.each(databaseKinds())("openDatabase on $name", (kind) => {
  it("GIVEN a fresh database WHEN opened THEN it answers pings and Prisma reads back what it wrote", async () => {
    const db = await kind.open();
    opened.push(db);

    await db.ping();
    await db.prisma.workspace.create({ data: workspace });

    expect(db.kind).toBe(kind.name);
    expect(await db.sql.query(`SELECT "name" FROM "Workspace"`)).toEqual([{ name: "Job hunters" }]);
  });
});

describe("openDatabase on a PGlite data directory", () => {
  it("GIVEN the directory is open WHEN a second open is attempted THEN it fails naming the process holding it", async () => {
    const dir = await dataDir();
    await open(dir);

    const second = openDatabase({ dataDir: dir });

    await expect(second).rejects.toThrow(DataDirInUseError);
    await expect(second).rejects.toThrow(`is already in use by process ${process.pid}`);
    await expect(second).rejects.toThrow("stop it or set NEXTSTEP_DATA_DIR/DATABASE_URL");
  });

  it("GIVEN the directory was closed WHEN reopened THEN it opens and the data is still there", async () => {
    const dir = await dataDir();
    const first = await open(dir);
    await first.prisma.workspace.create({ data: workspace });
    await first.close();

    const second = await open(dir);

    expect(await second.prisma.workspace.findUnique({ where: { id: "w1" } })).toMatchObject({ name: "Job hunters" });
    await second.close();
    expect(await readdir(dir)).not.toContain("nextstep.lock");
  });

  it("GIVEN a lock left by a process that has died WHEN opening THEN the stale lock is taken over, said so, and now keeps others out", async () => {
    const dir = await dataDir();
    const dead = spawnSync(process.execPath, ["-e", ""]);
    const stale = { pid: dead.pid, hostname: hostname(), startedAt: "2026-01-01T00:00:00.000Z" };
    await writeFile(join(dir, "nextstep.lock"), JSON.stringify(stale));
    const warnings: unknown[] = [];

    await open(dir, { info: () => {}, warn: (context, message) => warnings.push([message, context]), error: () => {} });

    expect(warnings).toEqual([["taking over a stale data directory lock", { dataDir: dir, holder: stale }]]);
    await expectLockedByUs(dir, stale.startedAt);
  });

  it("GIVEN a lock bearing our own pid from an earlier run (a restarted container) WHEN opening THEN it is taken over and now keeps others out", async () => {
    const dir = await dataDir();
    const earlier = { pid: process.pid, hostname: hostname(), startedAt: "2026-01-01T00:00:00.000Z" };
    await writeFile(join(dir, "nextstep.lock"), JSON.stringify(earlier));

    await open(dir);

    await expectLockedByUs(dir, earlier.startedAt);
  });

  it("GIVEN a lock held by another live process on this host WHEN opening THEN it is refused naming that process, and the lock is left alone", async () => {
    const dir = await dataDir();
    const live = { pid: process.ppid, hostname: hostname(), startedAt: "2026-01-01T00:00:00.000Z" };
    const contents = JSON.stringify(live);
    await writeFile(join(dir, "nextstep.lock"), contents);

    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`is already in use by process ${process.ppid}`);

    expect(await readFile(join(dir, "nextstep.lock"), "utf8")).toBe(contents);
  });

  it("GIVEN a lock written on another host (a recreated container sharing the volume) WHEN opening THEN it is treated as stale", async () => {
    const dir = await dataDir();
    const elsewhere = { pid: process.ppid, hostname: `not-${hostname()}`, startedAt: "2026-01-01T00:00:00.000Z" };
    await writeFile(join(dir, "nextstep.lock"), JSON.stringify(elsewhere));

    await open(dir);

    await expectLockedByUs(dir, elsewhere.startedAt);
  });
});

/** The directory's lock names this process, was written now rather than `staleStartedAt`, and refuses a second open. */
async function expectLockedByUs(dir: string, staleStartedAt: string): Promise<void> {
  const holder = JSON.parse(await readFile(join(dir, "nextstep.lock"), "utf8"));
  expect(holder).toMatchObject({ pid: process.pid, hostname: hostname() });
  expect(holder.startedAt).not.toBe(staleStartedAt);
  await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirInUseError);
}
