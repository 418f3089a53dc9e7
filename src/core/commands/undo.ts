/** `undo`: takes back the member's latest change, and the one before on the next `undo`, up to a day back. */
import { memberText } from "../member-text.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { type ChangeRecord, reviveRow, UNDO_HORIZON_MS } from "../undo/journal.ts";
import type { CommandContext } from "./spec.ts";
import { defineCommand } from "./spec.ts";

/** Puts back every row the change touched, newest first, and stops or takes down what it queued. */
async function revert(ctx: CommandContext, change: ChangeRecord): Promise<{ cancelled: number; retracting: number }> {
  for (const entry of [...change.entries].reverse()) {
    await ctx.repo.restoreRow(entry.table, entry.id, entry.before && reviveRow(entry.before));
  }
  const keys = new Set(change.outboxKeys);
  const queued = (await ctx.repo.listOutbox(ctx.member.id)).filter((message) => keys.has(message.dedupeKey));
  const taken =
    queued.length > 0
      ? await ctx.repo.takeBackOutbox(
          queued.map((message) => message.id),
          ctx.now,
        )
      : { cancelled: 0, retracting: 0 };
  await ctx.repo.markChangeUndone(change.id, ctx.now);
  return taken;
}

export const undoCommand = defineCommand({
  name: "undo",
  group: "pipeline",
  summary: "Take back your last change (a team post included), up to a day back",
  args: [{ name: "change", kind: "word", required: false, description: "which change; the Undo button fills it in" }],
  examples: ["undo"],
  undoable: false,
  async handler(ctx, { change: wanted }) {
    const changes = await ctx.repo.listChanges(ctx.member.id, new Date(ctx.now.getTime() - UNDO_HORIZON_MS));
    const standing = changes.filter((change) => change.undoneAt === null);
    const latest = standing[0];
    const named = wanted === undefined ? latest : changes.find((change) => change.id === wanted);
    if (!named) {
      const why =
        wanted === undefined
          ? "There's nothing of yours from the last 24 hours left to undo."
          : "That change is more than a day old, so it stays.";
      return refusal("nothing-to-undo", `${why} To correct something older, \`edit\` it or log what happened next.`);
    }
    if (named.undoneAt) return refusal("already-undone", `\`${memberText(named.summary)}\` is already undone.`);
    if (named !== latest) {
      return refusal(
        "undo-not-latest",
        `You've changed things since \`${memberText(named.summary)}\`, so I'd undo it out of order. \`undo\` takes back your latest change first: \`${memberText(latest?.summary ?? "")}\`.`,
      );
    }
    const taken = await revert(ctx, named);
    const post = taken.retracting > 0 ? " I'm taking the post down from the team channel." : "";
    const queued = taken.cancelled > 0 ? " What it would have sent won't go out." : "";
    const next = standing[1] ? ` \`undo\` again takes back \`${memberText(standing[1].summary)}\`.` : "";
    return outcome(
      "change-undone",
      reply(`Undone: \`${memberText(named.summary)}\`, as if it never happened.${post}${queued}${next}`),
    );
  },
});
