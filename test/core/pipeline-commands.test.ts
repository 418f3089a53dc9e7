/** Pipeline and feedback commands with good input, driven through the bot: apply … ghosted, waiting, asked, feedback, snooze, skip. */
import { beforeEach, describe, expect, it } from "vitest";
import { stageLabel } from "../../src/core/commands/stages.ts";
import { createHarness, type Harness, minutesAfter, T0 } from "../support/core-harness.ts";

let h: Harness;

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

beforeEach(() => {
  h = createHarness();
});

describe("apply", () => {
  it("GIVEN a new member WHEN they apply to a company with a role THEN the member and an active application exist", async () => {
    const reply = await h.say('apply "Globex Corp" Backend Engineer');
    expect(reply.text).toContain("Tracking Backend Engineer at Globex Corp");
    expect(reply.private).toBe(true);
    const { member, applications } = await h.rows();
    expect(member.displayName).toBe("Ada");
    expect(applications).toHaveLength(1);
    expect(applications[0]).toMatchObject({
      company: "Globex Corp",
      companyKey: "globex corp",
      role: "Backend Engineer",
      status: "ACTIVE",
      appliedAt: T0,
    });
  });

  it("GIVEN an optional /nextstep prefix and an alias WHEN the member applies THEN it works the same", async () => {
    await h.say("/nextstep applied Acme");
    await h.say("ADD Initech");
    expect((await h.rows()).applications.map((application) => application.company)).toEqual(["Acme", "Initech"]);
  });

  it("GIVEN Acme is tracked WHEN the member applies to ACME again THEN nothing new is created and they are told", async () => {
    await h.say("apply Acme");
    const reply = await h.run("apply ACME");
    expect(reply.code).toBe("application-exists");
    expect((await h.rows()).applications).toHaveLength(1);
  });

  it("GIVEN Acme Corp was tracked with a doubled space WHEN the member names it with one space THEN it is the same company", async () => {
    await h.say('apply "Acme  Corp"');
    const again = await h.run('apply "Acme Corp"');
    expect(again.code).toBe("application-exists");
    const round = await h.say('round "acme corp" screen');
    expect(round.text).toContain(`Logged your ${stageLabel("SCREEN")}`);
    expect((await h.rows()).applications).toHaveLength(1);
  });
});

describe("round", () => {
  beforeEach(async () => {
    await h.sayAll(["tz America/New_York", "apply Acme"]);
  });

  it("GIVEN a member in New York WHEN they log a round tomorrow 3pm THEN it is scheduled at 15:00 New York time", async () => {
    const reply = await h.say("round Acme technical tomorrow 3pm");
    expect(reply.text).toContain(`${stageLabel("TECHNICAL")} with Acme, scheduled for Tue 3 Mar 2026, 15:00`);
    const { rounds, applications } = await h.rows();
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({
      stage: "TECHNICAL",
      scheduledAt: new Date("2026-03-03T20:00:00.000Z"),
      heldAt: null,
      outcome: "PENDING",
    });
    expect(applications[0]?.lastActivityAt).toEqual(T0);
  });

  it("GIVEN no date WHEN the member logs a round THEN it was held now", async () => {
    h.clock.advanceMinutes(30);
    const reply = await h.say("round Acme screen");
    expect(reply.text).toContain(`Logged your ${stageLabel("SCREEN")} with Acme`);
    const [round] = (await h.rows()).rounds;
    expect(round).toMatchObject({ stage: "SCREEN", scheduledAt: null, heldAt: minutesAfter(T0, 30) });
  });

  it("GIVEN a past date WHEN the member logs a round THEN it is recorded as held then", async () => {
    await h.say("round Acme phone yesterday 4pm");
    const [round] = (await h.rows()).rounds;
    const at = new Date("2026-03-01T21:00:00.000Z");
    expect(round).toMatchObject({ stage: "SCREEN", scheduledAt: at, heldAt: at });
  });

  it("GIVEN stage words with aliases and odd spacing WHEN logged THEN they map to stages", async () => {
    await h.say('round Acme "system design"');
    await h.say("round Acme take-home");
    await h.say("round Acme hm");
    expect((await h.rows()).rounds.map((round) => round.stage)).toEqual(["SYSTEM_DESIGN", "TAKEHOME", "MANAGER"]);
  });

  it("GIVEN Acme went quiet WHEN a new round is logged THEN the application is active again", async () => {
    await h.say("ghosted Acme");
    await h.say("round Acme onsite");
    expect((await h.rows()).applications[0]?.status).toBe("ACTIVE");
  });

  it("GIVEN Acme is rejected WHEN a round is logged THEN it is refused and nothing is added", async () => {
    await h.say("rejected Acme");
    const before = await h.rows();
    const reply = await h.run("round Acme onsite");
    expect(reply.code).toBe("application-closed");
    expect(await h.rows()).toEqual(before);
  });
});

