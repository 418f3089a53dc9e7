/** Replies show the date understood: every confirmation that stores a date or time echoes it in one format, in the member's zone. */
import { beforeEach, describe, expect, it } from "vitest";
import { stageLabel } from "../../src/core/commands/stages.ts";
import { formatMoment, mapMoments } from "../../src/core/moments.ts";
import { formatLocal, formatLocalDay } from "../../src/core/time.ts";
import { createHarness, type Harness } from "../support/core-harness.ts";

let h: Harness;

beforeEach(async () => {
  h = createHarness();
  // T0 is Monday 2 March 2026, 15:00 UTC: already 00:00 on Tuesday 3 March in Tokyo.
  await h.sayAll(["tz Asia/Tokyo", "apply Acme"]);
});

describe("the one format", () => {
  it("GIVEN an instant WHEN read in a zone THEN it is weekday, day, month, year and 24-hour time there", () => {
    const at = new Date("2026-12-03T13:00:00.000Z");
    expect(formatLocal(at, "Europe/Berlin")).toBe("Thu 3 Dec 2026, 14:00");
    expect(formatLocalDay(at, "Europe/Berlin")).toBe("Thu 3 Dec 2026");
    // The same instant is already Friday in Auckland.
    expect(formatLocal(at, "Pacific/Auckland")).toBe("Fri 4 Dec 2026, 02:00");
  });

  it("GIVEN a day without a time WHEN written as a moment THEN renderers know to show the day alone", () => {
    const at = new Date("2026-12-03T08:00:00.000Z");
    const text = `on ${formatMoment(at, "Europe/Berlin", false)} and ${formatMoment(at, "Europe/Berlin")}`;
    const readings: boolean[] = [];
    const read = mapMoments({ text }, (unix, reading, dayOnly) => {
      readings.push(dayOnly);
      expect(unix).toBe(at.getTime() / 1000);
      return reading;
    });
    expect(read.text).toBe("on Thu 3 Dec 2026 and Thu 3 Dec 2026, 09:00");
    expect(readings).toEqual([true, false]);
  });
});

describe("round: held or scheduled, as the date was understood", () => {
  it.each([
    ["round acme screen yesterday 3pm", "round-held", "held on Mon 2 Mar 2026, 15:00", "2026-03-02T06:00:00.000Z"],
    [
      "round acme screen tomorrow 3pm",
      "round-scheduled",
      "scheduled for Wed 4 Mar 2026, 15:00",
      "2026-03-04T06:00:00.000Z",
    ],
    ["round acme screen yesterday", "round-held", "held on Mon 2 Mar 2026.", "2026-03-02T00:00:00.000Z"],
    [
      "round acme screen Dec 3 10:00",
      "round-scheduled",
      "scheduled for Thu 3 Dec 2026, 10:00",
      "2026-12-03T01:00:00.000Z",
    ],
    ["round acme screen 2026-01-20 11:30", "round-held", "held on Tue 20 Jan 2026, 11:30", "2026-01-20T02:30:00.000Z"],
  ])("GIVEN a member in Tokyo WHEN they send %j THEN the code is %s and the reply says %j", async (line, code, words, iso) => {
    const { code: answered, message } = await h.run(line);
    expect(answered).toBe(code);
    expect(message.text).toContain(`${stageLabel("SCREEN")} with Acme, ${words}`);
    const [round] = (await h.rows()).rounds;
    expect(round?.scheduledAt?.toISOString()).toBe(iso);
    // A held round is held at that time; a scheduled one is not held yet.
    expect(round?.heldAt?.toISOString() ?? null).toBe(code === "round-held" ? iso : null);
  });

  it("GIVEN no date WHEN a round is logged THEN it is held today, and the reply names the day", async () => {
    const { code, message } = await h.run("round acme technical");
    expect(code).toBe("round-held");
    expect(message.text).toContain(`${stageLabel("TECHNICAL")} with Acme, held today, Tue 3 Mar 2026.`);
  });
});

describe("other confirmations that store a date", () => {
  it("GIVEN an invitation with a day and time WHEN logged THEN the reply shows it with the year", async () => {
    const reply = await h.say("invited acme onsite Dec 3 10:00");
    expect(reply.text).toContain("Onsite on Thu 3 Dec 2026, 10:00 is on your list.");
  });

  it("GIVEN an invitation with a day only WHEN logged THEN the reply shows the day alone", async () => {
    const reply = await h.say("invited acme onsite 2026-12-03");
    expect(reply.text).toContain("Onsite on Thu 3 Dec 2026 is on your list.");
  });

  it("GIVEN a pause WHEN set THEN the reply shows until when, in the member's zone", async () => {
    const reply = await h.say("pause 7");
    expect(reply.text).toContain("Paused for 7 days, until Tue 10 Mar 2026, 00:00.");
  });

  it("GIVEN a feedback reminder WHEN snoozed THEN the reply names the day it comes back", async () => {
    await h.say("rejected acme");
    const reply = await h.say("snooze acme");
    expect(reply.text).toBe("Snoozed: I'll bring up Acme again in a week, on Tue 10 Mar 2026.");
  });

  it("GIVEN a timezone WHEN set THEN the local time there is shown with its year", async () => {
    expect((await h.say("tz Europe/Berlin")).text).toBe(
      "Timezone set to Europe/Berlin. It's Mon 2 Mar 2026, 16:00 there now.",
    );
  });
});
