/** Words for good news: the public cheer in the team channel and the private note to the member. */

import { memberText } from "../member-text.ts";
import { describeStage } from "./phrases.ts";
import { pickVariant } from "./pick.ts";

/** Which kind of good news is being celebrated. */
export type CelebrationKind = "invitation" | "offer" | "accepted";

export interface ChannelCelebration {
  /** How the team knows the member, shown as is; null when they share anonymously (then the company is never named either). */
  memberName: string | null;
  /** Null when the member shares wins without naming the company. */
  company: string | null;
  /** The step the member was invited to, as stored or typed; null when unknown. */
  stage: string | null;
  kind: CelebrationKind;
}

export interface MemberCongratulation {
  company: string;
  /** The step the member was invited to; null when unknown. */
  stage: string | null;
  kind: CelebrationKind;
}

/** Fragments a channel variant may use; each one is empty or reads naturally when the company is hidden. */
interface ChannelContext {
  name: string;
  /** " at Acme" or "". */
  at: string;
  /** " from Acme" or "". */
  from: string;
  /** " with Acme" or "". */
  with: string;
  /** "the technical interview" or "the next round". */
  step: string;
}

interface MemberContext {
  company: string;
  step: string;
}

type Variant<C> = (c: C) => string;

const CHANNEL_INVITATION: readonly Variant<ChannelContext>[] = [
  (c) => `${c.name} has been invited to ${c.step}${c.at}. A next step is a win, full stop.`,
  (c) => `Good news from ${c.name}: they're through to ${c.step}${c.at}. That's a team asking to hear more.`,
  (c) =>
    `${c.name} got the call for ${c.step}${c.at}. Someone looked at their work and wanted more of it. That counts.`,
  (c) => `Another door opened: ${c.name} is moving on to ${c.step}${c.at}. 🎉`,
  (c) => `*${c.name}* made it to ${c.step}${c.at}. Whatever happens next, this part already went right.`,
  (c) => `${c.name} is heading into ${c.step}${c.at}. Earning the next conversation is real progress.`,
  (c) => `Round passed: ${c.name} has an invitation to ${c.step}${c.at}. The preparation is showing.`,
  (c) => `Let's hear it for ${c.name}, who's been asked on to ${c.step}${c.at}. Every yes along the way matters.`,
  (c) => `${c.name} turned one conversation into another. Next up: ${c.step}${c.at}. Nicely done.`,
  (c) => `Progress report: ${c.name} is on to ${c.step}${c.at}. A win today, whatever the final answer is.`,
  (c) => `${c.name} cleared a round and earned ${c.step}${c.at}. Offers are built out of steps like this one.`,
  (c) => `Invitation in: ${c.name} goes on to ${c.step}${c.at}. Enjoy this one before you start prepping.`,
  (c) => `A team wants to keep talking to ${c.name}: next is ${c.step}${c.at}. That's worth a cheer.`,
];

const CHANNEL_OFFER: readonly Variant<ChannelContext>[] = [
  (c) => `${c.name} has an offer${c.from}. All those rounds added up to this. Congratulations!`,
  (c) => `Offer in hand for ${c.name}${c.from}. 🎉 The practice paid off.`,
  (c) => `*Offer!* ${c.name} just heard back${c.from}, and it's a yes.`,
  (c) => `Big one today: ${c.name} received an offer${c.from}. Enjoy it before the weighing-up starts.`,
  (c) => `${c.name} turned a long run of interviews into an offer${c.from}. Well earned.`,
  (c) => `An offer for ${c.name}${c.from}. That's what all the practice rounds were building toward.`,
  (c) => `Offer news: ${c.name} has one${c.from}. Every round before this counted.`,
  (c) => `Congratulations to ${c.name} on an offer${c.from}. You kept showing up, and it shows.`,
  (c) => `${c.name} has an offer${c.from} on the table. Whatever they decide, that's a real result.`,
  (c) => `Somebody wants ${c.name} on their team${c.at}: an offer just arrived.`,
  (c) => `${c.name} has an offer${c.from}. Long road, good result.`,
  (c) => `Offer for ${c.name}${c.from}. Now it's the company's turn to convince them.`,
  (c) => `Good news for ${c.name}: an offer${c.from}. Take the evening off from prep; you've earned it.`,
];

