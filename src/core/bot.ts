/** The dispatch boundary: turns a member's command into one transaction and one neutral reply. Errors stop here. */

import { readOnlyView, watchChanges } from "./change-watch.ts";
import { type ArgsResult, parseArgs, parseNamedArgs } from "./commands/parse-args.ts";
import { type Command, type CommandContext, usageOf } from "./commands/spec.ts";
import { COMMAND_TABLE } from "./commands/table.ts";
import { tokenize } from "./grammar/tokenize.ts";
import { homeSections } from "./home-sections.ts";
import type { Logger } from "./logger.ts";
import type { BotMessage, Member, Workspace } from "./model.ts";
import { failureNotice } from "./notices.ts";
import type { Clock, MemberOpening, Store, WorkspaceIdentity, WorkspaceRepo } from "./ports.ts";
import { isRefusal, problem } from "./reply.ts";
import { closest } from "./suggest.ts";
import { isValidTimezone } from "./time.ts";
import { createWorkspaceDirectory } from "./workspace-directory.ts";

/** Who is talking, as the platform tells it. */
export interface BotUser {
  externalId: string;
  displayName: string;
  /** The platform's idea of the member's zone (Slack knows it; Discord doesn't). */
  timezone?: string | null;
  /** Whether the platform says this user administers the workspace. */
  isAdmin?: boolean;
}

export interface Bot {
  /** Runs a text command line (Slack, console). */
  handleText(workspace: WorkspaceIdentity, user: BotUser, line: string): Promise<BotMessage>;
  /** Runs a command with named values (Discord options), validated like text. */
  handleNamed(
    workspace: WorkspaceIdentity,
    user: BotUser,
    commandName: string,
    values: Readonly<Record<string, string | number | undefined>>,
  ): Promise<BotMessage>;
  /** The member's overview for a platform home screen: pipeline, stats, gaps and settings, read in one transaction. */
  home(workspace: WorkspaceIdentity, user: BotUser): Promise<BotMessage[]>;
  /** The member's company names, for pickers and autocomplete; nothing is created. */
  companiesOf(workspace: WorkspaceIdentity, user: BotUser): Promise<string[]>;
  /** Whether the command that answered `reply` changed what the member sees, so a home screen showing it is out of date. */
  changedData(reply: BotMessage): boolean;
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
  /** Replies of commands that committed a change; tagging the reply keeps `handleText`'s signature for every caller. */
  const changing = new WeakSet<BotMessage>();
  const workspaces = createWorkspaceDirectory(store);

  /** What a handler or a home section sees of the member's request. */
  function contextFor(
    repo: WorkspaceRepo,
    workspace: Workspace,
    member: Member,
    request: { identity: WorkspaceIdentity; user: BotUser; now: Date; timeZone: string },
  ): CommandContext {
    const { identity, user, now, timeZone } = request;
    return {
      repo,
      workspace,
      commands: table,
      member,
      platform: identity.platform,
      now,
      timeZone,
      isAdmin: user.isAdmin ?? false,
    };
  }

  async function run(
    identity: WorkspaceIdentity,
    user: BotUser,
    command: Command,
    readArgs: (context: { now: Date; timeZone: string }) => ArgsResult,
  ): Promise<BotMessage> {
    async function execute(repo: WorkspaceRepo, opening: MemberOpening): Promise<BotMessage> {
      const { workspace, member: known } = opening;
      const now = clock.now();
      const timeZone = known?.timezone ?? (isUsableZone(user.timezone) ? user.timezone : workspace.defaultTimezone);
      const parsed = readArgs({ now, timeZone });
      if (!parsed.ok) return problem(parsed.problem, usageOf(command));
      if (command.adminOnly && !user.isAdmin) {
        return problem("Only workspace admins can change that. Ask one of them to run it.");
      }
      const member = known ?? (await enroll(repo, user));
      const context = contextFor(repo, workspace, member, { identity, user, now, timeZone });
      const message = await command.handler(context, parsed.args);
      // A refusal leaves nothing behind, not even the member row a first command would create.
      if (isRefusal(message)) throw new RolledBack(message);
      if (command.name === "forget") return message;
      if (!known && !member.timezone && command.name !== "tz") {
        // Platforms like Discord don't tell us where a member lives; reminders need it to arrive at a kind hour.
        return { ...message, text: `${message.text}\n\n${TIMEZONE_TIP}` };
      }
      if (!opening.hasUntoldFailures) return message;
      // Channel posts that failed are the admins' business, not this member's.
      const failures = (await repo.listUntoldFailures(member.id)).filter((failure) => failure.target === "DIRECT");
      if (failures.length === 0) return message;
      await repo.markFailuresTold(
        failures.map((failure) => failure.id),
        now,
      );
      return { ...message, text: `${failureNotice(failures)}\n\n${message.text}` };
    }

    try {
      if (command.readsOnly) {
        // No transaction to begin and commit, unless the member must be enrolled or told of failures (both write).
        const read = await workspaces.reading(identity, user.externalId, async (repo, opening) =>
          opening.member && !opening.hasUntoldFailures ? execute(readOnlyView(repo, command.name), opening) : undefined,
        );
        if (read) return read;
      }
      let changed = false;
      const answer = await workspaces.within(identity, user.externalId, (repo, opening) =>
        execute(
          watchChanges(repo, () => {
            changed = true;
          }),
          opening,
        ),
      );
      if (changed) changing.add(answer);
      return answer;
    } catch (error) {
      if (error instanceof RolledBack) return error.value as BotMessage;
      const context = { workspace: identity.externalId, member: user.externalId, command: command.name };
      logger.child(context).error({ err: error }, "command failed");
      return problem(SORRY);
    }
  }

