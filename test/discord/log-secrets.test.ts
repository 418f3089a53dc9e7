/** What a failing Discord reply leaves in the logs: the error's kind and ids, never the token, the interaction token or member text. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { createLogger } from "../../src/logger.ts";
import { chatInputInteraction } from "../support/discord-payloads.ts";
import { ADA, APP, type DiscordWorld, GUILD, startDiscordWorld, TOKEN, WINS } from "../support/discord-world.ts";
import { captureLogs } from "../support/log-capture.ts";

let db: Database;
let world: DiscordWorld | undefined;

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
});
afterEach(async () => {
  await world?.close();
  world = undefined;
  await db.prisma.$executeRawUnsafe(`TRUNCATE "Workspace" CASCADE`);
});
afterAll(async () => {
  await db?.close();
});

const COMPANY = "Zanzibar Quantum Widgets";
const CALLBACK = { method: "POST", path: /^\/interactions\/\d+\/[^/]+\/callback$/ };

describe("a failing interaction reply", () => {
  it("GIVEN Discord refuses the reply to an export THEN the log names the failure and the interaction, and holds no token, no interaction token and no company name", async () => {
    const logs = captureLogs();
    world = await startDiscordWorld({ db, logger: createLogger("debug", { stream: logs.stream }) });
    await world.command("apply", [{ name: "company", value: COMPANY }]);
    world.fake.failNext(CALLBACK, { status: 400, code: 50035, message: "Invalid Form Body" });

    world.fake.dispatchInteraction(
      chatInputInteraction({
        id: "1500000000000000001",
        applicationId: APP,
        user: ADA,
        guildId: GUILD,
        channelId: WINS,
        subcommand: "export",
        subcommandGroup: "account",
        options: [],
        token: "interaction-token-must-stay-secret",
      }),
    );
    const line = await logs.lineWith("Discord interaction failed");

    const refused = world.fake.requests.find((request) => request.fault !== undefined);
    expect(JSON.stringify(refused?.body)).toContain(COMPANY);
    expect(line).toMatchObject({ interaction: "1500000000000000001", err: { status: 400, code: 50035 } });
    const written = logs.text();
    expect(written).not.toContain("interaction-token-must-stay-secret");
    expect(written).not.toContain(TOKEN);
    expect(written).not.toContain(COMPANY);
  });
});
