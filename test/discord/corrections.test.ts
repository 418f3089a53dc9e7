/** Corrections on Discord: the real discord.js client under `/nextstep application …`, and the delete question's buttons. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import type { FakeInteractionResponse } from "../fakes/fake-discord-interactions.ts";
import { ADA, BOB, type DiscordWorld, GUILD, shown, startDiscordWorld } from "../support/discord-world.ts";

let db: Database;
let world: DiscordWorld;

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
  world = await startDiscordWorld({ db });
}, 30_000);
afterAll(async () => {
  await world?.close();
  await db?.close();
});

interface RenderedButton {
  custom_id: string;
  label: string;
}

/** The buttons of an answer, as Discord would render them. */
function buttonsOf(response: FakeInteractionResponse): RenderedButton[] {
  const data = response.data as { components?: { components: RenderedButton[] }[] } | undefined;
  return (data?.components ?? []).flatMap((row) => row.components);
}

const applicationsOf = async () =>
  (await db.prisma.application.findMany({ orderBy: { createdAt: "asc" } })).map((row) => row.company);

describe("Discord corrections", () => {
  it("GIVEN typed options under the application group THEN edit, note, rounds and round-edit land", async () => {
    await world.command("apply", [{ name: "company", value: "Acme" }]);
    await world.command("round", [
      { name: "company", value: "acme" },
      { name: "stage", value: "screen" },
      { name: "when", value: "2026-11-20 10:00" },
    ]);
    const group = { group: "application" };
    const edit = await world.command(
      "edit",
      [
        { name: "company", value: "acme" },
        { name: "field", value: "source" },
        { name: "value", value: "a meetup" },
      ],
      group,
    );
    expect(edit.first.ephemeral).toBe(true);
    expect(shown(edit.first)).toContain(`Acme's source: (none) → \\"a meetup\\"`);
    const note = await world.command(
      "note",
      [
        { name: "company", value: "acme" },
        { name: "text", value: "recruiter is Sam" },
      ],
      group,
    );
    expect(shown(note.first)).toContain("Noted on Acme");
    const rounds = await world.command("rounds", [{ name: "company", value: "acme" }], group);
    expect(shown(rounds.first)).toMatch(/1\. screening call, <t:\d+:F>, waiting to hear/);
    const moved = await world.command(
      "round-edit",
      [
        { name: "company", value: "acme" },
        { name: "number", value: 1 },
        { name: "field", value: "stage" },
        { name: "value", value: "technical" },
      ],
      group,
    );
    expect(shown(moved.first)).toContain("→ technical interview");
    expect(await db.prisma.note.count()).toBe(1);
    expect((await db.prisma.round.findFirstOrThrow()).stage).toBe("TECHNICAL");
  });

  it("GIVEN delete asked WHEN Bob clicks Yes, then Ada clicks No, then Yes THEN only Ada's Yes deletes", async () => {
    await world.command("apply", [{ name: "company", value: "Globex" }]);
    const asked = await world.command("delete", [{ name: "company", value: "acme" }], { group: "application" });
    expect(shown(asked.first)).toContain("Delete Acme?");
    const [yes, no] = buttonsOf(asked.first);
    if (!yes || !no) throw new Error("the question has no Yes/No buttons");
    expect(yes.label).toBe("Delete Acme");
    expect(yes.custom_id).toBe(`ns|${GUILD}|${ADA.id}|delete Acme --yes`);

    expect(shown((await world.click(yes.custom_id, BOB, GUILD)).first)).toContain("someone else");
    expect(shown((await world.click(no.custom_id, ADA)).first)).toContain("left everything as it was");
    expect(await applicationsOf()).toEqual(["Acme", "Globex"]);

    expect(shown((await world.click(yes.custom_id, ADA)).first)).toContain("Deleted Acme");
    expect(await applicationsOf()).toEqual(["Globex"]);
    expect(await db.prisma.round.count()).toBe(0);
    expect(await db.prisma.note.count()).toBe(0);
  });
});
