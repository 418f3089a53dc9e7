/** The shared member journey through the real discord.js client, typing each line as `/nextstep` with typed options. */
import { placementOf } from "../../src/adapters/discord/definitions.ts";
import { COMMAND_TABLE } from "../../src/core/commands/table.ts";
import { tokenize } from "../../src/core/grammar/tokenize.ts";
import { IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { runJourneyContract } from "../contract/journey-contract.ts";
import { ADA, shown, startDiscordWorld, WINS } from "../support/discord-world.ts";

/** What a member fills in for a text line: the subcommand, and each word in its option, the last option taking the rest. */
function asSlashCommand(line: string): { group?: string; sub: string; options: { name: string; value: string }[] } {
  const words = tokenize(line);
  if (!words.ok) throw new Error(words.problem);
  const [name = "help", ...rest] = words.tokens;
  const command = COMMAND_TABLE.find((candidate) => candidate.name === name);
  if (!command) throw new Error(`no command ${name}`);
  const options = command.args.flatMap((arg, index) => {
    const value = arg.rest ? rest.slice(index).join(" ") : rest[index];
    return value ? [{ name: arg.name, value }] : [];
  });
  const place = placementOf(command.name);
  return { group: place.group, sub: place.name, options };
}

runJourneyContract("discord", async () => {
  const db = await openDatabase({ dataDir: IN_MEMORY });
  const world = await startDiscordWorld({ db });
  return {
    driver: {
      async say(line) {
        const { group, sub, options } = asSlashCommand(line);
        return shown((await world.command(sub, options, { group })).first);
      },
      setChannel: async () => {
        await world.command(
          "workspace",
          [
            { name: "setting", value: "channel" },
            { name: "value", value: `<#${WINS}>` },
          ],
          {
            group: "settings",
            admin: true,
          },
        );
      },
      async deliver(advanceMs) {
        world.clock.advance(advanceMs);
        await world.dispatcher.dispatchDue();
        return {
          channel: JSON.stringify(world.fake.messages(WINS)),
          dms: JSON.stringify(world.fake.messages(world.fake.dmChannelId(ADA.id))),
        };
      },
      postsInChannel: async () => world.fake.messages(WINS).length,
    },
    async close() {
      await world.close();
      await db.close();
    },
  };
});
