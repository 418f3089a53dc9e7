/** Views that stay true: superseded rounds close, each round is one round, stats count what took place, timeline tells each once. */
import { beforeEach, describe, expect, it } from "vitest";
import { stageLabel } from "../../src/core/commands/stages.ts";
import { createHarness, type Harness, T0 } from "../support/core-harness.ts";

let h: Harness;

beforeEach(async () => {
  h = createHarness();
  await h.say("apply Acme");
});

const fieldsOf = (message: { fields?: { label: string; value: string }[] }) =>
  Object.fromEntries((message.fields ?? []).map((field) => [field.label, field.value]));

describe("a pending round superseded by a later event", () => {
  it("GIVEN a screen booked next week and a technical held today WHEN invited to the onsite THEN both close as passed and pipeline shows the onsite", async () => {
    await h.sayAll(["round acme screen next monday 10am", "round acme technical", "invited acme onsite"]);
    const { rounds } = await h.rows();
    expect(rounds.map((round) => [round.stage, round.outcome])).toEqual([
      ["SCREEN", "NEXT_STEP"],
      ["TECHNICAL", "NEXT_STEP"],
      ["ONSITE", "PENDING"],
    ]);
    // The screen was passed before its booked time: it took place by the time the invitation came.
    expect(rounds[0]?.heldAt).toEqual(T0);
    const pipeline = await h.say("pipeline");
    expect(pipeline.items).toEqual([`Acme: invited to the ${stageLabel("ONSITE")}`]);
  });

  it("GIVEN an onsite booked tomorrow WHEN invited to the onsite THEN it is that round's news: it stays booked, nothing extra", async () => {
    await h.sayAll(["round acme onsite tomorrow 3pm", "invited acme onsite"]);
    const { rounds } = await h.rows();
    expect(rounds.map((round) => [round.stage, round.outcome])).toEqual([
      ["ONSITE", "PENDING"],
      ["APPLIED", "NEXT_STEP"],
    ]);
    expect((await h.say("pipeline")).items?.[0]).toContain(`${stageLabel("ONSITE")} on`);
  });

  it("GIVEN an invitation to an onsite with no time WHEN the onsite is then booked THEN it is the same round, with its time", async () => {
    await h.sayAll(["invited acme onsite", "round acme onsite tomorrow 3pm"]);
    const onsites = (await h.rows()).rounds.filter((round) => round.stage === "ONSITE");
    expect(onsites).toHaveLength(1);
    expect(onsites[0]?.scheduledAt).toEqual(new Date("2026-03-03T15:00:00.000Z"));
  });
});

describe("the same round twice", () => {
  it("GIVEN a technical tomorrow 3pm WHEN logged again THEN it is refused kindly and there is still one", async () => {
    await h.say("round acme technical tomorrow 3pm");
    const before = await h.snapshot();
    const again = await h.run("round acme technical tomorrow 3pm");
    expect(again.code).toBe("round-exists");
    expect(again.message.text).toContain("You already have the technical interview with Acme");
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN a technical tomorrow 3pm WHEN another is logged at 5pm THEN there are two", async () => {
    await h.sayAll(["round acme technical tomorrow 3pm", "round acme technical tomorrow 5pm"]);
    expect((await h.rows()).rounds).toHaveLength(2);
  });
});

describe("stats count rounds once they have taken place", () => {
  it("GIVEN a round booked tomorrow THEN it is not held until its time has passed", async () => {
    await h.say("round acme technical tomorrow 3pm");
    expect(fieldsOf(await h.say("stats"))["Rounds held"]).toBe("0");
    h.clock.set("2026-03-03T16:00:00Z");
    expect(fieldsOf(await h.say("stats"))["Rounds held"]).toBe("1");
  });

  it("GIVEN an invitation to an onsite with no time, then an offer THEN the onsite counts as held", async () => {
    await h.say("invited acme onsite");
    expect(fieldsOf(await h.say("stats"))["Rounds held"]).toBe("0");
    await h.say("offer acme");
    expect(fieldsOf(await h.say("stats"))).toMatchObject({ "Rounds held": "1", Offers: "1" });
  });
});

describe("timeline tells each round once, at its own date", () => {
  it("GIVEN a technical booked tomorrow 3pm, then an invitation to the onsite today THEN each round is one line", async () => {
    await h.sayAll(["round acme technical tomorrow 3pm", "invited acme onsite"]);
    const timeline = await h.say("timeline acme");
    expect(timeline.items).toEqual([
      "Mon 2 Mar 2026: applied",
      `Mon 2 Mar 2026: ${stageLabel("TECHNICAL")}: passed`,
      `Mon 2 Mar 2026: invited to the ${stageLabel("ONSITE")}`,
    ]);
  });

  it("GIVEN rounds booked, held and waiting THEN each line says where it stands", async () => {
    await h.sayAll(["round acme screen", "round acme technical next monday 10am"]);
    const timeline = await h.say("timeline acme");
    expect(timeline.items).toEqual([
      "Mon 2 Mar 2026: applied",
      `Mon 2 Mar 2026: ${stageLabel("SCREEN")}: held, waiting to hear`,
      `Mon 9 Mar 2026: ${stageLabel("TECHNICAL")}: scheduled`,
    ]);
  });
});
