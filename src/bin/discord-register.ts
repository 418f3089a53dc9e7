/** `npm run discord:register`: registers the `/nextstep` command (guild-scoped with DISCORD_GUILD_ID), skipping it when unchanged. */

import { nextstepDefinition } from "../adapters/discord/definitions.ts";
import { syncCommands } from "../adapters/discord/register.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { COMMAND_TABLE } from "../core/commands/table.ts";
import { createLogger } from "../logger.ts";
import { loadEnvFileIfPresent } from "./env-file.ts";

async function main(): Promise<number> {
  loadEnvFileIfPresent();
  const config = loadConfig();
  if (!config.discord) {
    process.stderr.write("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register the Discord commands.\n");
    return 2;
  }
  const logger = createLogger(config.logLevel);
  const result = await syncCommands({
    token: config.discord.token,
    applicationId: config.discord.applicationId,
    guildId: config.discord.guildId,
    apiUrl: config.discord.apiUrl,
    definitions: [nextstepDefinition(COMMAND_TABLE)],
    logger,
  });
  process.stdout.write(`${result === "registered" ? "Registered" : "Already up to date:"} /nextstep\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const configError = error instanceof ConfigError;
    process.stderr.write(
      `${configError ? "Configuration error: " : "Registration failed: "}${error?.message ?? error}\n`,
    );
    process.exit(configError ? 2 : 1);
  },
);
