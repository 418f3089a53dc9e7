/** Member and workspace settings with good input: tz, quiet, share, pause, resume, settings and admin. */
import { beforeEach, describe, expect, it } from "vitest";
import { stageLabel } from "../../src/core/commands/stages.ts";
import { ADA, ADMIN, createHarness, type Harness, T0, TEAM } from "../support/core-harness.ts";

let h: Harness;

beforeEach(() => {
  h = createHarness();
});

function fieldsOf(message: { fields?: { label: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries((message.fields ?? []).map((field) => [field.label, field.value]));
}

describe("tz", () => {
  it("GIVEN a member WHEN they set Europe/Berlin THEN it is stored and the reply shows their local time", async () => {
    const reply = await h.say("tz Europe/Berlin");
    expect(reply.text).toBe("Timezone set to Europe/Berlin. It's Mon 2 Mar 2026, 16:00 there now.");
    expect((await h.rows()).member.timezone).toBe("Europe/Berlin");
  });

  it.each([
    ["EST", "America/New_York"],
    ["pst", "America/Los_Angeles"],
    ["CET", "Europe/Berlin"],
    ["Berlin", "Europe/Berlin"],
    ["New York", "America/New_York"],
    ['"sao paulo"', "America/Sao_Paulo"],
    ["europe/berlin", "Europe/Berlin"],
    ["UTC", "UTC"],
  ])("GIVEN a member WHEN they type tz %s THEN the zone people mean by it is stored: %s", async (typed, zone) => {
    const reply = await h.say(`tz ${typed}`);
    expect(reply.text).toMatch(new RegExp(`^Timezone set to ${zone}\\. It's .+ there now\\.$`));
    expect((await h.rows()).member.timezone).toBe(zone);
  });

  it("GIVEN EST WHEN it is summer THEN the stored zone keeps daylight saving (New York, not a fixed UTC-5)", async () => {
    await h.say("tz EST");
    const zone = (await h.rows()).member.timezone ?? "";
    const july = new Intl.DateTimeFormat("en", { timeZone: zone, hour: "numeric", hourCycle: "h23" });
    expect(july.format(new Date("2026-07-01T16:00:00Z"))).toBe("12");
  });

  it("GIVEN a timezone set WHEN a date is given later THEN it is read in that zone", async () => {
    // 15:00 UTC on 2 March is already midnight, 3 March, in Tokyo: tomorrow there is the 4th.
    await h.sayAll(["timezone Asia/Tokyo", "apply Acme", "round Acme screen tomorrow 10:00"]);
    expect((await h.rows()).rounds[0]?.scheduledAt).toEqual(new Date("2026-03-04T01:00:00.000Z"));
  });

  it("GIVEN Slack reports the member's zone WHEN they first speak THEN the member starts in that zone", async () => {
    await h.say("settings", { ...ADA, timezone: "America/New_York" });
    expect((await h.rows()).member.timezone).toBe("America/New_York");
  });

  it("GIVEN the platform reports a zone the runtime doesn't know WHEN the member logs a dated round THEN it is read in the workspace default", async () => {
    const odd = { ...ADA, timezone: "Nowhere/Atlantis" };
    await h.say("apply Acme", odd);
    const reply = await h.say("round Acme screen tomorrow 10:00", odd);
    expect(reply.text).toContain(`Noted: ${stageLabel("SCREEN")} with Acme`);
    expect((await h.rows()).rounds[0]?.scheduledAt).toEqual(new Date("2026-03-03T10:00:00.000Z"));
  });
});

describe("quiet", () => {
  it("GIVEN a member WHEN they set quiet hours 22:00-07:30 THEN both ends are stored as minutes", async () => {
    const reply = await h.say("quiet 22:00-07:30");
    expect(reply.text).toContain("quiet from 22:00 to 07:30 (UTC)");
    expect((await h.rows()).member).toMatchObject({ quietStart: 1320, quietEnd: 450 });
  });

  it.each([
    ["9pm-7am", 1260, 420, "quiet from 21:00 to 07:00"],
    ["21-7", 1260, 420, "quiet from 21:00 to 07:00"],
    ["22-7", 1320, 420, "quiet from 22:00 to 07:00"],
    ["9pm - 7am", 1260, 420, "quiet from 21:00 to 07:00"],
    ["21:30-07:00", 1290, 420, "quiet from 21:30 to 07:00"],
    ["10:30pm to 6am", 1350, 360, "quiet from 22:30 to 06:00"],
  ])("GIVEN a member WHEN they set quiet %s THEN it is read like the times in dates and echoed as understood", async (hours, start, end, words) => {
    const reply = await h.say(`quiet ${hours}`);
    expect(reply.text).toContain(`Got it: ${words} (UTC). Anything due then waits until ${words.slice(-5)}.`);
    expect((await h.rows()).member).toMatchObject({ quietStart: start, quietEnd: end });
  });

  it("GIVEN quiet hours WHEN the member turns them off THEN both ends are cleared", async () => {
    await h.say("quiet 22:00-07:30");
    const reply = await h.say("quiet OFF");
    expect(reply.text).toContain("Quiet hours off");
    expect((await h.rows()).member).toMatchObject({ quietStart: null, quietEnd: null });
  });
});

describe("share", () => {
  it.each([
    ["company", "COMPANY", "with company names"],
    ["off", "OFF", "nothing about you is posted"],
    ["ON", "ON", "without company names"],
  ] as const)("GIVEN a member WHEN they choose share %s THEN sharing is %s", async (word, level, words) => {
    if (level === "ON") await h.say("share off");
    const reply = await h.say(`share ${word}`);
    expect(reply.text).toContain(words);
    expect(reply.text).toContain("Rejections are never shared");
    expect((await h.rows()).member.sharing).toBe(level);
  });
});

describe("pause and resume", () => {
  it("GIVEN a member WHEN they pause for 7 days THEN reminders wait a week", async () => {
    const reply = await h.say("pause 7");
    expect(reply.text).toContain("Paused for 7 days, until Mon 9 Mar 2026, 15:00");
    expect((await h.rows()).member.pausedUntil).toEqual(new Date("2026-03-09T15:00:00.000Z"));
  });

  it("GIVEN a pause WHEN the member resumes THEN the pause ends and they are welcomed back", async () => {
    await h.say("pause 7");
    const reply = await h.run("unpause");
    expect(reply.code).toBe("resumed");
    // Whether they were paused decides the words, and the words are what this checks.
    expect(reply.message.text).toContain("Welcome back");
    expect((await h.rows()).member.pausedUntil).toBeNull();
  });

  it("GIVEN a pause that already ran out WHEN the member resumes THEN they are told they weren't paused", async () => {
    await h.say("pause 1");
    h.clock.set("2026-03-04T00:00:00Z");
    const reply = await h.say("resume");
    expect(reply.text).toContain("You weren't paused");
    expect((await h.rows()).member.pausedUntil).toBeNull();
  });
});

describe("notify", () => {
  it("GIVEN all reminders on WHEN the member switches practice off twice THEN it is opted out once", async () => {
    const reply = await h.say("notify practice off");
    expect(reply.text).toMatch(/^weekly practice nudges for your gaps: off\./);
    await h.say("notify PRACTICE off");
    expect((await h.rows()).member.optOuts).toEqual(["practice"]);
  });

  it("GIVEN two kinds switched off WHEN one is switched back on THEN only the other stays off", async () => {
    await h.sayAll(["notify prep off", "notify check-in off", "notify prep on"]);
    expect((await h.rows()).member.optOuts).toEqual(["check-in"]);
  });

  it.each([
    ["notify newsletter off", "unknown-reminder-kind"],
    ["notify prep maybe", "bad-arguments"],
  ])("GIVEN a member WHEN they send %j THEN it is refused and nothing changes", async (line, code) => {
    await h.say("notify prep off");
    const before = await h.snapshot();
    expect(await h.run(line)).toMatchObject({ code, changed: false });
    expect(await h.snapshot()).toEqual(before);
  });
});

describe("settings", () => {
  it("GIVEN a new member WHEN they look at settings THEN they see the workspace zone, default quiet hours and sharing", async () => {
    const reply = await h.say("settings");
    expect(reply.title).toBe("Your settings");
    expect(fieldsOf(reply)).toEqual({
      "Timezone (tz)": "UTC (workspace default)",
      "Quiet hours (quiet)": "21:00-08:00",
      "Dates (dates)": "not set: I ask when 3/12 could be either",
      "Sharing (share)": "not chosen yet: nothing about you is posted; your first win asks",
      "Paused (pause / resume)": "no",
      "Reminders switched off (notify)": "none",
    });
  });

  it("GIVEN changed settings WHEN the member looks at them THEN each change shows", async () => {
    await h.sayAll([
      "tz Europe/Berlin",
      "quiet 23:00-06:00",
      "dates month-first",
      "share company",
      "pause 3",
      "notify prep off",
    ]);
    expect(fieldsOf(await h.say("prefs"))).toEqual({
      "Timezone (tz)": "Europe/Berlin",
      "Quiet hours (quiet)": "23:00-06:00",
      "Dates (dates)": "month first: 3/12 is March 12",
      "Sharing (share)": "your wins are celebrated in the team channel, with company names",
      "Paused (pause / resume)": "until Thu 5 Mar 2026, 16:00",
      "Reminders switched off (notify)": "prep",
    });
  });
});

describe("admin", () => {
  async function workspaceRow() {
    const snapshot = await h.snapshot([]);
    if (!snapshot) throw new Error("workspace missing");
    return snapshot.workspace;
  }

  it("GIVEN a workspace admin WHEN they set the channel with a Slack mention THEN the channel id is stored", async () => {
    const reply = await h.say("admin channel <#C0WINS|job-hunt>", ADMIN);
    expect(reply.text).toContain("Workspace setting `channel` is now");
    expect((await workspaceRow()).celebrationChannel).toBe("C0WINS");
  });

  it("GIVEN a workspace admin WHEN they change every other setting THEN each is stored", async () => {
    await h.sayAll(
      ["admin channel #job-hunt", "admin timezone Europe/Berlin", "admin chase-days 4", "admin silence-days 14"],
      ADMIN,
    );
    await h.say("admin weekly off", ADMIN);
    expect(await workspaceRow()).toMatchObject({
      celebrationChannel: "job-hunt",
      defaultTimezone: "Europe/Berlin",
      feedbackChaseDays: 4,
      silenceDays: 14,
      weeklyEncouragement: false,
      createdAt: T0,
    });
  });

  it("GIVEN a workspace default zone WHEN a member without a zone gives a date THEN it is read in the workspace zone", async () => {
    await h.say("admin timezone Asia/Tokyo", ADMIN);
    await h.sayAll(["apply Acme", "round Acme screen tomorrow 10:00"], { externalId: "U-DISCORD", displayName: "D" });
    const rows = await h.rows({ externalId: "U-DISCORD", displayName: "D" });
    expect(rows.rounds[0]?.scheduledAt).toEqual(new Date("2026-03-04T01:00:00.000Z"));
  });

  it("GIVEN a member who is not an admin WHEN they set the channel THEN it is refused and nothing changes", async () => {
    await h.say("settings");
    const before = await h.snapshot([ADA]);
    const reply = await h.run("admin channel #job-hunt");
    expect(reply.code).toBe("admin-only");
    expect(await h.snapshot([ADA])).toEqual(before);
  });

  it("GIVEN an admin WHEN they name an unknown setting THEN the known settings are listed and nothing changes", async () => {
    await h.say("settings", ADMIN);
    const before = await h.snapshot([ADMIN]);
    const { code, message: reply } = await h.run("admin colour blue", ADMIN);
    expect(code).toBe("unknown-workspace-setting");
    expect(reply.items?.join("\n")).toContain("`channel`");
    expect(await h.snapshot([ADMIN])).toEqual(before);
  });

  it.each([
    ["admin channel <#bad channel>"],
    ["admin timezone Mars/Olympus"],
    ["admin chase-days 0"],
    ["admin silence-days lots"],
    ["admin weekly sometimes"],
  ])("GIVEN an admin WHEN they send %j THEN it is refused and the workspace is unchanged", async (line) => {
    await h.say("settings", ADMIN);
    const before = await h.snapshot([ADMIN]);
    const { code, message: reply } = await h.run(line, ADMIN);
    expect(reply.private).toBe(true);
    expect(code).toBe("bad-arguments");
    expect(await h.snapshot([ADMIN])).toEqual(before);
  });

  it("GIVEN the admin command WHEN the workspace is read THEN it belongs to the identity the platform gave", async () => {
    await h.say("admin channel #job-hunt", ADMIN);
    expect(await workspaceRow()).toMatchObject({ platform: TEAM.platform, externalId: TEAM.externalId });
  });
});
