/** Wires the running bot: database, store, core, dispatcher and the adapters the configuration asks for. */
import { userInfo } from "node:os";
import { type ConsoleAdapter, createConsoleAdapter } from "./adapters/console/index.ts";
import type { Config } from "./config.ts";
import { type Bot, createBot } from "./core/bot.ts";
import { createDispatcher, type Dispatcher } from "./core/delivery/dispatcher.ts";
import type { DeliveryPort } from "./core/delivery/port.ts";
import type { Logger } from "./core/logger.ts";
import type { Platform } from "./core/model.ts";
import { type Clock, type Store, systemClock, type WorkspaceIdentity } from "./core/ports.ts";
import { type Database, openDatabase } from "./db/open.ts";
import { createPrismaStore } from "./db/prisma-store.ts";

export interface App {
  db: Database;
  store: Store;
  bot: Bot;
  dispatcher: Dispatcher;
  console?: ConsoleAdapter;
  /** Stops everything in order: no new work, claimed rows finished or released, database closed. */
  shutdown(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** The console's single local workspace; its celebration channel is #team. */
export function consoleWorkspace(config: Config): WorkspaceIdentity {
  return { platform: "CONSOLE", externalId: "local", name: "Local team", defaultTimezone: config.defaultTimezone };
}

export async function createApp({ config, logger, clock = systemClock, input, output }: AppOptions): Promise<App> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const store = createPrismaStore(db, { clock });
  const bot = createBot({ store, clock, logger });
  const ports: Partial<Record<Platform, DeliveryPort>> = {};
  const dispatcher = createDispatcher({ queue: store.outbox, ports, clock, logger });

  let consoleAdapter: ConsoleAdapter | undefined;
  if (input && output) {
    const workspace = consoleWorkspace(config);
    const existing = await store.ensureWorkspace(workspace);
    if (!existing.celebrationChannel) {
      await store.inWorkspace(existing.id, (repo) => repo.updateWorkspace({ celebrationChannel: "team" }));
    }
    const name = config.consoleUser ?? safeUserName();
    consoleAdapter = createConsoleAdapter({
      bot,
      input,
      output,
      workspace,
      user: { externalId: "local-user", displayName: name, isAdmin: true },
      interactive: Boolean((input as { isTTY?: boolean }).isTTY),
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
    bot,
    dispatcher,
    console: consoleAdapter,
    async shutdown() {
      if (stopped) return;
      stopped = true;
      await dispatcher.stop();
      await db.close();
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username || "you";
  } catch {
    return "you";
  }
}
