/** What the bot answers when a command arrives outside any workspace (a Discord DM): there is no team to act in. */
import type { BotMessage } from "./model.ts";

export const OUTSIDE_A_WORKSPACE: BotMessage = {
  private: true,
  text: "Use Next Step inside a server, where your team is.",
};
