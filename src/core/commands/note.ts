/** `note <company> <text>`: a dated free-text note on an application, shown in its timeline. */
import { refuseAtLimit } from "../limits.ts";
import { memberText } from "../member-text.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { formatLocalDay } from "../time.ts";
import { defineCommand } from "./spec.ts";
import { COMPANY_ARG, companyRefusal, findApplication } from "./support.ts";

export const MAX_NOTE_LENGTH = 1000;

export const noteCommand = defineCommand({
  name: "note",
  group: "metrics",
  summary: "Keep a dated note on an application",
  args: [COMPANY_ARG, { name: "text", kind: "text", required: true, rest: true, description: "the note" }],
  examples: ["note Acme recruiter said the team is hiring two people"],
  async handler(ctx, { company, text }) {
    if (text.length > MAX_NOTE_LENGTH) {
      return refusal("note-too-long", `A note holds ${MAX_NOTE_LENGTH} characters; that one has ${text.length}.`);
    }
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    const { application } = match;
    const notes = (await ctx.repo.listNotes(ctx.member.id)).filter((note) => note.applicationId === application.id);
    const full = refuseAtLimit("notesPerApplication", notes.length, application.company);
    if (full) return full;
    await ctx.repo.createNote({ memberId: ctx.member.id, applicationId: application.id, text });
    return outcome(
      "note-added",
      reply(
        `Noted on ${memberText(application.company)}, ${formatLocalDay(ctx.now, ctx.timeZone)}: "${memberText(text)}". It's in its timeline.`,
      ),
    );
  },
});
