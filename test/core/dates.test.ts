/** Reading "when" phrases in the member's timezone: ISO, natural phrases, date-only defaults and garbage. */
import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/core/grammar/dates.ts";

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
