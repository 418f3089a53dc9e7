/** `round-edit <company> <n> stage|when <value>`: corrects one round's stage or time. */
import { memberText } from "../member-text.ts";
import type { Round } from "../model.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import type { RoundPatch } from "../ports.ts";
import { type ArgResult, parseArg } from "./arg-kinds.ts";
import { describeRound, findRound, ROUND_TIMED_KINDS } from "./round-numbers.ts";
import { type Command, type CommandContext, defineCommand, usageOf } from "./spec.ts";
import { parseStage } from "./stages.ts";
import { COMPANY_ARG } from "./support.ts";

export const roundEditCommand: Command = defineCommand({
  name: "round-edit",
  group: "corrections",
  summary: "Correct a round's stage or time (numbers from `rounds`)",
  args: [
    COMPANY_ARG,
    { name: "number", kind: "roundNumber", required: true, description: "the round's number in `rounds`" },
    { name: "field", kind: "roundField", required: true, description: "stage or when" },
    { name: "value", kind: "text", required: true, rest: true, description: "the right stage, or when it is" },
  ],
  examples: ["round-edit Acme 1 stage technical", "round-edit Acme 1 when tomorrow 3pm"],
  async handler(ctx, { company, number, field, value }) {
    const found = await findRound(ctx, company, number);
    if (!found.ok) return found.refusal;
    const { application, round } = found;
    const patch = field === "stage" ? readStage(value) : readWhen(ctx, round, value);
    if (!patch.ok) {
      const code = patch.decided ? "round-already-decided" : "edit-value-invalid";
      return refusal(code, patch.problem, patch.decided ? undefined : usageOf(roundEditCommand));
    }
    // A reminder still queued speaks of the old stage or comes at the old time; the jobs queue it again as corrected.
    await ctx.repo.cancelPendingMessages(ctx.member.id, { about: [round.id], kinds: ROUND_TIMED_KINDS });
    const after = await ctx.repo.updateRound(round.id, patch.value);
    return outcome(
      "round-edited",
      reply(
        `Round ${number} with ${memberText(application.company)}: ${describeRound(round, ctx.timeZone, ctx.now)} → ${describeRound(after, ctx.timeZone, ctx.now)}.`,
      ),
    );
  },
});

type RoundChange = (ArgResult<RoundPatch> & { decided?: false }) | { ok: false; problem: string; decided: true };

function readStage(value: string): RoundChange {
  const stage = parseStage(value);
  return stage.ok ? { ok: true, value: { stage: stage.value } } : stage;
}

/** The new time, and whether the round is then still ahead or already held, as `round` decides it. */
function readWhen(ctx: CommandContext, round: Round, value: string): RoundChange {
  const when = parseArg("when", value, ctx);
  if (!when.ok) return when;
  const at = when.value.at;
  const upcoming = at.getTime() > ctx.now.getTime();
  if (upcoming && round.outcome !== "PENDING") {
    return {
      ok: false,
      decided: true,
      problem:
        "That round already has its outcome, so it can't be in the future. Did you mean another round? See `rounds`.",
    };
  }
  return { ok: true, value: { scheduledAt: at, heldAt: upcoming ? null : at } };
}
