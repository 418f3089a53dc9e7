/** Tells a member, at their next command, about messages the platform would not let us deliver. */
import type { OutboxMessage } from "./model.ts";

const REASONS: Record<string, string> = {
  dm_closed: "your direct messages are closed to the bot",
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
