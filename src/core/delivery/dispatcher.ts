/** Delivers due outbox rows through the platform adapters: claim, send (or delete a retracted post), mark; retry transient failures, stop on permanent ones. */
import { errorFacts } from "../error-facts.ts";
import type { Logger } from "../logger.ts";
import type { Platform } from "../model.ts";
import type { ClaimedMessage, Clock, OutboxQueue } from "../ports.ts";
import { retryDelay } from "./backoff.ts";
import { DeliveryError, type DeliveryPort } from "./port.ts";
import { createRateLimitMemory } from "./rate-limits.ts";

/** Time kept in hand before a lease runs out (at most a quarter of it): a send started later could overlap another claim. */
const LEASE_MARGIN_MS = 5_000;
/** Longest wait on a platform- or workspace-wide limit taken in line rather than by postponing. */
const MAX_INLINE_WAIT_MS = 2_000;

export interface DispatcherOptions {
  queue: OutboxQueue;
  ports: Partial<Record<Platform, DeliveryPort>>;
  clock: Clock;
  logger: Logger;
  /** Rows claimed per round trip. */
  batchSize?: number;
  /** How long a claim holds before another dispatcher may take the row (a crash loses nothing). */
  leaseMs?: number;
  /** Attempts before a row is dead. */
  maxAttempts?: number;
  random?: () => number;
  /** Waits on the clock the dispatcher runs on (tests pass one that moves a fake clock). */
  sleep?: (ms: number) => Promise<void>;
  /** Starts polling: calls `tick` every `intervalMs` and returns what stops it (tests pass a timer they fire by hand). */
  every?: (intervalMs: number, tick: () => void) => () => void;
}

export interface DispatchSummary {
  sent: number;
  retried: number;
  failed: number;
}

export interface Dispatcher {
  /** Delivers what is due now, batch after batch, until nothing due is left. */
  dispatchDue(): Promise<DispatchSummary>;
  /** Polls every `intervalMs` until stopped. */
  start(intervalMs: number): void;
  /** Stops polling, finishes the message being sent, releases the rest of the claimed batch. */
  stop(): Promise<void>;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { queue, ports, clock, logger } = options;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseMargin = Math.min(LEASE_MARGIN_MS, leaseMs / 4);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const every = options.every ?? realInterval;
  const limits = createRateLimitMemory();
  let cancelPolling: (() => void) | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopping = false;

  async function deliver(message: ClaimedMessage, summary: DispatchSummary): Promise<void> {
    const log = logger.child({ outbox: message.id, kind: message.kind, workspace: message.workspaceExternalId });
    const port = ports[message.platform];
    if (message.retractRequestedAt !== null && message.payload.retracts === undefined) {
      // An undo took it back while an earlier claim, since lapsed, was sending it: it does not go out now. Releasing
      // a row that was taken back deletes it.
      await queue.release([message.id]);
      log.info({}, "taken back before it went out");
      return;
    }
    try {
      if (!port) throw new DeliveryError(`no adapter running for ${message.platform}`, "transient", "no_adapter");
      let postedRef: string | undefined;
      if (message.target === "CHANNEL") {
        if (!message.channel) throw new DeliveryError("no channel on the message", "permanent", "channel_not_found");
        const address = { workspaceExternalId: message.workspaceExternalId, channel: message.channel };
        if (message.payload.retracts !== undefined) {
          await port.deleteFromChannel(address, message.payload.retracts);
        } else {
          // An empty reference: the platform named none, so the post stays sent but cannot be taken back.
          postedRef = (await port.postToChannel(address, message.payload)).ref || undefined;
        }
      } else {
        if (!message.memberExternalId) throw new DeliveryError("no recipient", "permanent", "user_not_found");
        await port.sendDirect(
          { workspaceExternalId: message.workspaceExternalId, memberExternalId: message.memberExternalId },
          message.payload,
        );
      }
      await queue.markSent(message.id, clock.now(), postedRef);
      limits.sent(message, clock.now().getTime());
      summary.sent++;
    } catch (error) {
      const failure =
        error instanceof DeliveryError
          ? error
          : new DeliveryError(String((error as Error)?.message ?? error), "transient", "error");
      const reason = `${failure.code}: ${failure.message}`;
      if (failure.kind === "permanent") {
        await queue.markFailed(message.id, reason, "FAILED");
        log.warn({ reason }, "delivery failed for good; the member will be told");
        summary.failed++;
      } else if (message.attempts >= maxAttempts) {
        await queue.markFailed(message.id, reason, "DEAD");
        log.error({ reason, attempts: message.attempts }, "delivery dead after too many attempts");
        summary.failed++;
      } else {
        if (failure.retryAfterMs !== undefined) {
          limits.limited(message, failure.scope, failure.retryAfterMs, clock.now().getTime());
        }
        const delay = retryDelay(message.attempts, failure.retryAfterMs, random);
        await queue.reschedule(message.id, new Date(clock.now().getTime() + delay), reason);
        log.info({ reason, delayMs: delay }, "delivery will be retried");
        summary.retried++;
      }
    }
  }

  /**
   * Respects what 429s taught: a short wait on the whole platform or workspace is waited out in line (everything
   * behind it waits too); anything else is postponed so other channels and members go ahead. False when postponed.
   */
  async function waitForLimits(message: ClaimedMessage): Promise<boolean> {
    const now = clock.now().getTime();
    const { at, scope } = limits.readyAt(message, now);
    if (at <= now) return true;
    if (scope !== "target" && at - now <= MAX_INLINE_WAIT_MS) {
      await sleep(at - now);
      return true;
    }
    // Learned paces run in fractions of a millisecond and a Date drops them: rounding up keeps the row from coming due
    // before its slot, to be claimed and postponed again in a loop until the clock catches up.
    await queue.postpone(message.id, new Date(Math.ceil(at)));
    return false;
  }

  async function dispatchDue(): Promise<DispatchSummary> {
    const summary: DispatchSummary = { sent: 0, retried: 0, failed: 0 };
    while (!stopping) {
      // Only rows this process can deliver: another process may serve the other platforms.
      const served = Object.keys(ports) as Platform[];
      const batch = await queue.claimDue(clock.now(), batchSize, leaseMs, served);
      // One message at a time keeps per-channel order and lets rate limits push back.
      for (const [index, message] of batch.entries()) {
        if (stopping) {
          // Shutting down: hand the rest back at once rather than leaving them to a lease timeout.
          await queue.release(batch.slice(index).map((rest) => rest.id));
          return summary;
        }
        // A slow batch can outlive its lease; then another dispatcher may own the row, so leave it alone.
        if (message.leaseUntil && clock.now().getTime() > message.leaseUntil.getTime() - leaseMargin) continue;
        if (!(await waitForLimits(message))) continue;
        await deliver(message, summary);
      }
      if (batch.length < batchSize) return summary;
    }
    return summary;
  }

  function tick(): void {
    running = running
      .then(dispatchDue)
      .catch((error) => logger.error({ err: errorFacts(error) }, "dispatch round failed"));
  }

  return {
    dispatchDue: () => {
      const round = running.then(dispatchDue);
      running = round.catch(() => undefined);
      return round;
    },
    start(intervalMs) {
      if (cancelPolling) return;
      cancelPolling = every(intervalMs, tick);
    },
    async stop() {
      stopping = true;
      cancelPolling?.();
      cancelPolling = undefined;
      await running.catch(() => undefined);
    },
  };
}

/** Polling on the real clock; unref'd so a forgotten dispatcher never keeps the process alive. */
function realInterval(intervalMs: number, tick: () => void): () => void {
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
