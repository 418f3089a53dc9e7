/** `gaps`: the member's gaps, open ones first. */
import { memberText } from "../member-text.ts";
import type { BotMessage, Gap } from "../model.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

const STATUS_MARK = { OPEN: "open", PRACTICING: "practising", DONE: "done" } as const;

export const gapsCommand = defineCommand({
  name: "gaps",
  group: "metrics",
  summary: "List your gaps",
  args: [],
  examples: ["gaps"],
  readsOnly: true,
  async handler(ctx) {
    return outcome("gaps-shown", gapsReply(await ctx.repo.listGaps(ctx.member.id)));
  },
});

/** The `gaps` reply, also a home screen section. */
export function gapsReply(gaps: readonly Gap[]): BotMessage {
  if (gaps.length === 0)
    return reply("No gaps noted yet. After a round, `gap <topic>` keeps track of what to practise.");
  const active = gaps.filter((gap) => gap.status !== "DONE");
  const done = gaps.length - active.length;
  return reply(done > 0 ? `${done} closed so far. Keep going.` : "One at a time is plenty.", {
    title: "Your gaps",
    items: active.map((gap) => `#${gap.number} ${memberText(gap.topic)} (${STATUS_MARK[gap.status]})`),
  });
}
