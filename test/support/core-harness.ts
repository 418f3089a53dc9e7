/** The core driven as an adapter would: an in-memory store, a clock the test moves, and readers for what was written. */

import { type Bot, type BotUser, createBot } from "../../src/core/bot.ts";
import { type Logger, silentLogger } from "../../src/core/logger.ts";
import { messageWithoutMarks, withoutMarks } from "../../src/core/member-text.ts";
import type {
  Application,
  BotMessage,
  FeedbackRequest,
  Gap,
  Member,
  Note,
  OutboxMessage,
  Reflection,
  Round,
  Sharing,
  Workspace,
} from "../../src/core/model.ts";
import { mapMoments } from "../../src/core/moments.ts";
import type { CommandOutcome } from "../../src/core/outcomes.ts";
import type { ClaimedMessage, Clock, Store, WorkspaceIdentity } from "../../src/core/ports.ts";
import { renderPlainText } from "../../src/core/render-text.ts";
import type { RequestPlace } from "../../src/core/request-place.ts";
import { createMemoryStore } from "../fakes/memory-store.ts";

/** Monday 2 March 2026, 15:00 UTC: daytime in UTC, New York and Berlin, so default quiet hours stay out of the way. */
export const T0 = new Date("2026-03-02T15:00:00.000Z");

export const TEAM: WorkspaceIdentity = { platform: "SLACK", externalId: "T-COHORT", name: "Cohort 7" };
export const ADA: BotUser = { externalId: "U-ADA", displayName: "Ada" };
export const BEN: BotUser = { externalId: "U-BEN", displayName: "Ben" };
export const ADMIN: BotUser = { externalId: "U-ROOT", displayName: "Robin", isAdmin: true };

/** A clock that stands still until the test moves it. */
export interface FakeClock extends Clock {
  set(at: Date | string): void;
  advanceMinutes(minutes: number): void;
}

export function createFakeClock(start: Date = T0): FakeClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(at) {
      current = new Date(at);
    },
    advanceMinutes(minutes) {
      current = new Date(current.getTime() + minutes * 60_000);
    },
  };
}

/** Everything one member owns, read back from the store. */
export interface MemberRows {
  member: Member;
  applications: Application[];
  rounds: Round[];
  feedback: FeedbackRequest[];
  reflections: Reflection[];
  gaps: Gap[];
  notes: Note[];
  outbox: OutboxMessage[];
}

/** A workspace as far as the test can see it: the workspace row and each named member's rows (null when absent). */
export interface WorkspaceSnapshot {
  workspace: Workspace;
  members: Record<string, MemberRows | null>;
}

export interface Harness {
  clock: FakeClock;
  store: Store;
  /** The bot itself, for what `say` hides (its raw replies, home sections). */
  bot: Bot;
  /** Sends one command line as `user` (default Ada) in `workspace` (default the cohort); the reply as read. */
  say(line: string, user?: BotUser, workspace?: WorkspaceIdentity): Promise<BotMessage>;
  /** `say`, returning the whole outcome (kind, code, changed) with its reply as read. */
  run(line: string, user?: BotUser, workspace?: WorkspaceIdentity): Promise<CommandOutcome>;
  /** Sends several lines in order and returns the last reply. */
  sayAll(lines: readonly string[], user?: BotUser, workspace?: WorkspaceIdentity): Promise<BotMessage>;
  /** The member's rows; fails the test when the member does not exist. */
  rows(user?: BotUser, workspace?: WorkspaceIdentity): Promise<MemberRows>;
  /** Null when the workspace has never been seen. */
  snapshot(users?: readonly BotUser[], workspace?: WorkspaceIdentity): Promise<WorkspaceSnapshot | null>;
  /** Claims every queued row of every workspace, however far in the future (consumes them). */
  drainOutbox(): Promise<ClaimedMessage[]>;
  /** Sets the workspace's celebration channel directly, as an admin would. */
  setCelebrationChannel(channel: string | null, workspace?: WorkspaceIdentity): Promise<void>;
  /** Stores the member's sharing choice directly, as if answered long ago: no reply, nothing for `undo` to take back. */
  setSharing(sharing: Sharing, user?: BotUser, workspace?: WorkspaceIdentity): Promise<void>;
}

