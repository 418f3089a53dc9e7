/** Two workspaces on one database with look-alike members: every job keeps each workspace's messages, settings and channel apart. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open.ts";
import { JOBS } from "../../src/jobs/registry.ts";
import { databaseKinds } from "../support/databases.ts";
import {
  ADA,
  ADMIN,
  createWorld,
  type Delivered,
  deliverAll,
  type JobName,
  type JobWorld,
} from "../support/job-world.ts";

/** Every hour from Monday 5 October 2026 00:00 UTC through Friday night: each job's window comes round at least once. */
const HOURS = Array.from({ length: 24 * 5 }, (_, hour) => new Date(Date.UTC(2026, 9, 5, hour)));
/** Tuesday noon, both Adas note someone they met: something for each digest to count. */
const MET_AT = "2026-10-06T12:00:00.000Z";

describe.each(databaseKinds())("job isolation on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  /** The same member id, company names and gap in both workspaces, each with its own channel and settings. */
  async function givenTwin(world: JobWorld, channel: string, settings: string[]): Promise<void> {
    await world.sayAt("2026-09-24T10:00:00.000Z", `admin channel ${channel}`, ADMIN);
    for (const line of settings) await world.say(line, ADMIN);
    for (const line of ["apply Acme", "apply Globex", "apply Initech", "gap dynamic programming"]) {
      await world.say(line, ADA);
    }
    await world.sayAt("2026-10-01T10:00:00.000Z", "round Acme technical 2026-10-06 10:00", ADA);
    await world.sayAt("2026-10-02T10:00:00.000Z", "rejected Globex", ADA);
  }

  it("GIVEN two workspaces with a member of the same platform id WHEN every job runs through a week THEN nothing crosses over", async () => {
    const alpha = createWorld(db, { start: "2026-09-24T10:00:00.000Z" });
    const beta = createWorld(db, { start: "2026-09-24T10:00:00.000Z" });
    await givenTwin(alpha, "team-alpha", []);
    // Beta chases later, posts no weekly word, and its Ada has paused everything for the week.
    await givenTwin(beta, "team-beta", ["admin chase-days 5", "admin weekly off"]);
    await beta.sayAt("2026-10-04T12:00:00.000Z", "pause 6", ADA);

    const delivered: Delivered[] = [];
    for (const at of HOURS) {
      if (at.toISOString() === MET_AT) {
        for (const world of [alpha, beta]) await world.sayAt(at, "met Acme Dana, the staff engineer", ADA);
      }
      // Alpha's job store sees every workspace, as the scheduler's does.
      for (const job of JOBS) await alpha.run(job.name as JobName, at);
      delivered.push(...(await deliverAll(db, at)));
    }

    const alphaId = await alpha.workspaceId();
    const betaId = await beta.workspaceId();
    const rows = await db.prisma.outbox.findMany({
      where: { workspaceId: { in: [alphaId, betaId] } },
      include: { member: true },
    });
    for (const row of rows) {
      if (row.memberId) expect(row.member?.workspaceId).toBe(row.workspaceId);
      if (row.target === "CHANNEL") expect(row.channel).toBe(row.workspaceId === alphaId ? "team-alpha" : "team-beta");
    }

    const kindsIn = (workspaceId: string) =>
      rows
        .filter((row) => row.workspaceId === workspaceId && row.kind !== "encouragement")
        .map((row) => row.kind)
        .sort();
    expect(kindsIn(alphaId)).toEqual([
      "check-in",
      "digest",
      "feedback-chase",
      "practice",
      "prep",
      "reflection",
      "weekly",
    ]);
    // Beta's Ada is paused, so beta gets only its own digest (a channel post is no member's DM, and weekly is off).
    expect(kindsIn(betaId)).toEqual(["digest"]);

    const alphaDms = delivered.filter((entry) => entry.workspaceExternalId === alpha.identity.externalId);
    const betaDms = delivered.filter((entry) => entry.workspaceExternalId === beta.identity.externalId);
    expect(alphaDms.filter((entry) => entry.target === "DIRECT").map((entry) => entry.to)).toEqual(
      Array(6).fill(ADA.externalId),
    );
    expect(alphaDms.filter((entry) => entry.target === "CHANNEL").map((entry) => entry.to)).toEqual([
      "team-alpha",
      "team-alpha",
    ]);
    expect(betaDms.filter((entry) => entry.target === "DIRECT").map((entry) => entry.to)).toEqual([ADA.externalId]);
    expect(betaDms.filter((entry) => entry.target === "CHANNEL").map((entry) => entry.to)).toEqual(["team-beta"]);
  });

  it("GIVEN different chase-days WHEN the chase job runs THEN each Ada gets her own chase on her workspace's schedule", async () => {
    const alpha = createWorld(db, { start: "2026-09-24T10:00:00.000Z" });
    const beta = createWorld(db, { start: "2026-09-24T10:00:00.000Z" });
    await givenTwin(alpha, "team-alpha", []);
    await givenTwin(beta, "team-beta", ["admin chase-days 5"]);

    await alpha.run("feedback-chase", "2026-10-05T10:00:00.000Z");
    expect(await alpha.outbox("feedback-chase")).toHaveLength(1);
    expect(await beta.outbox("feedback-chase")).toEqual([]);

    await alpha.run("feedback-chase", "2026-10-07T10:00:00.000Z");
    const [alphaChase] = await alpha.outbox("feedback-chase");
    const [betaChase] = await beta.outbox("feedback-chase");
    expect(alphaChase?.memberId).toBe(await alpha.memberId(ADA));
    expect(betaChase?.memberId).toBe(await beta.memberId(ADA));
    expect(alphaChase?.memberId).not.toBe(betaChase?.memberId);

    const seenByBeta = await beta.deliverAt("2026-10-07T10:05:00.000Z");
    expect(seenByBeta.filter((entry) => entry.message.title === "Feedback from Globex")).toEqual([
      {
        target: "DIRECT",
        workspaceExternalId: beta.identity.externalId,
        to: ADA.externalId,
        message: betaChase?.payload,
      },
    ]);
  });
});
