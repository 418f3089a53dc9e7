/** When a round took place and how it is told: the one reading of a round's dates that stats, timeline and pipeline share. */
import type { Round } from "./model.ts";

/**
 * When the round took place, if it has by `now`: its held or scheduled time once that has passed. A round the member
 * passed with no time logged (invited to an onsite, then an offer) took place by the time they heard.
 */
export function tookPlaceAt(round: Round, now: Date): Date | null {
  const at = round.heldAt ?? round.scheduledAt;
  if (at) return at.getTime() <= now.getTime() ? at : null;
  return round.outcome === "NEXT_STEP" ? round.outcomeAt : null;
}

/** Rounds that took place by `now`, the application review (the APPLIED step) aside: it is no round anyone sat. */
export function roundsHeld(rounds: readonly Round[], now: Date): Round[] {
  return rounds.filter((round) => round.stage !== "APPLIED" && tookPlaceAt(round, now) !== null);
}

/** When an earlier round a new event settles took place: its time if it came, else now (it can't be later than the news). */
export function heldBy(round: Round, now: Date): Date {
  const at = round.heldAt ?? round.scheduledAt;
  return at && at.getTime() < now.getTime() ? at : now;
}
