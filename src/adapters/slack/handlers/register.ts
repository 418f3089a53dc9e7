/** Wires one named handler to each Slack entry point, as bolt-js's examples do. */
import type { App, BlockAction, ViewSubmitAction } from "@slack/bolt";
import { LOG_MODAL_ID } from "../modal.ts";
import { ACTION_PREFIX } from "../render.ts";
import { ignoreRetriedEvents } from "../retries.ts";
import { blockActions } from "./block-actions.ts";
import type { SlackHandlerContext } from "./context.ts";
import { homeOpened } from "./home-opened.ts";
import { logModalSubmitted } from "./log-modal.ts";
import { slashCommand } from "./slash-command.ts";
import { appUninstalled, tokensRevoked } from "./uninstall.ts";

export function registerHandlers(app: App, command: string, context: SlackHandlerContext): void {
  app.use(ignoreRetriedEvents());
  app.command(command, slashCommand(context));
  app.action<BlockAction>(new RegExp(`^${ACTION_PREFIX}`), blockActions(context));
  app.view<ViewSubmitAction>(LOG_MODAL_ID, logModalSubmitted(context));
  app.event("app_home_opened", homeOpened(context));
  app.event("app_uninstalled", appUninstalled(context));
  app.event("tokens_revoked", tokensRevoked(context));
}
