/** The shared step behind `offer`, `accepted`, `withdraw` and `ghosted`: move an application to a status once. */
import type { Application, ApplicationStatus, BotButton, RoundOutcome } from "../model.ts";
import type { CommandContext } from "./spec.ts";
import {
  type CompanyMiss,
  findApplication,
  latestPending,
  roundsOf,
  STATUS_WORDS,
  touchApplication,
} from "./support.ts";

export type StatusChange =
  | { ok: true; application: Application }
  | { ok: false; code: CompanyMiss["code"] | "status-unchanged"; problem: string; buttons?: BotButton[] };

/** Sets the status and settles the round still waiting (if any) with `roundOutcome`. */
export async function changeStatus(
  ctx: CommandContext,
  company: string,
  status: ApplicationStatus,
  roundOutcome: RoundOutcome,
): Promise<StatusChange> {
  const match = await findApplication(ctx, company);
  if (!match.ok) return match;
  const application = match.application;
  if (application.status === status) {
    return {
      ok: false,
      code: "status-unchanged",
      problem: `${application.company} is already marked ${STATUS_WORDS[status]}.`,
    };
  }
  const pending = latestPending(await roundsOf(ctx, application));
  if (pending) await ctx.repo.updateRound(pending.id, { outcome: roundOutcome, outcomeAt: ctx.now });
  return { ok: true, application: await touchApplication(ctx, application, status) };
}
