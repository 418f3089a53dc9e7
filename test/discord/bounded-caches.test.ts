/** The Discord adapter's DM channel cache keeps a bounded number of entries. */

import type { REST } from "discord.js";
import { describe, expect, it } from "vitest";
import type { ChannelGuilds } from "../../src/adapters/discord/channel-guilds.ts";
import { createDiscordDelivery } from "../../src/adapters/discord/delivery.ts";

describe("DM channels", () => {
  it("GIVEN more members than the cache holds THEN the least recent one's DM channel is looked up again, the others are not", async () => {
    const opened: string[] = [];
    const rest = {
      post: async (route: string, { body }: { body: { recipient_id?: string } }) => {
        if (route === "/users/@me/channels") {
          opened.push(body.recipient_id ?? "");
          return { id: `dm-${body.recipient_id}` };
        }
        return { id: "m1" };
      },
    } as unknown as REST;
    // DMs only: no channel is ever looked up.
    const channels: ChannelGuilds = {
      guildOf: async () => null,
      verdict: async () => "unknown",
    };
    const delivery = createDiscordDelivery(rest, channels, { dmCacheSize: 2 });
    for (const user of ["1", "2", "2", "3", "3", "1"]) {
      await delivery.sendDirect({ workspaceExternalId: "g1", memberExternalId: user }, { text: "Hi" });
    }
    expect(opened).toEqual(["1", "2", "3", "1"]);
  });
});