describe("invited", () => {
  beforeEach(async () => {
    await h.sayAll(["tz America/New_York", "apply Acme"]);
  });

  it("GIVEN a fresh application WHEN invited to an onsite on Mar 12 10:00 THEN the application step passed and the onsite is scheduled", async () => {
    h.clock.advanceMinutes(60);
    const reply = await h.say("invited Acme onsite Mar 12 10:00");
    expect(reply.text).toContain("That's a win: Acme");
    expect(reply.text).toContain(`${capitalized(stageLabel("ONSITE"))} on Thu 12 Mar 2026, 10:00`);
    const { rounds, applications } = await h.rows();
    expect(rounds).toHaveLength(2);
    expect(rounds[0]).toMatchObject({ stage: "APPLIED", outcome: "NEXT_STEP", heldAt: T0 });
    expect(rounds[0]?.outcomeAt).toEqual(minutesAfter(T0, 60));
    // New York has moved to daylight time by 12 March: 10:00 EDT is 14:00 UTC.
    expect(rounds[1]).toMatchObject({
      stage: "ONSITE",
      outcome: "PENDING",
      scheduledAt: new Date("2026-03-12T14:00:00.000Z"),
    });
    expect(applications[0]?.lastActivityAt).toEqual(minutesAfter(T0, 60));
  });

  // An invitation is to a round still to come, so a month-day without a year means the next one. chrono picks the
  // nearest Dec 3 instead, which in March is last December.
  it("GIVEN it is March WHEN invited to an onsite on Dec 3 10:00 THEN the round is this coming December, not last", async () => {
    const reply = await h.say("invited Acme onsite Dec 3 10:00");
    expect(reply.text).toContain(`${capitalized(stageLabel("ONSITE"))} on Thu 3 Dec 2026, 10:00`);
    expect((await h.rows()).rounds.at(-1)?.scheduledAt).toEqual(new Date("2026-12-03T15:00:00.000Z"));
  });

  it("GIVEN a pending screen WHEN invited without a stage THEN the screen is passed and an unnamed next round is added", async () => {
    await h.say("round Acme screen tomorrow 10am");
    const reply = await h.say("invited Acme");
    expect(reply.text).toContain(`${capitalized(stageLabel(null))} is on your list`);
    const { rounds } = await h.rows();
    expect(rounds).toHaveLength(2);
    expect(rounds[0]).toMatchObject({ stage: "SCREEN", outcome: "NEXT_STEP", outcomeAt: T0 });
    // Passed before its booked time, it took place by the time the news came, not later.
    expect(rounds[0]?.heldAt).toEqual(T0);
    expect(rounds[1]).toMatchObject({ stage: null, outcome: "PENDING", scheduledAt: null });
  });

  it("GIVEN a date but no stage WHEN invited THEN the date is still read", async () => {
    await h.say("invited Acme tomorrow 3pm");
    const { rounds } = await h.rows();
    expect(rounds.at(-1)).toMatchObject({ stage: null, scheduledAt: new Date("2026-03-03T20:00:00.000Z") });
  });

  it("GIVEN Acme went quiet WHEN an invitation arrives THEN the application is active again", async () => {
    await h.say("ghosted Acme");
    await h.say("invited Acme technical");
    expect((await h.rows()).applications[0]?.status).toBe("ACTIVE");
  });

  it("GIVEN Acme was withdrawn WHEN invited THEN it asks first and nothing changes", async () => {
    await h.say("withdraw Acme");
    const before = await h.rows();
    const reply = await h.run("invited Acme");
    expect(reply.code).toBe("transition-needs-confirmation");
    expect(await h.rows()).toEqual(before);
  });
});

