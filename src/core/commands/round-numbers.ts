/** Rounds as `rounds` numbers them (1..n, oldest logged first): finding the one a member means and describing it. */
import { memberText } from "../member-text.ts";
import type { Application, Round } from "../model.ts";
import { formatMoment } from "../moments.ts";
import type { NotificationKind } from "../notification-kinds.ts";
import { type CommandResult, refusal } from "../outcomes.ts";
import { formatLocalDay } from "../time.ts";
import type { CommandContext } from "./spec.ts";
import { stageLabel } from "./stages.ts";
import { companyRefusal, findApplication } from "./support.ts";

/** The messages timed by a round: they must not go out for a round that moved or won't happen. */
export const ROUND_TIMED_KINDS = ["prep", "reflection"] as const satisfies readonly NotificationKind[];

export type RoundLookup =
  | { ok: true; application: Application; round: Round; number: number }
  | { ok: false; refusal: CommandResult };

/**
 * The member's round `number` of the application a typed company name means. Rounds are numbered in the order they
 * were logged, so correcting a round's time never renumbers the others.
 */
export async function findRound(ctx: CommandContext, company: string, number: number): Promise<RoundLookup> {
  const match = await findApplication(ctx, company);
  if (!match.ok) return { ok: false, refusal: companyRefusal(match) };
  const { application } = match;
  const rounds = await ctx.repo.listRounds([application.id]);
  const round = rounds[number - 1];
  if (round) return { ok: true, application, round, number };
  const have = rounds.length === 0 ? "has no rounds yet" : `has rounds 1 to ${rounds.length}`;
  return {
    ok: false,
    refusal: refusal("round-not-found", `${memberText(application.company)} ${have}, so there's no round ${number}.`),
  };
}

/** When the round is or was, in the member's zone. */
export function roundWhen(round: Round, timeZone: string): string {
  if (round.scheduledAt) return formatMoment(round.scheduledAt, timeZone);
  // Logged as held without a time: the day is what the member knows.
  if (round.heldAt) return formatLocalDay(round.heldAt, timeZone);
  return "no date yet";
}

/** How the round stands, in words. */
export function roundStanding(round: Round, now: Date): string {
  if (round.outcome === "NEXT_STEP") return "passed";
  if (round.outcome === "REJECTED") return "not this time";
  if (round.outcome === "NO_RESPONSE") return "no response";
  if (!round.heldAt && round.scheduledAt && round.scheduledAt.getTime() > now.getTime()) return "coming up";
  if (!round.heldAt && !round.scheduledAt) return "to be scheduled";
  return "waiting to hear";
}

/** One round on one line: stage, time and standing. */
export function describeRound(round: Round, timeZone: string, now: Date): string {
  return `${stageLabel(round.stage)}, ${roundWhen(round, timeZone)}, ${roundStanding(round, now)}`;
}
