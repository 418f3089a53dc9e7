/** Dates in digits: dotted ones are day first, slashed ones follow the member's order, asked once when nobody knows it. */
import { beforeEach, describe, expect, it } from "vitest";
import type { BotUser } from "../../src/core/bot.ts";
import { orderFromLocale } from "../../src/core/date-order.ts";
import { ADA, createHarness, type Harness } from "../support/core-harness.ts";

let h: Harness;

beforeEach(async () => {
  h = createHarness();
  await h.sayAll(["tz Europe/Berlin", "apply Acme"]);
});

async function scheduledAt(user: BotUser = ADA): Promise<string | undefined> {
  return (await h.rows(user)).rounds.at(-1)?.scheduledAt?.toISOString();
}

describe("dotted dates", () => {
  it.each([
    ["03.12.2026 10:00", "Thu 3 Dec 2026, 10:00", "2026-12-03T09:00:00.000Z"],
    ["3.12. 14:30", "Thu 3 Dec 2026, 14:30", "2026-12-03T13:30:00.000Z"],
    ["12.03.2026", "Thu 12 Mar 2026", "2026-03-12T08:00:00.000Z"],
  ])("GIVEN no order chosen WHEN a round is on %j THEN it is day first: %s", async (when, reading, iso) => {
    const { code, message } = await h.run(`round acme onsite ${when}`);
    expect(code).toBe("round-scheduled");
    expect(message.text).toContain(`scheduled for ${reading}.`);
    expect(await scheduledAt()).toBe(iso);
  });

  it("GIVEN a member who writes month first WHEN they use dots THEN dots are still day first", async () => {
    await h.say("dates month-first");
    await h.say("round acme onsite 03.12.2026 10:00");
    expect(await scheduledAt()).toBe("2026-12-03T09:00:00.000Z");
  });
});

