/** The dispatch boundary: turns a member's command into one unit of work and one typed outcome. Errors stop here. */

import { type CommandRequest, requestFromValues, requestFromWords } from "./command-request.ts";
import type { ParseContext } from "./commands/arg-kinds.ts";
import { type ArgsResult, parseArgs, parseNamedArgs } from "./commands/parse-args.ts";
import type { Said } from "./commands/said.ts";
import { type Command, type CommandContext, usageOf } from "./commands/spec.ts";
import { COMMAND_TABLE } from "./commands/table.ts";
import { nameOf } from "./companies.ts";
import { askDateOrder, effectiveDateOrder, rememberedOrder } from "./date-order.ts";
import { enroll, isUsableZone } from "./enroll.ts";
import { errorFacts } from "./error-facts.ts";
import { tokenize } from "./grammar/tokenize.ts";
import { homeSections } from "./home-sections.ts";
import type { Logger } from "./logger.ts";
import { memberText } from "./member-text.ts";
import type { BotButton, BotMessage, Member, Workspace } from "./model.ts";
import { takeUntoldNotices } from "./notices.ts";
import { type CommandOutcome, type CommandResult, refusal } from "./outcomes.ts";
import type { Clock, MemberOpening, Store, UnitDecision, WorkspaceIdentity, WorkspaceRepo } from "./ports.ts";
import { type PlatformAnswers, platformAnswers, type RequestPlace } from "./request-place.ts";
import { closest } from "./suggest.ts";
import { isEmpty, journaling } from "./undo/journaling-repo.ts";
import { undoButton } from "./undo/undo-button.ts";
import { createWorkspaceDirectory } from "./workspace-directory.ts";

/** Who is talking, as the platform tells it. */
export interface BotUser {
  externalId: string;
  displayName: string;
  /** The platform's idea of the member's zone (Slack knows it; Discord doesn't). */
  timezone?: string | null;
  /** Whether the platform says this user administers the workspace. */
  isAdmin?: boolean;
  /** The platform's language for the member ("en-US", "de"): how they likely write 3/12 until they say. */
  locale?: string | null;
}

export interface Bot {
  /** Runs a text command line (Slack, console, a button's); `place` says where it came from (default: the workspace). */
  handleText(workspace: WorkspaceIdentity, user: BotUser, line: string, place?: RequestPlace): Promise<CommandOutcome>;
  /** Runs a command with named values (Discord options), validated like text. */
  handleNamed(
    workspace: WorkspaceIdentity,
    user: BotUser,
    commandName: string,
    values: Readonly<Record<string, string | number | undefined>>,
    place?: RequestPlace,
  ): Promise<CommandOutcome>;
  /** The member's overview for a platform home screen: pipeline, stats, gaps and settings, read in one transaction. */
  home(workspace: WorkspaceIdentity, user: BotUser): Promise<BotMessage[]>;
  /** The names of the member's applications ("Hooli (Backend)" where a company has several), for pickers and autocomplete; nothing is created. */
  companiesOf(workspace: WorkspaceIdentity, user: BotUser): Promise<string[]>;
  readonly commands: readonly Command[];
}

export interface BotDependencies {
  store: Store;
  clock: Clock;
  logger: Logger;
}

const MAX_LINE_LENGTH = 4000;
const TIMEZONE_TIP =
  "Welcome to Next Step! Tell me your timezone so reminders arrive at a sensible hour: `tz Europe/Berlin`, `tz America/New_York`, …";
const SORRY = "Sorry, something went wrong on my side and nothing was saved. Please try again in a moment.";