const CHANNEL_ACCEPTED: readonly Variant<ChannelContext>[] = [
  (c) => `${c.name} accepted an offer${c.from}. Search complete. Congratulations!`,
  (c) => `${c.name} has signed${c.with}. 🎉 The hunt is over.`,
  (c) => `Welcome news: ${c.name} is starting a new job${c.at}. Every round along the way led here.`,
  (c) => `${c.name} has said yes to a new role${c.at}. Well played, and well earned.`,
  (c) => `It's official: ${c.name} took the offer${c.from}. Congratulations!`,
  (c) => `${c.name} is off the market and onto a new team${c.at}. We'll miss the updates, not the waiting.`,
  (c) => `Search over for ${c.name}, who has accepted a role${c.at}. Thanks for sharing the ups and downs with us.`,
  (c) => `The last step of all: ${c.name} accepted an offer${c.from}. Enjoy it.`,
  (c) => `New job for ${c.name}${c.at}. Everything learned in the rounds that didn't work out comes along too.`,
  (c) => `${c.name} has a start date${c.at}. That's the one we were all waiting for.`,
  (c) => `${c.name} said yes to an offer${c.from}. Still mid-search? This is what the end looks like. Keep going.`,
  (c) => `Congratulations to ${c.name} on accepting a role${c.at}. Here's to a good first day.`,
];

/** For members who share anonymously: a step worth cheering, with no name and no company. */
const CHANNEL_ANONYMOUS: Readonly<Record<CelebrationKind, readonly Variant<ChannelContext>[]>> = {
  invitation: [
    (c) => `Someone in the team has been invited to ${c.step}. A next step is a win, full stop.`,
    (c) => `Good news from the team: one of us is through to ${c.step}. That's a company asking to hear more.`,
    (c) => `Another door opened: a member here is moving on to ${c.step}. 🎉`,
    (c) => `One of us earned ${c.step} today. Every yes along the way matters.`,
  ],
  offer: [
    () => "Someone in the team has an offer. All those rounds added up to this. Congratulations!",
    () => "*Offer!* One of us just heard back, and it's a yes. 🎉",
    () => "Big one today: a member here received an offer. The practice paid off.",
    () => "An offer landed in the team today. Every round before this counted.",
  ],
  accepted: [
    () => "Someone in the team accepted an offer. Search complete. Congratulations!",
    () => "One of us has said yes to a new role. 🎉 Every round along the way led here.",
    () => "It's official: a member here took an offer. Still mid-search? This is what the end looks like.",
    () => "A new job for one of us. Here's to a good first day.",
  ],
};

const MEMBER_INVITATION: readonly Variant<MemberContext>[] = [
  (c) =>
    `You're through to ${c.step} at ${c.company}. Well done. Before the details blur, write down what you think landed well last time; that note is your prep plan.`,
  (c) =>
    `${c.company} wants to keep talking. Congratulations on reaching ${c.step}. An invitation is a win on its own, whatever comes after.`,
  (c) =>
    `Nice work getting to ${c.step} with ${c.company}. They saw something they liked. What was it, do you think? Write it down and bring more of it.`,
  (c) =>
    `A next step at ${c.company}: congratulations. Give yourself a moment to enjoy it, then pick one thing to brush up on before ${c.step}.`,
  (c) =>
    `An invite to ${c.step} at ${c.company}. That's a win. If anything felt shaky last round, note it now with \`gap <topic>\` so your prep has a target.`,
  (c) =>
    `${c.company} invited you to ${c.step}. Congratulations. It's fine to ask them what the round will cover, so your prep goes where it counts.`,
  (c) =>
    `You earned ${c.step} at ${c.company}. While it's fresh, jot down what went well, what felt wobbly and what you'd say differently.`,
  (c) =>
    `Another step forward with ${c.company}. Congratulations on ${c.step}. You're assessing them too, so bring a question or two you really want answered.`,
];

