/** Replies that cannot be shown in place go through the outbox as a DM: due at once, and once per request however often it comes. */
import { describe, expect, it } from "vitest";
import { createDirectReplies, DIRECT_REPLY_KIND } from "../../src/core/direct-reply.ts";
import { ADA, BEN, createHarness, T0, TEAM } from "../support/core-harness.ts";

describe("direct replies", () => {
  it("GIVEN a member's reply WHEN queued THEN one DIRECT row for them is due now, with the reply as payload", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    const replies = createDirectReplies({ store: h.store, clock: h.clock });
    await replies.queue(TEAM, ADA, { text: "Logged the onsite at Acme.", private: true }, "view-1");
    const claimed = await h.store.outbox.claimDue(T0, 10, 60_000);
    expect(claimed).toHaveLength(1);
    expect(claimed[0]).toMatchObject({
      kind: DIRECT_REPLY_KIND,
      target: "DIRECT",
      memberExternalId: ADA.externalId,
      payload: { text: "Logged the onsite at Acme." },
    });
  });

  it("GIVEN the same request twice (a platform retry) THEN one row is queued", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    const replies = createDirectReplies({ store: h.store, clock: h.clock });
    await replies.queue(TEAM, ADA, { text: "first" }, "view-1");
    await replies.queue(TEAM, ADA, { text: "second" }, "view-1");
    await replies.queue(TEAM, ADA, { text: "another form" }, "view-2");
    const texts = (await h.drainOutbox()).map((row) => row.payload.text);
    expect(texts.sort()).toEqual(["another form", "first"]);
  });

  it("GIVEN quiet hours now WHEN a reply is queued THEN it is still due at once: it answers what the member just did", async () => {
    const h = createHarness({ start: new Date("2026-03-02T23:30:00.000Z") });
    await h.say("apply Acme");
    await createDirectReplies({ store: h.store, clock: h.clock }).queue(TEAM, ADA, { text: "done" }, "view-1");
    expect(await h.store.outbox.claimDue(h.clock.now(), 10, 60_000)).toHaveLength(1);
  });

  it("GIVEN someone whose first command was refused (no member yet) THEN they are enrolled so the DM has a recipient", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    await createDirectReplies({ store: h.store, clock: h.clock }).queue(TEAM, BEN, { text: "refused" }, "view-9");
    const [row] = await h.drainOutbox();
    expect(row?.memberExternalId).toBe(BEN.externalId);
    expect((await h.rows(BEN)).member.displayName).toBe("Ben");
  });
});