export function createBot({ store, clock, logger }: BotDependencies): Bot {
  const table = COMMAND_TABLE;
  const workspaces = createWorkspaceDirectory(store);

  /** What a handler or a home section sees of the member's request. */
  function contextFor(
    repo: WorkspaceRepo,
    workspace: Workspace,
    member: Member,
    request: {
      identity: WorkspaceIdentity;
      user: BotUser;
      now: Date;
      timeZone: string;
      confirmed?: boolean;
      said?: Said;
      answers?: PlatformAnswers;
    },
  ): CommandContext {
    const { identity, user, now, timeZone } = request;
    const answers = request.answers ?? platformAnswers({});
    return {
      repo,
      workspace,
      commands: table,
      member,
      platform: identity.platform,
      now,
      timeZone,
      isAdmin: user.isAdmin ?? false,
      confirmed: request.confirmed ?? false,
      // A home screen runs no command, so nothing it shows retries one.
      said: request.said ?? { retry: () => "pipeline", bareWords: 0 },
      channelVerdict: (channel) => answers.channelVerdict(channel),
    };
  }

  async function run(
    identity: WorkspaceIdentity,
    user: BotUser,
    command: Command,
    readArgs: (context: ParseContext) => ArgsResult,
    request: CommandRequest,
    place: RequestPlace = {},
  ): Promise<CommandOutcome> {
    const { confirmed = false, dateOrder: chosen = null } = request;
    // Only the workspace itself shows the app is in use again; a DM may be an old button from before the removal.
    const revives = !place.direct;
    const answers = platformAnswers(place);
    async function execute(repo: WorkspaceRepo, opening: MemberOpening): Promise<UnitDecision<CommandOutcome>> {
      const { workspace, member: known } = opening;
      if (!revives && workspace.deletionScheduledAt !== null) return rollBack(removedFrom(identity));
      const now = clock.now();
      const timeZone = known?.timezone ?? (isUsableZone(user.timezone) ? user.timezone : workspace.defaultTimezone);
      const dateOrder = effectiveDateOrder(chosen, known?.dateOrder, user.locale);
      const parsed = readArgs({ now, timeZone, dateOrder });
      if (!parsed.ok) {
        if (parsed.question) return rollBack(askDateOrder(request.line, parsed.question));
        return rollBack(refusal("bad-arguments", parsed.problem, usageOf(command)));
      }
      if (command.adminOnly && !user.isAdmin) {
        return rollBack(refusal("admin-only", "Only workspace admins can change that. Ask one of them to run it."));
      }
      let member = known ?? (await enroll(repo, user));
      // An answer to the date-order question is remembered with the command it answered.
      const remembering = chosen !== null && member.dateOrder !== chosen;
      if (remembering) member = await repo.updateMember(member.id, { dateOrder: chosen });
      // Enrolment and the remembered date order are not part of the change; what the handler writes is, for `undo`.
      const journaled = command.undoable === false || command.readsOnly ? null : journaling(repo);
      const context = contextFor(journaled?.repo ?? repo, workspace, member, {
        identity,
        user,
        now,
        timeZone,
        confirmed,
        said: request.said,
        answers,
      });
      const answered = await command.handler(context, parsed.args);
      const result =
        remembering && answered.kind === "done"
          ? withText(answered, `${answered.message.text}\n\n${rememberedOrder(chosen)}`)
          : answered;
      // A refusal leaves nothing behind, not even the member row a first command would create.
      if (result.kind !== "done" && result.kind !== "needs-confirmation") return rollBack(result);
      // Counted before the failure notice below: marking failures told changes nothing a home screen shows.
      let answer: CommandOutcome = { ...result, changed: repo.rowsWritten() > 0 };
      if (journaled && !isEmpty(journaled.journal)) {
        const { entries, outboxKeys, queuedChannelPost } = journaled.journal;
        const change = await repo.recordChange({ memberId: member.id, summary: request.summary, entries, outboxKeys });
        if (queuedChannelPost) answer = withButton(answer, undoButton(change.id));
      }
      if (command.name === "forget") return { commit: true, value: answer };
      // Failures are told above the answer; a new member's first command gets the timezone tip below it.
      const headsUps = await takeUntoldNotices(repo, { opening, member, user, now });
      // Platforms like Discord don't tell us where a member lives; reminders need it to arrive at a kind hour.
      const tips = !known && !member.timezone && command.name !== "tz" ? [TIMEZONE_TIP] : [];
      if (headsUps.length === 0 && tips.length === 0) return { commit: true, value: answer };
      return { commit: true, value: withText(answer, [...headsUps, answer.message.text, ...tips].join("\n\n")) };
    }

    async function attempt(): Promise<CommandOutcome> {
      if (command.readsOnly) {
        // No transaction to begin and commit, unless the member must be enrolled or told of failures (both write).
        const read = await workspaces.run(identity, user.externalId, { readOnly: true, revives }, (repo, opening) =>
          opening.member && !opening.hasUntoldFailures && !(user.isAdmin && opening.hasUntoldChannelFailures)
            ? execute(repo, opening)
            : skip(),
        );
        if (read) return read;
      }
      return await workspaces.run(identity, user.externalId, { readOnly: false, revives }, execute);
    }

    try {
      for (;;) {
        try {
          return await attempt();
        } catch (error) {
          // A question for the platform (is this channel the workspace's?) is asked here, between attempts.
          if (!(await answers.answer(error))) throw error;
        }
      }
    } catch (error) {
      // Ids and the error's kind only: an error's message may quote what the member typed.
      const context = { workspace: identity.externalId, member: user.externalId, command: command.name };
      logger.child(context).error({ err: errorFacts(error) }, "command failed");
      return unchanged(refusal("internal-error", SORRY));
    }
  }

  function find(name: string): Command | undefined {
    const word = name.toLowerCase();
    return table.find((command) => command.name === word || command.aliases?.includes(word));
  }

  function unknown(name: string): CommandOutcome {
    const names = table.flatMap((command) => [command.name, ...(command.aliases ?? [])]);
    const near = closest(name, names);
    const hint = near.length > 0 ? ` Did you mean \`${near[0]}\`?` : "";
    return unchanged(
      refusal(
        "unknown-command",
        `I don't know the command "${memberText(name)}".${hint} Type \`help\` to see them all.`,
      ),
    );
  }

  async function home(identity: WorkspaceIdentity, user: BotUser): Promise<BotMessage[]> {
    const sections = (repo: WorkspaceRepo, workspace: Workspace, member: Member) => {
      const timeZone = member.timezone ?? workspace.defaultTimezone;
      return homeSections(contextFor(repo, workspace, member, { identity, user, now: clock.now(), timeZone }));
    };
    // Only reads, so no transaction for a member we know.
    const read = await workspaces.run(
      identity,
      user.externalId,
      { readOnly: true, revives: false },
      async (repo, { workspace, member }) =>
        member ? { commit: true, value: await sections(repo, workspace, member) } : skip(),
    );
    if (read) return read;
    // Looking is not joining: a newcomer, or a member who just said `forget confirm`, sees the empty sections of a
    // member enrolled in a transaction that is then rolled back, so nothing about them is stored.
    return workspaces.run(
      identity,
      user.externalId,
      { readOnly: false, revives: false },
      async (repo, { workspace, member }) => ({
        commit: false,
        value: await sections(repo, workspace, member ?? (await enroll(repo, user))),
      }),
    );
  }

  return {
    commands: table,
    home,
    async companiesOf(identity, user) {
      const workspace = await store.findWorkspace(identity.platform, identity.externalId);
      if (!workspace) return [];
      return store.inWorkspace(workspace.id, async (repo) => {
        const member = await repo.findMember(user.externalId);
        if (!member) return [];
        // Several applications at one company are offered one by one, as "Hooli (Backend)", which names each.
        const applications = await repo.listApplications(member.id);
        return applications.map((application) => nameOf(application, applications));
      });
    },
    async handleText(workspace, user, line, place) {
      if (line.length > MAX_LINE_LENGTH) {
        return unchanged(refusal("line-too-long", "That message is too long for me. Keep it under 4,000 characters."));
      }
      const tokens = tokenize(line.trim());
      if (!tokens.ok) return unchanged(refusal("bad-quoting", tokens.problem));
      const words = tokens.tokens[0]?.startsWith("/") ? tokens.tokens.slice(1) : tokens.tokens;
      const [name = "help", ...afterName] = words;
      const command = find(name);
      if (!command) return unknown(name);
      const quoted = tokens.quoted.slice(tokens.tokens.length - afterName.length);
      const { request, rest } = requestFromWords(command, line.trim(), afterName, quoted);
      return run(workspace, user, command, (context) => parseArgs(command, rest, context), request, place);
    },
    async handleNamed(workspace, user, commandName, values, place) {
      const command = find(commandName);
      if (!command) return unknown(commandName);
      const request = requestFromValues(command, values);
      return run(workspace, user, command, (context) => parseNamedArgs(command, values, context), request, place);
    },
  };
}

