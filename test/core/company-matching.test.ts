/** Which application a typed company name means: case, unique prefixes, ambiguity and unknown names. */
import { beforeEach, describe, expect, it } from "vitest";
import { stageLabel } from "../../src/core/commands/stages.ts";
import { ADA, createHarness, type Harness, plain } from "../support/core-harness.ts";

let h: Harness;

beforeEach(() => {
  h = createHarness();
});

describe("company matching", () => {
  beforeEach(async () => {
    await h.sayAll(['apply "Acme Corp"', 'apply "Globex Labs"', 'apply "Globex Media"', "apply Initech"]);
  });

  it("GIVEN Acme Corp WHEN the member types acme THEN the unique prefix finds it", async () => {
    const reply = await h.say("round acme screen");
    expect(reply.text).toContain(`${stageLabel("SCREEN")} with Acme Corp`);
    expect((await h.rows()).rounds).toHaveLength(1);
  });

  it("GIVEN Initech WHEN the member types INITECH THEN case does not matter", async () => {
    const reply = await h.say("asked INITECH");
    expect(reply.text).toContain("asking Initech");
  });

  it("GIVEN Acme Corp WHEN the member types a later word (corp) THEN the word prefix finds it", async () => {
    const reply = await h.say("timeline corp");
    expect(reply.title).toBe("Timeline: Acme Corp");
  });

  it("GIVEN Globex Labs and Globex Media WHEN the member types globex THEN both are listed and nothing changes", async () => {
    const before = await h.snapshot();
    const reply = await h.say("round globex screen");
    expect(reply.text).toContain('"Globex Labs"');
    expect(reply.text).toContain('"Globex Media"');
    expect(reply.text).toContain("type a little more");
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN both Acme and Acme Corp WHEN the member types acme THEN the exact name wins over the prefix", async () => {
    await h.say("apply Acme --yes");
    const reply = await h.say("timeline acme");
    expect(reply.title).toBe("Timeline: Acme");
  });

  it("GIVEN no such company WHEN the member names it THEN they are told to apply first and nothing changes", async () => {
    const before = await h.snapshot();
    const reply = await h.say("round Umbrella screen");
    expect(reply.text).toContain('You aren\'t tracking "Umbrella" yet');
    expect(reply.text).toContain('apply "Umbrella"');
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN a typo of a tracked company WHEN the member names it THEN the closest one is suggested", async () => {
    const reply = await h.say("asked Initek");
    expect(reply.text).toContain('Did you mean "Initech"?');
  });

  it("GIVEN letters from the middle of a word WHEN matched THEN they do not count as a prefix", async () => {
    const reply = await h.run("asked nitech");
    expect(reply.code).toBe("company-not-found");
  });

  it("GIVEN a rendered reply WHEN printed as plain text THEN the company is visible to the member", async () => {
    expect(plain(await h.say("timeline acme"))).toContain("== Timeline: Acme Corp ==");
  });

  it("GIVEN another member tracks the same names WHEN Ada types acme THEN only her own application is matched", async () => {
    await h.say('apply "Acme Rockets"', { externalId: "U-OTHER", displayName: "Other" });
    const reply = await h.say("round acme screen", ADA);
    expect(reply.text).toContain(`${stageLabel("SCREEN")} with Acme Corp`);
  });
});
