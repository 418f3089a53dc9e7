/** The delivery port each platform adapter implements, and the failures it reports. */
import type { BotMessage } from "../model.ts";
import type { LimitScope } from "./rate-limits.ts";

export interface DirectAddress {
  workspaceExternalId: string;
  memberExternalId: string;
}

export interface ChannelAddress {
  workspaceExternalId: string;
  channel: string;
}

export interface DeliveryPort {
  /** Sends a private message to one member. */
  sendDirect(address: DirectAddress, message: BotMessage): Promise<void>;
  /** Posts to a workspace channel; resolves with the posted message's reference, kept to take the post back later. */
  postToChannel(address: ChannelAddress, message: BotMessage): Promise<PostedRef>;
  /** Deletes the bot's channel post with this reference; a post already gone counts as deleted. */
  deleteFromChannel(address: ChannelAddress, ref: string): Promise<void>;
}

/** The platform's reference of a posted channel message: Slack's `ts`, Discord's message id, the console's counter. */
export interface PostedRef {
  ref: string;
}

/**
 * A failed delivery. `transient` ones are retried (rate limits, 5xx, timeouts), `permanent` ones are not
 * (DMs closed, channel gone, user left); `code` is the platform's reason, kept on the outbox row.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly kind: "transient" | "permanent",
    readonly code: string,
    /** The platform's Retry-After, when it gave one. */
    readonly retryAfterMs?: number,
    /** What a rate limit applies to: the whole platform, one workspace, or the one channel or member (default). */
    readonly scope: LimitScope = "target",
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}
