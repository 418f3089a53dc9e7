/** The dispatcher's test world: an in-memory store on a fake clock, one workspace and member, and a fake platform. */

import { expect } from "vitest";
import { createDispatcher, type DispatcherOptions } from "../../src/core/delivery/dispatcher.ts";
import { TAKEN_BACK_MARK } from "../../src/core/delivery/retraction.ts";
import { type Logger, silentLogger } from "../../src/core/logger.ts";
import type { Member, OutboxMessage, Platform, Workspace } from "../../src/core/model.ts";
import type { Clock, OutboxQueue, Store } from "../../src/core/ports.ts";
import { createFakePlatform, type FakePlatform } from "../fakes/fake-platform.ts";
import { createMemoryStore } from "../fakes/memory-store.ts";

/** A fixed moment far from the real clock, so what is due depends only on the fake clock. */
export const T0 = new Date("2030-03-04T09:00:00.000Z");
export const HOUR_MS = 3_600_000;

export interface TestClock extends Clock {
  advance(ms: number): void;
  set(at: Date): void;
}

export function createTestClock(start: Date): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(at) {
      current = at.getTime();
    },
  };
}

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  context: object;
  message?: string;
}

export function createRecordingLogger(entries: LogEntry[], bindings: object = {}): Logger {
  const record = (level: LogEntry["level"]) => (context: object, message?: string) => {
    entries.push({ level, context: { ...bindings, ...context }, message });
  };
  return {
    debug: record("debug"),
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
    child: (more) => createRecordingLogger(entries, { ...bindings, ...more }),
  };
}

export interface World {
  clock: TestClock;
  store: Store;
  workspace: Workspace;
  member: Member;
  platform: FakePlatform;
  /** Queues a DM to Ada whose text is its dedupe key, due at `at` (default now). */
  queueDirect(key: string, at?: Date): Promise<void>;
  /** Queues a post to #C-WINS whose text is its dedupe key. */
  queueChannelPost(key: string, at?: Date): Promise<void>;
  /** Ada's outbox row with this dedupe key. */
  row(key: string): Promise<OutboxMessage>;
  /** The retraction of Ada's row with this dedupe key, if one was queued (retractions belong to no member). */
  retractionOf(key: string): Promise<OutboxMessage | undefined>;
  /** Takes Ada's rows with these dedupe keys back, as an undo does, now. */
  takeBack(...keys: string[]): Promise<{ cancelled: number; retracting: number }>;
  /** A dispatcher over this world's store, delivering SLACK messages to the fake platform unless told otherwise. */
  dispatcher(options?: Partial<DispatcherOptions>): ReturnType<typeof createDispatcher>;
}

export async function givenWorld(platform: Platform = "SLACK"): Promise<World> {
  const clock = createTestClock(T0);
  const store = createMemoryStore({ clock });
  const workspace = await store.ensureWorkspace({ platform, externalId: "T-ONE", name: "Cohort 7" });
  const member = await store.inWorkspace(workspace.id, (repo) =>
    repo.ensureMember({ externalId: "U-ADA", displayName: "Ada" }),
  );
  const fake = createFakePlatform({
    now: () => clock.now().getTime(),
    elapse: async (ms) => clock.advance(ms),
  });
  const queue =
    (target: "DIRECT" | "CHANNEL") =>
    async (key: string, at: Date = clock.now()) => {
      const created = await store.inWorkspace(workspace.id, (repo) =>
        repo.enqueue({
          kind: "test",
          target,
          memberId: member.id,
          channel: target === "CHANNEL" ? "C-WINS" : null,
          payload: { text: key },
          dedupeKey: key,
          nextAttemptAt: at,
        }),
      );
      expect(created).toBe(true);
    };
  const row = async (key: string) => {
    const rows = await store.inWorkspace(workspace.id, (repo) => repo.listOutbox(member.id));
    // A post taken back marks its key (takenBackKey), so it is found by the key it was queued under.
    const found = rows.find((candidate) => candidate.dedupeKey.split(TAKEN_BACK_MARK)[0] === key);
    if (!found) throw new Error(`No outbox row ${key}`);
    return found;
  };
  return {
    clock,
    store,
    workspace,
    member,
    platform: fake,
    queueDirect: queue("DIRECT"),
    queueChannelPost: queue("CHANNEL"),
    row,
    async retractionOf(key) {
      const original = await row(key);
      const rows = [...store.tables().outbox.values()];
      const found = rows.find((row) => row.dedupeKey === `retraction:${original.id}`);
      return found && structuredClone(found);
    },
    async takeBack(...keys) {
      const ids = await Promise.all(keys.map(async (key) => (await row(key)).id));
      return store.inWorkspace(workspace.id, (repo) => repo.takeBackOutbox(ids, clock.now()));
    },
    dispatcher: (options = {}) =>
      createDispatcher({
        queue: store.outbox,
        ports: { [platform]: fake },
        clock,
        logger: silentLogger,
        ...options,
      }),
  };
}

/** The store's queue with every markSent call recorded. */
export function countingMarks(queue: OutboxQueue, marked: string[]): OutboxQueue {
  return {
    ...queue,
    async markSent(messageId, at, postedRef) {
      marked.push(messageId);
      await queue.markSent(messageId, at, postedRef);
    },
  };
}

/** A polling timer the test fires by hand: `fire()` runs one poll, `cancelled` says whether the dispatcher stopped it. */
export interface ManualTimer {
  every: NonNullable<DispatcherOptions["every"]>;
  /** Runs the poll the dispatcher scheduled, as its interval elapsing would; false when none is scheduled. */
  fire(): boolean;
  readonly intervalMs: number | undefined;
  readonly cancelled: boolean;
}

export function manualTimer(): ManualTimer {
  let tick: (() => void) | undefined;
  let intervalMs: number | undefined;
  let cancelled = false;
  return {
    every(ms, poll) {
      tick = poll;
      intervalMs = ms;
      return () => {
        cancelled = true;
        tick = undefined;
      };
    },
    fire() {
      tick?.();
      return tick !== undefined;
    },
    get intervalMs() {
      return intervalMs;
    },
    get cancelled() {
      return cancelled;
    },
  };
}
