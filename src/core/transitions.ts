/** The one table of how an application moves between statuses: which steps fit, which are unusual and ask first, which can't happen. */
import type { ApplicationStatus } from "./model.ts";

/** What a member can log that moves an application's status. */
export type StatusEvent = "invited" | "offer" | "accepted" | "rejected" | "withdraw" | "ghosted";

/**
 * `fits`: it happens as logged. `unusual`: it may be a typo, so the member confirms first and nothing (above all
 * nothing public) happens without that yes. `same`: the application already says so. `closed`: it can't follow.
 */
export type TransitionFit = "fits" | "unusual" | "same" | "closed";

/** Rows: where the application is. Columns: what the member logs. */
export const TRANSITIONS: Record<ApplicationStatus, Record<StatusEvent, TransitionFit>> = {
  ACTIVE: { invited: "fits", offer: "fits", accepted: "unusual", rejected: "fits", withdraw: "fits", ghosted: "fits" },
  OFFER: { invited: "unusual", offer: "same", accepted: "fits", rejected: "fits", withdraw: "fits", ghosted: "fits" },
  ACCEPTED: {
    invited: "closed",
    offer: "unusual",
    accepted: "same",
    rejected: "unusual",
    withdraw: "fits",
    ghosted: "closed",
  },
  REJECTED: {
    invited: "unusual",
    offer: "unusual",
    accepted: "unusual",
    rejected: "same",
    withdraw: "closed",
    ghosted: "closed",
  },
  WITHDRAWN: {
    invited: "unusual",
    offer: "unusual",
    accepted: "unusual",
    rejected: "fits",
    withdraw: "same",
    ghosted: "closed",
  },
  GHOSTED: { invited: "fits", offer: "fits", accepted: "unusual", rejected: "fits", withdraw: "fits", ghosted: "same" },
};

/** The status each event leaves the application in, but see statusAfter. */
const STATUS_AFTER: Record<StatusEvent, ApplicationStatus> = {
  invited: "ACTIVE",
  offer: "OFFER",
  accepted: "ACCEPTED",
  rejected: "REJECTED",
  withdraw: "WITHDRAWN",
  ghosted: "GHOSTED",
};

/** How the application's status reads in a sentence: "marked rejected". */
export const STATUS_WORDS: Record<ApplicationStatus, string> = {
  ACTIVE: "active",
  OFFER: "offer",
  ACCEPTED: "accepted",
  REJECTED: "rejected",
  WITHDRAWN: "withdrawn",
  GHOSTED: "ghosted",
};

/** The status after logging `event`: an invitation after an offer (more talks) leaves the offer standing. */
export function statusAfter(from: ApplicationStatus, event: StatusEvent): ApplicationStatus {
  return event === "invited" && from === "OFFER" ? "OFFER" : STATUS_AFTER[event];
}

/** Whether logging `event` on an application in `from` fits, asks first, repeats, or can't happen. */
export function transitionFit(from: ApplicationStatus, event: StatusEvent): TransitionFit {
  return TRANSITIONS[from][event];
}

/** Applications in progress: the pipeline lists them first and the jobs follow them up. */
export const IN_PROGRESS_STATUSES: readonly ApplicationStatus[] = ["ACTIVE", "OFFER"];

/** Whether a new round can be logged: not once the member accepted, withdrew or was turned down. */
export function takesRounds(status: ApplicationStatus): boolean {
  return status !== "ACCEPTED" && status !== "WITHDRAWN" && status !== "REJECTED";
}
