/** Names members type are normalised (NFKC, no zero-width or bidi controls) before they are stored or matched. */
import { describe, expect, it } from "vitest";
import { companyKey } from "../../src/core/companies.ts";
import { normaliseName, normaliseText } from "../../src/core/names.ts";
import { ADA, createHarness } from "../support/core-harness.ts";

const INVISIBLE =
  "\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u00AD";

describe("normaliseName", () => {
  it("GIVEN a name with zero-width, bidi and other invisible characters THEN only the visible name is left", () => {
    expect(normaliseName(`Ac${INVISIBLE}me`)).toBe("Acme");
    expect(normaliseName("\u202EAcme\u202C")).toBe("Acme");
  });

  it("GIVEN compatibility forms (full-width letters, ligatures, odd spaces) THEN they read as their plain letters", () => {
    expect(normaliseName("Ａｃｍｅ")).toBe("Acme");
    expect(normaliseName("ﬁnance\u00A0\u3000Co")).toBe("finance Co");
  });

  it("GIVEN only invisible characters THEN nothing is left", () => {
    expect(normaliseName(INVISIBLE)).toBe("");
  });

  it("GIVEN Ac\\u200Bme and Acme THEN they share one company key", () => {
    expect(companyKey("Ac\u200Bme")).toBe(companyKey("Acme"));
  });

  it("GIVEN free text THEN bidi controls and zero-width spaces go, an emoji's joiners stay", () => {
    const family = "👩\u200D👩\u200D👧";
    expect(normaliseText(`hello\u202Eworld\u200B ${family}`)).toBe(`helloworld ${family}`);
  });
});

describe("names through the commands", () => {
  it("GIVEN Acme tracked WHEN Ac\\u200Bme is applied to THEN it is the same company, not a new one", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    const outcome = await h.run("apply Ac\u200Bme");
    expect(outcome.code).toBe("application-exists");
    expect((await h.rows()).applications).toHaveLength(1);
  });

  it("GIVEN Acme tracked WHEN a command names Ac\\u2060me or full-width Ａｃｍｅ THEN it finds Acme", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    expect((await h.run("round Ac\u2060me screen")).code).toBe("round-held");
    expect((await h.run("met Ａｃｍｅ Dana")).code).toBe("person-met-recorded");
  });

  it("GIVEN a company name with a bidi override WHEN applied THEN it is stored without it", async () => {
    const h = createHarness();
    expect((await h.run("apply \u202EInitech\u202C")).code).toBe("application-created");
    expect((await h.rows()).applications[0]?.company).toBe("Initech");
  });

  it.each([
    ["a company", `apply "${INVISIBLE}"`, "bad-arguments"],
    ["a role", `apply Acme "${INVISIBLE}"`, "bad-arguments"],
    ["a gap topic", `gap "${INVISIBLE}"`, "bad-arguments"],
    ["a note", `note acme "${INVISIBLE}"`, "bad-arguments"],
    ["an edited company", `edit acme company "${INVISIBLE}"`, "bad-arguments"],
    ["an edited role", `edit acme role "${INVISIBLE}"`, "bad-arguments"],
    ["an edited role of soft hyphens", "edit acme role \u00AD\u00AD", "bad-arguments"],
    ["a role of soft hyphens", "apply Initech \u00AD\u00AD", "bad-arguments"],
  ])("GIVEN %s made only of invisible characters WHEN sent THEN it is refused kindly and nothing changes", async (_, line, code) => {
    const h = createHarness();
    await h.say("apply Acme");
    const before = await h.snapshot([ADA]);
    const outcome = await h.run(line);
    expect(outcome.code).toBe(code);
    expect(outcome.message.text).toMatch(/only invisible characters/);
    expect(await h.snapshot([ADA])).toEqual(before);
  });

  it("GIVEN roles, gap topics and notes with invisible characters WHEN stored THEN they are kept without them", async () => {
    const h = createHarness();
    await h.sayAll([
      "apply Acme Back\u00ADend",
      "apply Initech",
      "edit initech role \u2066Lead\u2069",
      "gap graph\u200Bs",
      "note acme call\u202E back",
    ]);
    const rows = await h.rows();
    expect(rows.applications.map((application) => application.role)).toEqual(["Backend", "Lead"]);
    expect(rows.gaps[0]?.topic).toBe("graphs");
    expect(rows.notes[0]?.text).toBe("call back");
  });

  it("GIVEN a display name with invisible characters WHEN the member first speaks THEN the name is stored without them", async () => {
    const h = createHarness();
    const user = { externalId: "U-EVE", displayName: "\u202EEve\u200B" };
    await h.say("apply Acme", user);
    expect((await h.rows(user)).member.displayName).toBe("Eve");
    const blank = { externalId: "U-NONE", displayName: INVISIBLE };
    await h.say("apply Acme", blank);
    expect((await h.rows(blank)).member.displayName).toBe("a teammate");
  });
});
