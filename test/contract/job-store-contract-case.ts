/** The JobStore contract's case shape and the helpers every job's cases share: what a queued message must look like, removing the app, forgetting Ada. */
import { type JobName, plus } from "../support/job-world.ts";
import type { ContractWorld } from "./job-store-contract-world.ts";

/** A queued message: kind, recipient, key with ids named, delivery time, and words its text must carry. */
export interface Expected {
  kind: string;
  to: string;
  key: string;
  at: string;
  has?: string[];
}

export interface ContractCase {
  name: string;
  job: JobName;
  start: string;
  seed(world: ContractWorld): Promise<void>;
  /** After `before` (if any), the job runs at `at`; then the workspace's job messages are exactly `expect`. */
  steps: { before?: (world: ContractWorld) => Promise<void>; at: string | Date; expect: Expected[] }[];
}

export const iso = (at: string | Date) => new Date(at).toISOString();
export const dm = (kind: string, key: string, at: string | Date, has: string[] = [], to = "Ada"): Expected => ({
  kind,
  to,
  key,
  at: iso(at),
  has,
});

/** The app is removed from the workspace (its data to be deleted 30 days on). */
export const removeApp = async (world: ContractWorld) => world.removeApp(plus(world.now(), { days: 30 }));
/** Ada deletes everything about herself. */
export const forget = async (world: ContractWorld) => {
  await world.say("forget");
  await world.say("forget confirm");
};
