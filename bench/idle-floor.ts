/** The memory floor under the footprint figures: idle RSS of bare Node, Node with tsx's loader, and Node with PGlite open. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pgliteStartParams } from "../src/db/open.ts";
import { residentMiB, sleep } from "./startup.ts";

const CHILD = fileURLToPath(new URL("./idle-floor-child.mjs", import.meta.url));
const GIVE_UP_MS = 60_000;

export interface IdleFloor {
  nodeMiB: number;
  /** Node with `--import tsx`, as `npm start` runs the sources. */
  tsxMiB: number;
  /** Node with PGlite open on a migrated data directory, with the settings Next Step uses. */
  pgliteMiB: number;
  /** The same with PGlite's own defaults (shared_buffers 128 MB). */
  pgliteDefaultsMiB: number;
}

/** `dataDir` is a Next Step data directory no process has open (its cluster lives in `pgdata`). */
export async function measureIdleFloor(dataDir: string, settleMs: number): Promise<IdleFloor> {
  const cluster = join(dataDir, "pgdata");
  const ours = JSON.stringify(pgliteStartParams(PGlite.defaultStartParams));
  const defaults = JSON.stringify(PGlite.defaultStartParams);
  return {
    nodeMiB: await idleRss([CHILD, "node"], settleMs),
    tsxMiB: await idleRss(["--import", "tsx", CHILD, "node"], settleMs),
    pgliteMiB: await idleRss([CHILD, "pglite", cluster, ours], settleMs),
    pgliteDefaultsMiB: await idleRss([CHILD, "pglite", cluster, defaults], settleMs),
  };
}

async function idleRss(args: string[], settleMs: number): Promise<number> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`idle floor not ready after ${GIVE_UP_MS} ms`)), GIVE_UP_MS);
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        if (chunk.includes("ready")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`idle floor exited (${code}) before it was ready: ${stderr.trim()}`));
      });
    });
    await sleep(settleMs);
    return await residentMiB(child.pid);
  } finally {
    child.kill("SIGKILL");
  }
}
