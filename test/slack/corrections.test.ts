/** Deleting an application on Slack: the real Bolt app asks with Block Kit buttons, and the click is what deletes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { buttonsOf, clickButton, type RenderedButton } from "../support/slack-buttons.ts";
import { install, type SlackWorld, startSlackWorld, textOf } from "../support/slack-world.ts";

let db: Database;
let world: SlackWorld;

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
  world = await startSlackWorld({ db });
  expect(await install(world, "T1")).toBeLessThan(400);
});
afterAll(async () => {
  await world?.close();
  await db?.close();
});

const click = async (button: RenderedButton, user = "U1") => ({ body: await clickButton(world, button, user) });

const applicationsOf = async () =>
  (await db.prisma.application.findMany({ orderBy: { createdAt: "asc" } })).map((row) => row.company);

describe("Slack corrections", () => {
  it("GIVEN delete asked WHEN No, then Ben's click, then Yes THEN only Ada's Yes deletes the application", async () => {
    for (const line of ['apply "Acme Corp"', "round acme screen", "note acme recruiter is Sam", "apply Globex"]) {
      expect((await world.say(line)).status, line).toBe(200);
    }
    const asked = await world.say("delete acme");
    expect(textOf(asked.json)).toContain("Delete Acme Corp?");
    const [yes, no] = buttonsOf(asked.json);
    if (!yes || !no) throw new Error("the question has no Yes/No buttons");
    expect(yes.text.text).toBe("Delete Acme Corp");
    expect(no.text.text).toBe("Keep it");

    expect(textOf((await click(no)).body)).toContain("left everything as it was");
    expect(await applicationsOf()).toEqual(["Acme Corp", "Globex"]);
    expect(textOf((await click(yes, "U2")).body)).toContain("someone else");
    expect(await applicationsOf()).toEqual(["Acme Corp", "Globex"]);

    expect(textOf((await click(yes)).body)).toContain("Deleted Acme Corp");
    expect(await applicationsOf()).toEqual(["Globex"]);
    expect(await db.prisma.round.count()).toBe(0);
    expect(await db.prisma.note.count()).toBe(0);
  });

  it("GIVEN an edit with a link Slack escaped WHEN sent THEN the link is stored as typed and echoed escaped", async () => {
    const answer = await world.say("edit globex link <https://globex.example/jobs?id=1&amp;x=2>");
    expect(textOf(answer.json)).toContain("https://globex.example/jobs?id=1&amp;x=2");
    const globex = await db.prisma.application.findFirstOrThrow({ where: { company: "Globex" } });
    expect(globex.link).toBe("https://globex.example/jobs?id=1&x=2");
  });
});
