/** `export`: everything the bot holds about the member, as one JSON document. */
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

export const exportCommand = defineCommand({
  name: "export",
  group: "data",
  summary: "Download everything I keep about you",
  args: [],
  examples: ["export"],
  async handler(ctx) {
    const { repo, member } = ctx;
    const applications = await repo.listApplications(member.id);
    const ids = applications.map((application) => application.id);
    const [rounds, feedback, reflections, gaps, messages] = await Promise.all([
      repo.listRounds(ids),
      repo.listFeedback(ids),
      repo.listReflections(member.id),
      repo.listGaps(member.id),
      repo.listOutbox(member.id),
    ]);
    const document = {
      exportedAt: ctx.now.toISOString(),
      member,
      applications: applications.map((application) => ({
        ...application,
        rounds: rounds.filter((round) => round.applicationId === application.id),
        feedback: feedback.find((request) => request.applicationId === application.id) ?? null,
      })),
      reflections,
      gaps,
      messages,
    };
    return outcome(
      "export-ready",
      reply(
        `Here is everything I keep about you: ${applications.length} applications, ${rounds.length} rounds, ${reflections.length} reflections, ${gaps.length} gaps, ${messages.length} messages.`,
        { file: { name: "next-step-export.json", content: JSON.stringify(document, null, 2) } },
      ),
    );
  },
});
