/** What every Slack handler is built with: the core's services and the adapter's helpers, assembled once by register.ts. */
import type { Timers } from "../../../core/deadline.ts";
import type { DirectReplies } from "../../../core/direct-reply.ts";
import type { Logger } from "../../../core/logger.ts";
import type { BotMessage } from "../../../core/model.ts";
import type { WorkspaceLifecycle } from "../../../core/workspace-lifecycle.ts";
import { renderBlocks } from "../render.ts";
import type { UserDirectory } from "../users.ts";
import type { SlackBotCalls } from "./bot-calls.ts";
import type { HomePublisher } from "./home-publisher.ts";

export interface SlackHandlerContext {
  calls: SlackBotCalls;
  home: HomePublisher;
  users: UserDirectory;
  lifecycle: WorkspaceLifecycle;
  directReplies: DirectReplies;
  logger: Logger;
  /** How long the core may take before a slash command is answered through response_url instead of the ack. */
  ackDeadlineMs: number;
  timers: Timers;
  /** Removes a team's OAuth installation (multi-workspace mode). */
  forgetInstallation?: (teamId: string) => Promise<void>;
  /** Asks for due outbox rows to go out now, e.g. a modal's reply just queued. */
  deliverSoon?: () => void;
}

/** A reply only `owner` sees, with its buttons bound to them. */
export function ephemeral(message: BotMessage, owner: string) {
  return { response_type: "ephemeral" as const, ...renderBlocks(message, owner) };
}
