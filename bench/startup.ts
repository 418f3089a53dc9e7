/** Starts the real entry point (`node --import tsx src/bin/start.ts`) and times it until /readyz answers 200, then reads its CPU time and idle memory. */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
const GIVE_UP_MS = 30_000;

export interface StartupMeasure {
  /** From spawning the process to the first 200 from GET /readyz. */
  readyMs: number;
  /** CPU time (user + system, every thread) the process spent by then: unlike `readyMs`, barely moved by other load on the machine; NaN off Linux. */
  cpuMs: number;
  /** Resident memory (VmRSS) once ready and idle for a moment; NaN off Linux. */
  idleRssMiB: number;
}

export interface StartupOptions {
  /** Variables on top of the bench's own environment (database, Slack credentials). */
  env: Record<string, string>;
  /** How long the process sits idle before its memory is read. */
  settleMs: number;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function measureStartup(options: StartupOptions): Promise<StartupMeasure> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", PORT: String(port), ...options.env };
  // Only what the options say decides the database; a bench shell's own settings must not leak in.
  if (!options.env.DATABASE_URL) delete env.DATABASE_URL;
  if (!options.env.NEXTSTEP_DATA_DIR) delete env.NEXTSTEP_DATA_DIR;
  delete env.NODE_OPTIONS;

  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/bin/start.ts"], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  // A bench interrupted mid-measure must not leave the bot running.
  const killChild = () => child.kill("SIGKILL");
  process.once("exit", killChild);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  try {
    for (;;) {
      if (gone) throw new Error(`src/bin/start.ts exited before it was ready: ${stderr.trim()}`);
      if (performance.now() - started > GIVE_UP_MS)
        throw new Error(`src/bin/start.ts not ready after ${GIVE_UP_MS} ms`);
      const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) break;
      await sleep(10);
    }
    const readyMs = performance.now() - started;
    const cpuMs = await cpuTimeMs(child.pid);
    await sleep(options.settleMs);
    return { readyMs, cpuMs, idleRssMiB: await residentMiB(child.pid) };
  } finally {
    child.kill("SIGTERM");
    const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped) child.kill("SIGKILL");
    process.off("exit", killChild);
  }
}

/** utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux). */
async function cpuTimeMs(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces; the fields after its closing parenthesis start at field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

export async function residentMiB(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kib = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kib ? Number(kib) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
