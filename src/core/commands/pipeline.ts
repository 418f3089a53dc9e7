/** `pipeline`: every application at a glance, active ones first with their latest step. */
import { memberText } from "../member-text.ts";
import type { Application, BotMessage, Round } from "../model.ts";
import { formatMoment } from "../moments.ts";
import { outcome, reply } from "../outcomes.ts";
import { tookPlaceAt } from "../round-times.ts";
import { defineCommand } from "./spec.ts";
import { stageLabel } from "./stages.ts";
import { isInProgress, STATUS_WORDS } from "./support.ts";

export const pipelineCommand = defineCommand({
  name: "pipeline",
  aliases: ["status", "list"],
  group: "views",
  summary: "Show your applications",
  args: [],
  examples: ["pipeline"],
  readsOnly: true,
  async handler(ctx) {
    const applications = await ctx.repo.listApplications(ctx.member.id);
    // Only an active application's line tells of a round; the others say their status.
    const active = applications.filter((application) => application.status === "ACTIVE");
    const rounds = await ctx.repo.listRounds(active.map((application) => application.id));
    return outcome("pipeline-shown", pipelineReply(applications, rounds, ctx.timeZone, ctx.now));
  },
});

/** The `pipeline` reply, also a home screen section; `rounds` must hold those of every active application. */
export function pipelineReply(
  applications: readonly Application[],
  rounds: readonly Round[],
  timeZone: string,
  now: Date,
): BotMessage {
  if (applications.length === 0) return reply("Your pipeline is empty. Start with `apply <company>`.");
  const open = applications.filter(isInProgress);
  const closed = applications.filter((application) => !isInProgress(application));
  const line = (application: Application) =>
    `${memberText(application.company)}${application.role ? ` (${memberText(application.role)})` : ""}: ${describe(application, rounds, timeZone, now)}`;
  const counts = Object.entries(
    closed.reduce<Record<string, number>>((acc, application) => {
      acc[STATUS_WORDS[application.status]] = (acc[STATUS_WORDS[application.status]] ?? 0) + 1;
      return acc;
    }, {}),
  ).map(([status, count]) => `${count} ${status}`);
  return reply(`${open.length} in progress${counts.length > 0 ? `, ${counts.join(", ")}` : ""}.`, {
    title: "Your pipeline",
    items: [...open.map(line), ...closed.map(line)],
  });
}

function describe(application: Application, rounds: readonly Round[], timeZone: string, now: Date): string {
  if (application.status !== "ACTIVE") return STATUS_WORDS[application.status];
  const own = rounds.filter((round) => round.applicationId === application.id);
  const upcoming = own.find((round) => round.scheduledAt && round.scheduledAt > now && round.outcome === "PENDING");
  if (upcoming?.scheduledAt) return `${stageLabel(upcoming.stage)} on ${formatMoment(upcoming.scheduledAt, timeZone)}`;
  const latest = own.at(-1);
  if (!latest) return "applied, waiting to hear";
  if (latest.outcome !== "PENDING") return stageLabel(latest.stage);
  return tookPlaceAt(latest, now)
    ? `${stageLabel(latest.stage)}, waiting to hear`
    : `invited to the ${stageLabel(latest.stage)}`;
}
