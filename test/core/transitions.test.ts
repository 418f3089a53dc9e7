/** The transition table decides: unusual steps ask before anything changes or goes public, Yes goes ahead, closed steps are refused. */
import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../src/core/model.ts";
import { type StatusEvent, TRANSITIONS } from "../../src/core/transitions.ts";
import { createHarness, type Harness } from "../support/core-harness.ts";

/** Lines that bring Umbrella to each status from a fresh application. */
const REACH: Record<ApplicationStatus, readonly string[]> = {
  ACTIVE: [],
  OFFER: ["offer Umbrella"],
  ACCEPTED: ["offer Umbrella", "accepted Umbrella"],
  REJECTED: ["rejected Umbrella"],
  WITHDRAWN: ["withdraw Umbrella"],
  GHOSTED: ["ghosted Umbrella"],
};

const EVENTS: readonly StatusEvent[] = ["invited", "offer", "accepted", "rejected", "withdraw", "ghosted"];

async function applicationAt(status: ApplicationStatus): Promise<Harness> {
  const h = createHarness();
  await h.setCelebrationChannel("C-WINS");
  await h.sayAll(["share on", "apply Umbrella", ...REACH[status]]);
  return h;
}

function channelPosts(rows: readonly { target: string }[]): number {
  return rows.filter((row) => row.target === "CHANNEL").length;
}

describe("every cell of the transition table behaves as it says", () => {
  const cells = APPLICATION_STATUSES.flatMap((status) => EVENTS.map((event) => [status, event] as const));
  it.each(
    cells,
  )("GIVEN Umbrella is %s WHEN the member logs %s THEN the table's verdict holds", async (status, event) => {
    const h = await applicationAt(status);
    const before = await h.snapshot();
    const answer = await h.run(`${event} umbrella`);
    const fit = TRANSITIONS[status][event];
    if (fit === "fits") {
      expect(answer.kind).toBe("done");
      return;
    }
    // Anything that doesn't simply fit changes nothing and posts nothing until the member says yes.
    expect(await h.snapshot()).toEqual(before);
    if (fit === "unusual") {
      expect(answer.code).toBe("transition-needs-confirmation");
      const yes = answer.message.buttons?.find((button) => button.actionId === "confirm.yes");
      expect(yes?.command).toMatch(new RegExp(`^${event} Umbrella( \\S+)* --yes$`));
      expect((await h.run(yes?.command ?? "")).kind).toBe("done");
    } else {
      expect(answer.kind).toBe("refused");
      expect(answer.code).toBe(
        fit === "closed" ? "application-closed" : event === "rejected" ? "already-rejected" : "status-unchanged",
      );
    }
  });
});

describe("only real progress is celebrated", () => {
  it("GIVEN no offer was logged WHEN the member says accepted THEN it asks, and nothing is posted or changed", async () => {
    const h = await applicationAt("ACTIVE");
    const answer = await h.run("accepted umbrella");
    expect(answer.message.text).toContain("There's no offer from Umbrella logged yet");
    expect(answer.message.text).toContain("nothing goes to the team");
    expect(answer.changed).toBe(false);
    expect((await h.rows()).applications[0]?.status).toBe("ACTIVE");
    expect(channelPosts((await h.rows()).outbox)).toBe(0);
  });

  it("GIVEN the question WHEN the member presses No THEN nothing changes and nothing is posted", async () => {
    const h = await applicationAt("REJECTED");
    const before = await h.snapshot();
    const answer = await h.run("offer umbrella");
    expect(answer.message.text).toContain("Umbrella is marked rejected. Log an offer anyway?");
    const no = answer.message.buttons?.find((button) => button.actionId === "confirm.no");
    expect(await h.run(no?.command ?? "")).toMatchObject({ code: "dismissed", changed: false });
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN Umbrella was marked rejected WHEN the member says Yes to an offer THEN it is logged and celebrated", async () => {
    const h = await applicationAt("REJECTED");
    const answer = await h.run("offer umbrella --yes");
    expect(answer.code).toBe("offer-logged");
    const rows = await h.rows();
    expect(rows.applications[0]?.status).toBe("OFFER");
    expect(channelPosts(rows.outbox)).toBe(1);
  });

  it("GIVEN an offer WHEN an invitation with a stage and time is unusual THEN Yes repeats the stage and the moment", async () => {
    const h = await applicationAt("OFFER");
    const answer = await h.run("invited umbrella onsite tomorrow 3pm");
    const yes = answer.message.buttons?.find((button) => button.actionId === "confirm.yes")?.command ?? "";
    expect(yes).toMatch(/^invited Umbrella onsite \d{4}-\d\d-\d\d 15:00 --yes$/);
    expect((await h.run(yes)).code).toBe("invitation-logged");
    const rows = await h.rows();
    // More talks after an offer leave the offer standing.
    expect(rows.applications[0]?.status).toBe("OFFER");
    expect(rows.rounds.at(-1)).toMatchObject({ stage: "ONSITE", outcome: "PENDING" });
  });

  it("GIVEN a company name with spaces WHEN the question is asked THEN the Yes line quotes it", async () => {
    const h = createHarness();
    await h.sayAll(['apply "Umbrella Corp"', "rejected umbrella"]);
    const yes = (await h.run("accepted umbrella")).message.buttons?.[0]?.command;
    expect(yes).toBe('accepted "Umbrella Corp" --yes');
    expect((await h.run(yes ?? "")).code).toBe("offer-accepted");
  });
});
