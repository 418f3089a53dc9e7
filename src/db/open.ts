/** Opens the database, Postgres when a URL is given, otherwise embedded PGlite, migrates it and hands back a Prisma client. */

import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { errorFacts } from "../core/error-facts.ts";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.ts";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations } from "./migrate.ts";
import { pgConnection, pgliteConnection, type SqlConnection } from "./sql.ts";

/** `dataDir` value that keeps PGlite in memory; tests use it. */
export const IN_MEMORY = "memory://";

/**
 * Postgres settings for the embedded database, after PGlite's own defaults. Its default `shared_buffers` is
 * 128 MB, all of it touched at start, more than a whole trial install holds: 16 MB keeps idle memory
 * ~150 MiB lower, and pages beyond it are a file read away. Other memory settings are allocated on demand.
 */
const PGLITE_SETTINGS = ["shared_buffers=16MB"];

/** PGlite's start parameters with our settings after them: the option replaces PGlite's list rather than adding to it. */
export function pgliteStartParams(defaults: readonly string[]): string[] {
  return [...defaults, ...PGLITE_SETTINGS.flatMap((setting) => ["-c", setting])];
}

/**
 * Settings of every Postgres session the app opens. Prisma's drivers send timestamps without an offset, so every
 * session must read them as UTC. JIT off: the jobs' scans are short index walks whose estimated cost still crosses
 * jit_above_cost, and compiling them took longer than running them (hundreds of ms at 100,000 members).
 */
export const POSTGRES_SESSION_OPTIONS = "-c TimeZone=UTC -c jit=off";

export const defaultMigrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export interface DatabaseLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface OpenDatabaseOptions {
  /** A `postgresql://` URL; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** Where PGlite keeps its files (default `./.data`); `memory://` keeps them in memory. */
  dataDir?: string;
  /** Folder of `<name>/migration.sql` migrations (default: the repository's prisma/migrations). */
  migrationsDir?: string;
  logger?: DatabaseLogger;
}

export interface Database {
  prisma: PrismaClient;
  kind: "postgres" | "pglite";
  /** Raw SQL for what Prisma cannot express (e.g. `FOR UPDATE SKIP LOCKED`); on Postgres each call may use a different pooled connection. */
  sql: SqlConnection;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Disconnects Prisma, closes the pool or PGlite and, for a PGlite data directory, releases its lock. */
  close(): Promise<void>;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir;
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, migrationsDir, options.logger)
    : openPglite(options.dataDir ?? "./.data", migrationsDir, options.logger);
}

// Each database's driver is imported only when that database is opened: loading both costs start time and memory.

async function openPostgres(databaseUrl: string, migrationsDir: string, logger?: DatabaseLogger): Promise<Database> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new pg.Pool({ connectionString: databaseUrl, options: POSTGRES_SESSION_OPTIONS });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (error) => logger?.error({ err: errorFacts(error) }, "idle Postgres connection failed"));
  try {
    // The advisory lock and each migration's transaction need one session, hence one dedicated client.
    const client = await pool.connect();
    try {
      await applyMigrations(pgConnection(client), migrationsDir, logger);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return assemble("postgres", prisma, pgConnection(pool), async () => {
    await pool.end();
  });
}

async function openPglite(dataDir: string, migrationsDir: string, logger?: DatabaseLogger): Promise<Database> {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  // The instance PGlite starts to run initdb on a fresh data directory gets the same ones.
  const startParams = pgliteStartParams(PGlite.defaultStartParams);
  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  if (dataDir === IN_MEMORY) {
    pglite = new PGlite(IN_MEMORY, { startParams });
  } else {
    await mkdir(dataDir, { recursive: true });
    lock = await lockDataDir(dataDir, logger);
    // Postgres files go in a subfolder so the lock file never sits inside the cluster directory.
    pglite = new PGlite(join(resolve(dataDir), "pgdata"), { startParams });
  }
  try {
    await pglite.waitReady;
    await pglite.exec("SET TIME ZONE 'UTC'");
    await applyMigrations(pgliteConnection(pglite), migrationsDir, logger);
  } catch (error) {
    await pglite.close().catch(() => undefined);
    await lock?.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return assemble("pglite", prisma, pgliteConnection(pglite), async () => {
    await pglite.close();
    await lock?.release();
  });
}

function assemble(
  kind: Database["kind"],
  prisma: PrismaClient,
  sql: SqlConnection,
  closeDriver: () => Promise<void>,
): Database {
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind,
    sql,
    async ping() {
      await prisma.$queryRaw`SELECT 1`;
    },
    close() {
      // Idempotent, so a test's afterEach and the app's shutdown hook can both call it.
      closing ??= prisma.$disconnect().finally(closeDriver);
      return closing;
    },
  };
}
