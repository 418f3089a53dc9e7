/** The shared step behind `offer`, `accepted`, `withdraw` and `ghosted`: move an application to a status once. */
import type { Application, RoundOutcome } from "../model.ts";
import type { CommandResult } from "../outcomes.ts";
import { type StatusEvent, statusAfter } from "../transitions.ts";
import type { CommandContext } from "./spec.ts";
import { companyRefusal, findApplication, latestPending, nameInLine, roundsOf, touchApplication } from "./support.ts";
import { checkTransition } from "./transition-check.ts";

export type StatusChange = { ok: true; application: Application } | { ok: false; answer: CommandResult };

/** Moves the application as `event` says (when the transition table lets it) and settles its waiting round with `roundOutcome`. */
export async function changeStatus(
  ctx: CommandContext,
  company: string,
  event: StatusEvent,
  roundOutcome: RoundOutcome,
): Promise<StatusChange> {
  const match = await findApplication(ctx, company);
  if (!match.ok) return { ok: false, answer: companyRefusal(match) };
  const application = match.application;
  const stop = await checkTransition(
    ctx,
    application,
    event,
    async () => `${event} ${await nameInLine(ctx, application)}`,
  );
  if (stop) return { ok: false, answer: stop };
  const pending = latestPending(await roundsOf(ctx, application));
  if (pending) await ctx.repo.updateRound(pending.id, { outcome: roundOutcome, outcomeAt: ctx.now });
  return { ok: true, application: await touchApplication(ctx, application, statusAfter(application.status, event)) };
}
