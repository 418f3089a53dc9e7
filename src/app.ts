/** Wires the running bot: database, store, core, dispatcher and the adapters the configuration asks for. */

import { userInfo } from "node:os";
import { type ConsoleAdapter, createConsoleAdapter, createConsoleDelivery } from "./adapters/console/index.ts";
import { consoleUser } from "./adapters/console/member.ts";
import type { ConsoleStyle } from "./adapters/console/render.ts";
import type { DiscordAdapter } from "./adapters/discord/index.ts";
import type { SlackAdapter } from "./adapters/slack/index.ts";
import type { Config } from "./config.ts";
import { type Bot, createBot } from "./core/bot.ts";
import { createDispatcher, type Dispatcher } from "./core/delivery/dispatcher.ts";
import type { DeliveryPort } from "./core/delivery/port.ts";
import { errorFacts } from "./core/error-facts.ts";
import type { Logger } from "./core/logger.ts";
import type { Platform } from "./core/model.ts";
import { type Clock, type Store, systemClock, type WorkspaceIdentity } from "./core/ports.ts";
import { createWorkspaceLifecycle } from "./core/workspace-lifecycle.ts";
import { type Database, openDatabase } from "./db/open.ts";
import { createPrismaJobStore } from "./db/prisma-job-store.ts";
import { createPrismaSlackInstallations } from "./db/prisma-slack-installations.ts";
import { createPrismaStore } from "./db/prisma-store.ts";
import { createScheduler, type Scheduler } from "./jobs/scheduler.ts";
import type { JobStore } from "./jobs/store.ts";

export interface App {
  db: Database;
  store: Store;
  jobStore: JobStore;
  bot: Bot;
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  console?: ConsoleAdapter;
  slack?: SlackAdapter;
  discord?: DiscordAdapter;
  /** Stops everything in order: no new work, claimed rows finished or released, database closed. */
  shutdown(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** An interactive console session (npm start without platform credentials). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Print console deliveries here without a session (npm run jobs). */
  deliverToConsole?: NodeJS.WritableStream;
  /** Where an interactive console session's logs go, to name in its greeting. */
  consoleLogFile?: string;
}

/** The console's single local workspace; its celebration channel is #team and its undo window 0. */
export function consoleWorkspace(config: Config): WorkspaceIdentity {
  return { platform: "CONSOLE", externalId: "local", name: "Local team", defaultTimezone: config.defaultTimezone };
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger, clock = systemClock, input, output } = options;
  // Platform SDKs are imported only when configured (Bolt and discord.js weigh seconds of start and tens of MiB),
  // and before the database opens, so that loading them fills the wait for its round trips.
  const slackModule = config.slack ? handledLater(import("./adapters/slack/index.ts")) : undefined;
  const discordModule = config.discord ? handledLater(import("./adapters/discord/index.ts")) : undefined;
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const store = createPrismaStore(db, { clock });
  const bot = createBot({ store, clock, logger });
  // One meaning of "the app was removed" for every platform the process serves.
  const lifecycle = createWorkspaceLifecycle({ store, clock, logger, graceDays: config.deletionGraceDays });
  const ports: Partial<Record<Platform, DeliveryPort>> = {};
  const dispatcher = createDispatcher({ queue: store.outbox, ports, clock, logger });
  const jobStore = createPrismaJobStore(db.prisma);
  const scheduler = createScheduler({
    store: jobStore,
    dispatcher,
    clock,
    logger,
    settings: { outboxRetentionDays: config.outboxRetentionDays },
  });
  if (options.deliverToConsole) {
    const stream = options.deliverToConsole;
    ports.CONSOLE = createConsoleDelivery(lineWriter(stream), terminalStyle(stream));
  }

  let slackAdapter: SlackAdapter | undefined;
  if (slackModule && config.slack) {
    const { createSlackAdapter } = await slackModule;
    slackAdapter = createSlackAdapter({
      slack: config.slack,
      bot,
      store,
      clock,
      logger,
      port: config.port,
      defaultTimezone: config.defaultTimezone,
      lifecycle,
      installations: config.slack.mode === "oauth" ? createPrismaSlackInstallations(db.prisma) : undefined,
      // A reply queued for a member who just acted goes out now, not at the next poll.
      deliverSoon: () => {
        dispatcher.dispatchDue().catch((error) => logger.error({ err: errorFacts(error) }, "dispatch round failed"));
      },
    });
    ports.SLACK = slackAdapter.delivery;
  }

  let discordAdapter: DiscordAdapter | undefined;
  if (discordModule && config.discord) {
    const { createDiscordAdapter } = await discordModule;
    discordAdapter = createDiscordAdapter({
      discord: config.discord,
      bot,
      logger,
      defaultTimezone: config.defaultTimezone,
      lifecycle,
    });
    ports.DISCORD = discordAdapter.delivery;
  }

  let consoleAdapter: ConsoleAdapter | undefined;
  // The console is the default when no platform is configured.
  if (input && output && !slackAdapter && !discordAdapter) {
    const workspace = consoleWorkspace(config);
    const existing = await store.ensureWorkspace(workspace);
    const user = await store.inWorkspace(existing.id, async (repo) => {
      // One person plays the whole team here, so wins post at once and `undo` shows a post being taken back;
      // `admin undo-window 2` tries the wait a real team gets.
      if (!existing.celebrationChannel)
        await repo.updateWorkspace({ celebrationChannel: "team", undoWindowMinutes: 0 });
      return consoleUser(repo, config.consoleUser ?? safeUserName(), config.consoleUser !== undefined);
    });
    consoleAdapter = createConsoleAdapter({
      bot,
      input,
      output,
      workspace,
      user,
      interactive: isTerminal(input),
      style: terminalStyle(output),
      logFile: options.consoleLogFile,
      afterCommand: async () => {
        await dispatcher.dispatchDue();
      },
    });
    ports.CONSOLE = consoleAdapter.delivery;
  }

  let stopped = false;
  return {
    db,
    store,
    jobStore,
    bot,
    dispatcher,
    scheduler,
    console: consoleAdapter,
    slack: slackAdapter,
    discord: discordAdapter,
    async shutdown() {
      if (stopped) return;
      stopped = true;
      await slackAdapter
        ?.stop()
        .catch((error) => logger.warn({ err: errorFacts(error) }, "Slack adapter did not stop cleanly"));
      await discordAdapter
        ?.stop()
        .catch((error) => logger.warn({ err: errorFacts(error) }, "Discord adapter did not stop cleanly"));
      await scheduler.stop();
      await dispatcher.stop();
      await db.close();
    },
  };
}

/** The same promise, marked handled: if the database fails to open first, its failure is the one reported. */
function handledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function isTerminal(stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean {
  return Boolean((stream as { isTTY?: boolean }).isTTY);
}

/** Bold on a terminal; plain when piped, so transcripts stay stable. */
function terminalStyle(stream: NodeJS.WritableStream): ConsoleStyle {
  return { bold: isTerminal(stream) };
}

function lineWriter(stream: NodeJS.WritableStream): (text: string) => void {
  return (text) => {
    stream.write(`${text}\n`);
  };
}

function safeUserName(): string {
  try {
    return userInfo().username || "you";
  } catch {
    return "you";
  }
}
