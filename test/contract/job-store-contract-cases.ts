/**
 * The JobStore contract's cases: for each job, a member seeded through the bot at the edge of one rule (chase days,
 * chase limit, snooze, pause, quiet hours, cool-down after a rejection, DST in New York and Berlin, already queued,
 * forgotten members, removed apps), and what the workspace's outbox holds after each run. The same on every store.
 */
import type { ContractCase } from "./job-store-contract-case.ts";
import { FEEDBACK_CASES } from "./job-store-contract-cases-feedback.ts";
import { ROUND_CASES } from "./job-store-contract-cases-rounds.ts";
import { SILENCE_CASES } from "./job-store-contract-cases-silence.ts";
import { WEEKLY_CASES } from "./job-store-contract-cases-weekly.ts";

export const CASES: ContractCase[] = [...FEEDBACK_CASES, ...SILENCE_CASES, ...ROUND_CASES, ...WEEKLY_CASES];
