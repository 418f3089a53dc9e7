/** The private message after a rejection: a no is one team's fit call, and there is always a next action. */

import { memberText } from "../member-text.ts";
import { commandArgument, describeStage } from "./phrases.ts";
import { pickVariant } from "./pick.ts";

export interface RejectionNews {
  company: string;
  /** The stage the member was turned down at; null when unknown. */
  stage: string | null;
}

interface RejectionContext {
  company: string;
  /** " after the technical interview" or "". */
  after: string;
  /** The command that records the feedback request, in backticks: `asked Acme`. */
  asked: string;
}

type Variant = (c: RejectionContext) => string;

// Every variant names at least one command in backticks, so the member always leaves with something to do.
const REJECTION_VARIANTS: readonly Variant[] = [
  (c) =>
    `Sorry about ${c.company}. A no${c.after} says what one team needed right now, not what you're worth. If you want something useful out of it, ask them for written feedback, then reply ${c.asked} so it's on your list.`,
  (c) =>
    `That's a disappointing one from ${c.company}. It was one team's call at one moment, based on a few hours with you. While the questions are fresh, try the hardest one again at your own pace, and log anything that felt thin with \`gap <topic>\`.`,
  (c) =>
    `${c.company} passed${c.after}. It stings, and that's fair. It's still a mismatch between their needs today and what you bring, not a ruling on you. A good next move: ask for feedback in writing and reply ${c.asked} once it's sent.`,
  (c) =>
    `Not the news you wanted from ${c.company}. One small thing for today: write down the question that tripped you up most and add it with \`gap <topic>\`. A named gap is far easier to close than a vague feeling.`,
  (c) =>
    `A no like this one from ${c.company} comes to everyone who interviews, including people who are great at the job. Ask for written feedback while they still remember you (reply ${c.asked} when you have), then take the evening off.`,
  (c) =>
    `I'm sorry it didn't work out with ${c.company}. They were hiring for one particular hole in their team, and that's a narrow target. If a problem got away from you, solve it again now while you remember it, and note what was shaky with \`gap <topic>\`.`,
  (c) =>
    `${c.company} said no${c.after}. Getting that far was real, and it still counts. One thing that helps: ask them, in writing, what they felt was missing. Once you've sent it, reply ${c.asked}.`,
  (c) =>
    `A no from ${c.company} is information about their team, not a grade for you. Turn it into something you can use: which topic would you want to be sharper on next time? Add it with \`gap <topic>\`.`,
  (c) =>
    `This one from ${c.company} hurts. They weighed what they needed against a short window with you. While it's fresh, redo the interview problem from scratch with no timer; it often goes better than you'd expect. Anything stubborn goes in \`gap <topic>\`.`,
  (c) =>
    `Tough news from ${c.company}. You don't have to feel fine about it today. When you're ready, two small moves: ask for written feedback (reply ${c.asked} once sent) and record a gap or two with \`gap <topic>\`.`,
  (c) =>
    `${c.company} went another way${c.after}. Strong people hear that all the time; it's a question of fit. Ask them what experience they were after. Any answer you get is free coaching. Reply ${c.asked} when it's gone out.`,
  (c) =>
    `One door at ${c.company} closed${c.after}. You still walked away with practice you didn't have before. Spend ten minutes writing down what they asked you, and add the weak spots with \`gap <topic>\`.`,
];

/** A private note after a rejection, pointing at feedback, a gap to log or a problem to re-solve. */
export function rejectionEncouragement(p: RejectionNews, seed: string): string {
  const stage = describeStage(p.stage);
  const context: RejectionContext = {
    company: memberText(p.company),
    after: stage === null ? "" : ` after the ${stage}`,
    asked: `\`asked ${memberText(commandArgument(p.company))}\``,
  };
  return pickVariant(REJECTION_VARIANTS, `rejection:${seed}`)(context);
}