describe("slashed dates", () => {
  it.each([
    ["13/03 10:00", "2026-03-13T09:00:00.000Z"],
    ["03/13 10:00", "2026-03-13T09:00:00.000Z"],
    ["4/4 10:00", "2026-04-04T08:00:00.000Z"],
  ])("GIVEN no order chosen WHEN %j can only be one day THEN it is read without asking", async (when, iso) => {
    expect((await h.run(`round acme onsite ${when}`)).code).toBe("round-scheduled");
    expect(await scheduledAt()).toBe(iso);
  });

  it("GIVEN no order chosen WHEN 12/03 could be two days THEN the member is asked once, with both readings as buttons, and nothing is stored", async () => {
    const before = await h.snapshot();
    const asked = await h.run("round acme onsite 12/03 3pm");
    expect(asked).toMatchObject({ kind: "needs-confirmation", code: "date-order-question", changed: false });
    expect(asked.message.text).toBe(
      "Quick check: by 12/03, do you mean 12 March or 3 December? Tap one and I'll remember.",
    );
    expect(asked.message.buttons?.map((button) => [button.label, button.command])).toEqual([
      ["12 March", "round acme onsite 12/03 3pm --day-first"],
      ["3 December", "round acme onsite 12/03 3pm --month-first"],
    ]);
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN the question WHEN the member taps 3 December THEN the round is logged then, the order is remembered, and 5/6 is read the same way after", async () => {
    const asked = await h.run("round acme onsite 12/03 3pm");
    const tapped = asked.message.buttons?.find((button) => button.label === "3 December");
    if (!tapped) throw new Error("no 3 December button");

    const answered = await h.run(tapped.command);
    expect(answered.code).toBe("round-scheduled");
    expect(answered.message.text).toContain("scheduled for Thu 3 Dec 2026, 15:00.");
    expect(answered.message.text).toContain("I'll read dates like 3/12 month first from now on");
    expect(await scheduledAt()).toBe("2026-12-03T14:00:00.000Z");
    expect((await h.rows()).member.dateOrder).toBe("MONTH_FIRST");

    const next = await h.run("round acme final 5/6 10:00");
    expect(next.code).toBe("round-scheduled");
    expect(next.message.text).not.toContain("from now on");
    expect(await scheduledAt()).toBe("2026-05-06T08:00:00.000Z");
  });

  it.each([
    ["pipeline --day-first"],
    ["settings --month-first"],
    ["asked acme --day-first"],
  ])("GIVEN %j, a command that reads no dates WHEN sent THEN the answer is an unexpected word and nothing is remembered", async (line) => {
    const before = await h.snapshot();
    const { code, message } = await h.run(line);
    expect(code).toBe("bad-arguments");
    expect(message.text).toMatch(/I didn't expect "--(day|month)-first"/);
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN an invitation whose stage is left out WHEN its date is ambiguous THEN the question is about the date, not the stage", async () => {
    const asked = await h.run("invited acme 12/03");
    expect(asked.code).toBe("date-order-question");
    const tapped = asked.message.buttons?.[0];
    expect(tapped?.label).toBe("12 March");
    expect((await h.run(tapped?.command ?? "")).code).toBe("invitation-logged");
    expect(await scheduledAt()).toBe("2026-03-12T08:00:00.000Z");
  });

  it("GIVEN a day the calendar doesn't have WHEN typed THEN it is refused and nothing changes", async () => {
    const before = await h.snapshot();
    const refused = await h.run("round acme onsite 31/02/2026");
    expect(refused.code).toBe("bad-arguments");
    expect(refused.message.text).toContain(`"31/02/2026" isn't a day on the calendar.`);
    expect(await h.snapshot()).toEqual(before);
  });
});

describe("dates", () => {
  it("GIVEN the dates command WHEN the member says day-first THEN it is stored, exported, and 12/03 is 12 March", async () => {
    const set = await h.run("dates day-first");
    expect(set.code).toBe("date-order-set");
    expect(set.message.text).toBe(
      "Got it: day first: 3/12 is 3 December. Dates with dots, like 3.12.2026, are always day first.",
    );
    await h.say("round acme onsite 12/03 10:00");
    expect(await scheduledAt()).toBe("2026-03-12T09:00:00.000Z");
    const exported = JSON.parse((await h.say("export")).file?.content ?? "{}");
    expect(exported.member.dateOrder).toBe("DAY_FIRST");
  });

  it.each([
    ["dates sideways"],
    ["dates"],
  ])("GIVEN %j WHEN sent THEN it is refused and nothing changes", async (line) => {
    const before = await h.snapshot();
    expect((await h.run(line)).code).toBe("bad-arguments");
    expect(await h.snapshot()).toEqual(before);
  });
});

describe("the platform's locale", () => {
  const inLocale = (locale: string): BotUser => ({ externalId: `U-${locale}`, displayName: "Lo", locale });

  it.each([
    ["en-US", "MONTH_FIRST"],
    ["en-GB", "DAY_FIRST"],
    ["de", "DAY_FIRST"],
    ["fr-FR", "DAY_FIRST"],
    ["pt-BR", "DAY_FIRST"],
    ["ja", "MONTH_FIRST"],
    ["en", null],
    ["", null],
  ])("GIVEN the locale %j THEN slashed dates are read %s", (locale, order) => {
    expect(orderFromLocale(locale)).toBe(order);
  });

  it("GIVEN a member whose platform speaks en-GB WHEN they write 12/03 THEN it is 12 March, unasked, and nothing is stored as their choice", async () => {
    const member = inLocale("en-GB");
    await h.sayAll(["tz Europe/Berlin", "apply Acme"], member);
    expect((await h.run("round acme onsite 12/03 10:00", member)).code).toBe("round-scheduled");
    expect(await scheduledAt(member)).toBe("2026-03-12T09:00:00.000Z");
    expect((await h.rows(member)).member.dateOrder).toBeNull();
  });

  it("GIVEN an en-US member who chose day-first WHEN they write 12/03 THEN their choice wins over the locale", async () => {
    const member = inLocale("en-US");
    await h.sayAll(["tz Europe/Berlin", "apply Acme", "dates day-first"], member);
    await h.say("round acme onsite 12/03 10:00", member);
    expect(await scheduledAt(member)).toBe("2026-03-12T09:00:00.000Z");
  });
});
