/** An in-process stand-in for Slack or Discord: records what it receives, rate-limits each channel and fails on demand. */
import {
  type ChannelAddress,
  DeliveryError,
  type DeliveryPort,
  type DirectAddress,
} from "../../src/core/delivery/port.ts";
import type { BotMessage } from "../../src/core/model.ts";

/** A failure the fake answers one call with, as the real platform might. */
export type InjectedFailure =
  /** HTTP 429 with a Retry-After header. */
  | { kind: "rate-limit"; retryAfterMs: number }
  /** HTTP 500: transient, no Retry-After. */
  | { kind: "server-error" }
  /** No answer: the call rejects with a plain Error after `afterMs`, as an HTTP client's timeout would. */
  | { kind: "timeout"; afterMs: number }
  /** DMs closed, channel gone, user left: never worth retrying. */
  | { kind: "permanent"; code: string };

/** One message the platform accepted. */
export interface FakeDelivery {
  /** Identifies the outbox row; by default the message text, so tests enqueue unique texts. */
  key: string;
  target: "direct" | "channel";
  workspaceExternalId: string;
  /** The member's external id for a DM, the channel for a post. */
  to: string;
  message: BotMessage;
  /** Which client (one per simulated process) delivered it. */
  client: string;
  /** A channel post's reference, as postToChannel answered it (`post-1`, `post-2`, …). */
  ref?: string;
  /** A channel post since deleted through deleteFromChannel. */
  deleted?: boolean;
}

/** One call the platform received, delivered or not. */
export interface FakeCall {
  key: string;
  target: "direct" | "channel";
  to: string;
  client: string;
  /** How many calls with this key came before this one. */
  previousCalls: number;
}

export interface FakePlatformOptions {
  /** Where a delivery's key comes from (default: the message text). */
  keyOf?: (message: BotMessage) => string;
  /** Decides a failure for a call that `failNext` did not already claim; none by default. */
  failures?: (call: FakeCall) => InjectedFailure | undefined;
  /** At most `limit` posts per channel in any `windowMs`; beyond that, a 429 with the time left as Retry-After. */
  channelRateLimit?: { limit: number; windowMs: number };
  /** Milliseconds now, for the rate limit (default Date.now). */
  now?: () => number;
  /** Lets `ms` pass while a call goes unanswered (a timeout); tests on a fake clock move it (default: none passes). */
  elapse?: (ms: number) => Promise<void>;
  /** How long every call takes to answer, passed through `elapse` (default 0). */
  latencyMs?: number;
}

/** What one process sees: a delivery port that can be made to hang, as if the process froze mid-call. */
export interface FakePlatformClient extends DeliveryPort {
  readonly name: string;
  /** Every later call from this client hangs for ever and delivers nothing. */
  hang(): void;
  /** After `count` more successful deliveries, hang. */
  hangAfter(count: number): void;
  /** Calls currently hanging. */
  readonly hanging: number;
}

export interface FakePlatform extends DeliveryPort {
  readonly deliveries: readonly FakeDelivery[];
  /** The references deleteFromChannel was asked to delete and accepted, in order (a post already gone too). */
  readonly retractions: readonly string[];
  readonly calls: readonly FakeCall[];
  /** A separate client, one per simulated process; all clients share this platform's records. */
  client(name: string): FakePlatformClient;
  /** The next calls fail like this, in order, before `failures` is consulted. */
  failNext(...failures: InjectedFailure[]): void;
  /** How many times each key was delivered. */
  deliveryCounts(): Map<string, number>;
  /** Keys delivered more than once. */
  duplicates(): string[];
}

const NEVER = new Promise<never>(() => {});

