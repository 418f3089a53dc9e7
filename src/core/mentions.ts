/** Members a team post names: the digest's line of winners, kept with their ids so `forget` can take a member out. */
import { memberText } from "./member-text.ts";
import type { BotMessage, Mention } from "./model.ts";

/** The digest's closing line naming the members who shared a win; empty when nobody is named. */
export function winnersLine(mentions: readonly Mention[]): string {
  if (mentions.length === 0) return "";
  return `\nWins this week from ${mentions.map((mention) => memberText(mention.name)).join(", ")}. Well done.`;
}

/**
 * The post as it would read had the member never been named: their name leaves the line of winners (the line goes
 * when nobody is left) and their id leaves `mentions`. Null when the post does not name them.
 */
export function withoutMention(payload: BotMessage, memberId: string): BotMessage | null {
  const mentions = payload.mentions ?? [];
  if (!mentions.some((mention) => mention.memberId === memberId)) return null;
  const kept = mentions.filter((mention) => mention.memberId !== memberId);
  const text = payload.text.replace(winnersLine(mentions), winnersLine(kept));
  return { ...payload, text, mentions: kept };
}
