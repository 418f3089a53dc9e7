/** Maps Discord REST failures onto the dispatcher's transient/permanent distinction. */
import { DeliveryError } from "../../core/delivery/port.ts";

/** Discord JSON error codes no retry can fix, with the reason kept on the outbox row. */
const PERMANENT: Record<number, string> = {
  50007: "dm_closed",
  10003: "channel_not_found",
  10013: "user_not_found",
  10004: "guild_not_found",
  50001: "not_in_channel",
  50013: "missing_permissions",
};

const UNKNOWN_MESSAGE = 10008;

interface DiscordErrorShape {
  name?: string;
  message?: string;
  code?: number | string;
  status?: number;
  retryAfter?: number;
  timeToReset?: number;
  global?: boolean;
}

/** Discord's 404 "Unknown Message" (JSON code 10008): the message is not there, e.g. already deleted. */
export function isUnknownMessage(error: unknown): boolean {
  return (error as DiscordErrorShape | undefined)?.code === UNKNOWN_MESSAGE;
}

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as DiscordErrorShape;
  // discord.js names its errors after the route or code: "RateLimitError[/channels/:id/messages]", "DiscordAPIError[50007]".
  if (e.name?.startsWith("RateLimitError") || e.status === 429) {
    // A global limit stops every request of the bot; a route limit only this channel.
    const scope = e.global ? "global" : "target";
    return new DeliveryError("rate limited", "transient", "ratelimited", e.retryAfter ?? e.timeToReset, scope);
  }
  if (typeof e.code === "number" && PERMANENT[e.code]) {
    return new DeliveryError(e.message ?? "", "permanent", PERMANENT[e.code] as string);
  }
  if (typeof e.status === "number") {
    const transient = e.status >= 500;
    return new DeliveryError(
      e.message ?? `HTTP ${e.status}`,
      transient ? "transient" : "permanent",
      `http_${e.status}`,
    );
  }
  // Timeouts, resets and anything unexpected: try again later.
  return new DeliveryError(e.message ?? String(error), "transient", String(e.code ?? "request_error"));
}
