/** The channel → server lookup: asked once per channel, bounded, and read into the core's verdicts. */
import type { REST } from "discord.js";
import { describe, expect, it } from "vitest";
import { createChannelGuilds } from "../../src/adapters/discord/channel-guilds.ts";

/** A REST stand-in answering GET /channels/{id} from `servers`, counting what it was asked. */
function restOf(servers: Record<string, string>): { rest: REST; asked: string[] } {
  const asked: string[] = [];
  const rest = {
    async get(route: string) {
      const id = route.split("/").at(-1) ?? "";
      asked.push(id);
      if (id === "500") throw Object.assign(new Error("Internal"), { status: 500 });
      if (!(id in servers)) throw Object.assign(new Error("Unknown Channel"), { code: 10003, status: 404 });
      return { id, guild_id: servers[id] };
    },
  } as unknown as REST;
  return { rest, asked };
}

describe("channel guilds", () => {
  it("GIVEN channels of two servers THEN each verdict says whose it is, and an unreadable one is 'unknown'", async () => {
    const { rest } = restOf({ "11": "1", "22": "2" });
    const channels = createChannelGuilds(rest);
    expect(await channels.verdict("1", "11")).toBe("here");
    expect(await channels.verdict("1", "22")).toBe("elsewhere");
    expect(await channels.verdict("1", "33")).toBe("elsewhere");
    expect(await channels.verdict("1", "job-hunt")).toBe("elsewhere");
    expect(await channels.verdict("1", "500")).toBe("unknown");
  });

  it("GIVEN a channel asked twice THEN Discord is asked once; beyond the bound the oldest is asked again", async () => {
    const { rest, asked } = restOf({ "11": "1", "22": "1", "33": "1" });
    const channels = createChannelGuilds(rest, 2);
    for (const id of ["11", "11", "22", "33", "33", "11"]) await channels.guildOf(id);
    expect(asked).toEqual(["11", "22", "33", "11"]);
  });
});
