/** How much one member may post and keep: the one table of per-member limits, and the kind words when one is reached. */
import { type CommandResult, refusal } from "./outcomes.ts";

/** Per-member limits. Generous for a real job hunt; they stop a flood (a script, a stuck key), not a busy month. */
export const MEMBER_LIMITS = {
  /** Wins posted to the team channel in any rolling 24 hours; more are still logged and congratulated privately. */
  channelPostsPerDay: 5,
  /** Applications tracked at once (deleting one makes room). */
  applications: 1000,
  /** Rounds on one application. */
  roundsPerApplication: 100,
  /** Notes on one application. */
  notesPerApplication: 200,
  /** People met and things learned on one application. */
  reflectionsPerApplication: 200,
  /** Gaps, open or closed. */
  gaps: 200,
} as const;

/** The rolling window channelPostsPerDay counts over. */
export const CHANNEL_POST_WINDOW_MS = 24 * 3_600_000;

/** The limits on rows a member keeps, each refused in its own words. */
type RowLimit = Exclude<keyof typeof MEMBER_LIMITS, "channelPostsPerDay">;

const count = (limit: RowLimit) => MEMBER_LIMITS[limit].toLocaleString("en-US");

/** What the member is told at each limit; `company` names the application when the limit is per application. */
const AT_LIMIT: Record<RowLimit, (company: string) => string> = {
  applications: () =>
    `You're tracking ${count("applications")} applications, as many as I keep for one person. That's a huge amount of work. \`delete\` one that's over to make room.`,
  roundsPerApplication: (company) =>
    `${company} has ${count("roundsPerApplication")} rounds logged, as many as I keep for one application. \`round-cancel\` one that didn't happen to make room.`,
  notesPerApplication: (company) =>
    `${company} has ${count("notesPerApplication")} notes, as many as I keep for one application. \`timeline\` shows them all.`,
  reflectionsPerApplication: (company) =>
    `${company} has ${count("reflectionsPerApplication")} people met and lessons noted, as many as I keep for one application.`,
  gaps: () => `You've noted ${count("gaps")} gaps, as many as I keep. That's plenty to practise: \`gaps\` lists them.`,
};

/** Why one more row can't be kept when `existing` rows already reach `limit`; null while there is room. */
export function limitProblem(limit: RowLimit, existing: number, company = ""): string | null {
  return existing >= MEMBER_LIMITS[limit] ? AT_LIMIT[limit](company) : null;
}

/** limitProblem as the command's kind refusal (code `limit-reached`), written before anything is. */
export function refuseAtLimit(limit: RowLimit, existing: number, company = ""): CommandResult | null {
  const problem = limitProblem(limit, existing, company);
  return problem === null ? null : refusal("limit-reached", problem);
}
