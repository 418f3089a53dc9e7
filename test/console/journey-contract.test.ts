/** The shared member journey through the console adapter's rendering and delivery. */
import { createConsoleAdapter } from "../../src/adapters/console/index.ts";
import { renderForConsole } from "../../src/adapters/console/render.ts";
import { createBot } from "../../src/core/bot.ts";
import { createDispatcher } from "../../src/core/delivery/dispatcher.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import { runJourneyContract } from "../contract/journey-contract.ts";

runJourneyContract("console", async () => {
  const db = await openDatabase({ dataDir: IN_MEMORY });
  let now = new Date("2026-11-23T10:00:00Z").getTime();
  const clock = { now: () => new Date(now) };
  const store = createPrismaStore(db, { clock });
  const bot = createBot({ store, clock, logger: silentLogger });
  const printed: string[] = [];
  // The whole transcript: a terminal's channel is what was printed, posts and take-back notices alike.
  const transcript: string[] = [];
  const adapter = createConsoleAdapter({
    bot,
    input: process.stdin,
    output: {
      write: (text: string) => {
        printed.push(text);
        transcript.push(text);
      },
    } as unknown as NodeJS.WritableStream,
    workspace: { platform: "CONSOLE", externalId: "local", name: "Local team" },
    user: { externalId: "local-user", displayName: "Ada", isAdmin: true },
    interactive: false,
  });
  const dispatcher = createDispatcher({
    queue: store.outbox,
    ports: { CONSOLE: adapter.delivery },
    clock,
    logger: silentLogger,
  });
  const workspace = { platform: "CONSOLE" as const, externalId: "local", name: "Local team" };
  const user = { externalId: "local-user", displayName: "Ada", isAdmin: true };
  return {
    driver: {
      say: async (line) => renderForConsole({ kind: "reply" }, (await bot.handleText(workspace, user, line)).message),
      setChannel: async () => {
        await bot.handleText(workspace, user, "admin channel team");
      },
      async deliver(advanceMs) {
        now += advanceMs;
        printed.length = 0;
        await dispatcher.dispatchDue();
        const lines = printed.join("\n").split("\n[");
        return {
          channel: lines.filter((line) => line.startsWith("#team") || line.startsWith("[#team")).join("\n"),
          dms: lines.filter((line) => line.includes("DM from next-step")).join("\n"),
        };
      },
      async postsInChannel() {
        const team = transcript
          .join("\n")
          .split("\n")
          .filter((line) => line.startsWith("[#team] "));
        const takenBack = team.filter((line) => line.includes("(a post was taken back)")).length;
        return team.length - 2 * takenBack;
      },
    },
    close: () => db.close(),
  };
});
