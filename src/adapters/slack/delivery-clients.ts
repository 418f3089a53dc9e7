/** The Web API clients deliveries go through, one per bot token, found by team: the single token or the team's installation. */
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { SlackConfig } from "../../config.ts";
import { BoundedMap } from "../../core/bounded-map.ts";
import { DeliveryError } from "../../core/delivery/port.ts";
import type { SlackInstallationRepo } from "./installations.ts";

export function deliveryClients(
  slack: SlackConfig,
  apiOptions: WebClientOptions,
  installations: SlackInstallationRepo | undefined,
  /** How many clients are kept (one per token; a reinstall's new token makes a new one); the least recent are dropped. */
  capacity = 1_000,
): (teamId: string) => Promise<WebClient> {
  const clients = new BoundedMap<string, WebClient>(capacity);
  const clientOf = (token: string) => {
    let client = clients.get(token);
    if (!client) {
      // Delivery clients never retry on their own: the outbox owns retries and honours Retry-After.
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
  return async (teamId) => {
    if (slack.mode === "single" && slack.botToken) return clientOf(slack.botToken);
    const record = await installations?.find(teamId);
    if (!record) throw new DeliveryError(`no installation for ${teamId}`, "permanent", "no_installation");
    return clientOf(record.botToken);
  };
}
