/** Privacy rules: rejections never go public, wins go to the channel only as the member chose, replies stay private. */
import { describe, expect, it } from "vitest";
import type { OutboxMessage, Sharing } from "../../src/core/model.ts";
import { ADA, BEN, createHarness, type Harness, minutesAfter, T0 } from "../support/core-harness.ts";

const SHARING: readonly [string, Sharing][] = [
  ["on", "ON"],
  ["off", "OFF"],
  ["company", "COMPANY"],
  ["anonymous", "ANONYMOUS"],
];
/** A name that cannot turn up in any message by accident. */
const COMPANY = "Zyxwv Robotics";

async function memberWithApplication(share: string, channel: string | null): Promise<Harness> {
  const h = createHarness();
  if (channel) await h.setCelebrationChannel(channel);
  await h.sayAll([`share ${share}`, `apply "${COMPANY}"`, "round zyxwv technical"]);
  return h;
}

function channelRows(rows: readonly Pick<OutboxMessage, "target">[]): number {
  return rows.filter((row) => row.target === "CHANNEL").length;
}

describe("a rejection is never public", () => {
  it.each(
    SHARING,
  )("GIVEN share %s and a celebration channel WHEN a rejection is logged THEN no channel message exists anywhere", async (share) => {
    const h = await memberWithApplication(share, "C-WINS");
    const reply = await h.say("rejected zyxwv technical");
    expect(reply.text).toContain("Logged, privately: nothing about this goes to the team");
    const { outbox } = await h.rows();
    expect(channelRows(outbox)).toBe(0);
    expect(outbox.map((row) => [row.kind, row.target, row.channel])).toEqual([["encouragement", "DIRECT", null]]);
    expect(channelRows(await h.drainOutbox())).toBe(0);
  });

  it.each(
    SHARING,
  )("GIVEN share %s WHEN a rejection follows an earlier celebrated invitation THEN only the invitation reached the channel", async (share, level) => {
    const h = await memberWithApplication(share, "C-WINS");
    await h.say("invited zyxwv onsite");
    await h.say("rejected zyxwv");
    const queued = await h.drainOutbox();
    const channel = queued.filter((row) => row.target === "CHANNEL");
    expect(channel.map((row) => row.kind)).toEqual(level === "OFF" ? [] : ["celebration"]);
    for (const row of channel) expect(JSON.stringify(row.payload)).not.toMatch(/reject|not this time|passed on/i);
  });
});

