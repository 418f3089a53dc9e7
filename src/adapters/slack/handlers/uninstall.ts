/** `app_uninstalled` and the bot token's `tokens_revoked`: the installation goes at once, the workspace after the grace period. */
import type { Middleware, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackHandlerContext } from "./context.ts";

async function removed(context: SlackHandlerContext, teamId: string): Promise<void> {
  await context.forgetInstallation?.(teamId);
  await context.lifecycle.workspaceRemoved({ platform: "SLACK", externalId: teamId });
}

export function appUninstalled(context: SlackHandlerContext): Middleware<SlackEventMiddlewareArgs<"app_uninstalled">> {
  return ({ body }) => removed(context, body.team_id);
}

export function tokensRevoked(context: SlackHandlerContext): Middleware<SlackEventMiddlewareArgs<"tokens_revoked">> {
  return async ({ event, body }) => {
    // Only the bot's own token matters: a user revoking their user token changes nothing for Next Step.
    if (event.tokens.bot && event.tokens.bot.length > 0) await removed(context, body.team_id);
  };
}
