/** A Slack admin can point celebrations only at a channel of their own workspace: checked with the team's token. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKSPACE_SETTING_DEFAULTS } from "../../src/core/workspace-settings.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { install, type SlackWorld, startSlackWorld, textOf } from "../support/slack-world.ts";

let db: Database;
let world: SlackWorld;

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
  world = await startSlackWorld({ db });
  expect(await install(world, "T1")).toBeLessThan(400);
  expect(await install(world, "T2")).toBeLessThan(400);
});
afterAll(async () => {
  await world?.close();
  await db?.close();
});

const PAST_UNDO_WINDOW_MS = WORKSPACE_SETTING_DEFAULTS.undoWindowMinutes * 60_000 + 1;
const channelOf = async (team: string) =>
  (await db.prisma.workspace.findFirstOrThrow({ where: { platform: "SLACK", externalId: team } })).celebrationChannel;

describe("setting the celebration channel on Slack", () => {
  it("GIVEN a channel of the team, mentioned THEN Slack is asked with the team's token and it is saved", async () => {
    const answer = await world.say("admin channel <#C1|job-hunt>");
    expect(textOf(answer.json)).toContain("is now");
    expect(await channelOf("T1")).toBe("C1");
    const asked = world.fake.calls.filter((call) => call.method === "conversations.info");
    expect(asked.at(-1)).toMatchObject({ token: "xoxb-t1", params: { channel: "C1" } });
  });

  it("GIVEN another team's channel WHEN T1's admin sets it THEN she is refused kindly and the setting stays", async () => {
    const answer = await world.say("admin channel <#C2|job-hunt>");
    expect(textOf(answer.json)).toContain("can't find that channel in this workspace");
    expect(await channelOf("T1")).toBe("C1");
  });

  it("GIVEN a channel name Slack did not link THEN it is refused the same way", async () => {
    const answer = await world.say("admin channel job-hunt");
    expect(textOf(answer.json)).toContain("can't find that channel in this workspace");
    expect(await channelOf("T1")).toBe("C1");
  });
});

describe("posting on Slack", () => {
  it("GIVEN another team's channel stored for T1 THEN T1's token can't post there: the post fails for good and C2 gets nothing", async () => {
    await db.prisma.workspace.updateMany({
      where: { platform: "SLACK", externalId: "T1" },
      data: { celebrationChannel: "C2" },
    });
    // Sharing is asked at the first win unless chosen: Ada chose, so her win is posted.
    await world.say("share on");
    await world.say("apply Acme");
    await world.say("offer acme");
    world.clock.advance(PAST_UNDO_WINDOW_MS);
    await world.dispatcher.dispatchDue();
    expect(await db.prisma.outbox.findFirstOrThrow({ where: { target: "CHANNEL" } })).toMatchObject({
      status: "FAILED",
      lastError: expect.stringContaining("channel_not_found"),
    });
    expect(world.fake.messages("C2")).toEqual([]);
  });
});
