/** Impossible days and days outside the window (2 years back, 1 year ahead) are refused by every command that takes a date. */
import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/core/grammar/dates.ts";
import { ADA, createHarness, type Harness } from "../support/core-harness.ts";

/** 5 December 2026, 10:00 UTC. */
const NOW = new Date("2026-12-05T10:00:00.000Z");

function problemOf(text: string): string {
  const result = parseWhen(text, NOW, "Europe/Berlin");
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${result.at.toISOString()}`);
  return result.problem;
}

describe("parseWhen refuses impossible days", () => {
  it.each([
    "2026-13-01",
    "2026-02-30",
    "2026-00-10",
    "2026-12-32",
    "2026/13/01",
    "2026-13-01 14:30",
  ])("GIVEN %s WHEN parsed THEN it is not a day on the calendar, and the formats are shown", (text) => {
    const problem = problemOf(text);
    expect(problem).toContain("isn't a day on the calendar");
    expect(problem).toContain("2026-12-03 14:30");
  });

  it("GIVEN a real leap day WHEN parsed THEN it reads", () => {
    const result = parseWhen("2028-02-29", new Date("2028-01-10T10:00:00Z"), "UTC");
    expect(result.ok && result.at.toISOString()).toBe("2028-02-29T09:00:00.000Z");
  });
});

describe("parseWhen keeps dates within 2 years back and 1 year ahead", () => {
  it.each([
    "1900-01-01",
    "9999-12-31",
    "2024-12-04",
    "2027-12-06",
    "Jan 1 2030",
  ])("GIVEN %s WHEN parsed THEN the reply says the window and the formats understood", (text) => {
    const problem = problemOf(text);
    expect(problem).toContain("2 years back");
    expect(problem).toContain("1 year ahead");
    expect(problem).toContain("Thu 5 Dec 2024");
    expect(problem).toContain("Sun 5 Dec 2027");
    expect(problem).toContain("tomorrow 3pm");
  });

  it.each([
    ["2024-12-06", "2024-12-06T08:00:00.000Z"],
    ["2027-12-04", "2027-12-04T08:00:00.000Z"],
    ["tomorrow 3pm", "2026-12-06T14:00:00.000Z"],
  ])("GIVEN %s, inside the window WHEN parsed THEN it reads", (text, iso) => {
    const result = parseWhen(text, NOW, "Europe/Berlin");
    expect(result.ok && result.at.toISOString()).toBe(iso);
  });
});

/** Ada with Acme tracked and one round logged. T0 is 2 March 2026. */
async function withRound(): Promise<Harness> {
  const h = createHarness();
  await h.sayAll(["apply Acme", "round acme screen yesterday 10am"]);
  return h;
}

describe("every command that takes a date goes through the same check", () => {
  it.each([
    ["round", "round acme technical 1900-01-01", "bad-arguments"],
    ["round with an impossible day", "round acme technical 2026-13-01", "bad-arguments"],
    ["invited", "invited acme onsite 9999-12-31", "bad-arguments"],
    ["invited with an impossible day", "invited acme onsite 2026-02-30 10:00", "bad-arguments"],
    ["apply … applied", "apply Initech Backend applied 1900-01-01", "bad-arguments"],
    ["apply … applied an impossible day", "apply Initech Backend applied 2026-13-01", "bad-arguments"],
    ["edit … applied", "edit acme applied 1900-01-01", "edit-value-invalid"],
    ["edit … applied an impossible day", "edit acme applied 2026-13-01", "edit-value-invalid"],
    ["round-edit … when", "round-edit acme 1 when 9999-12-31 10:00", "edit-value-invalid"],
    ["round-edit … when an impossible day", "round-edit acme 1 when 2026-13-01", "edit-value-invalid"],
  ])("GIVEN %s WHEN the date is refused THEN the reply is kind and nothing changes", async (_, line, code) => {
    const h = await withRound();
    const before = await h.snapshot([ADA]);
    const outcome = await h.run(line);
    expect(outcome.code).toBe(code);
    expect(outcome.message.text).toMatch(/isn't a day on the calendar|2 years back/);
    expect(outcome.message.text).toContain("tomorrow 3pm");
    expect(await h.snapshot([ADA])).toEqual(before);
  });
});
