/** Buttons and selects on Next Step's messages and App Home: each carries a command line, run for the member who owns it. */
import type { BlockAction, Middleware, SlackActionMiddlewareArgs } from "@slack/bolt";
import { refuseOthersButton } from "../../../core/button-owner.ts";
import { decodeButtonValue } from "../render.ts";
import { ephemeral, type SlackHandlerContext } from "./context.ts";

/** The value the member chose: a button's own, or the option picked in a select. */
function chosenValue(action: BlockAction["actions"][number]): string | undefined {
  if (action.type === "static_select") return action.selected_option?.value;
  if (action.type === "button") return action.value;
  return undefined;
}

export function blockActions(context: SlackHandlerContext): Middleware<SlackActionMiddlewareArgs<BlockAction>> {
  const { calls, users, home } = context;
  return async ({ ack, body, action, respond, client }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const value = decodeButtonValue(chosenValue(action));
    if (!value) return;
    // App Home has no response_url: what changed there shows when the Home is republished.
    const inHome = body.container?.type === "view";
    const refusal = refuseOthersButton(value.owner, body.user.id);
    if (refusal) {
      if (!inHome) await respond({ ...ephemeral(refusal, body.user.id), replace_original: false });
      return;
    }
    const user = await users.lookup(client, teamId, body.user.id, body.user.name ?? body.user.id);
    const answer = await calls.run(teamId, user, value.command);
    if (!inHome) await respond({ ...ephemeral(answer.reply, body.user.id), replace_original: false });
    home.refreshAfter(client, teamId, user, answer);
  };
}