export interface HarnessOptions {
  start?: Date;
  /** Lets a test put a misbehaving store between the bot and the in-memory one; readers still see the real store. */
  wrapStore?: (store: Store) => Store;
  /** Where the bot logs; silent unless a test reads the logs. */
  logger?: Logger;
  /** Where every line comes from, as an adapter would say it: a DM, and the platform's answer about channels. */
  place?: RequestPlace;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const clock = createFakeClock(options.start ?? T0);
  const store = createMemoryStore({ clock });
  const bot = createBot({
    store: options.wrapStore ? options.wrapStore(store) : store,
    clock,
    logger: options.logger ?? silentLogger,
  });

  async function snapshot(
    users: readonly BotUser[] = [ADA],
    workspace: WorkspaceIdentity = TEAM,
  ): Promise<WorkspaceSnapshot | null> {
    const found = await store.findWorkspace(workspace.platform, workspace.externalId);
    if (!found) return null;
    return store.inWorkspace(found.id, async (repo) => {
      const read = async (member: Member): Promise<MemberRows> => {
        const applications = await repo.listApplications(member.id);
        const ids = applications.map((application) => application.id);
        return {
          member,
          applications,
          rounds: await repo.listRounds(ids),
          feedback: await repo.listFeedback(ids),
          reflections: await repo.listReflections(member.id),
          gaps: await repo.listGaps(member.id),
          notes: await repo.listNotes(member.id),
          outbox: await repo.listOutbox(member.id),
        };
      };
      const members: Record<string, MemberRows | null> = {};
      for (const user of users) {
        const member = await repo.findMember(user.externalId);
        members[user.externalId] = member ? await read(member) : null;
      }
      return { workspace: await repo.getWorkspace(), members };
    });
  }

  const harness: Harness = {
    clock,
    store,
    bot,
    // Replies as a member reads them in text: moments in their local reading.
    say: async (line, user = ADA, workspace = TEAM) => (await harness.run(line, user, workspace)).message,
    async run(line, user = ADA, workspace = TEAM) {
      const outcome = await bot.handleText(workspace, user, line, options.place);
      return { ...outcome, message: asRead(outcome.message) };
    },
    async sayAll(lines, user = ADA, workspace = TEAM) {
      let last: BotMessage = { text: "" };
      for (const line of lines) last = await harness.say(line, user, workspace);
      return last;
    },
    async rows(user = ADA, workspace = TEAM) {
      const seen = await snapshot([user], workspace);
      const rows = seen?.members[user.externalId];
      if (!rows) throw new Error(`No member ${user.externalId} in ${workspace.externalId}`);
      return rows;
    },
    snapshot,
    drainOutbox: () => store.outbox.claimDue(new Date("2100-01-01T00:00:00Z"), 10_000, 60_000),
    async setCelebrationChannel(channel, workspace = TEAM) {
      const found = await store.ensureWorkspace(workspace);
      await store.inWorkspace(found.id, (repo) => repo.updateWorkspace({ celebrationChannel: channel }));
    },
    async setSharing(sharing, user = ADA, workspace = TEAM) {
      const found = await store.ensureWorkspace(workspace);
      await store.inWorkspace(found.id, async (repo) => {
        const member = await repo.ensureMember({ externalId: user.externalId, displayName: user.displayName });
        await repo.updateMember(member.id, { sharing });
      });
    },
  };
  return harness;
}

/** The reply as the console would print it: text, title, fields, items and buttons. */
export function plain(message: BotMessage): string {
  return withoutMarks(renderPlainText(message));
}

export function minutesAfter(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

function asRead(message: BotMessage): BotMessage {
  return messageWithoutMarks(mapMoments(message, (_, reading) => reading));
}