describe("wins reach the channel only as the member chose", () => {
  const WINS = [
    ["invited", "invited zyxwv onsite"],
    ["offer", "offer zyxwv"],
    // With no offer logged, accepting is unusual and asks first; these lines say yes (see transitions.test.ts).
    ["accepted", "accepted zyxwv --yes"],
  ] as const;

  for (const [win, line] of WINS) {
    it.each(
      SHARING,
    )(`GIVEN share %s and a celebration channel WHEN ${win} is logged THEN the channel gets a post unless sharing is off`, async (share, level) => {
      const h = await memberWithApplication(share, "C-WINS");
      await h.say(line);
      const channel = (await h.rows()).outbox.filter((row) => row.target === "CHANNEL");
      if (level === "OFF") {
        expect(channel).toEqual([]);
        return;
      }
      expect(channel).toHaveLength(1);
      // The post waits out the undo window (two minutes unless the admins chose otherwise).
      expect(channel[0]).toMatchObject({ kind: "celebration", channel: "C-WINS", nextAttemptAt: minutesAfter(T0, 2) });
      expect(channel[0]?.payload.text?.includes("Ada")).toBe(level !== "ANONYMOUS");
      const mentionsCompany = JSON.stringify(channel[0]?.payload).includes("Zyxwv");
      expect(mentionsCompany).toBe(level === "COMPANY");
    });

    it.each(
      SHARING,
    )(`GIVEN share %s and no celebration channel WHEN ${win} is logged THEN nothing is queued for a channel`, async (share) => {
      const h = await memberWithApplication(share, null);
      await h.say(line);
      expect(channelRows((await h.rows()).outbox)).toBe(0);
      expect(channelRows(await h.drainOutbox())).toBe(0);
    });

    it.each(
      SHARING,
    )(`GIVEN share %s WHEN ${win} is logged THEN a private congratulation naming the company is queued`, async (share) => {
      const h = await memberWithApplication(share, "C-WINS");
      await h.say(line);
      const { outbox, member } = await h.rows();
      const direct = outbox.filter((row) => row.target === "DIRECT");
      expect(direct).toHaveLength(1);
      expect(direct[0]).toMatchObject({ kind: "congratulation", memberId: member.id, channel: null });
      expect(direct[0]?.payload.private).toBe(true);
      expect(direct[0]?.payload.text).toContain(COMPANY);
    });
  }

  it("GIVEN share on WHEN told about the invitation THEN the reply says the team hears of it; with share off it doesn't", async () => {
    const shared = await memberWithApplication("on", "C-WINS");
    expect((await shared.say("invited zyxwv")).text).toContain("The team hears of it in 2 minutes");
    const quiet = await memberWithApplication("off", "C-WINS");
    expect((await quiet.say("invited zyxwv")).text).not.toContain("telling the team");
  });

  it("GIVEN share company WHEN the member switches to share on before the next win THEN that win's post hides the company", async () => {
    const h = await memberWithApplication("company", "C-WINS");
    await h.say("invited zyxwv onsite");
    await h.say("share on");
    await h.say("offer zyxwv");
    const posts = (await h.rows()).outbox.filter((row) => row.target === "CHANNEL");
    expect(posts.map((row) => JSON.stringify(row.payload).includes("Zyxwv"))).toEqual([true, false]);
  });

  it("GIVEN two invitations on one application WHEN each is logged THEN each is celebrated once", async () => {
    const h = await memberWithApplication("on", "C-WINS");
    await h.say("invited zyxwv onsite");
    await h.say("invited zyxwv final");
    const kinds = (await h.rows()).outbox.map((row) => `${row.target}:${row.kind}`).sort();
    expect(kinds).toEqual([
      "CHANNEL:celebration",
      "CHANNEL:celebration",
      "DIRECT:congratulation",
      "DIRECT:congratulation",
    ]);
  });
});

describe("replies are private", () => {
  it("GIVEN a whole journey WHEN every reply is inspected THEN each one is private to the member", async () => {
    const h = createHarness();
    await h.setCelebrationChannel("C-WINS");
    const lines = [
      "help",
      "apply Acme",
      "round acme screen tomorrow 3pm",
      "invited acme onsite",
      "rejected acme",
      "asked acme",
      "feedback acme more SQL",
      "met acme Dana",
      "learned acme window functions",
      "impression acme 3",
      "gap sql",
      "gaps",
      "practiced 1",
      "pipeline",
      "timeline acme",
      "stats",
      "settings",
      "share company",
      "export",
      "aply",
      "round",
      "forget",
      "forget confirm",
    ];
    for (const line of lines) expect((await h.say(line)).private, line).toBe(true);
  });
});

