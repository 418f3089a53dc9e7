/** A message the platform refused for good is mentioned once, at the top of the member's next reply. */
import { describe, expect, it } from "vitest";
import { ADA, BEN, createHarness, type Harness } from "../support/core-harness.ts";

const HEADS_UP = /^Heads-up: I couldn't deliver/;

/** Claims every queued row and fails those matching `which` for good with `error`. */
async function failQueued(
  h: Harness,
  error: string,
  which: (row: { kind: string; target: string }) => boolean = () => true,
  status: "FAILED" | "DEAD" = "FAILED",
): Promise<number> {
  const claimed = await h.drainOutbox();
  let failed = 0;
  for (const row of claimed) {
    if (which(row)) {
      await h.store.outbox.markFailed(row.id, error, status);
      failed++;
    } else {
      await h.store.outbox.markSent(row.id, h.clock.now());
    }
  }
  return failed;
}

describe("failure notice", () => {
  it("GIVEN a congratulation DM that failed because DMs are closed WHEN the member's next command runs THEN the reply starts with the heads-up, once", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "offer Acme"]);
    expect(await failQueued(h, "slack: dm_closed")).toBe(1);
    const first = await h.say("pipeline");
    expect(first.text).toMatch(HEADS_UP);
    expect(first.text).toContain("I couldn't deliver a message to you (your direct messages are closed to the bot)");
    expect(first.text).toContain("\n\n1 in progress.");
    expect(first.title).toBe("Your pipeline");
    const second = await h.say("pipeline");
    expect(second.text).not.toMatch(/Heads-up/);
    const [row] = (await h.rows()).outbox;
    expect(row?.failureToldAt).toEqual(h.clock.now());
  });

  it("GIVEN two failures, one FAILED and one DEAD, for different reasons WHEN the next command runs THEN both are counted and both reasons named", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "offer Acme", "apply Globex", "rejected Globex"]);
    const claimed = await h.drainOutbox();
    expect(claimed).toHaveLength(2);
    await h.store.outbox.markFailed(claimed[0]?.id ?? "", "user_not_found", "FAILED");
    await h.store.outbox.markFailed(claimed[1]?.id ?? "", "timeout after 8 attempts", "DEAD");
    const reply = await h.say("stats");
    expect(reply.text).toMatch(/^Heads-up: I couldn't deliver 2 messages to you \(/);
    expect(reply.text).toContain("the platform couldn't find your account");
    expect(reply.text).toContain("the platform refused it");
    expect((await h.say("stats")).text).not.toMatch(/Heads-up/);
  });

  it("GIVEN a failed message WHEN the next line is refused for bad arguments THEN the heads-up waits for a command that runs", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "offer Acme"]);
    await failQueued(h, "dm_closed");
    const refused = await h.say("pause abc");
    expect(refused.text).not.toMatch(/Heads-up/);
    expect((await h.rows()).outbox[0]?.failureToldAt).toBeNull();
    expect((await h.say("settings")).text).toMatch(HEADS_UP);
  });

  it("GIVEN a failed message WHEN the next command is refused because the company isn't tracked THEN the heads-up waits too", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "offer Acme"]);
    await failQueued(h, "dm_closed");
    const refused = await h.say("asked Nowhere");
    expect(refused.text).toContain("aren't tracking");
    expect(refused.text).not.toMatch(/Heads-up/);
    expect((await h.say("gaps")).text).toMatch(HEADS_UP);
  });

  it("GIVEN a message that was delivered or is still pending WHEN the member runs a command THEN there is no heads-up", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "offer Acme"]);
    expect((await h.say("pipeline")).text).not.toMatch(/Heads-up/);
    await failQueued(h, "unused", () => false);
    expect((await h.say("pipeline")).text).not.toMatch(/Heads-up/);
  });

  it("GIVEN a message that will be retried WHEN the member runs a command THEN there is no heads-up", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "offer Acme"]);
    const [row] = await h.drainOutbox();
    await h.store.outbox.reschedule(row?.id ?? "", h.clock.now(), "rate_limited");
    expect((await h.say("pipeline")).text).not.toMatch(/Heads-up/);
  });

  it("GIVEN Ada's message failed WHEN Ben runs a command THEN Ben gets no heads-up and Ada still gets hers", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "offer Acme"], ADA);
    await h.say("apply Acme", BEN);
    await failQueued(h, "dm_closed");
    expect((await h.say("pipeline", BEN)).text).not.toMatch(/Heads-up/);
    expect((await h.say("pipeline", ADA)).text).toMatch(HEADS_UP);
  });

  it("GIVEN a failed message WHEN the member's next command is forget confirm THEN everything is deleted and no heads-up is shown", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "offer Acme"]);
    await failQueued(h, "dm_closed");
    const reply = await h.say("forget confirm");
    expect(reply.text).toMatch(/^Done: everything I kept about you is deleted/);
    expect((await h.snapshot([ADA]))?.members[ADA.externalId]).toBeNull();
  });
});
