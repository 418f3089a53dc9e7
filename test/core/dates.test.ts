/** Reading "when" phrases in the member's timezone: ISO, natural phrases, date-only defaults and garbage. */

import { describe, expect, it } from "vitest";
import { parseTimeOfDay, parseWhen } from "../../src/core/grammar/dates.ts";
import { spellNumericDates } from "../../src/core/grammar/numeric-dates.ts";
import { withoutMarks } from "../../src/core/member-text.ts";

/** 1 July 2026 02:00 UTC: still 30 June (22:00) in New York, already 1 July (11:00) in Tokyo. */
const NOW = new Date("2026-07-01T02:00:00.000Z");

function at(text: string, timeZone: string, now = NOW): { iso: string; hasTime: boolean } {
  const result = parseWhen(text, now, timeZone);
  if (!result.ok) throw new Error(`expected a date from "${text}", got: ${result.problem}`);
  return { iso: result.at.toISOString(), hasTime: result.hasTime };
}

describe("parseWhen", () => {
  it("GIVEN an ISO date-time with an offset WHEN parsed in any zone THEN the offset wins over the member's zone", () => {
    expect(at("2026-12-03T14:30:00+01:00", "America/New_York").iso).toBe("2026-12-03T13:30:00.000Z");
    expect(at("2026-12-03T14:30:00+01:00", "Asia/Tokyo").iso).toBe("2026-12-03T13:30:00.000Z");
    expect(at("2026-12-03T14:30Z", "Asia/Tokyo").iso).toBe("2026-12-03T14:30:00.000Z");
  });

  it("GIVEN an ISO date-time without an offset WHEN parsed THEN it is wall time in the member's zone", () => {
    expect(at("2026-12-03 14:30", "America/New_York")).toEqual({ iso: "2026-12-03T19:30:00.000Z", hasTime: true });
    expect(at("2026-12-03 14:30", "Asia/Tokyo")).toEqual({ iso: "2026-12-03T05:30:00.000Z", hasTime: true });
  });

  it("GIVEN late evening in New York WHEN the member says tomorrow 3pm THEN it is 3pm on New York's tomorrow", () => {
    expect(at("tomorrow 3pm", "America/New_York")).toEqual({ iso: "2026-07-01T19:00:00.000Z", hasTime: true });
  });

  it("GIVEN the same instant in Tokyo, already a day ahead WHEN the member says tomorrow 3pm THEN it is Tokyo's tomorrow", () => {
    expect(at("tomorrow 3pm", "Asia/Tokyo")).toEqual({ iso: "2026-07-02T06:00:00.000Z", hasTime: true });
  });

  it("GIVEN summer now and a December date WHEN parsed in New York THEN December's standard-time offset applies", () => {
    expect(at("Dec 3 10:00", "America/New_York")).toEqual({ iso: "2026-12-03T15:00:00.000Z", hasTime: true });
  });

  it("GIVEN Dec 3 10:00 WHEN parsed in Tokyo THEN it is 10:00 Tokyo time (01:00 UTC)", () => {
    expect(at("Dec 3 10:00", "Asia/Tokyo").iso).toBe("2026-12-03T01:00:00.000Z");
  });

  it("GIVEN filler words around the date WHEN parsed THEN they are accepted", () => {
    expect(at("at 3pm on friday", "America/New_York").iso).toBe("2026-07-03T19:00:00.000Z");
    expect(at("Dec 3rd at 10am", "Asia/Tokyo").iso).toBe("2026-12-03T01:00:00.000Z");
  });

  it("GIVEN a date without a time WHEN parsed THEN it defaults to 09:00 local and says it had no time", () => {
    expect(at("2026-12-03", "America/New_York")).toEqual({ iso: "2026-12-03T14:00:00.000Z", hasTime: false });
    expect(at("2026-12-03", "Asia/Tokyo")).toEqual({ iso: "2026-12-03T00:00:00.000Z", hasTime: false });
    expect(at("tomorrow", "America/New_York")).toEqual({ iso: "2026-07-01T13:00:00.000Z", hasTime: false });
    expect(at("yesterday", "Asia/Tokyo")).toEqual({ iso: "2026-06-30T00:00:00.000Z", hasTime: false });
  });

  it("GIVEN a relative time across the Berlin spring-forward WHEN parsed THEN real elapsed hours count", () => {
    // 01:30 CET on the night clocks jump from 02:00 to 03:00: three hours later is 05:30 CEST.
    const now = new Date("2026-03-29T00:30:00.000Z");
    expect(at("in 3 hours", "Europe/Berlin", now).iso).toBe("2026-03-29T03:30:00.000Z");
  });

  it("GIVEN it is March WHEN a member says Dec 3 10:00 THEN it is the coming December, not the one just gone", () => {
    const march = new Date("2026-03-02T15:00:00.000Z");
    expect(at("Dec 3 10:00", "America/New_York", march).iso).toBe("2026-12-03T15:00:00.000Z");
  });

  it("GIVEN it is March WHEN a member names a day a few weeks back without a year THEN it stays in the past", () => {
    const march = new Date("2026-03-02T15:00:00.000Z");
    expect(at("Feb 10 14:00", "Europe/Berlin", march).iso).toBe("2026-02-10T13:00:00.000Z");
  });

  it("GIVEN a year is written WHEN the date is long past THEN the year is kept", () => {
    const march = new Date("2026-03-02T15:00:00.000Z");
    expect(at("Dec 3 2025 10:00", "America/New_York", march).iso).toBe("2025-12-03T15:00:00.000Z");
  });

  it.each([
    ["blorp"],
    ["3pm banana"],
    ["tomorrow or friday"],
    ["32/13/2026"],
    ["2026-02-30"],
    [""],
  ])("GIVEN the garbage %j WHEN parsed THEN it is refused with examples of what works", (text) => {
    const result = parseWhen(text, NOW, "America/New_York");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain("tomorrow 3pm");
  });
});

