/** Private by default on Slack: the first win asks through the real Bolt app, and its buttons choose and post once. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKSPACE_SETTING_DEFAULTS } from "../../src/core/workspace-settings.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { buttonLabelled, buttonsOf, clickButton, type RenderedButton } from "../support/slack-buttons.ts";
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

const click = (button: RenderedButton, user = "U1") => clickButton(world, button, user);

describe("Slack: a member's first win asks before anything goes public", () => {
  it("GIVEN a new member WHEN the first offer is logged THEN nothing is posted until Share anonymously is clicked, twice, and then one post names nobody", async () => {
    for (const line of ["admin channel <#C1|job-hunt>", "apply Umbrella"]) {
      expect((await world.say(line)).status, line).toBe(200);
    }
    const asked = (await world.say("offer umbrella")).json;
    expect(textOf(asked)).toContain("Share this win in the team channel?");
    expect(buttonsOf(asked).map((button) => button.text.text)).toEqual(
      expect.arrayContaining(["Share with my name", "Share anonymously", "Keep it private"]),
    );
    world.clock.advance(WORKSPACE_SETTING_DEFAULTS.undoWindowMinutes * 60_000);
    await world.dispatcher.dispatchDue();
    expect(world.fake.messages("C1")).toHaveLength(0);

    // Someone else's click on Ada's question changes nothing.
    expect(textOf(await click(buttonLabelled(asked, "Share anonymously"), "U2"))).toContain("someone else");
    const member = await db.prisma.member.findFirstOrThrow({ where: { externalId: "U1" } });
    expect(member.sharing).toBeNull();

    expect(textOf(await click(buttonLabelled(asked, "Share anonymously")))).toContain("Sharing updated");
    await click(buttonLabelled(asked, "Share anonymously"));
    world.clock.advance(WORKSPACE_SETTING_DEFAULTS.undoWindowMinutes * 60_000);
    await world.dispatcher.dispatchDue();
    const posts = world.fake.messages("C1");
    expect(posts).toHaveLength(1);
    const posted = JSON.stringify(posts[0]);
    expect(posted).not.toContain("Umbrella");
    expect(posted).not.toContain(member.displayName);
    expect((await db.prisma.member.findFirstOrThrow({ where: { externalId: "U1" } })).sharing).toBe("ANONYMOUS");
  });
});
