/** A member's wins and own metrics, computed from their rows (shared by `stats` and the platforms' home views). */
import type { Application, FeedbackRequest, Gap, Reflection, Round } from "./model.ts";
import type { WorkspaceRepo } from "./ports.ts";
import { roundsHeld } from "./round-times.ts";

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

/** Everything a member logged, read in one pass: what the stats and a home screen are computed from. */
export interface MemberHistory {
  applications: Application[];
  rounds: Round[];
  feedback: FeedbackRequest[];
  reflections: Reflection[];
  gaps: Gap[];
}

export async function readHistory(repo: WorkspaceRepo, memberId: string): Promise<MemberHistory> {
  const applications = await repo.listApplications(memberId);
  const ids = applications.map((application) => application.id);
  const [rounds, feedback, reflections, gaps] = await Promise.all([
    repo.listRounds(ids),
    repo.listFeedback(ids),
    repo.listReflections(memberId),
    repo.listGaps(memberId),
  ]);
  return { applications, rounds, feedback, reflections, gaps };
}

/** The stats as of `now`: a round counts as held once its time has passed, not when it is booked. */
export function statsOf({ applications, rounds, feedback, reflections, gaps }: MemberHistory, now: Date): MemberStats {
  return {
    applications: applications.length,
    roundsHeld: roundsHeld(rounds, now).length,
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

export async function memberStats(repo: WorkspaceRepo, memberId: string, now: Date): Promise<MemberStats> {
  return statsOf(await readHistory(repo, memberId), now);
}
