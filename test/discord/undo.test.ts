/** Asking first and taking back on Discord: the real discord.js client's Yes/No question for an unusual step, and its Undo button. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKSPACE_SETTING_DEFAULTS } from "../../src/core/workspace-settings.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import type { FakeInteractionResponse } from "../fakes/fake-discord-interactions.ts";
import { ADA, BOB, type DiscordWorld, GUILD, shown, startDiscordWorld, WINS } from "../support/discord-world.ts";

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

function buttonLabelled(response: FakeInteractionResponse, label: string): string {
  const data = response.data as { components?: { components: { custom_id: string; label: string }[] }[] } | undefined;
  const button = (data?.components ?? []).flatMap((row) => row.components).find((each) => each.label === label);
  if (!button) throw new Error(`no "${label}" button in ${shown(response)}`);
  return button.custom_id;
}

const statusOf = async () => (await db.prisma.application.findFirstOrThrow()).status;

describe("Discord: only real progress goes public, and every post can be taken back", () => {
  it("GIVEN an offer after a rejection WHEN No, then Yes, then the post is up and Undo is clicked THEN the message is deleted", async () => {
    await world.command(
      "workspace",
      [
        { name: "setting", value: "channel" },
        { name: "value", value: `<#${WINS}>` },
      ],
      {
        group: "settings",
        admin: true,
      },
    );
    await world.command("share", [{ name: "level", value: "on" }], { group: "settings" });
    await world.command("apply", [{ name: "company", value: "Hooli" }]);
    await world.command("rejected", [{ name: "company", value: "hooli" }]);
    const asked = (await world.command("offer", [{ name: "company", value: "hooli" }])).first;
    expect(shown(asked)).toContain("Hooli is marked rejected. Log an offer anyway?");
    expect(shown((await world.click(buttonLabelled(asked, "No"), ADA)).first)).toContain("left everything as it was");
    expect(await statusOf()).toBe("REJECTED");

    const offered = (await world.click(buttonLabelled(asked, "Yes, log it"), ADA)).first;
    expect(shown(offered)).toContain("An offer from Hooli");
    world.clock.advance(WORKSPACE_SETTING_DEFAULTS.undoWindowMinutes * 60_000);
    await world.dispatcher.dispatchDue();
    expect(world.fake.messages(WINS)).toHaveLength(1);

    const undo = buttonLabelled(offered, "Undo");
    expect(shown((await world.click(undo, BOB, GUILD)).first)).toContain("someone else");
    expect(shown((await world.click(undo, ADA)).first)).toContain("taking the post down");
    await world.dispatcher.dispatchDue();
    expect(world.fake.messages(WINS)).toHaveLength(0);
    expect(await statusOf()).toBe("REJECTED");
  });
});
