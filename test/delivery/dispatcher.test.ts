/** The dispatcher over the in-memory store and a fake platform: delivery and routing, leases and crashes, adapters, shutdown. */
import { describe, expect, it } from "vitest";
import type { DeliveryPort } from "../../src/core/delivery/port.ts";
import type { OutboxQueue } from "../../src/core/ports.ts";
import { createFakePlatform } from "../fakes/fake-platform.ts";
import { deferred } from "../support/deferred.ts";
import { countingMarks, givenWorld, HOUR_MS, manualTimer, T0 } from "../support/dispatcher-world.ts";

describe("dispatcher: delivering", () => {
  it("GIVEN due messages WHEN dispatched THEN each is delivered once and marked SENT once, and a later round sends nothing", async () => {
    const world = await givenWorld();
    await world.queueDirect("dm-1");
    await world.queueChannelPost("post-1");
    await world.queueDirect("later", new Date(T0.getTime() + HOUR_MS));
    const marked: string[] = [];
    const dispatcher = world.dispatcher({ queue: countingMarks(world.store.outbox, marked) });

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 2, retried: 0, failed: 0 });
    world.clock.advance(60_000);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect([...world.platform.deliveryCounts()]).toEqual([
      ["dm-1", 1],
      ["post-1", 1],
    ]);
    const dm = await world.row("dm-1");
    expect(dm).toMatchObject({ status: "SENT", attempts: 1, sentAt: T0, leaseUntil: null, lastError: null });
    expect((await world.row("post-1")).status).toBe("SENT");
    expect((await world.row("later")).status).toBe("PENDING");
    expect(marked).toEqual([dm.id, (await world.row("post-1")).id]);
  });

  it("GIVEN a channel post and a DM WHEN dispatched THEN the post goes to postToChannel with its channel and the DM to sendDirect with the member's platform id", async () => {
    const world = await givenWorld();
    const calls: string[] = [];
    const recordingPort: DeliveryPort = {
      async sendDirect(address, message) {
        calls.push(`direct ${JSON.stringify(address)} ${message.text}`);
      },
      async postToChannel(address, message) {
        calls.push(`channel ${JSON.stringify(address)} ${message.text}`);
        return { ref: "ts-1" };
      },
      async deleteFromChannel(address, ref) {
        calls.push(`delete ${JSON.stringify(address)} ${ref}`);
      },
    };
    await world.queueChannelPost("post-1");
    await world.queueDirect("dm-1", new Date(T0.getTime() + 1));
    world.clock.advance(1);

    await world.dispatcher({ ports: { SLACK: recordingPort } }).dispatchDue();

    expect(calls).toEqual([
      `channel ${JSON.stringify({ workspaceExternalId: "T-ONE", channel: "C-WINS" })} post-1`,
      `direct ${JSON.stringify({ workspaceExternalId: "T-ONE", memberExternalId: "U-ADA" })} dm-1`,
    ]);
  });

  it("GIVEN workspaces on two platforms WHEN dispatched THEN each message goes through its own platform's port", async () => {
    const world = await givenWorld("SLACK");
    const discordWorkspace = await world.store.ensureWorkspace({
      platform: "DISCORD",
      externalId: "G-1",
      name: "Guild",
    });
    await world.store.inWorkspace(discordWorkspace.id, async (repo) => {
      const member = await repo.ensureMember({ externalId: "D-BEN", displayName: "Ben" });
      await repo.enqueue({
        kind: "test",
        target: "DIRECT",
        memberId: member.id,
        channel: null,
        payload: { text: "discord-dm" },
        dedupeKey: "discord-dm",
        nextAttemptAt: T0,
      });
    });
    await world.queueDirect("slack-dm");
    const discord = createFakePlatform();

    await world.dispatcher({ ports: { SLACK: world.platform, DISCORD: discord } }).dispatchDue();

    expect(world.platform.deliveries.map((delivery) => [delivery.key, delivery.to])).toEqual([["slack-dm", "U-ADA"]]);
    expect(discord.deliveries.map((delivery) => [delivery.key, delivery.workspaceExternalId, delivery.to])).toEqual([
      ["discord-dm", "G-1", "D-BEN"],
    ]);
  });
});

