/** Applies the transition table to one logged step: it goes ahead, asks first (with Yes/No buttons), or is refused. */

import { confirmButtons } from "../confirm.ts";
import { memberText } from "../member-text.ts";
import type { Application } from "../model.ts";
import { type CommandResult, outcome, refusal, reply } from "../outcomes.ts";
import { STATUS_WORDS, type StatusEvent, transitionFit } from "../transitions.ts";
import type { CommandContext } from "./spec.ts";

/** How each step reads in "Log … anyway?" and "… doesn't fit there". */
const STEP_WORDS: Record<StatusEvent, string> = {
  invited: "an invitation",
  offer: "an offer",
  accepted: "that you accepted",
  rejected: "a rejection",
  withdraw: "that you withdrew",
  ghosted: "that they went silent",
};

/**
 * Null when the step goes ahead; otherwise the answer to give instead. `retryLine` gives the command line that logs
 * the same step on the same application, which the Yes button repeats confirmed; it is only built when asking.
 */
export async function checkTransition(
  ctx: CommandContext,
  application: Application,
  event: StatusEvent,
  retryLine: () => Promise<string>,
): Promise<CommandResult | null> {
  const fit = transitionFit(application.status, event);
  const marked = `${memberText(application.company)} is marked ${STATUS_WORDS[application.status]}`;
  if (fit === "fits") return null;
  if (fit === "same") {
    if (event === "rejected")
      return refusal("already-rejected", `${memberText(application.company)} is already marked as a rejection.`);
    return refusal(
      "status-unchanged",
      `${memberText(application.company)} is already marked ${STATUS_WORDS[application.status]}.`,
    );
  }
  if (fit === "closed") {
    return refusal("application-closed", `${marked}, so ${STEP_WORDS[event]} doesn't fit there.`);
  }
  if (ctx.confirmed) return null;
  const situation =
    event === "accepted" && application.status !== "OFFER" && application.status !== "REJECTED"
      ? `There's no offer from ${memberText(application.company)} logged yet.`
      : `${marked}.`;
  return outcome(
    "transition-needs-confirmation",
    reply(
      `${situation} Log ${STEP_WORDS[event]} anyway? Nothing changes, and nothing goes to the team, unless you say yes.`,
      { buttons: confirmButtons(await retryLine(), { yes: "Yes, log it" }) },
    ),
  );
}
