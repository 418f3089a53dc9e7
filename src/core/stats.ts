/** A member's wins and own metrics, computed from their rows (shared by `stats` and the platforms' home views). */
import type { WorkspaceRepo } from "./ports.ts";

export interface MemberStats {
  applications: number;
  roundsHeld: number;
  invitations: number;
  offers: number;
  peopleMet: number;
  thingsLearned: number;
  feedbackAsked: number;
  feedbackReceived: number;
  gaps: number;
  gapsClosed: number;
}

export async function memberStats(repo: WorkspaceRepo, memberId: string): Promise<MemberStats> {
  const applications = await repo.listApplications(memberId);
  const ids = applications.map((application) => application.id);
  const [rounds, feedback, reflections, gaps] = await Promise.all([
    repo.listRounds(ids),
    repo.listFeedback(ids),
    repo.listReflections(memberId),
    repo.listGaps(memberId),
  ]);
  return {
    applications: applications.length,
    roundsHeld: rounds.filter((round) => round.heldAt !== null && round.stage !== "APPLIED").length,
    invitations: rounds.filter((round) => round.outcome === "NEXT_STEP").length,
    offers: applications.filter((application) => application.status === "OFFER" || application.status === "ACCEPTED")
      .length,
    peopleMet: reflections.filter((reflection) => reflection.personMet).length,
    thingsLearned: reflections.filter((reflection) => reflection.learned).length,
    feedbackAsked: feedback.filter((request) => request.state === "ASKED" || request.state === "RECEIVED").length,
    feedbackReceived: feedback.filter((request) => request.state === "RECEIVED").length,
    gaps: gaps.length,
    gapsClosed: gaps.filter((gap) => gap.status === "DONE").length,
  };
}
