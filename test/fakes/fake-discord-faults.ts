/** Injected failures for the fake Discord (429s with the headers @discordjs/rest reads, server errors, Discord errors, delays). */
import { createHash } from "node:crypto";
import type { RestAnswer } from "./fake-discord-rest.ts";

/** How the fake answers one request instead of the normal answer. */
export type FakeDiscordFault =
  /** 429 with Retry-After and X-RateLimit-* headers, body `{ message, retry_after, global }`; seconds may be fractional. */
  | { status: 429; retryAfter: number; global?: boolean }
  /** A server error; @discordjs/rest retries these `retries` times (default 3) at once, then throws HTTPError. */
  | { status: 500 | 502 | 503 | 504 }
  /** A Discord JSON error `{ code, message }`, e.g. `{ status: 403, code: 50007 }`; known codes get Discord's message. */
  | { status: 400 | 401 | 403 | 404; code: number; message?: string }
  /** Answers normally after the delay, having done the work. */
  | { delayMs: number };

/** Which requests a fault applies to; `path` is matched against the decoded path without `/api/v10`. */
export interface FakeDiscordRoute {
  method?: string;
  path: RegExp;
}

/** Discord's wording for the codes tests inject most. */
const KNOWN_MESSAGES: Record<number, string> = {
  10003: "Unknown Channel",
  10004: "Unknown Guild",
  10008: "Unknown Message",
  10013: "Unknown User",
  10062: "Unknown interaction",
  40060: "Interaction has already been acknowledged.",
  50001: "Missing Access",
  50007: "Cannot send messages to this user",
  50013: "Missing Permissions",
};

/** Faults waiting for their request, used in the order they were queued. */
export class FaultQueue {
  private queued: { route: FakeDiscordRoute; fault: FakeDiscordFault }[] = [];

  add(route: FakeDiscordRoute, fault: FakeDiscordFault, count: number): void {
    for (let i = 0; i < count; i += 1) this.queued.push({ route, fault });
  }

  /** Removes and returns the first fault queued for this request, if any. */
  take(method: string, path: string): FakeDiscordFault | undefined {
    const index = this.queued.findIndex(
      ({ route }) => (route.method === undefined || route.method === method) && route.path.test(path),
    );
    if (index < 0) return undefined;
    return this.queued.splice(index, 1)[0]?.fault;
  }

  clear(): void {
    this.queued = [];
  }
}

export function faultAnswer(fault: Exclude<FakeDiscordFault, { delayMs: number }>): RestAnswer {
  if (fault.status === 429) {
    const body = {
      message: "You are being rate limited.",
      retry_after: fault.retryAfter,
      global: fault.global === true,
    };
    return { status: 429, body };
  }
  if ("code" in fault) {
    const message = fault.message ?? KNOWN_MESSAGES[fault.code] ?? `Error ${fault.code}`;
    return { status: fault.status, body: { code: fault.code, message } };
  }
  return { status: fault.status, body: { code: 0, message: `${fault.status}: Server Error` } };
}

/**
 * The headers @discordjs/rest reads: a stable bucket per route on every answer; on a 429, Retry-After (seconds, what it
 * waits on), Remaining 0 with Reset-After (which locks the bucket client-side), and X-RateLimit-Global only when global.
 */
export function rateLimitHeaders(
  method: string,
  path: string,
  fault: FakeDiscordFault | undefined,
): Record<string, string> {
  const route = `${method} ${path.replace(/\d{15,20}/g, ":id")}`;
  const bucket = createHash("sha1").update(route).digest("hex").slice(0, 32);
  if (fault === undefined || !("status" in fault) || fault.status !== 429) {
    return {
      "x-ratelimit-bucket": bucket,
      "x-ratelimit-limit": "50",
      "x-ratelimit-remaining": "49",
      "x-ratelimit-reset-after": "1",
    };
  }
  const seconds = String(fault.retryAfter);
  return {
    "retry-after": seconds,
    "x-ratelimit-bucket": bucket,
    "x-ratelimit-limit": "5",
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset-after": seconds,
    "x-ratelimit-reset": String(Date.now() / 1000 + fault.retryAfter),
    "x-ratelimit-scope": fault.global ? "global" : "user",
    ...(fault.global ? { "x-ratelimit-global": "true" } : {}),
  };
}
