/** Domain events that reach out: a logged win queues celebrations, a logged rejection queues private encouragement. */
import type { CommandContext } from "./commands/spec.ts";
import { stageLabel } from "./commands/stages.ts";
import { celebrationForChannel, congratulationForMember } from "./copy/celebrations.ts";
import { rejectionEncouragement } from "./copy/encouragement.ts";
import { CHANNEL_POST_WINDOW_MS, MEMBER_LIMITS } from "./limits.ts";
import type { Application, BotButton, Member, Platform, Stage, Workspace } from "./model.ts";
import { nextAllowedTime } from "./time.ts";

export type WinKind = "invitation" | "offer" | "accepted";

/** How long after a logged rejection the encouragement arrives: soon, but not as an instant auto-reply. */
export const ENCOURAGEMENT_DELAY_MS = 10 * 60_000;

/** The zone a member's messages are timed in. */
export function memberZone(member: Member, workspace: Workspace): string {
  return member.timezone ?? workspace.defaultTimezone;
}

/** `at`, moved out of the member's quiet hours. */
export function deliveryTime(member: Member, workspace: Workspace, at: Date): Date {
  return nextAllowedTime(at, memberZone(member, workspace), { start: member.quietStart, end: member.quietEnd });
}

export interface WinOutcome {
  /** Whether a post for the team channel was queued. */
  sharedWithTeam: boolean;
  /** One sentence for the reply: whether and when the team hears of it, and how to stop it, or the question. */
  teamNotice: string;
  /** The first win's question, when the member never chose: share with name, anonymously, or keep it private. */
  buttons: BotButton[];
}

/** The `win` argument of `share` that names a win: `invitation:<round id>`, `offer:<application id>`, … */
export function winReference(event: { id: string; kind: WinKind }): string {
  return `${event.kind}:${event.id}`;
}

/**
 * How a reply names the team channel: `#name` on the console. On Slack and Discord only the id is known, and a
 * `<#id>` link in the bot's own words would be escaped like member text, so the reply says "the team channel".
 */
function channelMention(platform: Platform, channel: string): string {
  return platform === "CONSOLE" ? `#${channel}` : "the team channel";
}

/** The reply's buttons for a win: the first win's question, or none at all. */
export function winQuestion(win: WinOutcome): { buttons?: BotButton[] } {
  return win.buttons.length > 0 ? { buttons: win.buttons } : {};
}

/** The first win asks instead of posting; nothing names the member until they answer. */
function firstWinQuestion(ctx: CommandContext, channel: string, win: string): WinOutcome {
  return {
    sharedWithTeam: false,
    teamNotice: ` Share this win in ${channelMention(ctx.platform, channel)}? Until you choose, nothing about you is posted there.`,
    buttons: [
      { actionId: "share.named", label: "Share with my name", command: `share on ${win}`, style: "primary" },
      { actionId: "share.anonymous", label: "Share anonymously", command: `share anonymous ${win}` },
      { actionId: "share.private", label: "Keep it private", command: "share off" },
    ],
  };
}

/** What the member is told about the team post: it waits out the undo window, when there is one. */
function teamNoticeFor(minutes: number): string {
  if (minutes === 0) return " I'm telling the team (your sharing setting decides how much).";
  const wait = minutes === 1 ? "a minute" : `${minutes} minutes`;
  return ` The team hears of it in ${wait} (your sharing setting decides how much); \`undo\` before then keeps it between us.`;
}

/** What the member is told when their win stays off the team channel because they posted enough today. */
const TEAM_HEARD_ENOUGH =
  " You've had a big day: the team has heard enough from me today, so this one stays between us. It's logged all the same.";

/** Whether the member has room for another team post in the rolling window. */
async function roomToPost(ctx: CommandContext): Promise<boolean> {
  const since = new Date(ctx.now.getTime() - CHANNEL_POST_WINDOW_MS);
  return (await ctx.repo.countChannelPosts(ctx.member.id, since)) < MEMBER_LIMITS.channelPostsPerDay;
}

/**
 * Queues the team celebration (per the member's sharing choice, and while they have posted fewer than the day's
 * limit) and, always, the private congratulation.
 */
export async function queueWin(
  ctx: CommandContext,
  application: Application,
  event: { id: string; kind: WinKind; stage: Stage | null },
): Promise<WinOutcome> {
  const { member, workspace } = ctx;
  const seed = `${event.kind}:${event.id}`;
  const stage = event.kind === "invitation" ? stageLabel(event.stage) : null;
  const channel = workspace.celebrationChannel;
  // Both wait out the undo window, so a slip of the keyboard can be taken back before anyone reads it.
  const afterUndoWindow = new Date(ctx.now.getTime() + workspace.undoWindowMinutes * 60_000);
  const asks = member.sharing === null && channel !== null;
  const wouldShare = member.sharing !== null && member.sharing !== "OFF" && channel !== null;
  const sharedWithTeam = wouldShare && (await roomToPost(ctx));
  if (sharedWithTeam) {
    const company = member.sharing === "COMPANY" ? application.company : null;
    const memberName = member.sharing === "ANONYMOUS" ? null : member.displayName;
    await ctx.repo.enqueue({
      kind: "celebration",
      target: "CHANNEL",
      memberId: member.id,
      channel,
      payload: {
        text: celebrationForChannel({ memberName, company, stage, kind: event.kind }, seed),
      },
      dedupeKey: `celebration:${seed}`,
      nextAttemptAt: afterUndoWindow,
    });
  }
  await ctx.repo.enqueue({
    kind: "congratulation",
    target: "DIRECT",
    memberId: member.id,
    channel: null,
    payload: {
      private: true,
      text: congratulationForMember({ company: application.company, stage, kind: event.kind }, seed),
    },
    dedupeKey: `congratulation:${seed}`,
    nextAttemptAt: deliveryTime(member, workspace, afterUndoWindow),
  });
  if (asks) return firstWinQuestion(ctx, channel, winReference(event));
  return {
    sharedWithTeam,
    teamNotice: sharedWithTeam ? teamNoticeFor(workspace.undoWindowMinutes) : wouldShare ? TEAM_HEARD_ENOUGH : "",
    buttons: [],
  };
}

/** Queues the private word of encouragement after a rejection. Never anything public. */
export async function queueRejectionSupport(
  ctx: CommandContext,
  application: Application,
  stage: Stage | null,
): Promise<void> {
  const { member, workspace } = ctx;
  const seed = `rejection:${application.id}`;
  await ctx.repo.enqueue({
    kind: "encouragement",
    target: "DIRECT",
    memberId: member.id,
    channel: null,
    payload: {
      private: true,
      text: rejectionEncouragement({ company: application.company, stage: stage ? stageLabel(stage) : null }, seed),
      buttons: [
        { actionId: "feedback.asked", label: "I asked for feedback", command: `asked "${application.company}"` },
        { actionId: "gaps.list", label: "My gaps", command: "gaps" },
      ],
    },
    dedupeKey: `encouragement:${application.id}`,
    nextAttemptAt: deliveryTime(member, workspace, new Date(ctx.now.getTime() + ENCOURAGEMENT_DELAY_MS)),
  });
}
