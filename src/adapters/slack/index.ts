/** The Slack adapter: a Bolt app (HTTP or Socket Mode, one workspace or many via OAuth) that translates for the core. */

import type { Server } from "node:http";
import type { WebClientOptions } from "@slack/web-api";
import type { SlackConfig } from "../../config.ts";
import type { Bot } from "../../core/bot.ts";
import { systemTimers, type Timers } from "../../core/deadline.ts";
import type { DeliveryPort } from "../../core/delivery/port.ts";
import { createDirectReplies } from "../../core/direct-reply.ts";
import { errorFacts } from "../../core/error-facts.ts";
import type { Logger } from "../../core/logger.ts";
import type { Clock, Store } from "../../core/ports.ts";
import type { WorkspaceLifecycle } from "../../core/workspace-lifecycle.ts";
import { createBoltApp } from "./bolt-app.ts";
import { createChannelCheck } from "./channel-check.ts";
import { createSlackDelivery } from "./delivery.ts";
import { deliveryClients } from "./delivery-clients.ts";
import { createSlackBotCalls } from "./handlers/bot-calls.ts";
import { createHomePublisher } from "./handlers/home-publisher.ts";
import { registerHandlers } from "./handlers/register.ts";
import { createHomeRefresher } from "./home-refresh.ts";
import type { SlackInstallationRepo } from "./installations.ts";
import { checkedWith } from "./start-check.ts";
import { createUserDirectory } from "./users.ts";

export { SLACK_SCOPES } from "./bolt-app.ts";

/** How long after a member's last change their App Home is republished (a burst of commands publishes once). */
const HOME_REFRESH_DELAY_MS = 750;

export interface SlackAdapterConfig {
  slack: SlackConfig;
  bot: Bot;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** HTTP port (0 picks a free one); unused in Socket Mode. */
  port: number;
  defaultTimezone: string;
  /** What the app's removal and return mean for a workspace (one for every adapter of the process). */
  lifecycle: WorkspaceLifecycle;
  /** Where OAuth installations are kept (required in OAuth mode). */
  installations?: SlackInstallationRepo;
  /** How long the core may take before a slash command is answered through response_url. */
  ackDeadlineMs?: number;
  /** Timers for that deadline (tests fire them by hand). */
  timers?: Timers;
  /** Asks for due outbox rows to be delivered now (a modal's reply is due at once); otherwise they wait for the next poll. */
  deliverSoon?: () => void;
}

export interface SlackAdapter {
  readonly delivery: DeliveryPort;
  /** Starts listening; resolves with the HTTP port in HTTP mode. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  const { slack, store, clock, installations } = config;
  const log = config.logger.child({ adapter: "slack" });
  const apiOptions: WebClientOptions = slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {};
  const { lifecycle } = config;
  // One client per token for deliveries and for asking Slack whether a channel is the team's.
  const clientFor = deliveryClients(slack, apiOptions, installations);
  const calls = createSlackBotCalls(config.bot, config.defaultTimezone, createChannelCheck(clientFor));
  const app = createBoltApp({
    slack,
    logger: log,
    apiOptions,
    ping: () => store.ping(),
    installations,
    onInstalled: (teamId, name) => lifecycle.workspaceReturned(calls.identity(teamId, name)),
  });

  const homeRefresher = createHomeRefresher(HOME_REFRESH_DELAY_MS);
  registerHandlers(app, slack.command, {
    calls,
    home: createHomePublisher(calls, homeRefresher, log),
    users: createUserDirectory(clock, log),
    lifecycle,
    directReplies: createDirectReplies({ store, clock }),
    logger: log,
    ackDeadlineMs: config.ackDeadlineMs ?? 2_000,
    timers: config.timers ?? systemTimers,
    forgetInstallation: installations ? (teamId) => installations.delete(teamId) : undefined,
    deliverSoon: config.deliverSoon,
  });
  app.error(async (error) => {
    log.error({ err: errorFacts(error) }, "unhandled error in a Slack handler");
  });

  let server: Server | undefined;
  let started = false;
  return {
    delivery: createSlackDelivery({ clientFor }),
    async start() {
      // auth.test, deferred from the constructor so that a refused token fails the start here instead of crashing later.
      await checkedWith(slack.mode === "single" ? "SLACK_BOT_TOKEN" : "SLACK_CLIENT_ID", () => app.init());
      if (slack.appToken) {
        await checkedWith("SLACK_APP_TOKEN", () => app.start());
        started = true;
        log.info({}, "Slack adapter connected in Socket Mode");
        return {};
      }
      server = (await app.start(config.port)) as Server;
      started = true;
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      log.info({ port }, "Slack adapter listening");
      return { port };
    },
    async stop() {
      homeRefresher.cancelAll();
      // A start refused by Slack left nothing running (and Bolt refuses to stop a receiver it never started).
      if (started) await app.stop();
    },
  };
}
