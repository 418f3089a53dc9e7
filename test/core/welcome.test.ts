/** A member whose platform gives no timezone is asked for one on their first command, once. */
import { describe, expect, it } from "vitest";
import { ADA, createHarness } from "../support/core-harness.ts";

describe("timezone welcome", () => {
  it("GIVEN a platform that knows no zone WHEN the member's first command runs THEN the reply suggests `tz`, and only that once", async () => {
    const h = createHarness();
    expect((await h.say("apply Acme")).text).toContain("`tz Europe/Berlin`");
    expect((await h.say("pipeline")).text).not.toContain("`tz Europe/Berlin`");
  });

  it("GIVEN Slack reports the member's zone THEN no suggestion is needed", async () => {
    const h = createHarness();
    expect((await h.say("apply Acme", { ...ADA, timezone: "Europe/Berlin" })).text).not.toContain("`tz Europe/Berlin`");
  });

  it("GIVEN the first command is tz itself THEN it is not suggested again", async () => {
    const h = createHarness();
    expect((await h.say("tz Asia/Tokyo")).text).not.toContain("`tz Europe/Berlin`");
  });

  it("GIVEN a refused first command THEN nothing is created and the next one still welcomes", async () => {
    const h = createHarness();
    await h.say("round nowhere technical");
    expect((await h.say("apply Acme")).text).toContain("`tz Europe/Berlin`");
  });
});
