/** Slack events in, core calls out: the slash command, buttons and selects, the modal, App Home and uninstalls. */
import type { App, BlockAction, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Bot, BotUser } from "../../core/bot.ts";
import type { Logger } from "../../core/logger.ts";
import type { BotMessage } from "../../core/model.ts";
import type { CommandOutcome } from "../../core/outcomes.ts";
import type { Clock, Store, WorkspaceIdentity } from "../../core/ports.ts";
import { homeView } from "./home.ts";
import type { HomeRefresher } from "./home-refresh.ts";
import { commandFromModal, LOG_MODAL_ID, logModal, type ModalValues } from "./modal.ts";
import { ACTION_PREFIX, decodeButtonValue, renderBlocks } from "./render.ts";
import type { UserDirectory } from "./users.ts";

export interface HandlerDependencies {
  bot: Bot;
  store: Store;
  users: UserDirectory;
  clock: Clock;
  logger: Logger;
  command: string;
  defaultTimezone: string;
  deletionGraceDays: number;
  /** Removes a team's OAuth installation (multi-workspace mode). */
  forgetInstallation?: (teamId: string) => Promise<void>;
  /** How long the core may take before the reply goes through response_url instead of the acknowledgement. */
  ackDeadlineMs?: number;
  /** Republishes App Home after changes, coalescing bursts. */
  homeRefresher: HomeRefresher;
}

const DAY_MS = 86_400_000;
const NOT_YOURS = "That button belongs to someone else's message, so I left it alone.";

export function registerHandlers(app: App, deps: HandlerDependencies): void {
  const { bot, users, logger } = deps;
  const ackDeadlineMs = deps.ackDeadlineMs ?? 2_000;
  const identity = (teamId: string, name?: string): WorkspaceIdentity => ({
    platform: "SLACK",
    externalId: teamId,
    name: name ?? teamId,
    defaultTimezone: deps.defaultTimezone,
  });

  async function publishHome(client: WebClient, teamId: string, user: BotUser): Promise<void> {
    try {
      const sections = await bot.home(identity(teamId), user);
      await client.views.publish({ user_id: user.externalId, view: homeView(sections, user.externalId) });
    } catch (error) {
      logger.warn({ err: error, team: teamId, user: user.externalId }, "could not publish App Home");
    }
  }

  /** After a change: the Home follows shortly, once per burst, off the command's path. Reads leave it as it was. */
  const refreshHome = (client: WebClient, teamId: string, user: BotUser, outcome: CommandOutcome) => {
    if (!outcome.changed) return;
    deps.homeRefresher.schedule(`${teamId}:${user.externalId}`, () => publishHome(client, teamId, user));
  };

  const ephemeral = (message: BotMessage, owner: string) => ({
    response_type: "ephemeral" as const,
    ...renderBlocks(message, owner),
  });

  app.command(deps.command, async ({ command, ack, respond, client }) => {
    const teamId = command.team_id;
    if (command.text.trim() === "") {
      await ack();
      await openLogModal(client, command, teamId);
      return;
    }
    const work = users.lookup(client, teamId, command.user_id, command.user_name).then(async (user) => ({
      user,
      reply: await bot.handleText(identity(teamId, command.team_domain), user, command.text),
    }));
    const quick = await withinDeadline(work, ackDeadlineMs);
    if (quick) {
      await ack(ephemeral(quick.reply.message, command.user_id));
    } else {
      // Slack gives up after 3 seconds: acknowledge now, answer through response_url when the core is done.
      await ack();
      const late = await work;
      await respond({ ...ephemeral(late.reply.message, command.user_id), replace_original: false });
    }
    const { user, reply } = quick ?? (await work);
    refreshHome(client, teamId, user, reply);
  });

  async function openLogModal(client: WebClient, command: SlashCommand, teamId: string): Promise<void> {
    try {
      const user = await users.lookup(client, teamId, command.user_id, command.user_name);
      const companies = await bot.companiesOf(identity(teamId), user);
      await client.views.open({ trigger_id: command.trigger_id, view: logModal(companies) });
    } catch (error) {
      logger.warn({ err: error, team: teamId }, "could not open the log modal");
    }
  }

  app.action<BlockAction>(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action, respond, client }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const raw =
      action.type === "static_select"
        ? action.selected_option?.value
        : action.type === "button"
          ? action.value
          : undefined;
    const value = decodeButtonValue(raw);
    if (!value) return;
    const inHome = body.container?.type === "view";
    if (value.owner && value.owner !== body.user.id) {
      if (!inHome) await respond({ response_type: "ephemeral", replace_original: false, text: NOT_YOURS });
      return;
    }
    const user = await users.lookup(client, teamId, body.user.id, body.user.name ?? body.user.id);
    const reply = await bot.handleText(identity(teamId), user, value.command);
    if (!inHome) await respond({ ...ephemeral(reply.message, body.user.id), replace_original: false });
    refreshHome(client, teamId, user, reply);
  });

  app.view(LOG_MODAL_ID, async ({ ack, body, view, client }) => {
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const form = commandFromModal(view.state.values as ModalValues);
    if (!form.ok) {
      await ack({ response_action: "errors", errors: form.errors });
      return;
    }
    const user = await users.lookup(client, teamId, body.user.id, body.user.name);
    const reply = await bot.handleText(identity(teamId), user, form.line);
    await ack();
    try {
      const opened = await client.conversations.open({ users: body.user.id });
      if (opened.channel?.id)
        await client.chat.postMessage({ channel: opened.channel.id, ...renderBlocks(reply.message, body.user.id) });
    } catch (error) {
      logger.warn({ err: error, team: teamId }, "could not send the modal's reply");
    }
    refreshHome(client, teamId, user, reply);
  });

  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = (body as { team_id?: string }).team_id ?? "";
    const user = await users.lookup(client, teamId, event.user, event.user);
    await publishHome(client, teamId, user);
  });

  async function removed(teamId: string): Promise<void> {
    await deps.forgetInstallation?.(teamId);
    const workspace = await deps.store.findWorkspace("SLACK", teamId);
    if (!workspace) return;
    const at = new Date(deps.clock.now().getTime() + deps.deletionGraceDays * DAY_MS);
    await deps.store.scheduleWorkspaceDeletion(workspace.id, at);
    logger.info({ team: teamId, deleteAt: at.toISOString() }, "app removed; workspace data scheduled for deletion");
  }

  app.event("app_uninstalled", async ({ body }) => removed((body as { team_id: string }).team_id));
  app.event("tokens_revoked", async ({ event, body }) => {
    // Only the bot's own token matters: a user revoking their user token changes nothing for Next Step.
    if (event.tokens.bot && event.tokens.bot.length > 0) await removed((body as { team_id: string }).team_id);
  });
}

/** `work`'s result if it settles within `ms`, else undefined; the timer goes as soon as either happens. */
async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
    timer.unref?.();
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
