/**
 * What the dispatcher has learned about a platform's rate limits: a 429's Retry-After holds its scope (the whole platform,
 * one workspace, or one channel or member) and then paces sends to it, so limits are learned once, not hammered.
 */
import type { ClaimedMessage } from "../ports.ts";

export type LimitScope = "global" | "workspace" | "target";

interface ScopeState {
  /** Nothing is sent to this scope before this instant (ms). */
  holdUntil: number;
  /** Learned spacing between sends to this scope (ms); relaxes slowly after successes, to find a faster rate again. */
  interval: number;
  /** The next send's slot; slots advance by `interval` from the ideal schedule, so late wake-ups don't slow the pace. */
  nextSlot: number;
}

/**
 * A short Retry-After is the time until a token-bucket limit refills one send: it becomes the pace. A long one marks a
 * window that opens again all at once: it only holds.
 */
const MAX_PACE_MS = 1_000;
/** Each success shortens the pace a little, so a limit that was raised is found again (with the back-off, one probe in ~100 sends). */
const RELAX = 0.999;
/** A 429 while already paced means the pace was too quick: back off by a tenth. */
const BACK_OFF = 1.1;

export interface RateLimitMemory {
  /** When `message` may go (ms), and which scope holds it back; `at <= now` means now. */
  readyAt(message: ClaimedMessage, now: number): { at: number; scope: LimitScope | undefined };
  sent(message: ClaimedMessage, now: number): void;
  limited(message: ClaimedMessage, scope: LimitScope, retryAfterMs: number, now: number): void;
}

function keysOf(message: ClaimedMessage): Record<LimitScope, string> {
  const workspace = `${message.platform}:${message.workspaceExternalId}`;
  const target = message.target === "CHANNEL" ? `c:${message.channel}` : `u:${message.memberExternalId}`;
  return { global: message.platform, workspace, target: `${workspace}:${target}` };
}

export function createRateLimitMemory(): RateLimitMemory {
  const states = new Map<string, ScopeState>();
  const stateOf = (key: string): ScopeState => {
    let state = states.get(key);
    if (!state) {
      state = { holdUntil: 0, interval: 0, nextSlot: 0 };
      states.set(key, state);
    }
    return state;
  };

  return {
    readyAt(message, now) {
      let at = now;
      let scope: LimitScope | undefined;
      for (const [name, key] of Object.entries(keysOf(message)) as [LimitScope, string][]) {
        const state = states.get(key);
        if (!state) continue;
        const ready = Math.max(state.holdUntil, state.interval > 0 ? state.nextSlot : 0);
        if (ready > at) {
          at = ready;
          scope = name;
        }
      }
      return { at, scope };
    },
    sent(message, now) {
      for (const key of Object.values(keysOf(message))) {
        const state = states.get(key);
        if (!state) continue;
        state.interval = state.interval * RELAX < 1 ? 0 : state.interval * RELAX;
        // A send a little late for its slot keeps the schedule; after a long pause the schedule restarts from now.
        state.nextSlot = Math.max(state.nextSlot, now - state.interval / 4) + state.interval;
      }
    },
    limited(message, scope, retryAfterMs, now) {
      const state = stateOf(keysOf(message)[scope]);
      state.holdUntil = Math.max(state.holdUntil, now + retryAfterMs);
      state.nextSlot = Math.max(state.nextSlot, state.holdUntil);
      if (retryAfterMs <= MAX_PACE_MS) state.interval = Math.max(retryAfterMs, state.interval * BACK_OFF);
      // Keep the map from growing without bound across many targets.
      if (states.size > 50_000)
        for (const [key, old] of states) if (old.holdUntil < now && old.nextSlot < now - 60_000) states.delete(key);
    },
  };
}
