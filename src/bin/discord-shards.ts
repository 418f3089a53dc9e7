/** `npm run discord:shards`: runs the bot under discord.js's ShardingManager, one process per shard, for large deployments. */
import { fileURLToPath } from "node:url";
import { ShardingManager } from "discord.js";
import { ConfigError, loadConfig } from "../config.ts";
import { createLogger } from "../logger.ts";
import { loadEnvFileIfPresent } from "./env-file.ts";

async function main(): Promise<void> {
  loadEnvFileIfPresent();
  const config = loadConfig();
  if (!config.discord) throw new ConfigError("DISCORD_TOKEN", "is needed to run Discord shards");
  if (!config.databaseUrl) {
    // Each shard is its own process; only a real Postgres can be shared by all of them.
    throw new ConfigError("DATABASE_URL", "is needed for shards (the embedded database serves one process)");
  }
  const logger = createLogger(config.logLevel);
  const manager = new ShardingManager(fileURLToPath(new URL("./start.ts", import.meta.url)), {
    token: config.discord.token,
    totalShards: "auto",
    execArgv: ["--import", "tsx"],
  });
  manager.on("shardCreate", (shard) => logger.info({ shard: shard.id }, "Discord shard started"));
  await manager.spawn();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? "Configuration error: " : ""}${error?.message ?? error}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
