/** Tells a member (or, for team-channel posts, an admin) at their next command about messages the platform would not let us deliver. */
import type { BotUser } from "./bot.ts";
import type { Member, OutboxMessage } from "./model.ts";
import type { MemberOpening, WorkspaceRepo } from "./ports.ts";

const REASONS: Record<string, string> = {
  dm_closed: "your direct messages are closed to the bot",
  messages_tab_disabled: "your direct messages are closed to the bot",
  cannot_dm_bot: "your direct messages are closed to the bot",
  missing_permissions: "the bot isn't allowed to post there",
  restricted_action: "the workspace doesn't allow the bot to post there",
  user_not_found: "the platform couldn't find your account",
  channel_not_found: "the team channel is gone",
  not_in_channel: "the bot isn't in the team channel",
  is_archived: "the team channel is archived",
};

function reasonOf(error: string | null): string {
  if (!error) return "the platform refused it";
  const known = Object.entries(REASONS).find(([code]) => error.includes(code));
  return known ? known[1] : "the platform refused it";
}

/** One short paragraph naming how many messages failed and why. */
export function failureNotice(failures: readonly OutboxMessage[]): string {
  const reasons = [...new Set(failures.map((failure) => reasonOf(failure.lastError)))];
  const count = failures.length === 1 ? "a message" : `${failures.length} messages`;
  return `Heads-up: I couldn't deliver ${count} to you (${reasons.join("; ")}). Check your privacy settings if you'd like to hear from me.`;
}

/** For admins: team-channel posts that failed for good, counted, with why and what to check. */
export function channelFailureNotice(failures: readonly OutboxMessage[]): string {
  const reasons = [...new Set(failures.map((failure) => reasonOf(failure.lastError)))];
  const count = failures.length === 1 ? "a message" : `${failures.length} messages`;
  return `Heads-up for admins: I couldn't post ${count} to the team channel (${reasons.join("; ")}). Check that the channel setting is right and that I'm in that channel.`;
}

/**
 * The heads-ups due with this command, marked told as they are taken: the member's own failed DMs, and, for an admin,
 * the workspace's failed team-channel posts (told with the first admin's command: one notice per failure, not per admin).
 */
export async function takeUntoldNotices(
  repo: WorkspaceRepo,
  { opening, member, user, now }: { opening: MemberOpening; member: Member; user: BotUser; now: Date },
): Promise<string[]> {
  const notices: string[] = [];
  if (opening.hasUntoldFailures) {
    // Channel posts that failed are the admins' business, not this member's.
    const failures = (await repo.listUntoldFailures(member.id)).filter((failure) => failure.target === "DIRECT");
    if (failures.length > 0) notices.push(failureNotice(failures));
    await repo.markFailuresTold(
      failures.map((failure) => failure.id),
      now,
    );
  }
  if (user.isAdmin && opening.hasUntoldChannelFailures) {
    const failures = await repo.listUntoldChannelFailures();
    if (failures.length > 0) notices.push(channelFailureNotice(failures));
    await repo.markFailuresTold(
      failures.map((failure) => failure.id),
      now,
    );
  }
  return notices;
}
