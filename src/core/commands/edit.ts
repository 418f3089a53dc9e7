/** `edit <company> company|role|link|source|applied <value>`: corrects one field of an application, old → new. */

import { companyKey } from "../companies.ts";
import { memberText } from "../member-text.ts";
import type { Application } from "../model.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { FIELD_WORDS, readFieldValue, showField } from "./application-fields.ts";
import { type Command, type CommandContext, defineCommand, usageOf } from "./spec.ts";
import { COMPANY_ARG, companyRefusal, findApplication } from "./support.ts";

export const editCommand: Command = defineCommand({
  name: "edit",
  group: "corrections",
  summary: "Correct an application's company, role, link, source or applied date",
  args: [
    COMPANY_ARG,
    { name: "field", kind: "applicationField", required: true, description: "company, role, link, source or applied" },
    {
      name: "value",
      kind: "text",
      required: true,
      rest: true,
      description: "the right value; none clears a role, link or source",
    },
  ],
  examples: [
    "edit Acme role Staff Engineer",
    "edit Acme link https://acme.example/jobs/42",
    "edit Acme source a referral from Sam",
    "edit Acme applied 3 days ago",
    'edit acme company "Acme Corp"',
  ],
  async handler(ctx, { company, field, value }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    const before = match.application;
    const patch = readFieldValue(before, field, value, ctx);
    if (!patch.ok) return refusal("edit-value-invalid", patch.problem, usageOf(editCommand));
    if (patch.value.company !== undefined || patch.value.role !== undefined) {
      const clash = await sameApplication(ctx, before, {
        company: patch.value.company ?? before.company,
        role: patch.value.role === undefined ? before.role : patch.value.role,
      });
      if (clash) {
        return refusal(
          "application-exists",
          `You already track ${named(clash)}, so I left ${memberText(before.company)} as it was.`,
        );
      }
    }
    const after = await ctx.repo.updateApplication(before.id, patch.value);
    const change = `${showField(before, field, ctx.timeZone)} → ${showField(after, field, ctx.timeZone)}`;
    const text =
      field === "company" ? `Renamed: ${change}.` : `${memberText(after.company)}'s ${FIELD_WORDS[field]}: ${change}.`;
    return outcome("application-edited", reply(text));
  },
});

/** Another of the member's applications the edited one would become: the same company and the same role. */
async function sameApplication(
  ctx: CommandContext,
  edited: Application,
  becomes: { company: string; role: string | null },
): Promise<Application | undefined> {
  const key = companyKey(becomes.company);
  const role = (text: string | null) => (text ?? "").trim().toLowerCase();
  return (await ctx.repo.listApplications(ctx.member.id)).find(
    (other) => other.id !== edited.id && other.companyKey === key && role(other.role) === role(becomes.role),
  );
}

function named(application: Application): string {
  return application.role
    ? `${memberText(application.company)} (${memberText(application.role)})`
    : memberText(application.company);
}
