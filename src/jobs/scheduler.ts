/** Ticks every job in-process with node-cron, then delivers what became due. Several processes may tick at once: jobs are idempotent. */

import cron, { type ScheduledTask } from "node-cron";
import type { Dispatcher } from "../core/delivery/dispatcher.ts";
import { errorFacts } from "../core/error-facts.ts";
import type { Logger } from "../core/logger.ts";
import type { Clock } from "../core/ports.ts";
import { JOBS, type JobDefinition } from "./registry.ts";
import type { JobContext } from "./rules.ts";
import type { JobStore } from "./store.ts";

export interface SchedulerOptions {
  store: JobStore;
  dispatcher: Dispatcher;
  clock: Clock;
  logger: Logger;
  jobs?: readonly JobDefinition[];
  /** Settings the jobs read beside their store (OUTBOX_RETENTION_DAYS). */
  settings?: JobSettings;
}

/** What configuration the jobs read, beside the workspace settings in the store. */
export type JobSettings = Pick<JobContext, "outboxRetentionDays">;

export interface Scheduler {
  start(): void;
  /** Stops ticking and waits for runs under way. */
  stop(): Promise<void>;
}

/** Runs one job at `now`, logging rather than throwing: a failing job must not stop the others. */
export async function runJobOnce(
  job: JobDefinition,
  store: JobStore,
  now: Date,
  logger: Logger,
  settings: JobSettings = {},
): Promise<number> {
  const log = logger.child({ job: job.name });
  const started = Date.now();
  try {
    const created = await job.run({ ...settings, now, store, logger: log });
    log.info({ created, ms: Date.now() - started }, "job ran");
    return created;
  } catch (error) {
    log.error({ err: errorFacts(error) }, "job failed");
    return 0;
  }
}

export function createScheduler({
  store,
  dispatcher,
  clock,
  logger,
  jobs = JOBS,
  settings = {},
}: SchedulerOptions): Scheduler {
  const tasks: ScheduledTask[] = [];
  const running = new Set<Promise<unknown>>();

  function track(work: Promise<unknown>): void {
    running.add(work);
    void work.finally(() => running.delete(work));
  }

  return {
    start() {
      for (const job of jobs) {
        const task = cron.schedule(
          job.schedule,
          () => {
            track(
              runJobOnce(job, store, clock.now(), logger, settings).then(async (created) => {
                if (created > 0) await dispatcher.dispatchDue();
              }),
            );
          },
          { name: job.name, noOverlap: true, timezone: "UTC" },
        );
        tasks.push(task);
      }
    },
    async stop() {
      for (const task of tasks.splice(0)) await task.stop();
      await Promise.allSettled([...running]);
    },
  };
}
