/** `app_home_opened`: the member looked at the Home tab, so it is published fresh. */
import type { Middleware, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackHandlerContext } from "./context.ts";

export function homeOpened(context: SlackHandlerContext): Middleware<SlackEventMiddlewareArgs<"app_home_opened">> {
  return async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const user = await context.users.lookup(client, body.team_id, event.user, event.user);
    await context.home.publish(client, body.team_id, user);
  };
}
