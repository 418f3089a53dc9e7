/** The Bolt app's options: HTTP (with health routes) or Socket Mode, one workspace's token or OAuth installs into many. */
import { App, HTTPReceiver } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import type { SlackConfig } from "../../config.ts";
import type { Logger } from "../../core/logger.ts";
import { healthRoutes } from "./health-routes.ts";
import { createInstallationStore, type SlackInstallationRepo } from "./installations.ts";
import { boltLogger } from "./logger.ts";
import { refuseFutureRequests } from "./verify.ts";

/** Bot scopes the app asks for; the manifest in slack/manifest.yaml lists the same. */
/** `channels:read` and `groups:read` let `admin channel` check, with the team's token, that a channel is the team's. */
export const SLACK_SCOPES = ["commands", "chat:write", "im:write", "users:read", "channels:read", "groups:read"];

export interface BoltAppOptions {
  slack: SlackConfig;
  logger: Logger;
  /** Options every Web API client shares (the API's address). */
  apiOptions: WebClientOptions;
  /** Resolves when the database answers (/readyz). */
  ping: () => Promise<void>;
  /** Where OAuth installations are kept (OAuth mode). */
  installations?: SlackInstallationRepo;
  /** A team finished an OAuth install. */
  onInstalled: (teamId: string, teamName: string | undefined) => Promise<void>;
}

export function createBoltApp(options: BoltAppOptions): App {
  const { slack, apiOptions, installations } = options;
  if (slack.mode === "oauth" && !installations) throw new Error("Slack OAuth mode needs an installation repository");
  const logger = boltLogger(options.logger);
  const oauth =
    slack.mode === "single" || !installations
      ? undefined
      : {
          clientId: slack.clientId,
          clientSecret: slack.clientSecret,
          stateSecret: slack.stateSecret,
          scopes: SLACK_SCOPES,
          installationStore: createInstallationStore(installations, options.onInstalled),
          installerOptions: { directInstall: true, clientOptions: { ...apiOptions } },
        };
  return new App({
    // The token check (auth.test) runs in the adapter's start, where a refusal can be reported, not in the constructor.
    deferInitialization: true,
    logger,
    clientOptions: { ...apiOptions, retryConfig: { retries: 2, factor: 1.5, minTimeout: 200, maxTimeout: 1000 } },
    ...(slack.appToken
      ? { socketMode: true, appToken: slack.appToken, ...oauth }
      : { receiver: httpReceiver(slack, options, logger, oauth) }),
    ...(oauth ? {} : { token: slack.botToken }),
  });
}

/** Bolt's own HTTP receiver, built here so its request listener can refuse what Bolt's verification lets through. */
function httpReceiver(
  slack: SlackConfig,
  options: BoltAppOptions,
  logger: ReturnType<typeof boltLogger>,
  oauth: object | undefined,
): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: slack.signingSecret ?? "",
    customRoutes: healthRoutes(options.ping),
    logger,
    ...oauth,
  });
  receiver.requestListener = refuseFutureRequests(receiver.requestListener);
  return receiver;
}
