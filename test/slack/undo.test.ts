/** Asking first and taking back on Slack: the real Bolt app's Yes/No question for an unusual step, and its Undo button. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Block } from "../../src/adapters/slack/render.ts";
import { WORKSPACE_SETTING_DEFAULTS } from "../../src/core/workspace-settings.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { buildBlockAction } from "../support/slack-requests.ts";
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

interface RenderedButton {
  action_id: string;
  value: string;
  text: { text: string };
}

function buttonsOf(answer: unknown): RenderedButton[] {
  const blocks = (answer as { blocks?: Block[] }).blocks ?? [];
  return blocks.flatMap((block) => (block.type === "actions" ? (block.elements as unknown as RenderedButton[]) : []));
}

function buttonLabelled(answer: unknown, label: string): RenderedButton {
  const button = buttonsOf(answer).find((candidate) => candidate.text.text === label);
  if (!button) throw new Error(`no "${label}" button in ${textOf(answer)}`);
  return button;
}

let clicks = 0;
async function click(button: RenderedButton, user = "U1") {
  const responseId = `undo-${++clicks}`;
  const responseUrl = world.fake.responseUrl(responseId);
  await world.interact(
    buildBlockAction({
      teamId: "T1",
      userId: user,
      actionId: button.action_id,
      value: button.value,
      responseUrl,
      container: { type: "message", channelId: "C1", messageTs: "1.0", isEphemeral: true },
    }),
  );
  return (await world.fake.waitForResponse(responseId)).body;
}

const statusOf = async () => (await db.prisma.application.findFirstOrThrow()).status;

describe("Slack: only real progress goes public, and every post can be taken back", () => {
  it("GIVEN accepted with no offer WHEN No, then Yes, then the post is up and Undo is clicked THEN the post is deleted from the channel", async () => {
    for (const line of ["admin channel <#C1|job-hunt>", "apply Umbrella"]) {
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
