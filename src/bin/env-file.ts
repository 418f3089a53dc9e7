/** Reads `.env` from the working directory when there is one, before the configuration is loaded; the environment wins. */
import { existsSync } from "node:fs";

/** Loads `path` into `process.env` if it exists; variables already set keep their values. Returns whether it was read. */
export function loadEnvFileIfPresent(path = ".env"): boolean {
  if (!existsSync(path)) return false;
  // Node's own parser (no dependency); like `node --env-file`, it never overrides a variable already set.
  process.loadEnvFile(path);
  return true;
}