describe("rejected", () => {
  beforeEach(async () => {
    await h.say("apply Acme");
  });

  it("GIVEN a pending technical round WHEN rejected THEN that round ends rejected, the application closes and feedback is not yet asked", async () => {
    await h.say("round Acme technical");
    h.clock.advanceMinutes(5);
    const reply = await h.say("rejected Acme");
    expect(reply.text).toContain("Logged, privately");
    expect(reply.text).toContain('asked "Acme"');
    const { rounds, applications, feedback } = await h.rows();
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ stage: "TECHNICAL", outcome: "REJECTED", outcomeAt: minutesAfter(T0, 5) });
    expect(applications[0]).toMatchObject({ status: "REJECTED", statusChangedAt: minutesAfter(T0, 5) });
    expect(feedback).toHaveLength(1);
    expect(feedback[0]?.state).toBe("NOT_ASKED");
  });

  it("GIVEN no rounds WHEN rejected at a named stage THEN a rejected round at that stage is recorded", async () => {
    await h.say("rejected Acme onsite");
    const { rounds } = await h.rows();
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ stage: "ONSITE", outcome: "REJECTED", heldAt: T0 });
  });

  it("GIVEN no rounds WHEN rejected without a stage THEN no round is invented", async () => {
    await h.say("rejected Acme");
    expect((await h.rows()).rounds).toEqual([]);
  });

  it("GIVEN Acme is already rejected WHEN rejected again THEN the member is told and nothing changes", async () => {
    await h.say("rejected Acme");
    const before = await h.rows();
    h.clock.advanceMinutes(60);
    const reply = await h.run("no Acme");
    expect(reply.code).toBe("already-rejected");
    expect(await h.rows()).toEqual(before);
  });
});

describe("offer, accepted, withdraw, ghosted", () => {
  beforeEach(async () => {
    await h.sayAll(["apply Acme", "round Acme final"]);
  });

  it("GIVEN a pending final round WHEN an offer is logged THEN the round passed and the application has an offer", async () => {
    const reply = await h.run("offer Acme");
    expect(reply.code).toBe("offer-logged");
    const { rounds, applications } = await h.rows();
    expect(rounds[0]?.outcome).toBe("NEXT_STEP");
    expect(applications[0]?.status).toBe("OFFER");
  });

  it("GIVEN an offer WHEN accepted THEN the application is accepted", async () => {
    await h.say("offer Acme");
    const reply = await h.run("accept Acme");
    expect(reply.code).toBe("offer-accepted");
    expect((await h.rows()).applications[0]?.status).toBe("ACCEPTED");
  });

  it("GIVEN an offer WHEN the offer is logged twice THEN the second is refused", async () => {
    await h.say("offer Acme");
    const before = await h.rows();
    const reply = await h.run("offer Acme");
    expect(reply.code).toBe("status-unchanged");
    expect(await h.rows()).toEqual(before);
  });

  it("GIVEN a pending round WHEN the member withdraws THEN the round ends without response and the application is withdrawn", async () => {
    const reply = await h.run("withdraw Acme");
    expect(reply.code).toBe("application-withdrawn");
    const { rounds, applications } = await h.rows();
    expect(rounds[0]?.outcome).toBe("NO_RESPONSE");
    expect(applications[0]?.status).toBe("WITHDRAWN");
  });

  it("GIVEN a pending round WHEN the company goes silent THEN the application is ghosted", async () => {
    const reply = await h.run("silent Acme");
    expect(reply.code).toBe("application-ghosted");
    const { rounds, applications } = await h.rows();
    expect(rounds[0]?.outcome).toBe("NO_RESPONSE");
    expect(applications[0]?.status).toBe("GHOSTED");
  });
});

