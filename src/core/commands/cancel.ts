/** `cancel`: the No of a question the bot asked (a confirm, a choice); nothing changes. */
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

export const cancelCommand = defineCommand({
  name: "cancel",
  group: "pipeline",
  summary: "Say no to a question I asked; nothing changes",
  args: [],
  examples: ["cancel"],
  readsOnly: true,
  async handler() {
    return outcome("dismissed", reply("Fine, I left everything as it was."));
  },
});
