/** Generates the Prisma client offline: `prisma generate` needs no schema engine, but the CLI insists on one existing. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve("prisma/build/index.js");
} catch {
  // Production installs (npm ci --omit=dev) carry a client generated at build time instead.
  if (existsSync(new URL("../src/db/generated/client.ts", import.meta.url))) process.exit(0);
  console.error("prisma CLI not installed and no generated client found; run a full `npm install`.");
  process.exit(1);
}
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
