/** Per-member limits (src/core/limits.ts): a flood of wins or rows gets a kind reply at the boundary and changes nothing. */
import { describe, expect, it } from "vitest";
import { MEMBER_LIMITS } from "../../src/core/limits.ts";
import type { WorkspaceRepo } from "../../src/core/ports.ts";
import { ADA, createHarness, type Harness } from "../support/core-harness.ts";

/** Companies no one would take for each other, so `apply` asks nothing. */
const COMPANIES = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf"];

/** Writes straight through the store, as if Ada had sent the commands one by one. */
async function seed(h: Harness, work: (repo: WorkspaceRepo, memberId: string) => Promise<void>): Promise<void> {
  const { member } = await h.rows();
  await h.store.inWorkspace(member.workspaceId, (repo) => work(repo, member.id));
}

async function refusedAndUnchanged(h: Harness, line: string, words: RegExp): Promise<void> {
  const before = await h.snapshot([ADA]);
  const outcome = await h.run(line);
  expect(outcome.code).toBe("limit-reached");
  expect(outcome.changed).toBe(false);
  expect(outcome.message.text).toMatch(words);
  expect(await h.snapshot([ADA])).toEqual(before);
}

describe("team-channel posts per member per rolling day", () => {
  const channelPosts = async (h: Harness) =>
    (await h.rows()).outbox.filter((row) => row.target === "CHANNEL" && row.kind === "celebration");
  const congratulations = async (h: Harness) =>
    (await h.rows()).outbox.filter((row) => row.target === "DIRECT" && row.kind === "congratulation");

  it("GIVEN 5 wins posted today WHEN a 6th is logged THEN it is logged and congratulated privately, not posted", async () => {
    expect(MEMBER_LIMITS.channelPostsPerDay).toBe(5);
    const h = createHarness();
    await h.setCelebrationChannel("C-WINS");
    await h.sayAll(["share on", ...COMPANIES.map((company) => `apply ${company}`)]);
    for (const company of COMPANIES.slice(0, 4)) expect((await h.run(`offer ${company}`)).code).toBe("offer-logged");
    const fifth = await h.run("offer Echo");
    expect(fifth.message.text).toContain("The team hears of it");
    expect(await channelPosts(h)).toHaveLength(5);

    const sixth = await h.run("offer Foxtrot");
    expect(sixth.code).toBe("offer-logged");
    expect(sixth.message.text).toContain("the team has heard enough from me today");
    expect(sixth.message.text).not.toContain("The team hears of it");
    expect(await channelPosts(h)).toHaveLength(5);
    expect(await congratulations(h)).toHaveLength(6);
    expect((await h.rows()).applications.find((a) => a.company === "Foxtrot")?.status).toBe("OFFER");

    // A rolling day: 24 hours after the first post, there is room again.
    h.clock.advanceMinutes(24 * 60);
    const seventh = await h.run("invited Golf screen");
    expect(seventh.message.text).toContain("The team hears of it");
    expect(await channelPosts(h)).toHaveLength(6);
  });

  it("GIVEN 5 posts today WHEN one is undone THEN it frees its place", async () => {
    const h = createHarness();
    await h.setCelebrationChannel("C-WINS");
    await h.sayAll(["share on", ...COMPANIES.map((company) => `apply ${company}`)]);
    await h.sayAll([...COMPANIES.slice(0, 5).map((company) => `offer ${company}`), "undo"]);
    expect((await h.run("offer Foxtrot")).message.text).toContain("The team hears of it");
  });
});

describe("stored rows per member", () => {
  it("GIVEN 999 applications WHEN the 1,000th is made THEN it is created, and the 1,001st is refused", async () => {
    expect(MEMBER_LIMITS.applications).toBe(1000);
    const h = createHarness();
    await h.say("apply Co1");
    await seed(h, async (repo, memberId) => {
      for (let n = 2; n <= 999; n += 1) {
        await repo.createApplication({ memberId, company: `Co${n}`, role: null, link: null, appliedAt: h.clock.now() });
      }
    });
    expect((await h.run("apply Co1000 --yes")).code).toBe("application-created");
    await refusedAndUnchanged(h, "apply Co1001", /1,000 applications/);
  });

  it("GIVEN 99 rounds at Acme WHEN the 100th is logged THEN it is kept, and the 101st is refused", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    const [acme] = (await h.rows()).applications;
    await seed(h, async (repo) => {
      for (let n = 1; n <= MEMBER_LIMITS.roundsPerApplication - 1; n += 1) {
        const heldAt = new Date(h.clock.now().getTime() - n * 3_600_000);
        await repo.createRound({ applicationId: acme?.id as string, stage: "TECHNICAL", scheduledAt: heldAt, heldAt });
      }
    });
    expect((await h.run("round acme screen")).code).toBe("round-held");
    await refusedAndUnchanged(h, "round acme onsite tomorrow 3pm", /100 rounds/);
    await refusedAndUnchanged(h, "invited acme onsite", /100 rounds/);
  });

  it("GIVEN 199 notes at Acme WHEN the 200th is added THEN it is kept, and the 201st is refused", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    const [acme] = (await h.rows()).applications;
    await seed(h, async (repo, memberId) => {
      for (let n = 1; n < MEMBER_LIMITS.notesPerApplication; n += 1) {
        await repo.createNote({ memberId, applicationId: acme?.id as string, text: `note ${n}` });
      }
    });
    expect((await h.run("note acme one more")).code).toBe("note-added");
    await refusedAndUnchanged(h, "note acme and another", /200 notes/);
  });

  it("GIVEN 199 people met and things learned at Acme WHEN the 200th is added THEN it is kept, and the 201st is refused", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    const [acme] = (await h.rows()).applications;
    await seed(h, async (repo, memberId) => {
      for (let n = 1; n < MEMBER_LIMITS.reflectionsPerApplication; n += 1) {
        const applicationId = acme?.id as string;
        await repo.createReflection({ memberId, applicationId, roundId: null, personMet: `P${n}`, learned: null });
      }
    });
    expect((await h.run("met acme Dana")).code).toBe("person-met-recorded");
    await refusedAndUnchanged(h, "learned acme graphs", /200 people met and lessons/);
  });

  it("GIVEN 199 gaps WHEN the 200th is noted THEN it is kept, and the 201st is refused", async () => {
    const h = createHarness();
    await h.say("gap graphs");
    await seed(h, async (repo, memberId) => {
      for (let n = 2; n < MEMBER_LIMITS.gaps; n += 1)
        await repo.createGap({ memberId, applicationId: null, topic: `t${n}` });
    });
    expect((await h.run("gap trees")).code).toBe("gap-created");
    await refusedAndUnchanged(h, "gap heaps", /200 gaps/);
  });
});
