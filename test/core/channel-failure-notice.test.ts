/** A team-channel post the platform refused for good is told to the workspace's admins, once, at the next command one of them runs. */
import { describe, expect, it } from "vitest";
import { ADA, ADMIN, BEN, createHarness, type Harness } from "../support/core-harness.ts";

const ADMIN_HEADS_UP = /^Heads-up for admins: I couldn't post/;

/** Ada's win, queued for the team channel and refused there for good with `error`; her own messages are sent. */
async function refusedChannelPost(h: Harness, error: string): Promise<void> {
  await h.setCelebrationChannel("C-WINS");
  await h.sayAll(["share on", "apply Acme", "invited Acme onsite"], ADA);
  const claimed = await h.drainOutbox();
  expect(claimed.some((row) => row.target === "CHANNEL")).toBe(true);
  for (const row of claimed) {
    if (row.target === "CHANNEL") await h.store.outbox.markFailed(row.id, error, "FAILED");
    else await h.store.outbox.markSent(row.id, h.clock.now());
  }
}

describe("failed channel posts", () => {
  it("GIVEN a celebration the channel refused WHEN an admin's next command runs THEN the reply starts with the heads-up and its reason, once", async () => {
    const h = createHarness();
    await refusedChannelPost(h, "not_in_channel");
    const first = await h.say("pipeline", ADMIN);
    expect(first.text).toMatch(ADMIN_HEADS_UP);
    expect(first.text).toContain("a message to the team channel (the bot isn't in the team channel)");
    expect((await h.say("pipeline", ADMIN)).text).not.toMatch(/Heads-up/);
    const row = (await h.rows()).outbox.find((message) => message.target === "CHANNEL");
    expect(row?.failureToldAt).toEqual(h.clock.now());
  });

  it("GIVEN a celebration the channel refused WHEN members who are not admins run commands THEN none of them is told, and an admin still is", async () => {
    const h = createHarness();
    await refusedChannelPost(h, "channel_not_found");
    expect((await h.say("pipeline", ADA)).text).not.toMatch(/Heads-up/);
    expect((await h.say("apply Globex", BEN)).text).not.toMatch(/Heads-up/);
    expect((await h.say("gaps", ADMIN)).text).toMatch(ADMIN_HEADS_UP);
  });

  it("GIVEN one refused post told to one admin WHEN another admin runs a command THEN they are not told again", async () => {
    const h = createHarness();
    await refusedChannelPost(h, "is_archived");
    const OTHER_ADMIN = { externalId: "U-ROOT-2", displayName: "Sam", isAdmin: true };
    expect((await h.say("pipeline", ADMIN)).text).toMatch(ADMIN_HEADS_UP);
    expect((await h.say("pipeline", OTHER_ADMIN)).text).not.toMatch(/Heads-up/);
  });
});
