/** The Slack apps a latency run measures: Next Step's real adapter, a bare Bolt app (the floor) and bare Bolt with one Prisma transaction. */

import type { Server } from "node:http";
import { App, LogLevel } from "@slack/bolt";
import pino from "pino";
import { createSlackAdapter } from "../src/adapters/slack/index.ts";
import type { SlackConfig } from "../src/config.ts";
import { createBot } from "../src/core/bot.ts";
import type { Logger } from "../src/core/logger.ts";
import { systemClock } from "../src/core/ports.ts";
import { createWorkspaceLifecycle } from "../src/core/workspace-lifecycle.ts";
import { newId } from "../src/db/ids.ts";
import type { Database } from "../src/db/open.ts";
import { createPrismaStore } from "../src/db/prisma-store.ts";

export const BENCH_TEAM = "TBENCH";
export const BENCH_TOKEN = "xoxb-bench";
export const BENCH_SECRET = "bench-signing-secret";
export const BENCH_COMMAND = "/nextstep";

/** A running app that answers signed slash commands on `url`. */
export interface SlackTarget {
  url: string;
  close(): Promise<void>;
}

/** The same Web API options Next Step's adapter gives Bolt, so the floors differ from it only in what the handler does. */
function clientOptions(fakeUrl: string) {
  return { slackApiUrl: fakeUrl, retryConfig: { retries: 2, factor: 1.5, minTimeout: 200, maxTimeout: 1000 } };
}

/** Production's logger at production's level, written nowhere: its cost (a child logger per command) is part of the path. */
function quietProductionLogger(): Logger {
  return pino({ level: "info" }, pino.destination({ dest: "/dev/null", sync: true })) as unknown as Logger;
}

/** Next Step as `npm start` wires it for one workspace: real bot and store over `db`, the real Slack adapter. */
export async function startNextStep(db: Database, fakeUrl: string): Promise<SlackTarget> {
  const logger = quietProductionLogger();
  const store = createPrismaStore(db, { clock: systemClock });
  const bot = createBot({ store, clock: systemClock, logger });
  const slack: SlackConfig = {
    mode: "single",
    signingSecret: BENCH_SECRET,
    botToken: BENCH_TOKEN,
    clientId: undefined,
    clientSecret: undefined,
    stateSecret: undefined,
    appToken: undefined,
    apiUrl: fakeUrl,
    command: BENCH_COMMAND,
  };
  const adapter = createSlackAdapter({
    slack,
    bot,
    store,
    clock: systemClock,
    logger,
    port: 0,
    defaultTimezone: "UTC",
    lifecycle: createWorkspaceLifecycle({ store, clock: systemClock, logger, graceDays: 30 }),
  });
  const { port } = await adapter.start();
  return { url: `http://127.0.0.1:${port}`, close: () => adapter.stop() };
}

async function startBolt(app: App): Promise<SlackTarget> {
  const server = (await app.start(0)) as Server;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.stop() as Promise<void> };
}

function bareBolt(fakeUrl: string): App {
  return new App({
    signingSecret: BENCH_SECRET,
    token: BENCH_TOKEN,
    clientOptions: clientOptions(fakeUrl),
    logLevel: LogLevel.ERROR,
  });
}

/** (a) The floor: Bolt verifying the signature and acknowledging at once, doing nothing else. */
export function startBareBolt(fakeUrl: string): Promise<SlackTarget> {
  const app = bareBolt(fakeUrl);
  app.command(BENCH_COMMAND, async ({ ack }) => {
    await ack();
  });
  return startBolt(app);
}

/** (d) The stack's floor: bare Bolt doing the least any command can, one transaction that reads the member and inserts a row. */
export async function startStackFloor(db: Database, fakeUrl: string): Promise<SlackTarget> {
  const workspace = await db.prisma.workspace.findUniqueOrThrow({
    where: { platform_externalId: { platform: "SLACK", externalId: BENCH_TEAM } },
    select: { id: true },
  });
  const app = bareBolt(fakeUrl);
  app.command(BENCH_COMMAND, async ({ command, ack }) => {
    await db.prisma.$transaction(
      async (tx) => {
        const member = await tx.member.findUniqueOrThrow({
          where: { workspaceId_externalId: { workspaceId: workspace.id, externalId: command.user_id } },
          select: { id: true },
        });
        await tx.reflection.create({
          data: { id: newId(), workspaceId: workspace.id, memberId: member.id, learned: command.text },
        });
      },
      // The store's own transaction options, so both queue for connections alike.
      { maxWait: 10_000, timeout: 15_000 },
    );
    await ack({ response_type: "ephemeral", text: "Noted." });
  });
  return startBolt(app);
}
