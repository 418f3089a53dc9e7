/** Entry point for `npm start`: load configuration, start the app, stop cleanly on SIGINT/SIGTERM or end of input. */
import { createApp } from "../app.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { createLogger } from "../logger.ts";

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp({ config, logger, input: process.stdin, output: process.stdout });
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
  // Discord first: once Slack's HTTP server answers /readyz, the whole process is up.
  if (app.discord) await app.discord.start();
  if (app.slack) await app.slack.start();
  if (!app.console) {
    // A platform bot runs until a signal stops it.
    await new Promise(() => {});
  }
  await app.console?.run();
  await app.dispatcher.dispatchDue();
  await app.shutdown();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`Next Step stopped unexpectedly: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
