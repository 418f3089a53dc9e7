/** A workspace on a real migrated database, driven through the bot with a movable clock; runs jobs and reads what they queued. */
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { type BotUser, createBot } from "../../src/core/bot.ts";
import { createDispatcher } from "../../src/core/delivery/dispatcher.ts";
import type { DeliveryPort } from "../../src/core/delivery/port.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { messageWithoutMarks } from "../../src/core/member-text.ts";
import type { BotMessage, OutboxMessage } from "../../src/core/model.ts";
import type { Clock, WorkspaceIdentity } from "../../src/core/ports.ts";
import type { Database } from "../../src/db/open.ts";
import { createPrismaJobStore } from "../../src/db/prisma-job-store.ts";
import { createPrismaOutboxQueue } from "../../src/db/prisma-outbox-queue.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import { findJob } from "../../src/jobs/registry.ts";
import type { JobStore } from "../../src/jobs/store.ts";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const ADA: BotUser = { externalId: "U-ADA", displayName: "Ada" };
export const BEN: BotUser = { externalId: "U-BEN", displayName: "Ben" };
export const CAL: BotUser = { externalId: "U-CAL", displayName: "Cal" };
export const ADMIN: BotUser = { externalId: "U-ROOT", displayName: "Robin", isAdmin: true };

export type JobName =
  | "feedback-chase"
  | "silence-check"
  | "prep-reminder"
  | "reflection-prompt"
  | "weekly-encouragement"
  | "weekly-digest"
  | "practice-nudge";

/** The outbox kinds the jobs write (the bot itself writes celebration, congratulation and encouragement). */
export const JOB_KINDS = ["feedback-chase", "check-in", "prep", "reflection", "weekly", "digest", "practice"];

/** A clock that stands still until the test moves it. */
export interface FakeClock extends Clock {
  set(at: Date | string): void;
}

export function createFakeClock(start: Date | string): FakeClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(at) {
      current = new Date(at);
    },
  };
}

/** What a member or channel would actually have received through the platform. */
export interface Delivered {
  target: "DIRECT" | "CHANNEL";
  workspaceExternalId: string;
  /** The member's platform id for a DM, the channel for a post. */
  to: string;
  message: BotMessage;
}

export interface JobWorld {
  db: Database;
  clock: FakeClock;
  identity: WorkspaceIdentity;
  /** The job store the jobs read through (every workspace on the database unless scoped). */
  jobStore: JobStore;
  /** Runs a command line as `user` (default Ada) at the clock's time; fails the test when the bot refuses it. */
  say(line: string, user?: BotUser): Promise<BotMessage>;
  /** Moves the clock to `at`, then runs the command. */
  sayAt(at: Date | string, line: string, user?: BotUser): Promise<BotMessage>;
  /** Moves the clock to `at` and runs the job there once; returns the rows it created (in any workspace). */
  run(job: JobName, at: Date | string): Promise<number>;
  /** This workspace's outbox rows written by jobs (or of the given kinds), in insertion order. */
  outbox(...kinds: string[]): Promise<OutboxMessage[]>;
  /** Delivers everything due at `at` (in every workspace) through a recording port; returns what reached this one. */
  deliverAt(at: Date | string): Promise<Delivered[]>;
  workspaceId(): Promise<string>;
  memberId(user?: BotUser): Promise<string>;
}

export interface WorldOptions {
  start: Date | string;
  /** Replaces the job store, e.g. to look at this workspace only. */
  jobStore?: (store: JobStore, workspaceId: () => Promise<string>) => JobStore;
}

