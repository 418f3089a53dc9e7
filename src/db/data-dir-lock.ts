/** A lock file that keeps a second process from opening the same PGlite data directory (PGlite serves one process only). */
import { randomUUID } from "node:crypto";
import { link, readFile, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";

const LOCK_FILE = "nextstep.lock";

interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** Thrown when another live process holds the data directory; the message is meant for whoever started us. */
export class DataDirInUseError extends Error {
  override readonly name = "DataDirInUseError";
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data directory ${dataDir} is already in use by process ${holder.pid} on ${holder.hostname} ` +
        `started at ${holder.startedAt}; stop it or set NEXTSTEP_DATA_DIR/DATABASE_URL.`,
    );
  }
}

export interface DataDirLock {
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

export interface LockWarnLogger {
  warn(obj: object, msg: string): void;
}

/** Lock files this process holds, so a stale file from an earlier run that happened to get our pid is not mistaken for ours. */
const heldByThisProcess = new Set<string>();

/** Creates `<dataDir>/nextstep.lock`, taking over a stale one whose process has died. */
export async function lockDataDir(dataDir: string, log?: LockWarnLogger): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  const contents = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusively(path, contents)) {
      heldByThisProcess.add(path);
      return { release: () => releaseLock(path, contents) };
    }
    const existing = await readFile(path, "utf8").catch(() => null);
    if (existing === null) continue; // Removed between our write and read: try again.
    const holder = parseHolder(existing);
    if (holder && isHeldElsewhere(path, holder)) throw new DataDirInUseError(dataDir, holder);
    log?.warn({ dataDir, holder }, "taking over a stale data directory lock");
    // Re-read so we never delete a lock another process took over in the meantime.
    if ((await readFile(path, "utf8").catch(() => null)) === existing) await unlink(path).catch(() => undefined);
  }
  throw new Error(`Could not lock the data directory ${dataDir}: ${path} keeps reappearing.`);
}

/** Writes a temporary file then hard-links it into place, so nobody ever reads a half-written lock. */
async function createExclusively(path: string, contents: string): Promise<boolean> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, contents, { flag: "wx" });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/**
 * Another host's pid cannot be checked; a lock from a different hostname is most likely a recreated
 * container sharing the volume, so it is treated as stale rather than blocking start-up forever.
 */
function isHeldElsewhere(path: string, holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return false;
  if (holder.pid === process.pid) return heldByThisProcess.has(path);
  return isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== "number" || typeof value.hostname !== "string") return null;
    return { pid: value.pid, hostname: value.hostname, startedAt: String(value.startedAt) };
  } catch {
    return null;
  }
}

async function releaseLock(path: string, contents: string): Promise<void> {
  heldByThisProcess.delete(path);
  const current = await readFile(path, "utf8").catch(() => null);
  if (current === contents) await unlink(path).catch(() => undefined);
}
