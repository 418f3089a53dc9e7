/** `forget` then `forget confirm`: delete every row about the member. */
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

export const forgetCommand = defineCommand({
  name: "forget",
  group: "data",
  undoable: false,
  summary: "Delete everything I keep about you",
  args: [{ name: "confirm", kind: "word", required: false, description: 'type "confirm" to really delete' }],
  examples: ["forget", "forget confirm"],
  async handler(ctx, { confirm }) {
    if (confirm?.toLowerCase() !== "confirm") {
      return outcome(
        "forget-needs-confirmation",
        reply(
          "This deletes your whole pipeline, reflections, gaps and queued messages, and can't be undone. Consider `export` first. To go ahead: `forget confirm`.",
          {
            buttons: [
              { actionId: "forget.confirm", label: "Delete everything", command: "forget confirm", style: "danger" },
            ],
          },
        ),
      );
    }
    await ctx.repo.deleteMember(ctx.member.id);
    return outcome(
      "member-forgotten",
      reply("Done: everything I kept about you is deleted. If you come back, you start fresh. Good luck out there."),
    );
  },
});
