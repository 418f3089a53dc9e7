/** Entry point for `npm start`: load configuration, start the app, stop cleanly on SIGINT/SIGTERM or end of input. */
import { join } from "node:path";
import { createApp } from "../app.ts";
import { ConfigError, CredentialError, loadConfig } from "../config.ts";
import { createLogger } from "../logger.ts";
import { loadEnvFileIfPresent } from "./env-file.ts";

/** `npm start` with no platform and nothing on standard input (`</dev/null`, Docker without `-it`) has nothing to do. */
const NOTHING_TO_DO = [
  "Next Step has no platform configured and nothing came on standard input, so there is nothing to do.",
  "To run on Slack, set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET);",
  "to run on Discord, set DISCORD_TOKEN and DISCORD_APPLICATION_ID. README.md explains both (and .env.example lists every variable).",
  "To talk to the console bot, run `npm start` in a terminal or pipe commands into it: printf 'help\\n' | npm start",
].join("\n");

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    loadEnvFileIfPresent();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // An interactive console keeps log lines out of the conversation: they go to a file under the data directory.
  const interactiveConsole = !config.slack && !config.discord && Boolean(process.stdin.isTTY);
  const logFile = interactiveConsole ? join(config.dataDir, "next-step.log") : undefined;
  const logger = createLogger(config.logLevel, { file: logFile });
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp({ config, logger, input: process.stdin, output: process.stdout, consoleLogFile: logFile });
  } catch (error) {
    process.stderr.write(`Next Step could not start: ${(error as Error).message}\n`);
    return 1;
  }
  const stop = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await app.shutdown();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));

  app.dispatcher.start(config.dispatchIntervalMs);
  app.scheduler.start();
  try {
    // Discord first: once Slack's HTTP server answers /readyz, the whole process is up.
    if (app.discord) await app.discord.start();
    if (app.slack) await app.slack.start();
  } catch (error) {
    await app.shutdown().catch(() => undefined);
    if (!(error instanceof CredentialError)) throw error;
    process.stderr.write(`Next Step could not start: ${error.message}\n`);
    return 2;
  }
  if (!app.console) {
    // A platform bot runs until a signal stops it.
    await new Promise(() => {});
  }
  const session = await app.console?.run();
  await app.dispatcher.dispatchDue();
  await app.shutdown();
  if (session?.linesRead === 0 && !process.stdin.isTTY) {
    process.stderr.write(`${NOTHING_TO_DO}\n`);
    return 2;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`Next Step stopped unexpectedly: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
