/** The log modal: opened by a bare slash command; its submission runs as a command whose reply is queued as a DM. */

import type { Middleware, SlackViewMiddlewareArgs, SlashCommand, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { errorFacts } from "../../../core/error-facts.ts";
import { commandFromModal, logModal } from "../modal.ts";
import type { SlackHandlerContext } from "./context.ts";

export async function openLogModal(context: SlackHandlerContext, client: WebClient, command: SlashCommand) {
  const teamId = command.team_id;
  try {
    const user = await context.users.lookup(client, teamId, command.user_id, command.user_name);
    const companies = await context.calls.companiesOf(teamId, user);
    await client.views.open({ trigger_id: command.trigger_id, view: logModal(companies) });
  } catch (error) {
    context.logger.warn({ err: errorFacts(error), team: teamId }, "could not open the log modal");
  }
}

export function logModalSubmitted(context: SlackHandlerContext): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  const { calls, users, home } = context;
  return async ({ ack, body, view, client }) => {
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const form = commandFromModal(view.state.values);
    if (!form.ok) {
      await ack({ response_action: "errors", errors: form.errors });
      return;
    }
    const user = await users.lookup(client, teamId, body.user.id, body.user.name);
    const answer = await calls.run(teamId, user, form.line);
    // A closing modal has nowhere to show the reply, so it goes as a DM like every other message: through the outbox,
    // once per view even if Slack sends the submission again. Queued before the ack, so a closed modal means it is safe.
    await context.directReplies.queue(calls.identity(teamId), user, answer.reply, `slack-view:${view.id}`);
    await ack();
    context.deliverSoon?.();
    home.refreshAfter(client, teamId, user, answer);
  };
}
