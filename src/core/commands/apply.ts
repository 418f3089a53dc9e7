/** `apply <company> [role] [link] [applied <date>]`: start tracking an application, asking first when the name is unclear. */

import { companyKey, nameOf, roleKey, similarCompanies } from "../companies.ts";
import { confirmedLine, quoteWord } from "../confirm.ts";
import { refuseAtLimit } from "../limits.ts";
import { memberText } from "../member-text.ts";
import type { Application, BotButton } from "../model.ts";
import { normaliseName } from "../names.ts";
import { type CommandResult, outcome, refusal, reply } from "../outcomes.ts";
import { formatLocalDay } from "../time.ts";
import { type ApplyDetails, nameRunLength, readApplyDetails } from "./apply-reading.ts";
import { type CommandContext, defineCommand } from "./spec.ts";
import { STATUS_WORDS } from "./support.ts";

export const applyCommand = defineCommand({
  name: "apply",
  aliases: ["applied", "add"],
  group: "pipeline",
  summary: "Start tracking an application",
  args: [
    {
      name: "company",
      kind: "company",
      required: true,
      description: 'the company you applied to; quote names with spaces, like "Zeta Labs"',
    },
    {
      name: "role",
      kind: "text",
      required: false,
      rest: true,
      description: "the role if you like, then the job's link, and `applied <date>` if it wasn't today",
    },
  ],
  notes:
    "Several roles at one company are several applications. I ask before tracking an unclear name: one close to a company you track (acme beside Acme Corp), or one word followed by a bare word that reads as more of a name, capitalised and no role word (Zeta Labs, not Acme Backend) or a company word like labs, inc or corp. Quote the parts, or end with --yes, to take it as typed.",
  examples: [
    "apply Acme",
    'apply "Globex Corp" Backend Engineer',
    "apply Acme Platform https://acme.jobs/1 applied last monday",
  ],
  async handler(ctx, { company, role: typed }) {
    // The role is a name too: matched, asked about and kept without invisible characters.
    const rest = typed === undefined ? undefined : normaliseName(typed);
    const read = readApplyDetails(rest, ctx);
    if (!read.ok) return refusal("bad-arguments", read.problem);
    const { details } = read;
    const applications = await ctx.repo.listApplications(ctx.member.id);
    const existing = applications.find(
      (application) => application.companyKey === companyKey(company) && application.roleKey === roleKey(details.role),
    );
    if (existing) {
      const what = existing.role
        ? `${memberText(existing.role)} at ${memberText(existing.company)}`
        : memberText(existing.company);
      return refusal(
        "application-exists",
        `You're already tracking ${what} (${STATUS_WORDS[existing.status]}). See it with \`timeline ${memberText(quoteWord(nameOf(existing, applications)))}\`.`,
      );
    }
    const full = refuseAtLimit("applications", applications.length);
    if (full) return full;
    if (!ctx.confirmed) {
      const question =
        askHowToSplit(ctx, company, rest, applications) ?? askIfSame(ctx, company, details, applications);
      if (question) return question;
    }
    const application = await ctx.repo.createApplication({
      memberId: ctx.member.id,
      company,
      role: details.role,
      link: details.link,
      appliedAt: details.appliedAt ?? ctx.now,
    });
    return outcome("application-created", reply(created(ctx, application, [...applications, application])));
  },
});

function created(ctx: CommandContext, application: Application, applications: readonly Application[]): string {
  const what = application.role
    ? `${memberText(application.role)} at ${memberText(application.company)}`
    : memberText(application.company);
  const atCompany = applications.filter((other) => other.companyKey === application.companyKey).length;
  const facts = [
    application.appliedAt < ctx.now ? `applied ${formatLocalDay(application.appliedAt, ctx.timeZone)}` : "",
    application.link ? "link saved" : "",
  ].filter((fact) => fact.length > 0);
  const several =
    atCompany > 1
      ? ` That's ${atCompany} applications at ${memberText(application.company)}; when you name it, I'll ask which one.`
      : "";
  const name = quoteWord(nameOf(application, applications));
  return `Tracking ${what}${facts.length > 0 ? ` (${facts.join(", ")})` : ""}.${several} Sending an application out is a step forward. Log rounds with \`round ${memberText(name)} <stage> [when]\`.`;
}

/**
 * `apply Zeta Labs`: company "Zeta" with role "Labs" as typed, but "Labs" reads as part of a name (see
 * nameRunLength), so ask: one button runs it with the name joined and quoted, the other as typed (`--yes`).
 */
function askHowToSplit(
  ctx: CommandContext,
  company: string,
  rest: string | undefined,
  applications: readonly Application[],
): CommandResult | undefined {
  if (applications.some((application) => application.companyKey === companyKey(company))) return undefined;
  const run = nameRunLength(rest, ctx.said.bareWords);
  if (run === 0) return undefined;
  const words = (rest ?? "").split(/\s+/).filter((word) => word.length > 0);
  const joined = [company, ...words.slice(0, run)].join(" ");
  const roleAsTyped = words.slice(0, run).join(" ");
  const buttons: BotButton[] = [
    {
      actionId: "apply.joined",
      label: `Company "${joined}"`,
      command: ["apply", quoteWord(joined), ...words.slice(run)].join(" "),
      style: "primary",
    },
    {
      actionId: "apply.as-typed",
      label: `"${roleAsTyped}" at ${company}`,
      command: confirmedLine(ctx.said.retry(company)),
    },
  ];
  return outcome(
    "company-name-unclear",
    reply(
      `Is that the company "${memberText(joined)}", or the role "${memberText(roleAsTyped)}" at ${memberText(company)}?`,
      { buttons },
    ),
  );
}

/** `apply acme` while "Acme Corp" is tracked: the same company, or a new one? */
function askIfSame(
  ctx: CommandContext,
  company: string,
  details: ApplyDetails,
  applications: readonly Application[],
): CommandResult | undefined {
  const similar = similarCompanies(applications, company);
  if (similar.length === 0) return undefined;
  const buttons: BotButton[] = similar.map((name) => ({
    actionId: "apply.same",
    label: `Same: ${name}`,
    command: sameCompanyLine(ctx, name, details, applications),
  }));
  buttons.push({ actionId: "apply.new", label: "No, a new company", command: confirmedLine(ctx.said.retry(company)) });
  const shown = similar.map(memberText);
  const tracked = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
  const same = similar.length === 1 ? "the same company" : "one of them";
  return outcome(
    "company-maybe-tracked",
    reply(`You already track ${tracked}. Is "${memberText(company)}" ${same}, or a new one?`, { buttons }),
  );
}

/** What "Same: Acme Corp" runs: this application under that name when it is new there, else a look at what is tracked. */
function sameCompanyLine(
  ctx: CommandContext,
  name: string,
  details: ApplyDetails,
  applications: readonly Application[],
): string {
  const there = applications.filter((application) => application.companyKey === companyKey(name));
  const sameRole = there.find((application) => application.roleKey === roleKey(details.role));
  if (details.role !== null && !sameRole) return ctx.said.retry(name);
  if (sameRole) return `timeline ${quoteWord(nameOf(sameRole, applications))}`;
  return there.length === 1 ? `timeline ${quoteWord(name)}` : "pipeline";
}