describe("spellNumericDates", () => {
  it.each([
    ["03.12.2026 10:00", null, "3 December 2026 10:00"],
    ["3.12.", "MONTH_FIRST", "3 December"],
    ["3.12.26", null, "3 December 2026"],
    ["12/03", "DAY_FIRST", "12 March"],
    ["12/03", "MONTH_FIRST", "3 December"],
    ["13/03", null, "13 March"],
    ["03/13/2027", null, "13 March 2027"],
    ["7/7", null, "7 July"],
    ["tomorrow 10.30", null, "tomorrow 10.30"],
    ["2026-12-03", null, "2026-12-03"],
  ] as const)("GIVEN %j read %s THEN it is spelled %j", (text, order, spelled) => {
    expect(spellNumericDates(text, order)).toEqual({ ok: true, text: spelled });
  });

  it("GIVEN 3/12 and no order THEN both readings are offered", () => {
    expect(spellNumericDates("3/12 at 10:00", null)).toMatchObject({
      ok: false,
      question: { written: "3/12", dayFirst: "3 December", monthFirst: "12 March" },
    });
  });

  it.each([["31/02/2026"], ["13/13"], ["0/5"], ["31.04.2026"]])("GIVEN %j THEN it is no day at all", (text) => {
    const result = spellNumericDates(text, "DAY_FIRST");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(withoutMarks(result.problem)).toContain(`"${text}" isn't a day on the calendar`);
  });
});

describe("parseWhen with a date order", () => {
  it("GIVEN 12/03 3pm WHEN the order is known THEN it is read that way in the member's zone", () => {
    expect(parseWhen("12/03 3pm", NOW, "Asia/Tokyo", "DAY_FIRST")).toEqual({
      ok: true,
      at: new Date("2027-03-12T06:00:00.000Z"),
      hasTime: true,
    });
    expect(parseWhen("12/03 3pm", NOW, "Asia/Tokyo", "MONTH_FIRST")).toEqual({
      ok: true,
      at: new Date("2026-12-03T06:00:00.000Z"),
      hasTime: true,
    });
  });

  it("GIVEN 12/03 WHEN the order is unknown THEN the problem says both readings", () => {
    const result = parseWhen("12/03", NOW, "Asia/Tokyo");
    expect(result).toMatchObject({ ok: false, question: { written: "12/03" } });
    if (!result.ok)
      expect(withoutMarks(result.problem)).toBe(
        `"12/03" could be 12 March or 3 December. Write the month as a word, like "12 March".`,
      );
  });
});

describe("parseTimeOfDay", () => {
  it.each([
    ["9pm", 21 * 60],
    ["9 PM", 21 * 60],
    ["7am", 7 * 60],
    ["21", 21 * 60],
    ["7", 7 * 60],
    ["21:30", 21 * 60 + 30],
    ["07:00", 7 * 60],
    ["9:45pm", 21 * 60 + 45],
    ["noon", 12 * 60],
    ["midnight", 0],
    ["24", 0],
  ])("GIVEN %j THEN it is %i minutes after midnight", (text, minutes) => {
    expect(parseTimeOfDay(text)).toBe(minutes);
  });

  it.each([
    ["25"],
    ["9pm-7am"],
    ["tomorrow 3pm"],
    ["friday"],
    ["soon"],
    [""],
  ])("GIVEN %j THEN it is not one time of day", (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
  });
});
