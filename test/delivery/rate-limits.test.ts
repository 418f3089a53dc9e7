/** Learned rate limits: a 429 holds its scope and paces it, so the platform is not hammered and other targets go on. */
import { describe, expect, it } from "vitest";
import { createDispatcher } from "../../src/core/delivery/dispatcher.ts";
import { DeliveryError, type DeliveryPort } from "../../src/core/delivery/port.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { Member, Workspace } from "../../src/core/model.ts";
import { createMemoryStore } from "../fakes/memory-store.ts";
import { createTestClock, T0 } from "../support/dispatcher-world.ts";

/** A platform allowing one send per `intervalMs` overall (global) or per target, answering 429 with the wait left. */
function limitedPlatform(clock: { now(): Date }, intervalMs: number, scope: "global" | "target") {
  const last = new Map<string, number>();
  const sent: string[] = [];
  let limited = 0;
  const attempt = (target: string, text: string) => {
    const key = scope === "global" ? "all" : target;
    const now = clock.now().getTime();
    const previous = last.get(key);
    if (previous !== undefined && now - previous < intervalMs) {
      limited++;
      throw new DeliveryError("slow down", "transient", "ratelimited", intervalMs - (now - previous), scope);
    }
    last.set(key, now);
    sent.push(text);
  };
  const port: DeliveryPort = {
    async sendDirect(address, message) {
      attempt(address.memberExternalId, message.text);
    },
    async postToChannel(address, message) {
      attempt(address.channel, message.text);
      return { ref: message.text };
    },
    async deleteFromChannel(address, ref) {
      attempt(address.channel, `retract ${ref}`);
    },
  };
  return { port, sent, limitedCount: () => limited };
}

async function givenQueue(count: number, channels: string[]) {
  const clock = createTestClock(T0);
  const store = createMemoryStore({ clock });
  const workspace: Workspace = await store.ensureWorkspace({ platform: "SLACK", externalId: "T1", name: "Team" });
  const member: Member = await store.inWorkspace(workspace.id, (repo) =>
    repo.ensureMember({ externalId: "U1", displayName: "Ada" }),
  );
  await store.inWorkspace(workspace.id, async (repo) => {
    for (let i = 0; i < count; i++) {
      await repo.enqueue({
        kind: "test",
        target: "CHANNEL",
        memberId: member.id,
        channel: channels[i % channels.length] ?? "C1",
        payload: { text: `m${i}` },
        dedupeKey: `m${i}`,
        nextAttemptAt: T0,
      });
    }
  });
  return { clock, store, row: (key: string) => rowOf(store, workspace, member, key) };
}

async function rowOf(store: ReturnType<typeof createMemoryStore>, workspace: Workspace, member: Member, key: string) {
  const rows = await store.inWorkspace(workspace.id, (repo) => repo.listOutbox(member.id));
  const row = rows.find((candidate) => candidate.dedupeKey === key);
  if (!row) throw new Error(`no outbox row ${key}`);
  return row;
}

describe("learned rate limits", () => {
  it("GIVEN a global limit of one send per 100 ms THEN after the first 429 the rest are paced in line, not hammered", async () => {
    const { clock, store } = await givenQueue(50, ["C1", "C2", "C3"]);
    const platform = limitedPlatform(clock, 100, "global");
    const sleeps: number[] = [];
    const dispatcher = createDispatcher({
      queue: store.outbox,
      ports: { SLACK: platform.port },
      clock,
      logger: silentLogger,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
      },
    });
    for (let round = 0; round < 5 && platform.sent.length < 50; round++) {
      await dispatcher.dispatchDue();
      clock.advance(100);
    }
    expect(new Set(platform.sent).size).toBe(50);
    expect(platform.sent).toHaveLength(50);
    // One 429 teaches the pace; a few more may come as the pace relaxes to probe for a faster rate.
    expect(platform.limitedCount()).toBeLessThanOrEqual(5);
    expect(sleeps.length).toBeGreaterThan(40);
  });

  it("GIVEN one channel limited THEN its messages are postponed without using attempts while other channels go on", async () => {
    const { clock, store } = await givenQueue(6, ["C-BUSY", "C-FREE"]);
    const platform = limitedPlatform(clock, 1_000, "target");
    const dispatcher = createDispatcher({
      queue: store.outbox,
      ports: { SLACK: platform.port },
      clock,
      logger: silentLogger,
    });
    await dispatcher.dispatchDue();
    // First of each channel goes; the second to each channel meets a 429, then the rest wait their turn.
    expect(platform.sent).toEqual(["m0", "m1"]);
    expect(platform.limitedCount()).toBe(2);
    for (let second = 0; second < 5; second++) {
      clock.advance(1_000);
      await dispatcher.dispatchDue();
    }
    expect([...platform.sent].sort()).toEqual(["m0", "m1", "m2", "m3", "m4", "m5"]);
    expect(platform.limitedCount()).toBe(2);
  });

  // A learned pace relaxes by fractions of a millisecond, but a row's due time holds whole ones: rounded down, the row
  // would come due before its slot and be claimed and postponed over and over until the clock caught up.
  it("GIVEN a learned pace whose next slot falls between two milliseconds THEN the message waits until the later one", async () => {
    const { clock, store, row } = await givenQueue(3, ["C-BUSY"]);
    const platform = limitedPlatform(clock, 500, "target");
    const dispatcher = createDispatcher({
      queue: store.outbox,
      ports: { SLACK: platform.port },
      clock,
      logger: silentLogger,
    });
    await dispatcher.dispatchDue();
    clock.advance(500);
    await dispatcher.dispatchDue();
    expect(platform.sent).toEqual(["m0", "m1"]);
    // m1 went at T0 + 500 and relaxed the 500 ms pace to 499.5 ms: m2's slot is T0 + 999.5.
    expect((await row("m2")).nextAttemptAt).toEqual(new Date(T0.getTime() + 1_000));

    clock.advance(499);
    await dispatcher.dispatchDue();
    expect(await row("m2")).toMatchObject({
      status: "PENDING",
      attempts: 0,
      nextAttemptAt: new Date(T0.getTime() + 1_000),
    });
    clock.advance(1);
    await dispatcher.dispatchDue();
    expect(platform.sent).toEqual(["m0", "m1", "m2"]);
    expect(platform.limitedCount()).toBe(1);
  });
});