  function find(name: string): Command | undefined {
    const word = name.toLowerCase();
    return table.find((command) => command.name === word || command.aliases?.includes(word));
  }

  function unknown(name: string): BotMessage {
    const names = table.flatMap((command) => [command.name, ...(command.aliases ?? [])]);
    const near = closest(name, names);
    const hint = near.length > 0 ? ` Did you mean \`${near[0]}\`?` : "";
    return problem(`I don't know the command "${name}".${hint} Type \`help\` to see them all.`);
  }

  async function home(identity: WorkspaceIdentity, user: BotUser): Promise<BotMessage[]> {
    const sections = (repo: WorkspaceRepo, workspace: Workspace, member: Member) => {
      const timeZone = member.timezone ?? workspace.defaultTimezone;
      return homeSections(contextFor(repo, workspace, member, { identity, user, now: clock.now(), timeZone }));
    };
    // Only reads, so no transaction for a member we know.
    const read = await workspaces.reading(identity, user.externalId, async (repo, { workspace, member }) =>
      member ? sections(readOnlyView(repo, "home"), workspace, member) : undefined,
    );
    if (read) return read;
    // Looking is not joining: a newcomer, or a member who just said `forget confirm`, sees the empty sections of a
    // member enrolled in a transaction that is then rolled back, so nothing about them is stored.
    try {
      await workspaces.within(identity, user.externalId, async (repo, { workspace, member }) => {
        throw new RolledBack(await sections(repo, workspace, member ?? (await enroll(repo, user))));
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.value as BotMessage[];
      throw error;
    }
    throw new Error("unreachable: the preview transaction always rolls back");
  }

  return {
    commands: table,
    home,
    changedData: (reply) => changing.has(reply),
    async companiesOf(identity, user) {
      const workspace = await store.findWorkspace(identity.platform, identity.externalId);
      if (!workspace) return [];
      return store.inWorkspace(workspace.id, async (repo) => {
        const member = await repo.findMember(user.externalId);
        return member ? (await repo.listApplications(member.id)).map((application) => application.company) : [];
      });
    },
    async handleText(workspace, user, line) {
      if (line.length > MAX_LINE_LENGTH)
        return problem("That message is too long for me. Keep it under 4,000 characters.");
      const tokens = tokenize(line.trim());
      if (!tokens.ok) return problem(tokens.problem);
      const words = tokens.tokens[0]?.startsWith("/") ? tokens.tokens.slice(1) : tokens.tokens;
      const [name = "help", ...rest] = words;
      const command = find(name);
      if (!command) return unknown(name);
      return run(workspace, user, command, (context) => parseArgs(command.args, rest, context));
    },
    async handleNamed(workspace, user, commandName, values) {
      const command = find(commandName);
      if (!command) return unknown(commandName);
      return run(workspace, user, command, (context) => parseNamedArgs(command.args, values, context));
    },
  };
}

/** Creates the member on their first command, starting in the platform's zone when it is one we know. */
function enroll(repo: WorkspaceRepo, user: BotUser): Promise<Member> {
  return repo.ensureMember({
    externalId: user.externalId,
    displayName: user.displayName,
    timezone: isUsableZone(user.timezone) ? user.timezone : null,
  });
}

/** Carries an answer out of a transaction so that the transaction rolls back: a refusal, or a newcomer's home. */
class RolledBack extends Error {
  constructor(readonly value: unknown) {
    super("rolled back");
  }
}

function isUsableZone(zone: string | null | undefined): zone is string {
  return typeof zone === "string" && isValidTimezone(zone);
}
