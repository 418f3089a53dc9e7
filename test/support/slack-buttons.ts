/** A Slack answer's Block Kit buttons, and a member's click on one through the real Bolt app, answered via response_url. */
import type { Block } from "../../src/adapters/slack/render.ts";
import { buildBlockAction } from "./slack-requests.ts";
import { type SlackWorld, textOf } from "./slack-world.ts";

export interface RenderedButton {
  action_id: string;
  value: string;
  text: { text: string };
}

/** The buttons of an answer, as Slack would render them. */
export function buttonsOf(answer: unknown): RenderedButton[] {
  const blocks = (answer as { blocks?: Block[] }).blocks ?? [];
  return blocks.flatMap((block) => (block.type === "actions" ? (block.elements as unknown as RenderedButton[]) : []));
}

/** The answer's button with this label; throws (naming the answer) when there is none. */
export function buttonLabelled(answer: unknown, label: string): RenderedButton {
  const button = buttonsOf(answer).find((candidate) => candidate.text.text === label);
  if (!button) throw new Error(`no "${label}" button in ${textOf(answer)}`);
  return button;
}

let clicks = 0;
/** `user` of team T1 clicks `button` on an ephemeral answer; resolves with what Slack is told through response_url. */
export async function clickButton(world: SlackWorld, button: RenderedButton, user = "U1"): Promise<unknown> {
  const responseId = `click-${++clicks}`;
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