/** A fresh workspace (unique external id) on `db`, so tests sharing one database never see each other's members. */
export function createWorld(db: Database, options: WorldOptions): JobWorld {
  const clock = createFakeClock(options.start);
  const identity: WorkspaceIdentity = {
    platform: "SLACK",
    externalId: `T-${randomBytes(6).toString("hex")}`,
    name: "Cohort",
  };
  const store = createPrismaStore(db, { clock });
  const bot = createBot({ store, clock, logger: silentLogger });
  let cachedWorkspaceId: string | undefined;

  async function workspaceId(): Promise<string> {
    cachedWorkspaceId ??= (await store.ensureWorkspace(identity)).id;
    return cachedWorkspaceId;
  }

  const plainJobStore = createPrismaJobStore(db.prisma);
  const jobStore = options.jobStore ? options.jobStore(plainJobStore, workspaceId) : plainJobStore;

  async function say(line: string, user: BotUser = ADA): Promise<BotMessage> {
    const answer = await bot.handleText(identity, user, line);
    expect(["done", "needs-confirmation"], `"${line}" was refused: ${answer.code}`).toContain(answer.kind);
    return answer.message;
  }

  return {
    db,
    clock,
    identity,
    jobStore,
    say,
    sayAt(at, line, user) {
      clock.set(at);
      return say(line, user);
    },
    async run(job, at) {
      clock.set(at);
      const definition = findJob(job);
      if (!definition) throw new Error(`no job ${job}`);
      return definition.run({ now: new Date(at), store: jobStore, logger: silentLogger });
    },
    async outbox(...kinds) {
      const rows = await db.prisma.outbox.findMany({
        where: { workspaceId: await workspaceId(), kind: { in: kinds.length > 0 ? kinds : JOB_KINDS } },
        orderBy: { id: "asc" },
      });
      // As read: the member-text marks in payloads are the renderers' business (member-text.ts).
      return (rows as unknown as OutboxMessage[]).map((row) => ({ ...row, payload: messageWithoutMarks(row.payload) }));
    },
    async deliverAt(at) {
      const delivered = await deliverAll(db, at);
      return delivered.filter((entry) => entry.workspaceExternalId === identity.externalId);
    },
    workspaceId,
    async memberId(user = ADA) {
      const member = await db.prisma.member.findFirstOrThrow({
        where: { workspaceId: await workspaceId(), externalId: user.externalId },
      });
      return member.id;
    },
  };
}

/** Delivers everything due at `at` in every workspace through a recording port; returns what was sent. */
export async function deliverAll(db: Database, at: Date | string): Promise<Delivered[]> {
  const delivered: Delivered[] = [];
  const port: DeliveryPort = {
    async sendDirect({ workspaceExternalId, memberExternalId }, message) {
      delivered.push({
        target: "DIRECT",
        workspaceExternalId,
        to: memberExternalId,
        message: messageWithoutMarks(message),
      });
    },
    async postToChannel({ workspaceExternalId, channel }, message) {
      delivered.push({ target: "CHANNEL", workspaceExternalId, to: channel, message: messageWithoutMarks(message) });
      return { ref: `post-${delivered.length}` };
    },
    async deleteFromChannel({ workspaceExternalId, channel }, ref) {
      delivered.push({ target: "CHANNEL", workspaceExternalId, to: channel, message: { text: "", retracts: ref } });
    },
  };
  const queue = createPrismaOutboxQueue(db.prisma);
  const dispatcher = createDispatcher({
    queue,
    ports: { SLACK: port },
    clock: createFakeClock(at),
    logger: silentLogger,
  });
  await dispatcher.dispatchDue();
  return delivered;
}

/**
 * Ada's fortnight from 24 September 2026 (a team channel, UTC): a rejection (Globex, 2 October), a silent
 * application (Initech), a round on 6 October 10:00 (Acme) and an open gap, so every job has something due.
 */
export async function givenFortnight(world: JobWorld): Promise<void> {
  await world.sayAt("2026-09-24T10:00:00.000Z", "admin channel team", ADMIN);
  await world.say("apply Acme");
  await world.say("apply Globex");
  await world.say("apply Initech");
  await world.say("gap dynamic programming");
  await world.sayAt("2026-10-01T10:00:00.000Z", "round Acme technical 2026-10-06 10:00");
  await world.sayAt("2026-10-02T10:00:00.000Z", "rejected Globex");
}

/** `at` moved by whole days, hours and minutes. */
export function plus(at: Date | string, offset: { days?: number; hours?: number; minutes?: number }): Date {
  const { days = 0, hours = 0, minutes = 0 } = offset;
  return new Date(new Date(at).getTime() + days * DAY_MS + hours * HOUR_MS + minutes * 60_000);
}

/** The text of a queued message; fails the test when there is none. */
export function textOf(row: OutboxMessage | undefined): string {
  if (!row) throw new Error("expected a queued message, found none");
  return row.payload.text;
}
