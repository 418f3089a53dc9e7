/** The JobStore contract's world over any store: a workspace seeded through the bot, jobs run at set instants, and what they queued with ids named. */
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { type BotUser, createBot } from "../../src/core/bot.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { withoutMarks } from "../../src/core/member-text.ts";
import type { OutboxMessage } from "../../src/core/model.ts";
import type { Store, WorkspaceIdentity } from "../../src/core/ports.ts";
import { findJob } from "../../src/jobs/registry.ts";
import type { JobStore } from "../../src/jobs/store.ts";
import { ADA, BEN, type FakeClock, JOB_KINDS, type JobName } from "../support/job-world.ts";

/** One store under the contract, with its job store over the same rows. */
export interface JobStoreSubject {
  store: Store;
  jobStore: JobStore;
  clock: FakeClock;
  /** Every outbox row of the workspace, in any order. */
  outboxRows(workspaceId: string): Promise<OutboxMessage[]>;
  /** Makes writing this feedback request's chase count fail until the returned function is called. */
  failChaseRecording(requestId: string): Promise<() => Promise<void>>;
}

/** A queued job message as the contract compares it: ids replaced by what they name. */
export interface Seen {
  kind: string;
  /** The member's name for a DM, the channel for a post. */
  to: string;
  key: string;
  at: string;
  text: string;
}

export interface ContractWorld {
  identity: WorkspaceIdentity;
  say(line: string, user?: BotUser): Promise<void>;
  sayAt(at: string | Date, line: string, user?: BotUser): Promise<void>;
  run(job: JobName, at: string | Date): Promise<number>;
  /** The job messages queued in this workspace, sorted by key. */
  seen(): Promise<Seen[]>;
  workspaceId(): Promise<string>;
  /** The world's clock. */
  now(): Date;
  /** The app is removed from the workspace now: its data is to be deleted at `deleteAt`. */
  removeApp(deleteAt: Date): Promise<void>;
  /** The feedback request on the member's application at `company`. */
  feedbackRequest(company: string, user?: BotUser): Promise<{ id: string; chaseCount: number }>;
}

export function createContractWorld(subject: JobStoreSubject, start: string): ContractWorld {
  const { store, jobStore, clock } = subject;
  clock.set(start);
  const identity: WorkspaceIdentity = {
    platform: "SLACK",
    externalId: `T-${randomBytes(6).toString("hex")}`,
    name: "Cohort",
  };
  const bot = createBot({ store, clock, logger: silentLogger });
  let id: string | undefined;
  const workspaceId = async () => {
    id ??= (await store.ensureWorkspace(identity)).id;
    return id;
  };

  async function say(line: string, user: BotUser = ADA): Promise<void> {
    const outcome = await bot.handleText(identity, user, line);
    expect(["done", "needs-confirmation"], `"${line}" was refused: ${outcome.code}`).toContain(outcome.kind);
  }

  /** Ids of this workspace's members, applications and rounds, by what a reader calls them. */
  async function names(): Promise<Map<string, string>> {
    return store.inWorkspace(await workspaceId(), async (repo) => {
      const found = new Map<string, string>();
      for (const user of [ADA, BEN]) {
        const member = await repo.findMember(user.externalId);
        if (!member) continue;
        found.set(member.id, member.displayName);
        const applications = await repo.listApplications(member.id);
        for (const application of applications) found.set(application.id, application.company);
        for (const round of await repo.listRounds(applications.map((application) => application.id))) {
          found.set(round.id, `${found.get(round.applicationId)} round`);
        }
      }
      return found;
    });
  }

  return {
    identity,
    say,
    async sayAt(at, line, user) {
      clock.set(at);
      await say(line, user);
    },
    async run(job, at) {
      clock.set(at);
      const definition = findJob(job);
      if (!definition) throw new Error(`no job ${job}`);
      return definition.run({ now: new Date(at), store: jobStore, logger: silentLogger });
    },
    async seen() {
      const named = await names();
      const name = (raw: string) =>
        raw.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (found) => `<${named.get(found) ?? "?"}>`);
      const rows = (await subject.outboxRows(await workspaceId())).filter((row) => JOB_KINDS.includes(row.kind));
      return rows
        .map((row) => ({
          kind: row.kind,
          to: row.target === "DIRECT" ? (named.get(row.memberId ?? "") ?? "?") : (row.channel ?? "?"),
          key: name(row.dedupeKey),
          at: row.nextAttemptAt.toISOString(),
          text: withoutMarks(row.payload.text),
        }))
        .sort((a, b) => a.key.localeCompare(b.key));
    },
    workspaceId,
    now: () => clock.now(),
    async removeApp(deleteAt) {
      await store.scheduleWorkspaceDeletion(await workspaceId(), deleteAt);
    },
    async feedbackRequest(company, user = ADA) {
      return store.inWorkspace(await workspaceId(), async (repo) => {
        const member = await repo.findMember(user.externalId);
        const application = (await repo.listApplications(member?.id ?? "")).find((row) => row.company === company);
        const [request] = await repo.listFeedback(application ? [application.id] : []);
        if (!request) throw new Error(`no feedback request at ${company}`);
        return { id: request.id, chaseCount: request.chaseCount };
      });
    },
  };
}
