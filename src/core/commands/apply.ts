/** `apply <company> [role]`: start tracking an application. */
import { companyKey } from "../companies.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { STATUS_WORDS } from "./support.ts";

export const applyCommand = defineCommand({
  name: "apply",
  aliases: ["applied", "add"],
  group: "pipeline",
  summary: "Start tracking an application",
  args: [
    { name: "company", kind: "company", required: true, description: "the company you applied to" },
    { name: "role", kind: "text", required: false, rest: true, description: "the role, if you like" },
  ],
  examples: ["apply Acme", 'apply "Globex Corp" Backend Engineer'],
  async handler(ctx, { company, role }) {
    const key = companyKey(company);
    const existing = (await ctx.repo.listApplications(ctx.member.id)).find((app) => app.companyKey === key);
    if (existing) {
      return refusal(
        "application-exists",
        `You're already tracking ${existing.company} (${STATUS_WORDS[existing.status]}). See it with \`timeline "${existing.company}"\`.`,
      );
    }
    const application = await ctx.repo.createApplication({
      memberId: ctx.member.id,
      company,
      role: role ?? null,
      link: null,
      appliedAt: ctx.now,
    });
    const what = application.role ? `${application.role} at ${application.company}` : application.company;
    return outcome(
      "application-created",
      reply(
        `Tracking ${what}. Sending an application out is a step forward. Log rounds with \`round "${application.company}" <stage> [when]\`.`,
      ),
    );
  },
});
