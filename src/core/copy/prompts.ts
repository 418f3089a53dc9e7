/** Nudges in a member's DMs (prep, reflection, silence, practice) and the intro of the Friday wins digest. */

import { memberText } from "../member-text.ts";
import { describeDays, describeStage, listInWords } from "./phrases.ts";
import { pickVariant } from "./pick.ts";

export interface PrepReminder {
  company: string;
  stage: string | null;
  /** When the round starts, already in the member's time zone, e.g. "Thursday at 14:00". */
  whenLocal: string;
  /** The member's open gap topics; the first three are listed. */
  gaps: string[];
}

export interface ReflectionRequest {
  company: string;
  /** The round that just happened; null when unknown. */
  stage: string | null;
}

export interface SilenceNotice {
  company: string;
  daysSilent: number;
}

export interface PracticeSuggestion {
  /** The gap topic as the member wrote it. */
  topic: string;
}

const MAX_LISTED_GAPS = 3;

interface PrepContext {
  company: string;
  /** "your technical interview with Acme" or "your interview with Acme". */
  round: string;
  when: string;
  /** " Worth a quick look at your open gaps: a, b and c." or "". */
  gapLine: string;
}

const PREP_VARIANTS: readonly ((c: PrepContext) => string)[] = [
  (c) =>
    `Heads up: ${c.round} is set for ${c.when}. A calm review the day before beats cramming on the morning.${c.gapLine}`,
  (c) =>
    `Coming up: ${c.round}, ${c.when}. Have a look at what ${c.company} builds and pick one question you really want to ask them.${c.gapLine}`,
  (c) => `Reminder that ${c.round} is scheduled for ${c.when}. Sleep counts as prep too.${c.gapLine}`,
  (c) =>
    `Prep time for ${c.round} (${c.when}). Remember you're there to learn about them as much as they're learning about you.${c.gapLine}`,
  (c) =>
    `Almost time: ${c.round}, ${c.when}. Try a warm-up out loud; explaining your thinking is half the round.${c.gapLine}`,
  (c) =>
    `Not long now until ${c.round} (${c.when}). Skim your notes from the last round and you'll start with more than you think.${c.gapLine}`,
];

/** A reminder before a round, listing up to three open gaps to look over. */
export function prepReminder(p: PrepReminder, seed: string): string {
  const stage = describeStage(p.stage);
  const gaps = p.gaps
    .map((gap) => gap.trim())
    .filter((gap) => gap !== "")
    .slice(0, MAX_LISTED_GAPS)
    .map(memberText);
  const context: PrepContext = {
    company: memberText(p.company),
    round: `your ${stage ?? "interview"} with ${memberText(p.company)}`,
    when: p.whenLocal,
    gapLine: gaps.length === 0 ? "" : ` Worth a quick look at your open gaps: ${listInWords(gaps)}.`,
  };
  return pickVariant(PREP_VARIANTS, `prep:${seed}`)(context);
}

// Each variant asks the two questions whose answers belong to the member, not to the company.
const REFLECTION_VARIANTS: readonly ((round: string) => string)[] = [
  (round) =>
    `How did ${round} go? Whatever they decide, two questions are all yours: did you meet someone worth staying in touch with, and did you learn something?`,
  (round) =>
    `You've done ${round}. Before it fades: how did it feel? Did you meet someone you'd like to keep in touch with? Did you learn something new?`,
  (round) =>
    `Quick debrief on ${round}, while it's fresh. How did it go? And by your own measure: did you meet someone? Did you learn something?`,
  (round) =>
    `That's ${round} behind you. How are you feeling? Set their decision aside for a second: did you meet someone interesting, and did you learn something?`,
  (round) =>
    `Checking in after ${round}. How did it go? Two wins you can count today, whatever their answer: did you meet someone, and did you learn something?`,
];

/** Asks how a round went and the member's own two success questions. */
export function reflectionPrompt(p: ReflectionRequest, seed: string): string {
  const stage = describeStage(p.stage);
  const round =
    stage === null ? `your interview with ${memberText(p.company)}` : `the ${stage} with ${memberText(p.company)}`;
  return pickVariant(REFLECTION_VARIANTS, `reflection:${seed}`)(round);
}

const SILENCE_VARIANTS: readonly ((company: string, days: string) => string)[] = [
  (company, days) =>
    `It's been ${days} since you heard from ${company}. Silence usually means a busy team, not a verdict. A short, friendly check-in is completely reasonable.`,
  (company, days) =>
    `No word from ${company} for ${days}. A polite check-in now is fair, and how they respond tells you something about them too.`,
  (company, days) =>
    `${company} has been quiet for ${days}. You could send a brief note asking where things stand, and keep your other applications moving meanwhile.`,
  (company, days) =>
    `Still waiting on ${company}? It's been ${days}. Hiring often stalls for reasons that have nothing to do with you. A one-paragraph check-in is all it takes.`,
  (company, days) =>
    `A nudge about ${company}: nothing for ${days}. Checking in politely is normal practice, not pestering.`,
];

/** Suggests a check-in when a company has gone quiet. */
export function silenceNudge(p: SilenceNotice, seed: string): string {
  return pickVariant(SILENCE_VARIANTS, `silence:${seed}`)(memberText(p.company), describeDays(p.daysSilent));
}

const PRACTICE_VARIANTS: readonly ((topic: string) => string)[] = [
  (topic) => `You noted ${topic} as a gap. Got twenty minutes today? One focused session beats a vague plan.`,
  (topic) =>
    `How about a short session on ${topic} this week? Pick one problem, solve it slowly, then explain it out loud as if to an interviewer.`,
  (topic) => `A small nudge on *${topic}*: take the question that tripped you up and try it again from scratch.`,
  (topic) =>
    `Practice idea for ${topic}: ask someone here who knows it for a quick mock question. Teaching and being taught both count.`,
  (topic) =>
    `Still working on ${topic}? Ten minutes today keeps it warm. When it feels solid, mark it with \`practiced <number>\` (the number is in \`gaps\`).`,
  (topic) =>
    `Gaps close in small pieces. Today's piece could be ${topic}: read one good explainer, then try one problem without notes.`,
  (topic) => `From your gap list: ${topic}. No need for a marathon; a single honest attempt counts as progress.`,
];

/** A gentle push to spend a little time on one open gap. */
export function practiceNudge(p: PracticeSuggestion, seed: string): string {
  return pickVariant(PRACTICE_VARIANTS, `practice:${seed}`)(memberText(p.topic));
}

const DIGEST_INTROS: readonly string[] = [
  "Friday round-up: here's what the team moved forward this week. Every invitation on this list is a win.",
  "End of the week, time to look back. These are the steps forward people shared:",
  "Happy Friday. A few wins from the channel this week, big and small:",
  "Here's the week in next steps. Take a second to congratulate someone below.",
  "This week's progress from the team: rounds passed, invitations received, offers landed.",
  "The week's wins, collected. If your name is here, well done; if it isn't yet, this is proof that things move.",
];

/** The opening line of the Friday digest of team wins. */
export function digestIntro(seed: string): string {
  return pickVariant(DIGEST_INTROS, `digest:${seed}`);
}
