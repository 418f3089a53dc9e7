/** A fake platform for the dispatch benchmark: token buckets per channel and overall, 429 with Retry-After beyond them. */
import { DeliveryError, type DeliveryPort } from "../src/core/delivery/port.ts";

export interface Limits {
  /** Sends per second allowed to one channel or member, and the burst above it. */
  perTargetRate: number;
  perTargetBurst: number;
  /** Sends per second allowed overall, and the burst. */
  globalRate: number;
  globalBurst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export interface LimitedPlatform {
  port: DeliveryPort;
  /** How many times each message text arrived. */
  deliveries: Map<string, number>;
  rejected: { global: number; target: number };
}

export function createLimitedPlatform(limits: Limits, now: () => number = () => performance.now()): LimitedPlatform {
  const targets = new Map<string, Bucket>();
  const global: Bucket = { tokens: limits.globalBurst, at: now() };
  const deliveries = new Map<string, number>();
  const rejected = { global: 0, target: 0 };

  const refill = (bucket: Bucket, rate: number, burst: number, t: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * rate);
    bucket.at = t;
  };

  function take(target: string, text: string): void {
    const t = now();
    refill(global, limits.globalRate, limits.globalBurst, t);
    let bucket = targets.get(target);
    if (!bucket) {
      bucket = { tokens: limits.perTargetBurst, at: t };
      targets.set(target, bucket);
    }
    refill(bucket, limits.perTargetRate, limits.perTargetBurst, t);
    if (global.tokens < 1) {
      rejected.global++;
      const wait = ((1 - global.tokens) / limits.globalRate) * 1000;
      throw new DeliveryError("global rate limit", "transient", "ratelimited", Math.ceil(wait), "global");
    }
    if (bucket.tokens < 1) {
      rejected.target++;
      const wait = ((1 - bucket.tokens) / limits.perTargetRate) * 1000;
      throw new DeliveryError("channel rate limit", "transient", "ratelimited", Math.ceil(wait), "target");
    }
    global.tokens -= 1;
    bucket.tokens -= 1;
    deliveries.set(text, (deliveries.get(text) ?? 0) + 1);
  }

  return {
    deliveries,
    rejected,
    port: {
      async sendDirect(address, message) {
        take(`u:${address.memberExternalId}`, message.text);
      },
      async postToChannel(address, message) {
        take(`c:${address.channel}`, message.text);
        return { ref: message.text };
      },
      async deleteFromChannel(address, ref) {
        take(`c:${address.channel}`, `retract ${ref}`);
      },
    },
  };
}

/** The least time the limits allow for `total` sends spread evenly over `targets` targets (ms). */
export function theoreticalMinimumMs(limits: Limits, total: number, targets: number): number {
  const globalMs = (Math.max(0, total - limits.globalBurst) / limits.globalRate) * 1000;
  const perTarget = Math.ceil(total / targets);
  const targetMs = (Math.max(0, perTarget - limits.perTargetBurst) / limits.perTargetRate) * 1000;
  return Math.max(globalMs, targetMs);
}