/** The answer to a DM about a workspace the app was removed from: nothing there changes from here. */
function removedFrom(identity: WorkspaceIdentity): CommandResult {
  const where = identity.platform === "DISCORD" ? "server" : "workspace";
  return refusal(
    "workspace-removed",
    `Next Step was removed from that ${where}, so I can't change anything there from here. If it's added back before its data is deleted, everything you logged will still be there.`,
  );
}

/** A result that changed nothing, for answers given before or without a unit of work. */
function unchanged(result: CommandResult): CommandOutcome {
  return { ...result, changed: false };
}

/** A refused or failed result: its unit of work rolls back, so it changed nothing. */
function rollBack(result: CommandResult): UnitDecision<CommandOutcome> {
  return { commit: false, value: unchanged(result) };
}

/** The read-only attempt declines: the unit of work must write (enrol, tell of failures), so it runs again in one. */
async function skip(): Promise<UnitDecision<undefined>> {
  return { commit: false, value: undefined };
}

function withButton(outcome: CommandOutcome, button: BotButton): CommandOutcome {
  return { ...outcome, message: { ...outcome.message, buttons: [...(outcome.message.buttons ?? []), button] } };
}

function withText<T extends CommandResult>(outcome: T, text: string): T {
  return { ...outcome, message: { ...outcome.message, text } };
}
