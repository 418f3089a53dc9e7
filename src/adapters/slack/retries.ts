/** Slack redelivers an event it thinks was lost (X-Slack-Retry-Num): one already received is acknowledged and not run again. */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { BoundedMap } from "../../core/bounded-map.ts";

/** Event ids remembered; Slack retries within minutes, so the last few thousand are plenty. */
const REMEMBERED_EVENTS = 5_000;

/**
 * Bolt acknowledges events before any middleware runs, so returning without `next()` answers Slack 200 and stops
 * there. Ids are kept per process: a retry reaching another process behind the same address is run there once more.
 */
export function ignoreRetriedEvents(capacity = REMEMBERED_EVENTS): Middleware<AnyMiddlewareArgs> {
  const received = new BoundedMap<string, true>(capacity);
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") return next();
    if (context.retryNum !== undefined && received.has(eventId)) return;
    received.set(eventId, true);
    await next();
  };
}
