/** `ghosted <company>`: the company went silent. It stops the nudges; a new round revives the application. */
import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { changeStatus } from "./status-change.ts";
import { COMPANY_ARG } from "./support.ts";

export const ghostedCommand = defineCommand({
  name: "ghosted",
  aliases: ["silent"],
  group: "pipeline",
  summary: "Mark an application as gone silent",
  args: [COMPANY_ARG],
  examples: ["ghosted Acme"],
  async handler(ctx, { company }) {
    const change = await changeStatus(ctx, company, "ghosted", "NO_RESPONSE");
    if (!change.ok) return change.answer;
    return outcome(
      "application-ghosted",
      reply(
        `Marked ${memberText(change.application.company)} as gone quiet. Their silence says more about their process than about you. If they resurface, log the round and it comes back to life.`,
      ),
    );
  },
});
