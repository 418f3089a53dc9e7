/** `gap <topic> [company]`: note something to practise, optionally tied to an application. */

import { companyKey } from "../companies.ts";
import { refuseAtLimit } from "../limits.ts";
import { memberText } from "../member-text.ts";
import type { Application } from "../model.ts";
import { invisibleOnly, normaliseName } from "../names.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

const MAX_TOPIC = 200;

export const gapCommand = defineCommand({
  name: "gap",
  group: "metrics",
  summary: "Note a skill gap to work on",
  args: [
    {
      name: "topic",
      kind: "text",
      required: true,
      rest: true,
      description: "what to practise; end with one of your companies to tie it to that application",
    },
  ],
  examples: ["gap dynamic programming", 'gap "system design basics" Acme'],
  async handler(ctx, { topic }) {
    const applications = await ctx.repo.listApplications(ctx.member.id);
    const split = splitCompany(topic, applications);
    const { application } = split;
    const text = normaliseName(split.text);
    if (text.length === 0) return refusal("bad-arguments", invisibleOnly("topic"));
    const full = refuseAtLimit("gaps", (await ctx.repo.listGaps(ctx.member.id)).length);
    if (full) return full;
    if (text.length > MAX_TOPIC) return refusal("gap-topic-too-long", `Keep the topic under ${MAX_TOPIC} characters.`);
    const gap = await ctx.repo.createGap({
      memberId: ctx.member.id,
      applicationId: application?.id ?? null,
      topic: text,
    });
    const from = application ? ` (from ${memberText(application.company)})` : "";
    return outcome(
      "gap-created",
      reply(
        `Gap #${gap.number} noted: ${memberText(gap.topic)}${from}. Naming it is the first step to closing it. \`practiced ${gap.number}\` when you've worked on it.`,
      ),
    );
  },
});

/** Takes a trailing company name off the topic when it names exactly one of the member's applications. */
function splitCompany(
  topic: string,
  applications: readonly Application[],
): { text: string; application?: Application } {
  const normalized = topic.trim().replace(/\s+/g, " ");
  const lowered = companyKey(normalized);
  for (const application of applications) {
    const suffix = ` ${application.companyKey}`;
    if (lowered.endsWith(suffix) && lowered.length > suffix.length) {
      return { text: normalized.slice(0, normalized.length - suffix.length), application };
    }
  }
  return { text: normalized };
}
