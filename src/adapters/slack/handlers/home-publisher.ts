/** Publishing a member's App Home: on opening the tab, and shortly after commands that changed what it shows. */

import type { WebClient } from "@slack/web-api";
import type { BotUser } from "../../../core/bot.ts";
import { errorFacts } from "../../../core/error-facts.ts";
import type { Logger } from "../../../core/logger.ts";
import { homeView } from "../home.ts";
import type { HomeRefresher } from "../home-refresh.ts";
import type { CommandAnswer, SlackBotCalls } from "./bot-calls.ts";

export interface HomePublisher {
  /** Publishes the member's Home now; a failure is logged, never thrown (the Home is a view, not an answer). */
  publish(client: WebClient, teamId: string, user: BotUser): Promise<void>;
  /** After a change the Home follows shortly, once per burst, off the command's path; reads leave it as it was. */
  refreshAfter(client: WebClient, teamId: string, user: BotUser, answer: CommandAnswer): void;
}

export function createHomePublisher(calls: SlackBotCalls, refresher: HomeRefresher, logger: Logger): HomePublisher {
  async function publish(client: WebClient, teamId: string, user: BotUser): Promise<void> {
    try {
      const sections = await calls.home(teamId, user);
      await client.views.publish({ user_id: user.externalId, view: homeView(sections, user.externalId) });
    } catch (error) {
      logger.warn({ err: errorFacts(error), team: teamId, user: user.externalId }, "could not publish App Home");
    }
  }
  return {
    publish,
    refreshAfter(client, teamId, user, answer) {
      if (!answer.changed) return;
      refresher.schedule(`${teamId}:${user.externalId}`, () => publish(client, teamId, user));
    },
  };
}
