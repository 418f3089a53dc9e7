/** The shared member journey through the real Bolt app and a fake Slack. */
import { IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { runJourneyContract } from "../contract/journey-contract.ts";
import { startSlackWorld, textOf } from "../support/slack-world.ts";

runJourneyContract("slack", async () => {
  const db = await openDatabase({ dataDir: IN_MEMORY });
  const world = await startSlackWorld({ db, mode: "single" });
  return {
    driver: {
      say: async (line) => textOf((await world.say(line)).json),
      setChannel: async () => {
        await world.say("admin channel <#C1|job-hunt>");
      },
      async deliver(advanceMs) {
        world.clock.advance(advanceMs);
        await world.dispatcher.dispatchDue();
        return { channel: textOf(world.fake.messages("C1")), dms: textOf(world.fake.messages("DU1")) };
      },
      postsInChannel: async () => world.fake.messages("C1").length,
    },
    async close() {
      await world.close();
      await db.close();
    },
  };
});
