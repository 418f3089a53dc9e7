/** The dispatcher when delivery fails: Retry-After, backoff with jitter, plain errors and timeouts, permanent failures, DEAD rows. */
import { describe, expect, it } from "vitest";
import type { DeliveryPort } from "../../src/core/delivery/port.ts";
import { createFakePlatform } from "../fakes/fake-platform.ts";
import { createRecordingLogger, givenWorld, HOUR_MS, type LogEntry, T0 } from "../support/dispatcher-world.ts";

describe("dispatcher: transient failures", () => {
  it("GIVEN a 429 with Retry-After WHEN dispatched THEN the row is rescheduled exactly at now + Retry-After and sent then, not before", async () => {
    const world = await givenWorld();
    await world.queueDirect("dm-1");
    world.platform.failNext({ kind: "rate-limit", retryAfterMs: 42_000 });
    const dispatcher = world.dispatcher();

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await world.row("dm-1")).toMatchObject({
      status: "PENDING",
      attempts: 1,
      nextAttemptAt: new Date(T0.getTime() + 42_000),
      leaseUntil: null,
    });
    expect((await world.row("dm-1")).lastError).toMatch(/^rate_limited: /);

    world.clock.advance(41_999);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    world.clock.advance(1);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(world.platform.calls).toHaveLength(2);
    expect(await world.row("dm-1")).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("GIVEN more posts than a channel's rate limit WHEN dispatched THEN the excess waits exactly until the window frees, then goes out in order", async () => {
    const world = await givenWorld();
    for (const key of ["post-1", "post-2", "post-3"]) await world.queueChannelPost(key);
    const platform = createFakePlatform({
      now: () => world.clock.now().getTime(),
      channelRateLimit: { limit: 2, windowMs: 1_000 },
    });
    const dispatcher = world.dispatcher({ ports: { SLACK: platform } });

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 2, retried: 1, failed: 0 });
    expect(await world.row("post-3")).toMatchObject({
      status: "PENDING",
      nextAttemptAt: new Date(T0.getTime() + 1_000),
    });
    world.clock.advance(1_000);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(platform.deliveries.map((delivery) => delivery.key)).toEqual(["post-1", "post-2", "post-3"]);
  });

  it.each([
    { random: 0.5, delays: [2_500, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000] },
    // The floor keeps an unlucky draw from hammering the platform.
    { random: 0, delays: [1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000] },
  ])("GIVEN 500s without Retry-After and random() = $random WHEN retried THEN the delays back off exponentially: $delays", async ({
    random,
    delays,
  }) => {
    const world = await givenWorld();
    await world.queueDirect("dm-1");
    const dispatcher = world.dispatcher({ random: () => random });
    const platform = createFakePlatform({ failures: () => ({ kind: "server-error" }) });
    const failing = world.dispatcher({ random: () => random, ports: { SLACK: platform } });

    const seen: number[] = [];
    for (let attempt = 1; attempt <= delays.length; attempt++) {
      expect(await failing.dispatchDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
      const row = await world.row("dm-1");
      expect(row.lastError).toMatch(/^http_500: /);
      seen.push(row.nextAttemptAt.getTime() - world.clock.now().getTime());
      world.clock.set(row.nextAttemptAt);
    }
    expect(seen).toEqual(delays);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
  });

  it("GIVEN random() close to 1 WHEN retried THEN each delay stays within its jitter ceiling (5 s doubling)", async () => {
    const world = await givenWorld();
    await world.queueDirect("dm-1");
    const platform = createFakePlatform({ failures: () => ({ kind: "server-error" }) });
    const failing = world.dispatcher({ random: () => 0.999_999, ports: { SLACK: platform } });

    for (let attempt = 1; attempt <= 7; attempt++) {
      await failing.dispatchDue();
      const row = await world.row("dm-1");
      const delay = row.nextAttemptAt.getTime() - world.clock.now().getTime();
      const ceiling = 5_000 * 2 ** (attempt - 1);
      expect(delay).toBeLessThanOrEqual(ceiling);
      expect(delay).toBeGreaterThan(ceiling * 0.99);
      world.clock.set(row.nextAttemptAt);
    }
  });

  it("GIVEN a port that throws a plain Error WHEN dispatched THEN it counts as transient and is retried", async () => {
    const world = await givenWorld();
    await world.queueDirect("dm-1");
    const broken: DeliveryPort = {
      sendDirect: async () => {
        throw new Error("socket hang up");
      },
      postToChannel: async () => ({ ref: "unused" }),
      deleteFromChannel: async () => undefined,
    };

    const summary = await world.dispatcher({ ports: { SLACK: broken }, random: () => 0 }).dispatchDue();

    expect(summary).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await world.row("dm-1")).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: "error: socket hang up",
      nextAttemptAt: new Date(T0.getTime() + 1_000),
    });
    world.clock.advance(1_000);
    expect(await world.dispatcher().dispatchDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
  });

  it("GIVEN a platform that times out WHEN dispatched THEN the row is retried, not lost", async () => {
    const world = await givenWorld();
    await world.queueDirect("dm-1");
    world.platform.failNext({ kind: "timeout", afterMs: 5 });
    const dispatcher = world.dispatcher({ random: () => 0 });

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await world.row("dm-1")).lastError).toMatch(/timed out/);
    world.clock.advance(1_000);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(world.platform.deliveryCounts().get("dm-1")).toBe(1);
  });
});