export function createFakePlatform(options: FakePlatformOptions = {}): FakePlatform {
  const keyOf = options.keyOf ?? ((message: BotMessage) => message.text);
  const now = options.now ?? Date.now;
  // Never real time: a test that cares how long a timeout took passes its clock's.
  const elapse = options.elapse ?? (async () => {});
  const deliveries: FakeDelivery[] = [];
  const calls: FakeCall[] = [];
  const retractions: string[] = [];
  const callsPerKey = new Map<string, number>();
  const queuedFailures: InjectedFailure[] = [];
  const channelPosts = new Map<string, number[]>();

  function rateLimitDelay(channelKey: string): number | undefined {
    const limit = options.channelRateLimit;
    if (!limit) return undefined;
    const since = now() - limit.windowMs;
    const recent = (channelPosts.get(channelKey) ?? []).filter((at) => at > since);
    channelPosts.set(channelKey, recent);
    if (recent.length < limit.limit) return undefined;
    return Math.max(1, (recent[0] ?? now()) + limit.windowMs - now());
  }

  async function fail(failure: InjectedFailure): Promise<never> {
    switch (failure.kind) {
      case "rate-limit":
        throw new DeliveryError("rate limited", "transient", "rate_limited", failure.retryAfterMs);
      case "server-error":
        throw new DeliveryError("internal server error", "transient", "http_500");
      case "timeout":
        await elapse(failure.afterMs);
        throw new Error(`request timed out after ${failure.afterMs} ms`);
      case "permanent":
        throw new DeliveryError(`refused: ${failure.code}`, "permanent", failure.code);
    }
  }

  /** Records the call and answers it with an injected failure, if one is due. */
  async function arrive(client: string, target: FakeDelivery["target"], to: string, key: string): Promise<void> {
    if (options.latencyMs) await elapse(options.latencyMs);
    const previousCalls = callsPerKey.get(key) ?? 0;
    callsPerKey.set(key, previousCalls + 1);
    const call: FakeCall = { key, target, to, client, previousCalls };
    calls.push(call);
    const failure = queuedFailures.shift() ?? options.failures?.(call);
    if (failure) await fail(failure);
  }

  async function receive(
    client: string,
    target: FakeDelivery["target"],
    workspaceExternalId: string,
    to: string,
    message: BotMessage,
  ): Promise<string | undefined> {
    const key = keyOf(message);
    await arrive(client, target, to, key);
    let ref: string | undefined;
    if (target === "channel") {
      const channelKey = `${workspaceExternalId}/${to}`;
      const wait = rateLimitDelay(channelKey);
      if (wait !== undefined) throw new DeliveryError("channel rate limit", "transient", "rate_limited", wait);
      channelPosts.set(channelKey, [...(channelPosts.get(channelKey) ?? []), now()]);
      ref = `post-${deliveries.filter((delivery) => delivery.ref !== undefined).length + 1}`;
    }
    const delivery: FakeDelivery = { key, target, workspaceExternalId, to, message: structuredClone(message), client };
    if (ref !== undefined) delivery.ref = ref;
    deliveries.push(delivery);
    return ref;
  }

  /** Like the platforms, a post already gone counts as deleted. */
  async function retract(client: string, workspaceExternalId: string, channel: string, ref: string): Promise<void> {
    await arrive(client, "channel", channel, `retract:${ref}`);
    const post = deliveries.find(
      (delivery) =>
        delivery.ref === ref && delivery.to === channel && delivery.workspaceExternalId === workspaceExternalId,
    );
    if (post) post.deleted = true;
    retractions.push(ref);
  }

  function createClient(name: string): FakePlatformClient {
    let hung = false;
    let deliveriesBeforeHang = Number.POSITIVE_INFINITY;
    let hanging = 0;
    async function call<T>(work: () => Promise<T>): Promise<T> {
      if (hung) {
        hanging++;
        return NEVER;
      }
      const answer = await work();
      deliveriesBeforeHang--;
      if (deliveriesBeforeHang <= 0) hung = true;
      return answer;
    }
    return {
      name,
      sendDirect: (address: DirectAddress, message: BotMessage) =>
        call(async () => {
          await receive(name, "direct", address.workspaceExternalId, address.memberExternalId, message);
        }),
      postToChannel: (address: ChannelAddress, message: BotMessage) =>
        call(async () => ({
          ref: (await receive(name, "channel", address.workspaceExternalId, address.channel, message)) ?? "",
        })),
      deleteFromChannel: (address: ChannelAddress, ref: string) =>
        call(() => retract(name, address.workspaceExternalId, address.channel, ref)),
      hang() {
        hung = true;
      },
      hangAfter(count) {
        if (count <= 0) hung = true;
        deliveriesBeforeHang = count;
      },
      get hanging() {
        return hanging;
      },
    };
  }

  const defaultClient = createClient("default");
  return {
    sendDirect: defaultClient.sendDirect,
    postToChannel: defaultClient.postToChannel,
    deleteFromChannel: defaultClient.deleteFromChannel,
    deliveries,
    retractions,
    calls,
    client: createClient,
    failNext(...failures) {
      queuedFailures.push(...failures);
    },
    deliveryCounts() {
      const counts = new Map<string, number>();
      for (const delivery of deliveries) counts.set(delivery.key, (counts.get(delivery.key) ?? 0) + 1);
      return counts;
    },
    duplicates() {
      return [...this.deliveryCounts()].filter(([, count]) => count > 1).map(([key]) => key);
    },
  };
}

/** A small seeded generator (mulberry32), so injected failures are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
