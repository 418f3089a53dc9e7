/** Shared steps of pipeline handlers: finding the application a member means and recording activity on it. */

import { type ApplicationMatch, matchApplication, nameOf } from "../companies.ts";
import { quoteWord } from "../confirm.ts";
import { limitProblem } from "../limits.ts";
import { memberText } from "../member-text.ts";
import type { Application, ApplicationStatus, BotButton, Round } from "../model.ts";
import { type CommandResult, refusal } from "../outcomes.ts";
import { STATUS_WORDS, takesRounds } from "../transitions.ts";
import type { CommandContext } from "./spec.ts";

/** The argument most commands start with: one of the member's companies. */
export const COMPANY_ARG = { name: "company", kind: "company", required: true, description: "the company" } as const;

/** A typed company name that found no one application: the problem, and a button per name that would. */
export type CompanyMiss = Extract<ApplicationMatch, { ok: false }> & { buttons: BotButton[] };

/**
 * The member's application for a typed company name, or a friendly problem whose buttons run the member's command
 * again on each application it could mean ("Which Hooli?") or each near miss ("Did you mean Acme Corp?").
 */
export async function findApplication(
  ctx: CommandContext,
  company: string,
): Promise<{ ok: true; application: Application } | CompanyMiss> {
  const match = matchApplication(await ctx.repo.listApplications(ctx.member.id), company);
  if (match.ok) return match;
  const buttons = match.candidates.map((name) => ({
    actionId: match.code === "company-ambiguous" ? "company.which" : "company.meant",
    label: name,
    command: ctx.said.retry(name),
  }));
  return { ...match, buttons };
}

/** The refusal for a company name that found no one application (or another problem), with any buttons it carries. */
export function companyRefusal(miss: { code: Parameters<typeof refusal>[0]; problem: string; buttons?: BotButton[] }) {
  return refusal(miss.code, miss.problem, undefined, miss.buttons?.length ? { buttons: miss.buttons } : {});
}

/** Records that something happened on the application now, optionally changing its status. */
export async function touchApplication(
  ctx: CommandContext,
  application: Application,
  status?: ApplicationStatus,
): Promise<Application> {
  const changed = status !== undefined && status !== application.status;
  return ctx.repo.updateApplication(application.id, {
    lastActivityAt: ctx.now,
    ...(changed ? { status, statusChangedAt: ctx.now } : {}),
  });
}

/** The application's rounds, oldest first. */
export async function roundsOf(ctx: CommandContext, application: Application): Promise<Round[]> {
  return ctx.repo.listRounds([application.id]);
}

/** The most recent round still waiting for an outcome. */
export function latestPending(rounds: readonly Round[]): Round | undefined {
  return [...rounds].reverse().find((round) => round.outcome === "PENDING");
}

/** Closed applications can't take new rounds; ghosted ones come back to life when the company does. */
export function isClosed(application: Application): boolean {
  return !takesRounds(application.status);
}

/** Still in play: neither closed nor gone quiet (a ghosted application can come back, but isn't in progress). */
export function isInProgress(application: Application): boolean {
  return !isClosed(application) && application.status !== "GHOSTED";
}

/**
 * The member's application for a typed company name when it is still open, or the refusal to return: no such
 * company, or closed, in which case `doesNotFit` ends the sentence ("an invitation doesn't fit there").
 */
export async function findOpenApplication(
  ctx: CommandContext,
  company: string,
  doesNotFit: string,
): Promise<{ ok: true; application: Application } | { ok: false; refusal: CommandResult }> {
  const match = await findApplication(ctx, company);
  if (!match.ok) return { ok: false, refusal: companyRefusal(match) };
  const { application } = match;
  if (!isClosed(application)) return match;
  return {
    ok: false,
    refusal: refusal(
      "application-closed",
      `${memberText(application.company)} is marked ${STATUS_WORDS[application.status]}${doesNotFit}`,
    ),
  };
}

export { STATUS_WORDS };

/** The application's most recent round, if any. */
export async function latestRound(ctx: CommandContext, application: Application): Promise<Round | undefined> {
  return (await roundsOf(ctx, application)).at(-1);
}

/** Records one of the member's own metrics (someone met, something learned) against an application's latest round. */
export async function recordReflection(
  ctx: CommandContext,
  company: string,
  metric: { personMet: string | null; learned: string | null },
): Promise<
  { ok: true; application: Application } | CompanyMiss | { ok: false; code: "limit-reached"; problem: string }
> {
  const match = await findApplication(ctx, company);
  if (!match.ok) return match;
  const kept = (await ctx.repo.listReflections(ctx.member.id)).filter(
    (reflection) => reflection.applicationId === match.application.id,
  );
  const full = limitProblem("reflectionsPerApplication", kept.length, match.application.company);
  if (full !== null) return { ok: false, code: "limit-reached", problem: full };
  const round = await latestRound(ctx, match.application);
  await ctx.repo.createReflection({
    memberId: ctx.member.id,
    applicationId: match.application.id,
    roundId: round?.id ?? null,
    ...metric,
  });
  return match;
}

/** How a command line names this application: its company, or "Company (Role)" when the member has several there. */
export async function nameInLine(ctx: CommandContext, application: Application): Promise<string> {
  return quoteWord(nameOf(application, await ctx.repo.listApplications(ctx.member.id)));
}