const MEMBER_OFFER: readonly Variant<MemberContext>[] = [
  (c) =>
    `Congratulations on the offer from ${c.company}. You earned it. No need to answer on the spot; asking for a few days to think is normal.`,
  (c) =>
    `An offer from ${c.company}! Enjoy it. When you're ready, note what helped most along the way, for yourself and for whoever in the team is still searching.`,
  (c) =>
    `Well done on the ${c.company} offer. Before deciding, think back on how they treated you during the process. It's a fair preview of working there.`,
  (c) =>
    `${c.company} made you an offer. Congratulations. Questions about pay, start date or the team are fair to ask now; asking them is part of saying yes well.`,
  (c) =>
    `That's an offer from ${c.company}. Take a breath and celebrate. Later, jot down which prep paid off so the next person here can borrow it.`,
  (c) =>
    `Offer in from ${c.company}. Congratulations, truly. Whether you take it or not, you've shown you can get this far.`,
  (c) =>
    `Congratulations on reaching an offer with ${c.company}. Decide on your own timeline where you can, and hold it up against what you wanted from this search.`,
  (c) =>
    `You got the offer at ${c.company}. Nicely done. Share it with the team if you'd like a cheer, or keep it quiet for now; both are fine.`,
];

const MEMBER_ACCEPTED: readonly Variant<MemberContext>[] = [
  (c) => `Congratulations on accepting the offer from ${c.company}. Enjoy the last days before you start.`,
  (c) =>
    `You said yes to ${c.company}. That's the search done. If you have a minute, jot down what made the difference; it's worth passing on.`,
  (c) => `You're joining ${c.company}. Congratulations, and good luck; they chose well. Get some rest before day one.`,
  (c) =>
    `You've accepted at ${c.company}. Congratulations. Close out your other applications kindly; the people you met may cross your path again.`,
  (c) =>
    `It's done: you're joining ${c.company}. The habits that got you here, practising, asking for feedback and keeping going, will serve you there too.`,
  (c) =>
    `Congratulations on the new role at ${c.company}. Once you're settled, think about what you'd tell someone starting their search today. The team would love to hear it.`,
  (c) => `You're heading to ${c.company}. Congratulations. Take the win fully: you worked for this.`,
  (c) =>
    `Signed with ${c.company}. Well done. If you clicked with any of your interviewers there, drop them a note; you'll be colleagues soon.`,
];

const CHANNEL_VARIANTS: Readonly<Record<CelebrationKind, readonly Variant<ChannelContext>[]>> = {
  invitation: CHANNEL_INVITATION,
  offer: CHANNEL_OFFER,
  accepted: CHANNEL_ACCEPTED,
};

const MEMBER_VARIANTS: Readonly<Record<CelebrationKind, readonly Variant<MemberContext>[]>> = {
  invitation: MEMBER_INVITATION,
  offer: MEMBER_OFFER,
  accepted: MEMBER_ACCEPTED,
};

function nextStep(stage: string | null): string {
  const described = describeStage(stage);
  return described === null ? "the next round" : `the ${described}`;
}

/** The public cheer for the team channel; names the company only when it is given, and nobody when no name is. */
export function celebrationForChannel(p: ChannelCelebration, seed: string): string {
  const company = p.memberName === null ? null : p.company?.trim() || null;
  const context: ChannelContext = {
    name: p.memberName ? memberText(p.memberName) : "",
    at: company === null ? "" : ` at ${memberText(company)}`,
    from: company === null ? "" : ` from ${memberText(company)}`,
    with: company === null ? "" : ` with ${memberText(company)}`,
    step: nextStep(p.stage),
  };
  const variants = p.memberName === null ? CHANNEL_ANONYMOUS : CHANNEL_VARIANTS;
  return pickVariant(variants[p.kind], `channel:${p.kind}:${seed}`)(context);
}

/** The private note to the member, who can always see the company. */
export function congratulationForMember(p: MemberCongratulation, seed: string): string {
  const context: MemberContext = { company: memberText(p.company), step: nextStep(p.stage) };
  return pickVariant(MEMBER_VARIANTS[p.kind], `member:${p.kind}:${seed}`)(context);
}
