/** Ready-to-send emails for the member to copy (a feedback request, a check-in) and the DMs that offer them. */

import { memberText } from "../member-text.ts";
import { commandArgument, describeDays, describeStage } from "./phrases.ts";
import { pickVariant } from "./pick.ts";

export interface FeedbackRequestDetails {
  company: string;
  /** Greeted by name when known; otherwise the email goes to the team. */
  interviewer: string | null;
  /** Signs the email. */
  memberName: string;
  role: string | null;
  /** The stage the member was turned down at. */
  stage: string | null;
}

export interface CheckInDetails {
  company: string;
  /** The person the member has been talking to, if known. */
  contact: string | null;
  memberName: string;
  role: string | null;
  /** Days since the company was last heard from. */
  daysSilent: number;
}

export interface FeedbackChase {
  company: string;
  /** The first chase offers the template; the second is the last, gentle nudge. */
  chaseNumber: 1 | 2;
}

/** The member-written parts of an email's details, marked (member-text.ts). */
function marked<T extends { company: string; memberName: string; role: string | null; interviewer?: string | null }>(
  details: T,
): T {
  const mark = (text: string | null | undefined) => (text?.trim() ? memberText(text.trim()) : text);
  return {
    ...details,
    company: memberText(details.company),
    memberName: memberText(details.memberName),
    role: mark(details.role) ?? null,
    ...("interviewer" in details ? { interviewer: mark(details.interviewer) ?? null } : {}),
  };
}

function greeting(company: string, person: string | null): string {
  const name = person?.trim();
  return name ? `Hi ${name},` : `Hi ${company} team,`;
}

/** An email asking why the company said no, what was missing, and offering to refer better-matched people. */
export function feedbackRequestTemplate(details: FeedbackRequestDetails): string {
  const p = marked(details);
  const role = p.role?.trim() ? ` for the ${p.role.trim()} role` : "";
  const stage = describeStage(p.stage);
  const including = stage === null ? "" : `, including the ${stage}`;
  // Turned down on paper, the member never spoke to anyone, so there is no conversation to thank them for.
  const talked = p.stage?.trim().toUpperCase() === "APPLIED" ? "" : " I appreciated the chance to talk with the team.";
  return [
    "Subject: Thank you, and a short request for feedback",
    "",
    greeting(p.company, p.interviewer),
    "",
    `Thank you for letting me know, and for the time you spent on my application${role}${including}.${talked}`,
    "",
    `If you're able to share it, I'd be grateful to understand what the decision came down to. In particular, was there an experience or a way of thinking the team needed that I didn't show? It would tell me where to focus my practice, and whether applying to ${p.company} again in the future could make sense.`,
    "",
    `If the reason was more about what I'm after than what I can do, that's useful to hear as well. I know people whose goals might suit ${p.company} better, and I'd gladly send them your way.`,
    "",
    "A few lines in writing would be plenty. Thanks again.",
    "",
    "Best regards,",
    p.memberName,
  ].join("\n");
}

/** A short, polite email asking where things stand after the company went quiet. */
export function checkInTemplate(details: CheckInDetails): string {
  const p = {
    ...details,
    ...marked(details),
    contact: details.contact?.trim() ? memberText(details.contact.trim()) : null,
  };
  const role = p.role?.trim();
  const about = role ? `the ${role} role` : "my application";
  return [
    `Subject: Checking in on ${about}`,
    "",
    greeting(p.company, p.contact),
    "",
    `I hope things are going well. It's been ${describeDays(p.daysSilent)} since we last spoke about ${about}, so I wanted to check in on where things stand.`,
    "",
    `I'm still very interested in ${p.company}, and happy to send anything that would help with your decision.`,
    "",
    "Thank you,",
    p.memberName,
  ].join("\n");
}

type ChaseVariant = (company: string) => string;

const FIRST_CHASE: readonly ChaseVariant[] = [
  (company) =>
    `It's been a few days since ${company} said no. If you'd like their reasons in writing, here's a note you can send as is or adjust.`,
  (company) =>
    `Still curious what ${company} was looking for? Below is a short feedback request, ready to copy. Reply \`asked ${commandArgument(company)}\` once it's sent.`,
  (company) =>
    `Feedback from ${company} could tell you exactly what to practise next. Here's a polite request; change anything that doesn't sound like you.`,
  (company) =>
    `A quick ask for ${company}'s reasons can be worth more than a week of generic prep. Here's a message you could send.`,
  (company) => `Whenever you're ready to ask ${company} for feedback, this draft handles the awkward part for you.`,
];

const SECOND_CHASE: readonly ChaseVariant[] = [
  (company) =>
    `Still nothing back from ${company}? One friendly nudge is fair. If it stays quiet after that, let it go and spend the energy elsewhere.`,
  (company) =>
    `No reply yet from ${company}. Send one short follow-up if you like, then call it done. Silence after two tries says more about them than you.`,
  (company) =>
    `${company} hasn't answered your feedback request. A single polite reminder is reasonable; after that, you've done your part.`,
  (company) =>
    `No feedback from ${company} yet? Try one brief nudge. If nothing comes, close the loop for yourself and move on.`,
  (company) =>
    `Nothing from ${company} so far. One gentle follow-up, then let it rest. Asking was the right move either way.`,
];

/** The DM that opens a feedback chase: first it offers the template, the second time it suggests one nudge and letting go. */
export function feedbackChaseIntro(p: FeedbackChase, seed: string): string {
  const variants = p.chaseNumber === 1 ? FIRST_CHASE : SECOND_CHASE;
  return pickVariant(variants, `chase:${p.chaseNumber}:${seed}`)(memberText(p.company));
}
