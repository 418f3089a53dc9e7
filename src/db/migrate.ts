/** Applies the hand-written SQL migrations under prisma/migrations, bookkept in Prisma's own `_prisma_migrations` table. */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SqlConnection } from "./sql.ts";

/** The advisory lock key `prisma migrate` itself takes, so our runner and the Prisma CLI also exclude each other. */
const MIGRATION_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationLogger {
  info(obj: object, msg: string): void;
}

/** Why the runner refused to touch the database; `migration` names the folder at fault. */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
  constructor(
    message: string,
    readonly migration: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface MigrationFile {
  name: string;
  script: string;
  checksum: string;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Reads `<dir>/<name>/migration.sql` for every folder, in name order (the timestamp prefix makes that chronological). */
export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  names.sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const bytes = await readFile(join(migrationsDir, name, "migration.sql"));
    files.push({ name, script: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") });
  }
  return files;
}

/**
 * Brings the database up to date. Safe to call from several processes at once: the second waits on the
 * advisory lock, then finds nothing left to do. Each migration runs in its own transaction.
 */
export async function applyMigrations(
  conn: SqlConnection,
  migrationsDir: string,
  log?: MigrationLogger,
): Promise<{ applied: string[] }> {
  const files = await readMigrations(migrationsDir);
  await conn.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await conn.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await conn.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const appliedNames = checkHistory(rows, files, migrationsDir);
    const applied: string[] = [];
    for (const file of files) {
      if (appliedNames.has(file.name)) continue;
      log?.info({ migration: file.name }, "applying database migration");
      await applyOne(conn, file);
      applied.push(file.name);
    }
    log?.info({ applied: applied.length, total: files.length }, "database schema is up to date");
    return { applied };
  } finally {
    await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}

/** Returns the names already applied, or throws if the recorded history and the files disagree. */
function checkHistory(rows: MigrationRow[], files: MigrationFile[], migrationsDir: string): Set<string> {
  const onDisk = new Map(files.map((file) => [file.name, file]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue;
    const name = row.migration_name;
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${name} failed in an earlier attempt and was left half-applied. Repair the database by hand, ` +
          `then run \`prisma migrate resolve --rolled-back ${name}\` (or --applied).`,
        name,
      );
    }
    const file = onDisk.get(name);
    if (!file) {
      throw new MigrationError(
        `Migration ${name} is recorded as applied in the database but is missing from ${migrationsDir}. ` +
          "Is this an older build than the one that migrated the database?",
        name,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${name} was modified after it was applied (checksum ${row.checksum} in the database, ` +
          `${file.checksum} on disk). Restore the original file and put the change in a new migration.`,
        name,
      );
    }
    applied.add(name);
  }
  return applied;
}

/** Runs one migration and records it atomically; on failure records a rolled-back attempt so it is retried next start. */
async function applyOne(conn: SqlConnection, file: MigrationFile): Promise<void> {
  const startedAt = new Date();
  await conn.exec("BEGIN");
  try {
    await conn.exec(file.script);
    await conn.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, clock_timestamp(), 1)`,
      [randomUUID(), file.checksum, file.name, startedAt],
    );
    await conn.exec("COMMIT");
  } catch (error) {
    // If even ROLLBACK fails the connection is gone; the migration's own error is the one worth reporting.
    await conn
      .exec("ROLLBACK")
      .then(() => recordRolledBackAttempt(conn, file, startedAt, error))
      .catch(() => undefined);
    throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${messageOf(error)}`, file.name, {
      cause: error,
    });
  }
}

async function recordRolledBackAttempt(conn: SqlConnection, file: MigrationFile, startedAt: Date, error: unknown) {
  await conn.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at, applied_steps_count)
     VALUES ($1, $2, $3, $4, $5, clock_timestamp(), 0)`,
    [randomUUID(), file.checksum, file.name, messageOf(error), startedAt],
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