describe("dispatcher: giving up", () => {
  it("GIVEN a permanent failure WHEN dispatched THEN the row is FAILED with the code, never retried, and waits to be told to the member", async () => {
    const world = await givenWorld();
    await world.queueDirect("dm-1");
    world.platform.failNext({ kind: "permanent", code: "messages_disabled" });
    const entries: LogEntry[] = [];
    const dispatcher = world.dispatcher({ logger: createRecordingLogger(entries) });

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    world.clock.advance(24 * HOUR_MS);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    const row = await world.row("dm-1");
    expect(row).toMatchObject({ status: "FAILED", attempts: 1, leaseUntil: null, sentAt: null });
    expect(row.lastError).toMatch(/^messages_disabled: /);
    expect(world.platform.calls).toHaveLength(1);
    const untold = await world.store.inWorkspace(world.workspace.id, (repo) =>
      repo.listUntoldFailures(world.member.id),
    );
    expect(untold.map((message) => message.dedupeKey)).toEqual(["dm-1"]);
    expect(
      entries.some((entry) => entry.level === "warn" && (entry.context as { outbox?: string }).outbox === row.id),
    ).toBe(true);
  });

  it("GIVEN a platform that always answers 500 WHEN retried over hours THEN the row is tried 8 times, then DEAD, logged as an error and told to the member", async () => {
    const world = await givenWorld();
    await world.queueDirect("dm-1");
    const platform = createFakePlatform({ failures: () => ({ kind: "server-error" }) });
    const entries: LogEntry[] = [];
    const dispatcher = world.dispatcher({
      ports: { SLACK: platform },
      random: () => 0.5,
      logger: createRecordingLogger(entries),
    });

    const total = { sent: 0, retried: 0, failed: 0 };
    for (let round = 0; round < 20; round++) {
      const summary = await dispatcher.dispatchDue();
      for (const outcome of ["sent", "retried", "failed"] as const) total[outcome] += summary[outcome];
      world.clock.advance(HOUR_MS);
    }

    // Seven retries, then the eighth failure is the last: a dead row is a failure, never counted as sent.
    expect(total).toEqual({ sent: 0, retried: 7, failed: 1 });
    expect(platform.calls).toHaveLength(8);
    const row = await world.row("dm-1");
    expect(row).toMatchObject({ status: "DEAD", attempts: 8, leaseUntil: null });
    expect(row.lastError).toMatch(/^http_500: /);
    const dead = entries.filter((entry) => entry.level === "error");
    expect(dead).toHaveLength(1);
    expect(dead[0]?.context).toMatchObject({ outbox: row.id, attempts: 8 });
    const untold = await world.store.inWorkspace(world.workspace.id, (repo) =>
      repo.listUntoldFailures(world.member.id),
    );
    expect(untold.map((message) => message.status)).toEqual(["DEAD"]);
  });
});
