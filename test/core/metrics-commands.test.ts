/** The member's own metrics and views, with good input: met, learned, impression, gap, gaps, practiced, pipeline, timeline, stats. */
import { beforeEach, describe, expect, it } from "vitest";
import { stageLabel } from "../../src/core/commands/stages.ts";
import { createHarness, type Harness, minutesAfter, T0 } from "../support/core-harness.ts";

let h: Harness;

beforeEach(async () => {
  h = createHarness();
  await h.sayAll(['apply "Acme Corp" Backend Engineer', "apply Globex"]);
});

function fieldsOf(message: { fields?: { label: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries((message.fields ?? []).map((field) => [field.label, field.value]));
}

describe("met and learned", () => {
  it("GIVEN a held round WHEN the member met someone THEN a reflection names the person and points at that round", async () => {
    await h.say("round acme technical");
    const reply = await h.say("met acme Dana, the staff engineer");
    expect(reply.text).toContain("Met Dana, the staff engineer at Acme Corp");
    const { reflections, rounds, applications } = await h.rows();
    expect(reflections).toHaveLength(1);
    expect(reflections[0]).toMatchObject({
      personMet: "Dana, the staff engineer",
      learned: null,
      applicationId: applications[0]?.id,
      roundId: rounds[0]?.id,
    });
  });

  it("GIVEN no rounds yet WHEN the member learned something THEN the reflection is tied to the application only", async () => {
    const reply = await h.say('learnt Globex "how consistent hashing handles node loss"');
    expect(reply.text).toContain('Learned from Globex: "how consistent hashing handles node loss"');
    const { reflections, applications } = await h.rows();
    expect(reflections[0]).toMatchObject({
      learned: "how consistent hashing handles node loss",
      personMet: null,
      applicationId: applications[1]?.id,
      roundId: null,
    });
  });
});

describe("impression", () => {
  it("GIVEN an application WHEN the member rates it 4 with notes THEN rating and notes are stored", async () => {
    const reply = await h.say("impression acme 4 kind interviewers, slow to reply");
    expect(reply.text).toContain("★★★★☆");
    expect((await h.rows()).applications[0]).toMatchObject({
      impression: 4,
      impressionNotes: "kind interviewers, slow to reply",
    });
  });

  it("GIVEN notes from before WHEN the member re-rates without notes THEN the old notes stay", async () => {
    await h.say("rate acme 2 ghosted me twice");
    await h.say("rate acme 3");
    expect((await h.rows()).applications[0]).toMatchObject({ impression: 3, impressionNotes: "ghosted me twice" });
  });
});

describe("gap, gaps and practiced", () => {
  it("GIVEN no gaps WHEN the member lists them THEN they get a hint how to add one", async () => {
    const reply = await h.say("gaps");
    expect(reply.text).toContain("No gaps noted yet");
  });

  it("GIVEN two gaps, one tied to a company WHEN listed THEN they are numbered and the tie is stored", async () => {
    const first = await h.say("gap dynamic programming");
    expect(first.text).toContain("Gap #1 noted: dynamic programming.");
    const second = await h.say('gap "system design basics" Acme Corp');
    expect(second.text).toContain("Gap #2 noted: system design basics (from Acme Corp)");
    const { gaps, applications } = await h.rows();
    expect(gaps.map((gap) => [gap.number, gap.topic, gap.applicationId, gap.status])).toEqual([
      [1, "dynamic programming", null, "OPEN"],
      [2, "system design basics", applications[0]?.id, "OPEN"],
    ]);
    const list = await h.say("gaps");
    expect(list.items).toEqual(["#1 dynamic programming (open)", "#2 system design basics (open)"]);
  });

  it("GIVEN an open gap WHEN practiced twice THEN it moves to practising, then closes, then stays closed", async () => {
    await h.say("gap graphs");
    h.clock.advanceMinutes(10);
    expect((await h.say("practiced 1")).text).toContain("Practised graphs");
    expect((await h.rows()).gaps[0]).toMatchObject({ status: "PRACTICING", updatedAt: minutesAfter(T0, 10) });
    expect((await h.say("practised 1")).text).toContain("Closed gap #1: graphs");
    expect((await h.rows()).gaps[0]?.status).toBe("DONE");
    const before = await h.rows();
    expect((await h.run("practiced 1")).code).toBe("gap-already-closed");
    expect(await h.rows()).toEqual(before);
  });

  it("GIVEN one closed and one open gap WHEN listed THEN only the open one is shown, with the count of closed ones", async () => {
    await h.sayAll(["gap graphs", "gap sql joins", "practiced 1", "practiced 1"]);
    const reply = await h.say("gaps");
    expect(reply.text).toContain("1 closed so far");
    expect(reply.items).toEqual(["#2 sql joins (open)"]);
  });

  it("GIVEN a topic over 200 characters WHEN noted THEN it is refused and no gap is created", async () => {
    const before = await h.snapshot();
    const reply = await h.run(`gap ${"t".repeat(201)}`);
    expect(reply.code).toBe("gap-topic-too-long");
    expect(await h.snapshot()).toEqual(before);
  });
});

describe("pipeline", () => {
  it("GIVEN a new member WHEN they ask for the pipeline THEN they are told it is empty", async () => {
    const reply = await h.say("pipeline", { externalId: "U-NEW", displayName: "New" });
    expect(reply.text).toContain("Your pipeline is empty");
  });

  it("GIVEN an upcoming round, a waiting application and a rejection WHEN listed THEN open ones come first with their next step", async () => {
    await h.sayAll(["apply Initech", "round globex onsite tomorrow 3pm", "rejected initech"]);
    const reply = await h.say("status");
    expect(reply.title).toBe("Your pipeline");
    expect(reply.text).toBe("2 in progress, 1 rejected.");
    expect(reply.items).toEqual([
      "Acme Corp (Backend Engineer): applied, waiting to hear",
      `Globex: ${stageLabel("ONSITE")} on Tue 3 Mar 2026, 15:00`,
      "Initech: rejected",
    ]);
  });

  it("GIVEN a held round WHEN listed THEN it shows the stage as waiting to hear", async () => {
    await h.say("round globex screen");
    const reply = await h.say("list");
    expect(reply.items).toContain(`Globex: ${stageLabel("SCREEN")}, waiting to hear`);
  });
});

describe("timeline", () => {
  it("GIVEN a rejected application with a round, feedback and a reflection WHEN shown THEN every step appears in date order", async () => {
    await h.say("round acme technical");
    h.clock.set("2026-03-05T10:00:00Z");
    await h.say("rejected acme");
    await h.say("met acme Dana");
    h.clock.set("2026-03-06T10:00:00Z");
    await h.say("asked acme");
    h.clock.set("2026-03-09T10:00:00Z");
    await h.sayAll(["feedback acme more tests please", "impression acme 4"]);
    const reply = await h.say("history acme");
    expect(reply.title).toBe("Timeline: Acme Corp");
    expect(reply.text).toBe("Role: Backend Engineer");
    expect(reply.fields).toEqual([
      { label: "Status", value: "rejected" },
      { label: "Your impression", value: "4/5" },
    ]);
    expect(reply.items).toEqual([
      "Mon 2 Mar 2026: applied",
      `Mon 2 Mar 2026: ${stageLabel("TECHNICAL")}: not this time`,
      "Thu 5 Mar 2026: met Dana",
      "Thu 5 Mar 2026: rejected",
      "Fri 6 Mar 2026: asked for feedback",
      "Mon 9 Mar 2026: feedback: more tests please",
    ]);
  });
});

describe("stats", () => {
  it("GIVEN a varied pipeline WHEN the member asks for stats THEN every metric counts what happened", async () => {
    await h.sayAll([
      "apply Initech",
      "round acme screen",
      "invited acme technical",
      "round globex screen",
      "rejected globex",
      "asked globex",
      "feedback globex thanks",
      "asked initech",
      "offer initech",
      "met acme Dana",
      "learned globex graphs",
      "gap graphs",
      "gap sql",
      "practiced 1",
      "practiced 1",
    ]);
    const reply = await h.say("wins");
    expect(reply.title).toBe("Your wins and metrics");
    expect(fieldsOf(reply)).toEqual({
      Applications: "3",
      "Rounds held": "2",
      "Invitations to a next step": "1",
      Offers: "1",
      "People met": "1",
      "Things learned": "1",
      "Feedback received": "1 of 2 asked",
      "Gaps closed": "1 of 2",
    });
  });
});