describe("asked and feedback", () => {
  beforeEach(async () => {
    await h.sayAll(["apply Acme", "rejected Acme"]);
  });

  it("GIVEN a rejection WHEN the member asked for feedback THEN the request is ASKED with the time", async () => {
    h.clock.advanceMinutes(90);
    const reply = await h.run("asked Acme");
    expect(reply.code).toBe("feedback-asked");
    const { feedback } = await h.rows();
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ state: "ASKED", askedAt: minutesAfter(T0, 90) });
  });

  it("GIVEN feedback was asked WHEN asked is logged again THEN it is noted once", async () => {
    await h.say("asked Acme");
    const before = await h.rows();
    const reply = await h.run("asked Acme");
    expect(reply.code).toBe("feedback-already-asked");
    expect(await h.rows()).toEqual(before);
  });

  it("GIVEN feedback arrives in two parts WHEN logged THEN both are kept and the request is RECEIVED", async () => {
    await h.say("asked Acme");
    const reply = await h.run('feedback Acme "wanted more depth on databases"');
    expect(reply.code).toBe("feedback-recorded");
    await h.say("feedback Acme liked the testing approach");
    const { feedback } = await h.rows();
    expect(feedback[0]).toMatchObject({
      state: "RECEIVED",
      feedback: "wanted more depth on databases\nliked the testing approach",
      receivedAt: T0,
    });
  });

  it("GIVEN feedback was received WHEN asked is logged THEN the member is told it already arrived", async () => {
    await h.say("feedback Acme thanks");
    const reply = await h.run("asked Acme");
    expect(reply.code).toBe("feedback-already-received");
    expect((await h.rows()).feedback[0]?.state).toBe("RECEIVED");
  });

  it("GIVEN feedback near the size limit WHEN one more part would pass 8,000 characters THEN it is refused and the stored text is unchanged", async () => {
    const part = "x".repeat(2000);
    await h.sayAll([`feedback Acme ${part}`, `feedback Acme ${part}`, `feedback Acme ${part}`]);
    const before = await h.rows();
    const reply = await h.run(`feedback Acme ${part}`);
    expect(reply.code).toBe("feedback-too-long");
    expect(await h.rows()).toEqual(before);
  });
});

describe("waiting, snooze and skip", () => {
  beforeEach(async () => {
    await h.say("apply Acme");
  });

  it("GIVEN an application WHEN the member is still waiting THEN its last activity moves to now", async () => {
    h.clock.advanceMinutes(60 * 24 * 5);
    const reply = await h.run("waiting Acme");
    expect(reply.code).toBe("waiting-noted");
    expect((await h.rows()).applications[0]?.lastActivityAt).toEqual(minutesAfter(T0, 60 * 24 * 5));
  });

  it("GIVEN a rejection with no feedback yet WHEN the member snoozes the chase THEN it waits a week", async () => {
    await h.say("rejected Acme");
    const reply = await h.run("snooze Acme");
    expect(reply.code).toBe("feedback-snoozed");
    expect((await h.rows()).feedback[0]?.snoozedUntil).toEqual(minutesAfter(T0, 7 * 24 * 60));
  });

  it("GIVEN no feedback chase running WHEN the member snoozes THEN they are told and nothing changes", async () => {
    const before = await h.snapshot();
    const reply = await h.run("snooze Acme");
    expect(reply.code).toBe("no-feedback-reminder");
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN a rejection WHEN the member lets the feedback go THEN the request is given up and can no longer be snoozed", async () => {
    await h.say("rejected Acme");
    const reply = await h.run("letgo Acme");
    expect(reply.code).toBe("feedback-skipped");
    expect((await h.rows()).feedback[0]?.state).toBe("GAVE_UP");
    expect((await h.say("snooze Acme")).text).toContain("no feedback reminder running");
  });

  it("GIVEN feedback received WHEN the member skips THEN the feedback is kept", async () => {
    await h.sayAll(["rejected Acme", "feedback Acme good tests"]);
    const before = await h.snapshot();
    const reply = await h.run("skip Acme");
    expect(reply.code).toBe("feedback-already-received");
    expect(await h.snapshot()).toEqual(before);
  });
});
