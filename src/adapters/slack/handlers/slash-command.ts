/** `/nextstep <command>`: answered in the acknowledgement when the core is quick, else through response_url; bare, it opens the log modal. */
import type { Middleware, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { answerBeforeDeadline } from "../../../core/deadline.ts";
import { ephemeral, type SlackHandlerContext } from "./context.ts";
import { openLogModal } from "./log-modal.ts";

export function slashCommand(context: SlackHandlerContext): Middleware<SlackCommandMiddlewareArgs> {
  const { calls, users, home } = context;
  return async ({ command, ack, respond, client }) => {
    const teamId = command.team_id;
    if (command.text.trim() === "") {
      await ack();
      await openLogModal(context, client, command);
      return;
    }
    const work = users.lookup(client, teamId, command.user_id, command.user_name).then(async (user) => ({
      user,
      answer: await calls.run(teamId, user, command.text, command.team_domain),
    }));
    // Slack gives up after 3 seconds: past the deadline, acknowledge now and answer through response_url when done.
    const { user, answer } = await answerBeforeDeadline(
      work,
      context.ackDeadlineMs,
      {
        reply: ({ answer: quick }) => ack(ephemeral(quick.reply, command.user_id)),
        defer: () => ack(),
        replyLate: async ({ answer: late }) => {
          await respond({ ...ephemeral(late.reply, command.user_id), replace_original: false });
        },
      },
      context.timers,
    );
    home.refreshAfter(client, teamId, user, answer);
  };
}
