/** The Slack adapter: a Bolt app (HTTP or Socket Mode, one workspace or many via OAuth) that translates for the core. */
import type { Server } from "node:http";
import { App, type CustomRoute } from "@slack/bolt";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { SlackConfig } from "../../config.ts";
import type { Bot } from "../../core/bot.ts";
import { DeliveryError, type DeliveryPort } from "../../core/delivery/port.ts";
import type { Logger } from "../../core/logger.ts";
import type { Clock, Store } from "../../core/ports.ts";
import { createSlackDelivery } from "./delivery.ts";
import { registerHandlers } from "./handlers.ts";
import { createHomeRefresher } from "./home-refresh.ts";
import { createInstallationStore, type SlackInstallationRepo } from "./installations.ts";
import { boltLogger } from "./logger.ts";
import { createUserDirectory } from "./users.ts";

/** Bot scopes the app asks for; the manifest in slack/manifest.yaml lists the same. */
/** How long after a member's last change their App Home is republished (a burst of commands publishes once). */
const HOME_REFRESH_DELAY_MS = 750;

export const SLACK_SCOPES = ["commands", "chat:write", "im:write", "users:read"];

export interface SlackAdapterConfig {
  slack: SlackConfig;
  bot: Bot;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** HTTP port (0 picks a free one); unused in Socket Mode. */
  port: number;
  defaultTimezone: string;
  deletionGraceDays: number;
  /** Where OAuth installations are kept (required in OAuth mode). */
  installations?: SlackInstallationRepo;
  /** How long the core may take before a slash command is answered through response_url. */
  ackDeadlineMs?: number;
}

export interface SlackAdapter {
  readonly delivery: DeliveryPort;
  /** Starts listening; resolves with the HTTP port in HTTP mode. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  const { slack, logger } = config;
  const log = logger.child({ adapter: "slack" });
  const apiOptions: WebClientOptions = slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {};
  if (slack.mode === "oauth" && !config.installations)
    throw new Error("Slack OAuth mode needs an installation repository");

  const customRoutes: CustomRoute[] = [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("ok");
      },
    },
    {
      path: "/readyz",
      method: ["GET"],
      handler: (_req, res) => {
        config.store.ping().then(
          () => {
            res.writeHead(200, { "content-type": "text/plain" });
            res.end("ready");
          },
          () => {
            res.writeHead(503, { "content-type": "text/plain" });
            res.end("database unreachable");
          },
        );
      },
    },
  ];

  const installations = config.installations;
  const app = new App({
    logger: boltLogger(log),
    clientOptions: { ...apiOptions, retryConfig: { retries: 2, factor: 1.5, minTimeout: 200, maxTimeout: 1000 } },
    ...(slack.appToken
      ? { socketMode: true, appToken: slack.appToken }
      : { signingSecret: slack.signingSecret, customRoutes }),
    ...(slack.mode === "single"
      ? { token: slack.botToken }
      : {
          clientId: slack.clientId,
          clientSecret: slack.clientSecret,
          stateSecret: slack.stateSecret,
          scopes: SLACK_SCOPES,
          installationStore: createInstallationStore(installations as SlackInstallationRepo, async (teamId, name) => {
            const workspace = await config.store.ensureWorkspace({
              platform: "SLACK",
              externalId: teamId,
              name: name ?? teamId,
              defaultTimezone: config.defaultTimezone,
            });
            log.info({ team: teamId, workspace: workspace.id }, "installed");
          }),
          installerOptions: { directInstall: true, clientOptions: { ...apiOptions } },
        }),
  });

  const homeRefresher = createHomeRefresher(HOME_REFRESH_DELAY_MS);
  registerHandlers(app, {
    homeRefresher,
    bot: config.bot,
    store: config.store,
    users: createUserDirectory(config.clock, log),
    clock: config.clock,
    logger: log,
    command: slack.command,
    defaultTimezone: config.defaultTimezone,
    deletionGraceDays: config.deletionGraceDays,
    forgetInstallation: installations ? (teamId) => installations.delete(teamId) : undefined,
    ackDeadlineMs: config.ackDeadlineMs,
  });
  app.error(async (error) => {
    log.error({ err: error }, "unhandled error in a Slack handler");
  });

  // Delivery clients never retry on their own: the outbox owns retries and honours Retry-After.
  const clients = new Map<string, WebClient>();
  const deliveryClient = (token: string) => {
    let client = clients.get(token);
    if (!client) {
      client = new WebClient(token, {
        ...apiOptions,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: 10_000,
      });
      clients.set(token, client);
    }
    return client;
  };
  const delivery = createSlackDelivery({
    async clientFor(teamId) {
      if (slack.mode === "single") return deliveryClient(slack.botToken as string);
      const record = await installations?.find(teamId);
      if (!record) throw new DeliveryError(`no installation for ${teamId}`, "permanent", "no_installation");
      return deliveryClient(record.botToken);
    },
  });

  let server: Server | undefined;
  return {
    delivery,
    async start() {
      if (slack.appToken) {
        await app.start();
        log.info({}, "Slack adapter connected in Socket Mode");
        return {};
      }
      server = (await app.start(config.port)) as Server;
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      log.info({ port }, "Slack adapter listening");
      return { port };
    },
    async stop() {
      homeRefresher.cancelAll();
      await app.stop();
    },
  };
}
