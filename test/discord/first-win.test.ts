/** Private by default on Discord: the first win asks through the real discord.js client, and its buttons choose and post once. */
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

const sharingOf = async () => (await db.prisma.member.findFirstOrThrow({ where: { externalId: ADA.id } })).sharing;

describe("Discord: a member's first win asks before anything goes public", () => {
  it("GIVEN a new member WHEN the first invitation is logged THEN nothing is posted until Share with my name is clicked, twice, and then one post", async () => {
    await world.command(
      "workspace",
      [
        { name: "setting", value: "channel" },
        { name: "value", value: `<#${WINS}>` },
      ],
      { group: "settings", admin: true },
    );
    await world.command("apply", [{ name: "company", value: "Hooli" }]);
    const asked = (await world.command("invited", [{ name: "company", value: "hooli" }])).first;
    expect(shown(asked)).toContain("Share this win in the team channel?");
    buttonLabelled(asked, "Keep it private");
    world.clock.advance(WORKSPACE_SETTING_DEFAULTS.undoWindowMinutes * 60_000);
    await world.dispatcher.dispatchDue();
    expect(world.fake.messages(WINS)).toHaveLength(0);

    const share = buttonLabelled(asked, "Share with my name");
    expect(shown((await world.click(share, BOB, GUILD)).first)).toContain("someone else");
    expect(await sharingOf()).toBeNull();

    expect(shown((await world.click(share, ADA)).first)).toContain("Sharing updated");
    await world.click(share, ADA);
    expect(await sharingOf()).toBe("ON");
    world.clock.advance(WORKSPACE_SETTING_DEFAULTS.undoWindowMinutes * 60_000);
    await world.dispatcher.dispatchDue();
    const posts = world.fake.messages(WINS);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0])).not.toContain("Hooli");
  });
});
