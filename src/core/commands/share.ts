/** `share <on|off|company|anonymous> [win]`: how much of the member's wins the team channel sees; the first win's buttons name that win. */
import type { Sharing } from "../model.ts";
import { outcome, reply } from "../outcomes.ts";
import { queueWin, type WinKind } from "../outreach.ts";
import type { CommandContext } from "./spec.ts";
import { defineCommand } from "./spec.ts";

export const SHARING_WORDS: Record<Sharing, string> = {
  ON: "your wins are celebrated in the team channel, without company names",
  COMPANY: "your wins are celebrated in the team channel, with company names",
  ANONYMOUS: "your wins are celebrated in the team channel, without your name or company names",
  OFF: "nothing about you is posted in the team channel",
};

/** What the settings say before the member chose. */
export const SHARING_UNSET_WORDS = "not chosen yet: nothing about you is posted; your first win asks";

const WIN_KINDS: readonly WinKind[] = ["invitation", "offer", "accepted"];

/**
 * Queues the post of the win the question asked about, now that the member chose to share. The win is looked up
 * among the member's own applications and rounds, so a forged or stale id posts nothing; its dedupe key makes a
 * second press post nothing more.
 */
async function shareAskedWin(ctx: CommandContext, win: string): Promise<void> {
  const [kind, id] = win.split(":") as [WinKind, string | undefined];
  if (!WIN_KINDS.includes(kind) || !id) return;
  const applications = await ctx.repo.listApplications(ctx.member.id);
  if (kind !== "invitation") {
    const application = applications.find((candidate) => candidate.id === id);
    if (application) await queueWin(ctx, application, { id, kind, stage: null });
    return;
  }
  const round = (await ctx.repo.listRounds(applications.map((application) => application.id))).find(
    (candidate) => candidate.id === id,
  );
  const application = applications.find((candidate) => candidate.id === round?.applicationId);
  if (round && application) await queueWin(ctx, application, { id, kind, stage: round.stage });
}

/** Keeping it private stops the posts still waiting out the undo window (a Share pressed a moment ago, say). */
async function cancelWaitingCelebrations(ctx: CommandContext): Promise<void> {
  const applications = await ctx.repo.listApplications(ctx.member.id);
  const applicationIds = applications.map((application) => application.id);
  const roundIds = (await ctx.repo.listRounds(applicationIds)).map((round) => round.id);
  const about = [...applicationIds, ...roundIds];
  if (about.length > 0) await ctx.repo.cancelPendingMessages(ctx.member.id, { about, kinds: ["celebration"] });
}

export const shareCommand = defineCommand({
  name: "share",
  aliases: ["sharing"],
  group: "settings",
  summary: "Choose what the team channel sees of your wins",
  args: [
    { name: "level", kind: "share", required: true, description: "on, off, company or anonymous" },
    { name: "win", kind: "word", required: false, description: "the win a first-win question asked about" },
  ],
  examples: ["share company", "share anonymous", "share off"],
  shows: {
    label: "Sharing (share)",
    show: (member) => (member.sharing === null ? SHARING_UNSET_WORDS : SHARING_WORDS[member.sharing]),
  },
  async handler(ctx, { level, win }) {
    const member = await ctx.repo.updateMember(ctx.member.id, { sharing: level });
    if (level === "OFF") await cancelWaitingCelebrations(ctx);
    else if (win) await shareAskedWin({ ...ctx, member }, win);
    return outcome(
      "sharing-set",
      reply(`Sharing updated: ${SHARING_WORDS[level]}. Rejections are never shared, whatever you choose.`),
    );
  },
});