describe("encouragement after a rejection", () => {
  it("GIVEN the same rejection logged twice WHEN the outbox is read THEN one encouragement is queued", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "rejected Acme", "rejected Acme"]);
    expect((await h.rows()).outbox.filter((row) => row.kind === "encouragement")).toHaveLength(1);
  });

  it("GIVEN a rejection, then a status bounce, then the rejection logged again WHEN the outbox is read THEN still one encouragement", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "rejected Acme", "ghosted Acme", "rejected Acme"]);
    const { outbox, applications } = await h.rows();
    expect(applications[0]?.status).toBe("REJECTED");
    expect(outbox.filter((row) => row.kind === "encouragement")).toHaveLength(1);
  });

  it("GIVEN rejections from two companies WHEN the outbox is read THEN each gets its own encouragement", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "apply Globex", "rejected Acme", "rejected Globex"]);
    expect((await h.rows()).outbox.filter((row) => row.kind === "encouragement")).toHaveLength(2);
  });

  it("GIVEN daytime for the member WHEN a rejection is logged THEN the encouragement follows ten minutes later, with next-step buttons", async () => {
    const h = createHarness();
    await h.sayAll(["tz America/New_York", "apply Acme", "rejected Acme"]);
    const [message] = (await h.rows()).outbox;
    expect(message).toMatchObject({ kind: "encouragement", target: "DIRECT", nextAttemptAt: minutesAfter(T0, 10) });
    expect(message?.payload.private).toBe(true);
    expect(message?.payload.buttons?.map((button) => button.command)).toEqual(['asked "Acme"', "gaps"]);
  });

  it("GIVEN 21:30 in New York and quiet hours 21:00-08:00 WHEN a rejection is logged THEN the encouragement waits for 08:00 New York time", async () => {
    const h = createHarness();
    await h.sayAll(["tz America/New_York", "quiet 21:00-08:00", "apply Acme"]);
    h.clock.set("2026-03-10T01:30:00Z"); // 21:30 EDT on 9 March
    await h.say("rejected Acme");
    const [message] = (await h.rows()).outbox;
    expect(message?.nextAttemptAt).toEqual(new Date("2026-03-10T12:00:00.000Z"));
  });

  it("GIVEN 20:55 local WHEN a rejection is logged THEN the ten-minute delay lands in quiet hours and it waits for the morning", async () => {
    const h = createHarness();
    await h.sayAll(["tz Europe/Berlin", "quiet 21:00-08:00", "apply Acme"]);
    h.clock.set("2026-03-02T19:55:00Z"); // 20:55 CET
    await h.say("rejected Acme");
    expect((await h.rows()).outbox[0]?.nextAttemptAt).toEqual(new Date("2026-03-03T07:00:00.000Z"));
  });

  it("GIVEN one instant that is night in Tokyo and afternoon in New York WHEN both members are rejected THEN only Tokyo's encouragement waits", async () => {
    const h = createHarness();
    h.clock.set("2026-03-02T14:00:00Z"); // 23:00 in Tokyo, 09:00 in New York
    await h.sayAll(["tz Asia/Tokyo", "apply Acme", "rejected Acme"], ADA);
    await h.sayAll(["tz America/New_York", "apply Acme", "rejected Acme"], BEN);
    expect((await h.rows(ADA)).outbox[0]?.nextAttemptAt).toEqual(new Date("2026-03-02T23:00:00.000Z"));
    expect((await h.rows(BEN)).outbox[0]?.nextAttemptAt).toEqual(new Date("2026-03-02T14:10:00.000Z"));
  });

  it("GIVEN quiet hours off WHEN a rejection is logged at 03:00 THEN the encouragement is not held back", async () => {
    const h = createHarness();
    await h.sayAll(["quiet off", "apply Acme"]);
    h.clock.set("2026-03-03T03:00:00Z");
    await h.say("rejected Acme");
    expect((await h.rows()).outbox[0]?.nextAttemptAt).toEqual(new Date("2026-03-03T03:10:00.000Z"));
  });

  it("GIVEN quiet hours WHEN a win is logged at night THEN the team post goes after the undo window and the private note waits for morning", async () => {
    const h = createHarness();
    await h.setCelebrationChannel("C-WINS");
    await h.sayAll(["share on", "tz Europe/Berlin", "quiet 22:00-07:00", "apply Acme"]);
    h.clock.set("2026-03-02T22:30:00Z"); // 23:30 CET
    await h.say("offer Acme");
    const byTarget = Object.fromEntries((await h.rows()).outbox.map((row) => [row.target, row.nextAttemptAt]));
    expect(byTarget).toEqual({
      CHANNEL: new Date("2026-03-02T22:32:00.000Z"),
      DIRECT: new Date("2026-03-03T06:00:00.000Z"),
    });
  });
});
