/** The dispatcher taking channel posts back: the posted reference kept, retraction rows delivered by deleting, in-flight undos. */
import { describe, expect, it } from "vitest";
import type { DeliveryPort } from "../../src/core/delivery/port.ts";
import { deferred } from "../support/deferred.ts";
import { givenWorld, T0 } from "../support/dispatcher-world.ts";

describe("dispatcher: taking posts back", () => {
  it("GIVEN a channel post WHEN dispatched THEN the reference the platform answered lands on the outbox row", async () => {
    const world = await givenWorld();
    await world.queueChannelPost("post-1");
    await world.queueDirect("dm-1");

    await world.dispatcher().dispatchDue();

    expect(world.platform.deliveries.map((delivery) => [delivery.key, delivery.ref])).toEqual([
      ["post-1", "post-1"],
      ["dm-1", undefined],
    ]);
    expect(await world.row("post-1")).toMatchObject({ status: "SENT", postedRef: "post-1" });
    expect(await world.row("dm-1")).toMatchObject({ status: "SENT", postedRef: null });
  });

  it("GIVEN a sent post taken back WHEN dispatched THEN the post is deleted from its channel and the retraction is sent, once", async () => {
    const world = await givenWorld();
    await world.queueChannelPost("post-1");
    const dispatcher = world.dispatcher();
    await dispatcher.dispatchDue();
    world.clock.advance(60_000);

    expect(await world.takeBack("post-1")).toEqual({ cancelled: 0, retracting: 1 });
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(world.platform.retractions).toEqual(["post-1"]);
    expect(world.platform.deliveries).toMatchObject([{ key: "post-1", to: "C-WINS", deleted: true }]);
    expect(world.platform.calls.at(-1)).toMatchObject({ key: "retract:post-1", target: "channel", to: "C-WINS" });
    expect(await world.retractionOf("post-1")).toMatchObject({
      status: "SENT",
      kind: "retraction",
      sentAt: new Date(T0.getTime() + 60_000),
      postedRef: null,
    });
    expect(await world.row("post-1")).toMatchObject({ status: "SENT", postedRef: "post-1" });
    await world.takeBack("post-1");
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it("GIVEN a post taken back before it went out WHEN dispatched THEN nothing is posted nor deleted", async () => {
    const world = await givenWorld();
    await world.queueChannelPost("post-1");

    expect(await world.takeBack("post-1")).toEqual({ cancelled: 1, retracting: 0 });
    expect(await world.dispatcher().dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(world.platform.calls).toEqual([]);
  });

  it("GIVEN a retraction WHEN the platform limits it, then fails for good THEN it is retried at Retry-After, then FAILED", async () => {
    const world = await givenWorld();
    await world.queueChannelPost("post-1");
    const dispatcher = world.dispatcher();
    await dispatcher.dispatchDue();
    await world.takeBack("post-1");
    world.platform.failNext(
      { kind: "rate-limit", retryAfterMs: 30_000 },
      { kind: "permanent", code: "channel_not_found" },
    );

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await world.retractionOf("post-1")).toMatchObject({
      status: "PENDING",
      attempts: 1,
      nextAttemptAt: new Date(T0.getTime() + 30_000),
    });
    world.clock.advance(30_000);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 1 });

    expect(await world.retractionOf("post-1")).toMatchObject({ status: "FAILED", lastError: /^channel_not_found/ });
    expect(world.platform.deliveries.map((delivery) => [delivery.key, delivery.deleted ?? false])).toEqual([
      ["post-1", false],
    ]);
  });

  it("GIVEN a post taken back while it is being posted WHEN the post completes THEN the next round deletes it", async () => {
    const world = await givenWorld();
    await world.queueChannelPost("post-1");
    const posting = deferred();
    const undone = deferred();
    const gatedPort: DeliveryPort = {
      sendDirect: (address, message) => world.platform.sendDirect(address, message),
      async postToChannel(address, message) {
        posting.resolve();
        await undone.promise;
        return world.platform.postToChannel(address, message);
      },
      deleteFromChannel: (address, ref) => world.platform.deleteFromChannel(address, ref),
    };
    const dispatcher = world.dispatcher({ ports: { SLACK: gatedPort } });

    const round = dispatcher.dispatchDue();
    await posting.promise;
    expect(await world.takeBack("post-1")).toEqual({ cancelled: 0, retracting: 1 });
    expect(await world.retractionOf("post-1")).toBeUndefined();
    undone.resolve();
    await round;

    expect(await world.retractionOf("post-1")).toMatchObject({ status: "PENDING", payload: { retracts: "post-1" } });
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(world.platform.deliveries).toMatchObject([{ key: "post-1", deleted: true }]);
  });

  it("GIVEN a post taken back while a lapsed claim was sending it WHEN claimed again THEN it is not posted and is deleted", async () => {
    const world = await givenWorld();
    await world.queueChannelPost("post-1");
    const leaseMs = 10_000;
    // A process claims the post and freezes before posting.
    await world.store.outbox.claimDue(world.clock.now(), 10, leaseMs);
    await world.takeBack("post-1");
    world.clock.advance(leaseMs + 1);

    expect(await world.dispatcher({ leaseMs }).dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(world.platform.calls).toEqual([]);
    await expect(world.row("post-1")).rejects.toThrow(/No outbox row/);
  });
});
