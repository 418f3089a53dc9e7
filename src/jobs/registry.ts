/** The scheduled jobs, their cron schedules and what they do: the scheduler and `npm run jobs` both read this list. */
import { runFeedbackChase } from "./feedback-chase.ts";
import { runOutboxRetention } from "./outbox-retention.ts";
import { runPracticeNudge } from "./practice-nudge.ts";
import { runPrepReminder } from "./prep-reminder.ts";
import { runReflectionPrompt } from "./reflection-prompt.ts";
import type { JobContext } from "./rules.ts";
import { runSilenceCheck } from "./silence-check.ts";
import { runWeeklyDigest } from "./weekly-digest.ts";
import { runWeeklyEncouragement } from "./weekly-encouragement.ts";
import { runWorkspacePurge } from "./workspace-purge.ts";

export interface JobDefinition {
  name: string;
  /** node-cron expression, evaluated in UTC; the jobs themselves apply each member's local time. */
  schedule: string;
  description: string;
  /** Enqueues what is due at `now`; safe to run any number of times, on any number of processes. Returns rows created. */
  run(context: JobContext): Promise<number>;
}

export const JOBS: readonly JobDefinition[] = [
  {
    name: "feedback-chase",
    schedule: "*/15 * * * *",
    description:
      "3 days after a rejection (admin chase-days), a ready-to-send feedback request; one follow-up a week after `asked`, never more than two",
    run: runFeedbackChase,
  },
  {
    name: "silence-check",
    schedule: "7 * * * *",
    description:
      "after 10 days without news (admin silence-days), within 2 days of crossing that line, a polite check-in template, or mark it `ghosted`",
    run: runSilenceCheck,
  },
  {
    name: "prep-reminder",
    schedule: "*/15 * * * *",
    description: "from 17:00 local the day before a round, names the round and the member's open gaps",
    run: runPrepReminder,
  },
  {
    name: "reflection-prompt",
    schedule: "*/15 * * * *",
    description: "3 hours after a scheduled round, asks how it went, who they met and what they learned",
    run: runReflectionPrompt,
  },
  {
    name: "weekly-encouragement",
    schedule: "2 * * * *",
    description:
      "Monday 09:00 workspace time (admin weekly-day, admin weekly-hour), an original encouraging word in the team channel, none repeated within 10 weeks (admin weekly off)",
    run: runWeeklyEncouragement,
  },
  {
    name: "weekly-digest",
    schedule: "4 * * * *",
    description:
      "Friday 16:00 workspace time (admin digest-day, admin digest-hour), the week's wins in aggregate in the team channel, naming only members who share; never rejections",
    run: runWeeklyDigest,
  },
  {
    name: "practice-nudge",
    schedule: "9 * * * *",
    description: "Wednesday from 10:00 local, one open gap to practise this week",
    run: runPracticeNudge,
  },
  {
    name: "workspace-purge",
    schedule: "17 * * * *",
    description: "delete the data of workspaces whose app was removed, once the grace period has passed",
    run: runWorkspacePurge,
  },
  {
    name: "outbox-retention",
    schedule: "23 * * * *",
    description:
      "blanks the words of messages sent more than 30 days ago (OUTBOX_RETENTION_DAYS), keeping only their bookkeeping",
    run: runOutboxRetention,
  },
];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((job) => job.name === name);
}
