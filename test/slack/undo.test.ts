/** Asking first and taking back on Slack: the real Bolt app's Yes/No question for an unusual step, and its Undo button. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKSPACE_SETTING_DEFAULTS } from "../../src/core/workspace-settings.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { buttonLabelled, clickButton, type RenderedButton } from "../support/slack-buttons.ts";
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

const statusOf = async () => (await db.prisma.application.findFirstOrThrow()).status;

describe("Slack: only real progress goes public, and every post can be taken back", () => {
  it("GIVEN accepted with no offer WHEN No, then Yes, then the post is up and Undo is clicked THEN the post is deleted from the channel", async () => {
    for (const line of ["admin channel <#C1|job-hunt>", "share on", "apply Umbrella"]) {
      expect((await world.say(line)).status, line).toBe(200);
    }
    const asked = (await world.say("accepted umbrella")).json;
    expect(textOf(asked)).toContain("no offer from Umbrella logged yet");
    expect(textOf(await click(buttonLabelled(asked, "No")))).toContain("left everything as it was");
    expect(await statusOf()).toBe("ACTIVE");

    const accepted = await click(buttonLabelled(asked, "Yes, log it"));
    expect(textOf(accepted)).toContain("You accepted Umbrella");
    expect(await statusOf()).toBe("ACCEPTED");
    world.clock.advance(WORKSPACE_SETTING_DEFAULTS.undoWindowMinutes * 60_000);
    await world.dispatcher.dispatchDue();
    expect(world.fake.messages("C1")).toHaveLength(1);

    expect(textOf(await click(buttonLabelled(accepted, "Undo"), "U2"))).toContain("someone else");
    expect(world.fake.messages("C1")).toHaveLength(1);
    expect(textOf(await click(buttonLabelled(accepted, "Undo")))).toContain("taking the post down");
    await world.dispatcher.dispatchDue();
    expect(world.fake.messages("C1")).toHaveLength(0);
    expect(await statusOf()).toBe("ACTIVE");
    expect(textOf(await click(buttonLabelled(accepted, "Undo")))).toContain("already undone");
  });
});