describe("dispatcher: leases and crashes", () => {
  it("GIVEN a row claimed by a process that crashed before sending WHEN its lease expires THEN another dispatcher claims and delivers it once", async () => {
    const world = await givenWorld();
    await world.queueDirect("dm-1");
    const leaseMs = 30_000;
    const crashedClaim = await world.store.outbox.claimDue(world.clock.now(), 10, leaseMs);
    expect(crashedClaim).toHaveLength(1);
    const survivor = world.dispatcher({ leaseMs });

    expect(await survivor.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    world.clock.advance(leaseMs - 1);
    expect(await survivor.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect((await world.row("dm-1")).status).toBe("SENDING");

    world.clock.advance(2);
    expect(await survivor.dispatchDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    world.clock.advance(leaseMs * 2);
    expect(await survivor.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(world.platform.deliveryCounts().get("dm-1")).toBe(1);
    expect(await world.row("dm-1")).toMatchObject({ status: "SENT", attempts: 2 });
  });

  // A batch is claimed under one lease but sent one message at a time: a send must not start once that lease has
  // (nearly) run out, or a row another process has reclaimed meanwhile would go out twice.
  it("GIVEN a slow send that outlasts the batch's lease WHEN another dispatcher reclaims the rest THEN the first does not deliver them again", async () => {
    const world = await givenWorld();
    await world.queueDirect("dm-1");
    await world.queueDirect("dm-2", new Date(T0.getTime() + 1));
    world.clock.advance(1);
    const leaseMs = 1_000;
    const other = world.dispatcher({ leaseMs, ports: { SLACK: world.platform.client("other") } });
    const slowPort: DeliveryPort = {
      async sendDirect(address, message) {
        // The platform takes longer than the lease to answer the first message.
        if (message.text === "dm-1") world.clock.advance(leaseMs + 1);
        await world.platform.sendDirect(address, message);
      },
      postToChannel: (address, message) => world.platform.postToChannel(address, message),
      deleteFromChannel: (address, ref) => world.platform.deleteFromChannel(address, ref),
    };
    const queue: OutboxQueue = {
      ...world.store.outbox,
      async markSent(messageId, at, postedRef) {
        await world.store.outbox.markSent(messageId, at, postedRef);
        // Meanwhile another process polls and finds dm-2's lease expired.
        await other.dispatchDue();
      },
    };
    const slow = world.dispatcher({ leaseMs, batchSize: 2, queue, ports: { SLACK: slowPort } });

    await slow.dispatchDue();

    expect(world.platform.duplicates()).toEqual([]);
    expect([...world.platform.deliveryCounts()]).toEqual([
      ["dm-1", 1],
      ["dm-2", 1],
    ]);
    expect((await world.row("dm-2")).status).toBe("SENT");
  });
});

describe("dispatcher: adapters and shutdown", () => {
  it("GIVEN a row for a platform this process has no adapter for WHEN dispatched THEN it is left untouched and a process with the adapter delivers it", async () => {
    const world = await givenWorld("DISCORD");
    await world.queueDirect("dm-1");
    const slackOnly = world.dispatcher({ ports: { SLACK: createFakePlatform() }, random: () => 0 });

    expect(await slackOnly.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    const row = await world.row("dm-1");
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });

    expect(await world.dispatcher().dispatchDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(world.platform.deliveryCounts().get("dm-1")).toBe(1);
  });

  // A missing adapter is this process's configuration, not a delivery attempt: claimDue only takes served platforms.
  it("GIVEN a row for a platform no running process serves WHEN many rounds pass THEN it is still waiting, not DEAD", async () => {
    const world = await givenWorld("DISCORD");
    await world.queueDirect("dm-1");
    const slackOnly = world.dispatcher({ ports: { SLACK: createFakePlatform() } });

    for (let round = 0; round < 12; round++) {
      await slackOnly.dispatchDue();
      world.clock.advance(HOUR_MS);
    }

    expect((await world.row("dm-1")).status).toBe("PENDING");
  });

  it("GIVEN a send under way WHEN stop() is called THEN it resolves only after that send finishes, hands the rest of the batch back and polls no more", async () => {
    const world = await givenWorld();
    for (const key of ["dm-1", "dm-2", "dm-3"]) await world.queueDirect(key);
    const gate = deferred();
    const firstSendStarted = deferred();
    const events: string[] = [];
    const gatedPort: DeliveryPort = {
      async sendDirect(address, message) {
        if (message.text === "dm-1") {
          firstSendStarted.resolve();
          await gate.promise;
        }
        await world.platform.sendDirect(address, message);
        events.push(`sent ${message.text}`);
      },
      postToChannel: (address, message) => world.platform.postToChannel(address, message),
      deleteFromChannel: (address, ref) => world.platform.deleteFromChannel(address, ref),
    };
    const timer = manualTimer();
    const dispatcher = world.dispatcher({ ports: { SLACK: gatedPort }, every: timer.every });
    dispatcher.start(2_000);
    expect(timer.intervalMs).toBe(2_000);
    expect(timer.fire()).toBe(true);
    await firstSendStarted.promise;

    const stopping = dispatcher.stop().then(() => events.push("stopped"));
    // Let everything that does not wait on the send settle: a stop that did not wait would have resolved by now.
    await new Promise((resolve) => setImmediate(resolve));
    events.push("send released");
    gate.resolve();
    await stopping;

    expect(events).toEqual(["send released", "sent dm-1", "stopped"]);
    expect(timer.cancelled).toBe(true);
    expect((await world.row("dm-1")).status).toBe("SENT");
    // The rest of the claimed batch is handed back at once, not left to wait out its lease.
    for (const key of ["dm-2", "dm-3"])
      expect(await world.row(key)).toMatchObject({ status: "PENDING", leaseUntil: null });
    expect(world.platform.duplicates()).toEqual([]);

    const callsAtStop = world.platform.calls.length;
    await world.queueDirect("after-stop");
    expect(timer.fire()).toBe(false);
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(world.platform.calls.length).toBe(callsAtStop);
    expect((await world.row("after-stop")).status).toBe("PENDING");
  });
});
