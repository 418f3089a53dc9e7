/** The home screen reads a member's history once and shows exactly what `pipeline`, `stats`, `gaps` and `settings` reply. */
import { describe, expect, it } from "vitest";
import type { Store, WorkspaceRepo } from "../../src/core/ports.ts";
import { ADA, createHarness, TEAM } from "../support/core-harness.ts";

describe("home sections", () => {
  it("GIVEN a member with a varied history THEN each home section equals the reply of its command", async () => {
    const h = createHarness();
    await h.sayAll([
      "apply Acme Backend Engineer",
      "round acme screen",
      "invited acme technical 2026-03-10 14:00",
      "met acme Dana",
      "learned acme consistent hashing",
      "apply Globex",
      "round globex technical",
      "rejected globex",
      "asked globex",
      "feedback globex more SQL depth",
      "apply Initech",
      "offer initech",
      "gap system design",
      "gap sql window functions",
      "pause 3",
      "share company",
    ]);
    const sections = await h.bot.home(TEAM, ADA);
    const replies = [];
    for (const line of ["pipeline", "stats", "gaps", "settings"])
      replies.push((await h.bot.handleText(TEAM, ADA, line)).message);
    expect(sections).toEqual(replies);
  });

  it("GIVEN a newcomer THEN their home shows the empty sections and stores nothing about them", async () => {
    const h = createHarness();
    const [pipeline, stats, gaps, settings] = await h.bot.home(TEAM, ADA);
    expect(pipeline?.text).toContain("empty");
    expect(stats?.fields?.[0]).toEqual({ label: "Applications", value: "0" });
    expect(gaps?.text).toContain("No gaps");
    expect(settings?.title).toBe("Your settings");
    expect((await h.snapshot([ADA]))?.members[ADA.externalId]).toBeNull();
  });

  it("GIVEN a member who said forget confirm WHEN their home refreshes THEN nothing about them comes back", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "gap system design", "forget confirm"]);
    const [pipeline] = await h.bot.home(TEAM, ADA);
    expect(pipeline?.text).toContain("empty");
    expect((await h.snapshot([ADA]))?.members[ADA.externalId]).toBeNull();
    // Their next command enrols them afresh, as any first command does.
    await h.say("pipeline");
    expect((await h.rows()).member.displayName).toBe("Ada");
  });

  it("GIVEN a member's home THEN each kind of their rows is read once", async () => {
    const reads = new Map<string, number>();
    const counted = (repo: WorkspaceRepo): WorkspaceRepo => {
      const wrapped = { ...repo };
      for (const name of ["listApplications", "listRounds", "listFeedback", "listReflections", "listGaps"] as const) {
        const read = repo[name] as (...args: unknown[]) => Promise<unknown>;
        (wrapped as Record<string, unknown>)[name] = (...args: unknown[]) => {
          reads.set(name, (reads.get(name) ?? 0) + 1);
          return read(...args);
        };
      }
      return wrapped;
    };
    const h = createHarness({
      wrapStore: (store: Store): Store => ({
        ...store,
        inWorkspaceAs: (id, externalId, options, work) =>
          store.inWorkspaceAs(id, externalId, options, (repo, opening) => work(counted(repo), opening)),
      }),
    });
    await h.sayAll(["apply Acme", "round acme screen", "gap system design"]);
    reads.clear();
    await h.bot.home(TEAM, ADA);
    expect(Object.fromEntries(reads)).toEqual({
      listApplications: 1,
      listRounds: 1,
      listFeedback: 1,
      listReflections: 1,
      listGaps: 1,
    });
  });
});
